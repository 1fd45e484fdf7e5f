//! An onboarding checklist from a page with a heading per phase ("First Day", "Week 1") and
//! nested or task lists of things to do: "Objective:" and "Training focus:" as the phase's,
//! a label before a list ("Team:") as a parent item, "Optionally …" as optional and a role
//! before a colon ("Manager: …") as the item's owner.

use serde_json::{json, Map, Value};

use super::outline::{Block, Item, Page};
use super::prose::{plain, slug, unique_ids};
use super::{checked, introduction, list_markdown_at, markdown_of, pick, Notes, Section};
use crate::model::checklist::Checklist;

/// The widget this drafts data for.
pub const NAME: &str = "onboarding-checklist";

/// Headings that usually hold an onboarding plan, in the order they are tried.
const USUAL: [&str; 6] = [
    "onboarding",
    "getting started",
    "new hire",
    "orientation",
    "first week",
    "checklist",
];

/// Labels that start a phase's things to do (no parent item of their own).
const TASK_LABELS: [&str; 7] = [
    "activities",
    "tasks",
    "to do",
    "todo",
    "checklist",
    "action items",
    "things to do",
];

/// Labels of a phase's purpose.
const OBJECTIVE_LABELS: [&str; 4] = ["objective", "objectives", "goal", "purpose"];

/// Labels of what a phase teaches.
const TRAINING_LABELS: [&str; 4] = ["training focus", "training", "learning", "focus"];

/// Words that make a short prefix before a colon a role ("Manager: …", "New hire: …").
const ROLES: [&str; 12] = [
    "manager",
    "buddy",
    "hire",
    "team member",
    "people",
    "it",
    "hr",
    "recruiter",
    "onboarding",
    "admin",
    "lead",
    "mentor",
];

