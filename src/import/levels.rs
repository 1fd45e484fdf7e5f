//! A career ladder from a page with a heading per level: each level's prose is its summary,
//! and its sub-headings ("Responsibilities", "Requirements", "… - Job Grade", "… - Career
//! Ladder") are its sections, grade, years of experience, whom it reports to and next step.

use serde_json::{json, Map, Value};

use super::outline::{squash, Block, Page};
use super::prose::{capitalise, plain, unique_ids};
use super::{checked, introduction, list_markdown_at, pick, Notes, Section};
use crate::model::levels::Ladder;
use crate::model::limits::LADDER_LEVELS;

/// The widget this drafts data for.
pub const NAME: &str = "level-comparison";

/// Headings that usually hold the levels, in the order they are tried.
const USUAL: [&str; 6] = [
    "levels",
    "career ladder",
    "career framework",
    "job levels",
    "ladder",
    "levels and roles",
];

/// The ladder on `page`: one level per sub-heading of the section `query` picks.
pub fn import(page: &Page, query: Option<&str>, notes: &mut Notes) -> Result<Value, String> {
    let sections = pick(page, query, &USUAL, notes)?;
    let levels: Vec<Section<'_>> = sections.iter().flat_map(Section::children).collect();
    if levels.len() < 2 {
        return Err(format!(
            "found {} level heading{} under {}: a ladder needs a heading per level, at least two",
            levels.len(),
            if levels.len() == 1 { "" } else { "s" },
            sections
                .iter()
                .map(|s| format!("“{}”", s.heading))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    // Refused before reading them: each level looks for its next step among all the others.
    if levels.len() > LADDER_LEVELS {
        return Err(format!(
            "found {} level headings: a ladder holds at most {LADDER_LEVELS} levels (choose a part with --section)",
            levels.len()
        ));
    }
    let ids = unique_ids(levels.iter().map(|l| l.heading), "level");
    let titles: Vec<(String, String)> = ids
        .iter()
        .zip(&levels)
        .map(|(id, l)| (id.clone(), l.heading.to_owned()))
        .collect();
    let mut out = Vec::new();
    for (level, id) in levels.iter().zip(&ids) {
        out.push(Value::Object(read_level(level, id, &titles, notes)));
    }
    notes.guess(format!(
        "{} levels, lowest first as the page lists them; tracks are not read (add \"track\": \"manager\" to levels that manage)",
        out.len()
    ));
    let heading = sections.first().map_or("", |s| s.heading);
    let title = match &page.title {
        Some(t) if !heading.is_empty() && t != heading => format!("{t}: {heading}"),
        Some(t) => t.clone(),
        None => heading.to_owned(),
    };
    notes.guess(format!("title “{title}”, from the page's headings"));
    let mut ladder = Map::new();
    ladder.insert("title".into(), json!(title));
    let intro = introduction(page);
    if !intro.is_empty() {
        ladder.insert("notes".into(), json!(intro));
    }
    ladder.insert("levels".into(), Value::Array(out));
    checked::<Ladder>(Value::Object(ladder))
}

/// One level from its section, with its `id`. `titles` are every level's (id, title), for next
/// steps.
fn read_level(
    level: &Section<'_>,
    id: &str,
    titles: &[(String, String)],
    notes: &mut Notes,
) -> Map<String, Value> {
    let title = level.heading.to_owned();
    let mut out = Map::new();
    out.insert("id".into(), json!(id));
    out.insert("title".into(), json!(title));
    // Its own prose: the summary, and whom it reports to.
    let summary = super::markdown_of(level.own());
    let own_text: String = level
        .own()
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { markdown, .. } => Some(markdown.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut grade = None;
    let mut experience: Vec<String> = Vec::new();
    let mut next = Vec::new();
    let mut sections = Vec::new();
    let mut reports_to = reports_to(&own_text);
    for part in level.children() {
        let name = part_name(part.heading, &title);
        let lower = name.to_lowercase();
        let text = plain(&super::markdown_of(part.blocks));
        if lower.contains("grade") {
            grade = grade_in(&text);
            if let Some(g) = &grade {
                notes.guess(format!("{title}: grade {g}, from “{}”", squash(&text)));
            }
            continue;
        }
        if lower.contains("career ladder")
            || lower.contains("next step")
            || lower.contains("promotion")
        {
            next = next_steps(part.blocks, id, &title, titles);
            if next.is_empty() {
                notes.unread(format!(
                    "{title}: “{}” names no level of this ladder",
                    part.heading
                ));
            }
            continue;
        }
        if lower.contains("hiring") || lower.contains("interview") {
            notes.unread(format!(
                "{title}: “{}” is a hiring process: `import hiring-timeline` drafts it; link it with the level's \"hiring\"",
                part.heading
            ));
            continue;
        }
        if lower.contains("reports to") || lower.contains("reporting") {
            reports_to = reports_to.or_else(|| Some(capitalise(text.trim())));
            continue;
        }
        let mut items = section_items(part.blocks);
        if lower.contains("requirement") {
            // "4-6 years of experience in product management" is the level's experience.
            let (years, rest): (Vec<String>, Vec<String>) = items.into_iter().partition(|i| {
                let l = i.to_lowercase();
                l.contains("year") && l.contains("experience") && !l.contains('\n')
            });
            if !years.is_empty() {
                notes.guess(format!(
                    "{title}: experience from the requirements that count years"
                ));
            }
            experience.extend(years);
            items = rest;
        }
        if items.is_empty() {
            continue;
        }
        let mut section = Map::new();
        section.insert("title".into(), json!(name));
        match items.as_slice() {
            [only]
                if part
                    .blocks
                    .iter()
                    .all(|b| matches!(b, Block::Paragraph { .. })) =>
            {
                section.insert("text".into(), json!(only));
            }
            _ => {
                section.insert("items".into(), json!(items));
            }
        }
        sections.push(Value::Object(section));
    }
    if let Some(g) = grade {
        out.insert("grade".into(), json!(g));
    }
    if let Some(r) = reports_to {
        out.insert("reportsTo".into(), json!(r));
    }
    if !experience.is_empty() {
        out.insert("experience".into(), json!(experience.join("; ")));
    }
    if !summary.is_empty() {
        out.insert("summary".into(), json!(summary));
    }
    if !sections.is_empty() {
        out.insert("sections".into(), Value::Array(sections));
    }
    if !next.is_empty() {
        out.insert("next".into(), json!(next));
    }
    out
}

/// A part's name without the level's ("Director - Requirements" is "Requirements").
fn part_name(heading: &str, level: &str) -> String {
    let name = heading.strip_prefix(level).unwrap_or(heading);
    let name =
        name.trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == ':');
    if name.is_empty() {
        heading.trim().to_owned()
    } else {
        name.trim().to_owned()
    }
}

/// "a grade 9.5", "Grade: 10" is the grade written after the word.
fn grade_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("grade")? + "grade".len();
    let rest = text.get(at..)?.trim_start_matches([' ', ':']);
    let grade: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let grade = grade.trim_end_matches('.');
    grade
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| grade.to_owned())
}

/// "… reports either to a Director or the VP." is "A Director or the VP".
fn reports_to(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find("reports ")?;
    let rest = text.get(at + "reports ".len()..)?;
    let rest_lower = rest.to_lowercase();
    let start = ["either to ", "to either ", "directly to ", "to "]
        .iter()
        .find_map(|lead| {
            rest_lower
                .find(lead)
                .filter(|i| *i < 12)
                .map(|i| i + lead.len())
        })?;
    let whom = rest.get(start..)?;
    let end = whom
        .find(". ")
        .or_else(|| whom.rfind('.'))
        .unwrap_or(whom.len());
    let whom = plain(whom.get(..end)?);
    (!whom.is_empty()).then(|| capitalise(&whom))
}

/// The levels a career-ladder part names: by link (an anchor to the level or its title as the
/// link text), else by title in its text; never the level itself.
fn next_steps(
    blocks: &[Block],
    own_id: &str,
    own: &str,
    titles: &[(String, String)],
) -> Vec<String> {
    let markdown = super::markdown_of(blocks);
    let mut found: Vec<String> = Vec::new();
    let add = |found: &mut Vec<String>, id: &str| {
        if !found.iter().any(|f| f == id) {
            found.push(id.to_owned());
        }
    };
    let mut rest = markdown.as_str();
    while let Some(start) = rest.find('[') {
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(mid) = after.find("](") else { break };
        let label = plain(after.get(..mid).unwrap_or_default());
        let target = after.get(mid + 2..).unwrap_or_default();
        let end = target.find(')').unwrap_or(target.len());
        let url = target.get(..end).unwrap_or_default();
        let anchor = url
            .rsplit('#')
            .next()
            .filter(|_| url.contains('#'))
            .unwrap_or_default();
        let by_anchor = titles
            .iter()
            .find(|(id, _)| !anchor.is_empty() && id == anchor);
        let by_label = titles.iter().find(|(_, t)| t.eq_ignore_ascii_case(&label));
        let by_url = titles
            .iter()
            .find(|(id, _)| url.trim_end_matches('/').ends_with(id.as_str()));
        if let Some((id, _)) = by_anchor.or(by_label).or(by_url) {
            if *id != own_id {
                add(&mut found, id);
            }
        }
        rest = target.get(end..).unwrap_or_default();
    }
    if found.is_empty() {
        let text = plain(&markdown).to_lowercase();
        let mut by_length: Vec<&(String, String)> =
            titles.iter().filter(|(id, _)| *id != own_id).collect();
        by_length.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
        let mut taken = text.replace(&own.to_lowercase(), "");
        for (id, title) in by_length {
            let t = title.to_lowercase();
            if taken.contains(&t) {
                taken = taken.replace(&t, "");
                add(&mut found, id);
            }
        }
    }
    found
}

/// A part's items: each list item (with its nested items, as Markdown), each paragraph, and
/// each sub-heading with what is under it as one item ("**Verify** …").
fn section_items(blocks: &[Block]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut under_heading: Option<String> = None;
    let flush = |items: &mut Vec<String>, under: &mut Option<String>| {
        if let Some(text) = under.take() {
            items.push(text);
        }
    };
    for block in blocks {
        match block {
            Block::Heading { text, .. } => {
                flush(&mut items, &mut under_heading);
                under_heading = Some(format!("**{text}**"));
            }
            other => {
                let markdown = match other {
                    Block::List { items: list, .. } => {
                        if under_heading.is_none() {
                            for item in list {
                                let mut text = item.markdown.clone();
                                if !item.children.is_empty() {
                                    text.push('\n');
                                    text.push_str(&list_markdown_at(&item.children, false, 1));
                                }
                                items.push(text);
                            }
                            continue;
                        }
                        super::markdown_of(std::slice::from_ref(other))
                    }
                    _ => super::markdown_of(std::slice::from_ref(other)),
                };
                match &mut under_heading {
                    Some(text) => {
                        text.push_str(if text.ends_with("**") { " " } else { "\n\n" });
                        text.push_str(&markdown);
                    }
                    None => items.push(markdown),
                }
            }
        }
    }
    flush(&mut items, &mut under_heading);
    items.retain(|i| !i.trim().is_empty());
    items
}
