//! An owner directory from a page's team list and its list or table of programs: who is on
//! the team ("Name: Title", "led by Name, Title"), and for each program its owner ("(Vidhi)
//! Title: what it is", or an Owner column), helpers ("with Hanna"), links and whether its
//! process is written down ("Process to be added").

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::outline::{squash, Block, Cell, Item, Page};
use super::prose::{capitalise, plain, slug};
use super::{checked, introduction, pick, Notes, Section};
use crate::model::owners::Directory;

/// The widget this drafts data for.
pub const NAME: &str = "owner-directory";

/// Headings that usually hold the programs, in the order they are tried.
const USUAL: [&str; 8] = [
    "programs",
    "ownership",
    "owners",
    "responsibilities",
    "features",
    "areas",
    "who owns",
    "dri",
];

/// Headings that usually hold the team.
const TEAM: [&str; 5] = [
    "who we are",
    "team members",
    "members",
    "our team",
    "people",
];

/// Words that say a program has no owner yet.
const UNOWNED: [&str; 7] = [
    "owner tbd",
    "tbd",
    "tba",
    "unassigned",
    "none",
    "vacant",
    "?",
];

/// Words that say a program is everyone's.
const SHARED: [&str; 4] = ["shared", "everyone", "all", "shared responsibility"];