/// The onboarding plan on `page`: one phase per sub-heading of the section `query` picks.
pub fn import(page: &Page, query: Option<&str>, notes: &mut Notes) -> Result<Value, String> {
    let sections = pick(page, query, &USUAL, notes)?;
    let mut parts: Vec<Section<'_>> = Vec::new();
    for section in &sections {
        let children = section.children();
        if children.is_empty() {
            parts.push(*section);
        } else {
            parts.extend(children);
        }
    }
    let ids = unique_ids(parts.iter().map(|p| p.heading), "phase");
    let mut phases = Vec::new();
    for (part, id) in parts.iter().zip(&ids) {
        match phase(part, id, notes) {
            Some(p) => phases.push(Value::Object(p)),
            None => notes.unread(format!("“{}” has no list of things to do", part.heading)),
        }
    }
    if phases.is_empty() {
        return Err(format!(
            "found no phase with a list of things to do under {}",
            sections
                .iter()
                .map(|s| format!("“{}”", s.heading))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let heading = sections.first().map_or("", |s| s.heading);
    let title = match &page.title {
        Some(t) if !heading.is_empty() && t != heading => format!("{t}: {heading}"),
        Some(t) => t.clone(),
        None => heading.to_owned(),
    };
    let id = Some(slug(&title))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "onboarding".to_owned());
    notes.guess(format!(
        "title “{title}” and id “{id}” (ticks are saved under the id: keep it once published)"
    ));
    let mut checklist = Map::new();
    checklist.insert("id".into(), json!(id));
    checklist.insert("title".into(), json!(title));
    let intro = introduction(page);
    if !intro.is_empty() && sections.iter().all(|s| s.level > 0) {
        checklist.insert("notes".into(), json!(intro));
    }
    checklist.insert("phases".into(), Value::Array(phases));
    checked::<Checklist>(Value::Object(checklist))
}

/// The label a short paragraph is ("Training focus:" is "Training focus"), if it is one.
fn label(block: &Block) -> Option<&str> {
    let Block::Paragraph { text, .. } = block else {
        return None;
    };
    let text = text.trim().strip_suffix(':')?;
    (text.split_whitespace().count() <= 6).then_some(text.trim())
}

/// One phase from its section, with its `id`; `None` when it has nothing to do.
fn phase(part: &Section<'_>, id: &str, notes: &mut Notes) -> Option<Map<String, Value>> {
    let title = part.heading.to_owned();
    let blocks = part.blocks;
    let has_task_label = blocks
        .iter()
        .filter_map(label)
        .any(|l| TASK_LABELS.contains(&l.to_lowercase().as_str()));
    let mut objective = None;
    let mut training: Vec<String> = Vec::new();
    let mut note_blocks: Vec<Block> = Vec::new();
    let mut items: Vec<Value> = Vec::new();
    let mut in_tasks = !has_task_label;
    let mut i = 0;
    while let Some(block) = blocks.get(i) {
        i += 1;
        let next_is_list = matches!(blocks.get(i), Some(Block::List { .. }));
        // "Objective: Build foundational knowledge".
        if let Block::Paragraph { markdown, text } = block {
            if let Some((head, rest)) = text.split_once(':') {
                if OBJECTIVE_LABELS.contains(&head.trim().to_lowercase().as_str())
                    && !rest.trim().is_empty()
                {
                    let value = markdown.split_once(':').map_or(rest, |(_, r)| r).trim();
                    objective = Some(value.to_owned());
                    continue;
                }
            }
        }
        if let Some(name) = label(block) {
            let lower = name.to_lowercase();
            if TASK_LABELS.contains(&lower.as_str()) {
                in_tasks = true;
                continue;
            }
            if next_is_list && TRAINING_LABELS.contains(&lower.as_str()) {
                if let Some(Block::List { items: list, .. }) = blocks.get(i) {
                    training.extend(list.iter().map(item_markdown));
                }
                i += 1;
                continue;
            }
            if next_is_list && in_tasks {
                // "Team:" and its list: a parent item.
                if let Some(Block::List { items: list, .. }) = blocks.get(i) {
                    items.push(parent_item(name, list, &title, notes));
                }
                i += 1;
                continue;
            }
        }
        match block {
            Block::List { items: list, .. } if in_tasks => {
                items.extend(items_json(list, &title, notes))
            }
            Block::Heading { text, .. } if in_tasks && next_is_list => {
                if let Some(Block::List { items: list, .. }) = blocks.get(i) {
                    items.push(parent_item(text, list, &title, notes));
                }
                i += 1;
            }
            other => note_blocks.push(other.clone()),
        }
    }
    if items.is_empty() {
        return None;
    }
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("title".into(), json!(title));
    if let Some(o) = objective {
        out.insert("objective".into(), json!(o));
    }
    if !training.is_empty() {
        out.insert("training".into(), json!(training));
    }
    let text = markdown_of(&note_blocks);
    if !text.is_empty() {
        out.insert("notes".into(), json!(text));
    }
    if let Some((day, how)) = due_day(&title) {
        out.insert("dueDay".into(), json!(day));
        notes.guess(format!("“{title}”: due {how}"));
    }
    out.insert("items".into(), Value::Array(items));
    Some(out)
}

/// An item with the text of a label or heading ("Team") and the list after it as children.
fn parent_item(text: &str, list: &[Item], phase: &str, notes: &mut Notes) -> Value {
    json!({ "text": text, "children": items_json(list, phase, notes) })
}

/// An item's Markdown with its nested items under it, indented.
fn item_markdown(item: &Item) -> String {
    if item.children.is_empty() {
        item.markdown.clone()
    } else {
        format!(
            "{}\n{}",
            item.markdown,
            list_markdown_at(&item.children, false, 1)
        )
    }
}

/// When a phase is due, from its name: "First Day" and "Day 1" on the start date, "Day 3"
/// two days after, "First Week" and "Week 1" after 7 days, "First 30 Days" after 30, "First
/// Month" after 30; with how it was read.
fn due_day(title: &str) -> Option<(u32, String)> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| -> Option<u32> {
        w.parse().ok().or(match w {
            "first" | "one" => Some(1),
            "second" | "two" => Some(2),
            "third" | "three" => Some(3),
            "fourth" | "four" => Some(4),
            _ => None,
        })
    };
    for (i, w) in words.iter().enumerate() {
        let before = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .and_then(|w| number(w));
        let after = words.get(i + 1).and_then(|w| number(w));
        let (unit_days, n) = match *w {
            "day" | "days" => (1, before.or(after)?),
            "week" | "weeks" => (7, before.or(after)?),
            "month" | "months" => (30, before.or(after)?),
            _ => continue,
        };
        // "First 30 Days" is 30 days; "Day 3" is the third day, two after the start.
        let first_n = words.first() == Some(&"first") && before.is_some() && i >= 2;
        let day = match (unit_days, first_n) {
            (1, false) => n.saturating_sub(1),
            _ => n.saturating_mul(unit_days),
        };
        let how = match day {
            0 => "on the start date".to_owned(),
            d => format!("{d} days after the start date"),
        };
        return Some((day, format!("{how} (\"dueDay\": {day})")));
    }
    None
}

/// A tree of list items as the checklist's items, built without recursion: children first,
/// then their parents.
fn items_json(items: &[Item], phase: &str, notes: &mut Notes) -> Vec<Value> {
    let mut flat: Vec<(Option<usize>, &Item)> = Vec::new();
    let mut pending: Vec<(Option<usize>, &Item)> = items.iter().rev().map(|i| (None, i)).collect();
    while let Some((parent, item)) = pending.pop() {
        let index = flat.len();
        flat.push((parent, item));
        pending.extend(item.children.iter().rev().map(|c| (Some(index), c)));
    }
    let mut children: Vec<Vec<Value>> = vec![Vec::new(); flat.len()];
    let mut roots = Vec::new();
    for (index, (parent, item)) in flat.iter().enumerate().rev() {
        let mut map = item_map(item, phase, notes);
        let mut kids = children
            .get_mut(index)
            .map(std::mem::take)
            .unwrap_or_default();
        if !kids.is_empty() {
            kids.reverse();
            map.insert("children".into(), Value::Array(kids));
        }
        match parent.and_then(|p| children.get_mut(p)) {
            Some(siblings) => siblings.push(Value::Object(map)),
            None => roots.push(Value::Object(map)),
        }
    }
    roots.reverse();
    roots
}

/// One item's own fields: its text, and the owner and optional mark its words give.
fn item_map(item: &Item, phase: &str, notes: &mut Notes) -> Map<String, Value> {
    let mut map = Map::new();
    let mut text = item.markdown.trim().to_owned();
    let mut owner = None;
    if let Some((head, rest)) = text.split_once(": ") {
        let role = plain(head);
        let lower = role.to_lowercase();
        let words = format!(
            " {} ",
            lower.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let is_role = ROLES.iter().any(|r| words.contains(&format!(" {r} ")));
        if role.split_whitespace().count() <= 3 && is_role && !rest.trim().is_empty() {
            owner = Some(role);
            text = rest.trim().to_owned();
        }
    }
    let lower = plain(&text).to_lowercase();
    let optional = [
        "optionally",
        "optional:",
        "(optional)",
        "optional -",
        "optional –",
    ]
    .iter()
    .find(|p| lower.starts_with(*p) || (p.starts_with('(') && lower.contains(*p)));
    // "Optional: read …" is a mark, not part of what to do; "Optionally read …" is a sentence.
    if optional.is_some() {
        for mark in ["optional:", "(optional)", "optional -", "optional –"] {
            if text.to_lowercase().starts_with(mark) {
                text = text.get(mark.len()..).unwrap_or_default().trim().to_owned();
            }
        }
    }
    map.insert("text".into(), json!(text));
    if let Some(owner) = owner {
        notes.guess(format!(
            "{phase}: “{owner}” does “{}”, from the words before its colon",
            plain(&text)
        ));
        map.insert("owner".into(), json!(owner));
    }
    if let Some(words) = optional {
        notes.guess(format!(
            "{phase}: “{}” is optional: it says “{words}”",
            plain(&text)
        ));
        map.insert("optional".into(), json!(true));
    }
    map
}