/// The team and its programs on `page`.
pub fn import(page: &Page, query: Option<&str>, notes: &mut Notes) -> Result<Value, String> {
    let sections = pick(page, query, &USUAL, notes)?;
    let mut people = People::default();
    read_team(page, &mut people, notes);
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for section in &sections {
        read_programs(section, &mut groups, &mut people, notes);
    }
    groups.retain(|(_, programs)| !programs.is_empty());
    if groups.is_empty() {
        return Err(format!(
            "found no programs under {}: a list of items such as “(Owner) Program: what it is”, or a table with an Owner column",
            sections
                .iter()
                .map(|s| format!("“{}”", s.heading))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let title = page
        .title
        .clone()
        .or_else(|| sections.first().map(|s| s.heading.to_owned()))
        .unwrap_or_default();
    notes.guess(format!("title “{title}”, from the page's heading"));
    let mut directory = Map::new();
    directory.insert("title".into(), json!(title));
    let intro = introduction(page);
    if !intro.is_empty() {
        directory.insert("notes".into(), json!(intro));
    }
    if let Some(lead) = &people.lead {
        directory.insert("lead".into(), json!(lead));
    }
    directory.insert("people".into(), Value::Array(people.json()));
    directory.insert(
        "groups".into(),
        Value::Array(
            groups
                .into_iter()
                .map(|(title, programs)| json!({ "title": title, "programs": programs }))
                .collect(),
        ),
    );
    checked::<Directory>(Value::Object(directory))
}

/// The people read so far.
#[derive(Default)]
struct People {
    /// (id, name, title), in the page's order.
    list: Vec<(String, String, Option<String>)>,
    /// The lead's id.
    lead: Option<String>,
    /// The first person of each lower-case full name, first name and id, by their place in
    /// `list`: a page naming 10,000 owners is read in one pass, not 10,000.
    by_name: HashMap<String, usize>,
    by_first: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    /// The next number to try after a whole-name id that is taken (`name-2`, `name-3` ...).
    next_number: HashMap<String, usize>,
}

impl People {
    /// The id of the person called `name` (a full or first name, any case), adding them when
    /// the team list does not have them.
    fn id_of(&mut self, name: &str, notes: &mut Notes) -> String {
        let wanted = name.trim().to_lowercase();
        // The first in the list whose full name, first name or id is the one wanted.
        let found = [
            self.by_name.get(&wanted),
            self.by_first.get(&wanted),
            self.by_id.get(&slug(&wanted)),
        ]
        .into_iter()
        .flatten()
        .min()
        .and_then(|i| self.list.get(*i));
        if let Some((id, ..)) = found {
            return id.clone();
        }
        notes.guess(format!(
            "“{name}” owns a program but is not in a team list: added with no title"
        ));
        self.add(name, None)
    }

    /// Adds a person; their id is their first name, or their whole name when taken.
    fn add(&mut self, name: &str, title: Option<String>) -> String {
        let first = slug(name.split_whitespace().next().unwrap_or(name));
        let id = if first.is_empty() || self.by_id.contains_key(&first) {
            let whole = slug(name);
            let mut id = whole.clone();
            let mut n = self.next_number.get(&whole).copied().unwrap_or(2);
            while self.by_id.contains_key(&id) {
                id = format!("{whole}-{n}");
                n += 1;
            }
            self.next_number.insert(whole, n);
            id
        } else {
            first
        };
        let full = name.trim().to_owned();
        let index = self.list.len();
        let lower = full.to_lowercase();
        if let Some(first_name) = lower.split_whitespace().next() {
            self.by_first.entry(first_name.to_owned()).or_insert(index);
        }
        self.by_name.entry(lower).or_insert(index);
        self.by_id.entry(id.clone()).or_insert(index);
        self.list.push((id.clone(), full, title));
        id
    }

    fn json(&self) -> Vec<Value> {
        self.list
            .iter()
            .map(|(id, name, title)| match title {
                Some(title) => json!({ "id": id, "name": name, "title": title }),
                None => json!({ "id": id, "name": name }),
            })
            .collect()
    }
}

/// The team: a list of "Name: Title" (or "Name - Title", "Name, Title") under a team heading,
/// and the lead from "led by Name, Title" in it.
fn read_team(page: &Page, people: &mut People, notes: &mut Notes) {
    let mut empty = Notes::default();
    let Ok(sections) = pick(page, None, &TEAM, &mut empty) else {
        return;
    };
    let Some(section) = sections.first().filter(|s| s.level > 0) else {
        return;
    };
    for block in section.own() {
        match block {
            Block::Paragraph { text, .. } => {
                if let Some((name, title)) = led_by(text) {
                    let id = people.add(&name, title);
                    notes.guess(format!("lead: {name}, from “led by {name}”"));
                    people.lead = Some(id);
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    let (name, title) = name_and_title(&item.text);
                    people.add(&name, title);
                }
            }
            Block::Table { header, rows } => {
                let name_col = column(header, &["name", "person", "who"]).unwrap_or(0);
                let title_col = column(header, &["title", "role", "position", "job"]);
                for row in rows {
                    let name = cell(row, name_col);
                    if !name.is_empty() {
                        let title = title_col.map(|c| cell(row, c)).filter(|t| !t.is_empty());
                        people.add(&name, title);
                    }
                }
            }
            _ => {}
        }
    }
    notes.guess(format!(
        "the team: {} people from “{}”",
        people.list.len(),
        section.heading
    ));
}

/// "… is led by Ian Tien, co-founder & CEO, and includes:" is ("Ian Tien", "Co-founder & CEO").
fn led_by(text: &str) -> Option<(String, Option<String>)> {
    let lower = text.to_lowercase();
    let at = lower.find("led by ")? + "led by ".len();
    let rest = text.get(at..)?;
    let end = [", and", " and includes", ".", ":"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    let part = rest.get(..end)?;
    let (name, title) = match part.split_once(", ") {
        Some((name, title)) => (name, Some(capitalise(title.trim()))),
        None => (part, None),
    };
    let name = name.trim();
    (!name.is_empty() && name.split_whitespace().count() <= 5).then(|| (name.to_owned(), title))
}

/// "Jason Blais: Director" is ("Jason Blais", "Director"); also with " - " or ", ".
fn name_and_title(text: &str) -> (String, Option<String>) {
    for separator in [": ", " - ", " – ", " — ", ", "] {
        if let Some((name, title)) = text.split_once(separator) {
            let title = title.trim();
            return (
                name.trim().to_owned(),
                (!title.is_empty()).then(|| title.to_owned()),
            );
        }
    }
    (text.trim().to_owned(), None)
}

/// Reads the programs of a section into `groups`: sub-headings and short items followed by
/// a list name groups; list items and table rows are programs.
fn read_programs(
    section: &Section<'_>,
    groups: &mut Vec<(String, Vec<Value>)>,
    people: &mut People,
    notes: &mut Notes,
) {
    let default_group = if section.level == 0 {
        "Programs".to_owned()
    } else {
        section.heading.to_owned()
    };
    let current = |groups: &mut Vec<(String, Vec<Value>)>| {
        if groups.is_empty() {
            groups.push((default_group.clone(), Vec::new()));
        }
        groups.len() - 1
    };
    let blocks = section.blocks;
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading { text, .. } => groups.push((text.clone(), Vec::new())),
            Block::List { items, .. } => {
                let next_is_list = matches!(blocks.get(i + 1), Some(Block::List { .. }));
                // "1. Company Operations:" then a list of its programs.
                if let [only] = items.as_slice() {
                    if only.children.is_empty()
                        && owner_marker(&only.text).is_none()
                        && next_is_list
                        && only.text.split_whitespace().count() <= 8
                    {
                        groups.push((
                            only.text.trim_end_matches(':').trim().to_owned(),
                            Vec::new(),
                        ));
                        continue;
                    }
                }
                // Items with nested program lists are groups.
                let grouping = items.iter().all(|item| {
                    owner_marker(&item.text).is_none()
                        && !item.children.is_empty()
                        && item
                            .children
                            .iter()
                            .any(|c| owner_marker(&c.text).is_some())
                });
                if grouping {
                    for item in items {
                        let programs = item
                            .children
                            .iter()
                            .filter_map(|c| program(c, people, notes))
                            .collect();
                        groups.push((item.text.trim_end_matches(':').trim().to_owned(), programs));
                    }
                    continue;
                }
                let at = current(groups);
                for item in items {
                    if let Some(p) = program(item, people, notes) {
                        if let Some((_, programs)) = groups.get_mut(at) {
                            programs.push(p);
                        }
                    }
                }
            }
            Block::Table { header, rows } => {
                let at = current(groups);
                for row in rows {
                    if let Some(p) = table_program(header, row, people, notes) {
                        if let Some((_, programs)) = groups.get_mut(at) {
                            programs.push(p);
                        }
                    }
                }
            }
            // "Company operations:" on its own before a list.
            Block::Paragraph { text, .. }
                if text.ends_with(':')
                    && text.split_whitespace().count() <= 6
                    && matches!(blocks.get(i + 1), Some(Block::List { .. })) =>
            {
                groups.push((text.trim_end_matches(':').trim().to_owned(), Vec::new()));
            }
            _ => {}
        }
    }
}

/// The owners in a leading "(…)" of an item ("(Vidhi)", "(Owner TBD)", "(Vidhi, with
/// Hanna)"), and the rest of the text.
fn owner_marker(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim_start().strip_prefix('(')?;
    let end = rest.find(')')?;
    let inside = rest.get(..end)?;
    (inside.split_whitespace().count() <= 8)
        .then(|| (inside, rest.get(end + 1..).unwrap_or_default().trim()))
}

/// Owners and helpers from words such as "Vidhi, with Hanna", "Owner TBD", "Ann and Bo",
/// "shared": (owners, supporting, shared).
fn owners_from(
    words: &str,
    people: &mut People,
    notes: &mut Notes,
) -> (Vec<String>, Vec<String>, bool) {
    let lower = words.trim().to_lowercase();
    if UNOWNED.contains(&lower.as_str()) || lower.is_empty() {
        return (Vec::new(), Vec::new(), false);
    }
    if SHARED.contains(&lower.as_str()) {
        return (Vec::new(), Vec::new(), true);
    }
    let (own, help) = match lower.find("with ") {
        Some(at) => (
            words.get(..at).unwrap_or_default(),
            words.get(at + 5..).unwrap_or_default(),
        ),
        None => (words, ""),
    };
    let names = |part: &str| -> Vec<String> {
        part.split([',', '&', '/'])
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim().trim_end_matches(['.', ',']))
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let owners = names(own).iter().map(|n| people.id_of(n, notes)).collect();
    let helpers = names(help).iter().map(|n| people.id_of(n, notes)).collect();
    (owners, helpers, false)
}

/// A program from a list item: "(Owner) Title: description", "Title (Owner): description" or
/// "Title — Owner"; its nested items are links and "Process to be added".
fn program(item: &Item, people: &mut People, notes: &mut Notes) -> Option<Value> {
    let markdown = item.markdown.trim();
    let (owners_text, rest_markdown) = match owner_marker(markdown) {
        Some((inside, rest)) => (Some(inside.to_owned()), rest.to_owned()),
        None => (None, markdown.to_owned()),
    };
    let (title, description) = match rest_markdown.split_once(": ") {
        Some((title, description)) => (plain(title), Some(description.trim().to_owned())),
        None => (plain(&rest_markdown), None),
    };
    // "Title (Owner)" when the marker is not first.
    let (title, owners_text) = match (owners_text, title.rfind(" (")) {
        (None, Some(at)) if title.ends_with(')') => {
            let inside = title
                .get(at + 2..title.len() - 1)
                .unwrap_or_default()
                .to_owned();
            (title.get(..at).unwrap_or_default().to_owned(), Some(inside))
        }
        (owners, _) => (title, owners),
    };
    if title.is_empty() {
        return None;
    }
    let mut program = Map::new();
    program.insert("title".into(), json!(title));
    if let Some(d) = description.filter(|d| !d.is_empty()) {
        program.insert("description".into(), json!(d));
    }
    let (owners, supporting, shared) = match &owners_text {
        Some(words) => owners_from(words, people, notes),
        None => {
            notes.unread(format!(
                "program “{title}”: no owner in the item (such as “(Name) {title}”)"
            ));
            (Vec::new(), Vec::new(), false)
        }
    };
    program.insert("owners".into(), json!(owners));
    if shared {
        program.insert("shared".into(), json!(true));
    }
    if !supporting.is_empty() {
        program.insert("supporting".into(), json!(supporting));
    }
    let (links, to_be_added) = links_of(&item.children, &title, notes);
    if !links.is_empty() {
        program.insert("links".into(), Value::Array(links));
    }
    if to_be_added {
        program.insert("process".into(), json!("to-be-added"));
    }
    Some(Value::Object(program))
}

/// Links from nested items ("Label: [url](url)", "[Label](url)") and whether one says the
/// process is still to be added.
fn links_of(children: &[Item], title: &str, notes: &mut Notes) -> (Vec<Value>, bool) {
    let mut links = Vec::new();
    let mut to_be_added = false;
    for child in children {
        let lower = child.text.to_lowercase();
        if lower.contains("to be added") || lower.contains("to be written") || lower.contains("tbd")
        {
            to_be_added = true;
            continue;
        }
        match link_in(&child.markdown) {
            Some((text, url)) => {
                // "Discord: <url> (for OpenOps)": the words around the address go with it.
                let label = match child.text.split_once(": ") {
                    Some((label, rest)) => {
                        let extra = squash(&rest.replacen(&text, "", 1));
                        if extra.is_empty() {
                            label.trim().to_owned()
                        } else {
                            format!("{} {extra}", label.trim())
                        }
                    }
                    None => text,
                };
                links.push(json!({ "label": label, "url": url }));
            }
            None => notes.unread(format!(
                "program “{title}”: “{}” is neither a link nor a process note",
                child.text
            )),
        }
    }
    (links, to_be_added)
}

/// The first Markdown link's text and target, or a bare URL as both.
fn link_in(markdown: &str) -> Option<(String, String)> {
    if let Some(start) = markdown.find('[') {
        let after = markdown.get(start + 1..)?;
        if let Some(mid) = after.find("](") {
            let target = after.get(mid + 2..)?;
            let end = target.find(')')?;
            let url = target.get(..end)?.trim();
            return Some((plain(after.get(..mid)?), url.to_owned()));
        }
    }
    let url = markdown
        .split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))?
        .trim_end_matches(['.', ',', ')', '>'])
        .trim_start_matches('<');
    Some((url.to_owned(), url.to_owned()))
}

/// The index of the first header cell that names one of `names`.
fn column(header: &[Cell], names: &[&str]) -> Option<usize> {
    header.iter().position(|c| {
        let text = c.text.to_lowercase();
        names.iter().any(|n| text.contains(n))
    })
}

fn cell(row: &[Cell], at: usize) -> String {
    row.get(at)
        .map(|c| c.text.trim().to_owned())
        .unwrap_or_default()
}

/// A program from a table row: its name, owner, helpers, description and links columns.
fn table_program(
    header: &[Cell],
    row: &[Cell],
    people: &mut People,
    notes: &mut Notes,
) -> Option<Value> {
    let title_col = column(
        header,
        &[
            "program", "feature", "area", "category", "service", "name", "what",
        ],
    )
    .unwrap_or(0);
    let owner_col = column(
        header,
        &["owner", "dri", "lead", "responsible", "who", "contact"],
    );
    let help_col = column(header, &["support", "backup", "helper", "with"]);
    let description_col = column(
        header,
        &["description", "scope", "details", "notes", "summary"],
    );
    let link_col = column(header, &["link", "process", "doc", "handbook", "page"]);
    let title_cell = row.get(title_col)?;
    let title = title_cell.text.trim().to_owned();
    if title.is_empty() {
        return None;
    }
    let mut program = Map::new();
    program.insert("title".into(), json!(title));
    if let Some(d) = description_col
        .and_then(|c| row.get(c))
        .map(|c| c.markdown.clone())
        .filter(|d| !d.is_empty())
    {
        program.insert("description".into(), json!(d));
    }
    let (owners, _, shared) = match owner_col {
        Some(c) => owners_from(&cell(row, c), people, notes),
        None => {
            notes.unread(format!("program “{title}”: the table has no Owner column"));
            (Vec::new(), Vec::new(), false)
        }
    };
    program.insert("owners".into(), json!(owners));
    if shared {
        program.insert("shared".into(), json!(true));
    }
    if let Some(c) = help_col {
        let (helpers, _, _) = owners_from(&cell(row, c), people, notes);
        if !helpers.is_empty() {
            program.insert("supporting".into(), json!(helpers));
        }
    }
    let mut links = Vec::new();
    for c in [Some(title_col), link_col].into_iter().flatten() {
        if let Some((text, url)) = row.get(c).and_then(|cell| link_in(&cell.markdown)) {
            links.push(json!({ "label": text, "url": url }));
        }
    }
    if let Some(c) = link_col {
        let lower = cell(row, c).to_lowercase();
        if lower.contains("to be added") || lower == "tbd" {
            program.insert("process".into(), json!("to-be-added"));
        }
    }
    if !links.is_empty() {
        program.insert("links".into(), Value::Array(links));
    }
    Some(Value::Object(program))
}
