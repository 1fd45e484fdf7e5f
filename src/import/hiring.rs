//! A hiring process from a page's list of stages: one variant per "… Hiring Process" section
//! (or per sub-heading of one), one stage per list item, with the length, the interviewers,
//! the channel and whether it is optional read from the item's words.

use serde_json::{json, Map, Value};

use super::outline::{squash, Block, Item, Page};
use super::prose::{self, capitalise, plain, unique_ids, Length};
use super::{checked, markdown_of, pick, Notes, Section};
use crate::model::hiring::{Channel, HiringProcess};

/// The widget this drafts data for.
pub const NAME: &str = "hiring-timeline";

/// Headings that usually hold a hiring process, in the order they are tried.
const USUAL: [&str; 7] = [
    "hiring process",
    "hiring plan",
    "interview process",
    "recruiting process",
    "hiring",
    "interview",
    "recruiting",
];

/// Words that name a meeting: a "with …" after one names who runs it.
const MEETINGS: [&str; 12] = [
    "interview",
    "call",
    "chat",
    "conversation",
    "meeting",
    "discussion",
    "screen",
    "session",
    "project",
    "presentation",
    "review",
    "pairing",
];

/// The hiring process on `page`, under the sections `query` picks.
pub fn import(page: &Page, query: Option<&str>, notes: &mut Notes) -> Result<Value, String> {
    let sections = pick(page, query, &USUAL, notes)?;
    let matched = query.unwrap_or_else(|| {
        USUAL
            .iter()
            .find(|q| {
                sections
                    .iter()
                    .all(|s| s.heading.to_lowercase().contains(*q))
            })
            .copied()
            .unwrap_or_default()
    });
    // One variant per section; a single section without its own list, one per sub-heading
    // that has one.
    let mut parts: Vec<(String, Section<'_>)> = Vec::new();
    if let [only] = sections.as_slice() {
        let has_list = only.own().iter().any(|b| matches!(b, Block::List { .. }));
        let children: Vec<Section<'_>> = only
            .children()
            .into_iter()
            .filter(|c| c.own().iter().any(|b| matches!(b, Block::List { .. })))
            .collect();
        if !has_list && !children.is_empty() {
            for child in children {
                parts.push((child.heading.to_owned(), child));
            }
        } else {
            let label = page
                .title
                .clone()
                .unwrap_or_else(|| only.heading.to_owned());
            parts.push((label, *only));
        }
    } else {
        for section in &sections {
            parts.push((label_of(section.heading, matched), *section));
        }
    }
    let single = parts.len() == 1;
    let ids = unique_ids(parts.iter().map(|(label, _)| label.as_str()), "variant");
    let mut variants = Vec::new();
    // Sections whose list has no item with words in it.
    let mut wordless: Vec<&str> = Vec::new();
    let mut process_notes = None;
    let mut footnotes = None;
    for ((label, section), id) in parts.iter().zip(&ids) {
        let blocks = if single {
            section.blocks
        } else {
            section.own()
        };
        let Some(list_at) = blocks.iter().position(|b| matches!(b, Block::List { .. })) else {
            notes.unread(format!(
                "“{}” has no list of stages (one list item per stage is what import reads)",
                section.heading
            ));
            continue;
        };
        let (before, rest) = blocks.split_at(list_at);
        let (Some(Block::List { items, .. }), after) =
            (rest.first(), rest.get(1..).unwrap_or_default())
        else {
            continue;
        };
        let stages: Vec<Value> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| stage(item, &format!("{label}, stage {}", i + 1), notes))
            .collect();
        if stages.is_empty() {
            wordless.push(section.heading);
            continue;
        }
        let intro = markdown_of(before);
        let outro = markdown_of(after);
        let mut variant = Map::new();
        variant.insert("id".into(), json!(id));
        variant.insert("label".into(), json!(label));
        if single {
            process_notes = (!intro.is_empty()).then_some(intro);
            footnotes = (!outro.is_empty()).then_some(outro);
        } else {
            let text = [intro, outro]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            if !text.is_empty() {
                variant.insert("notes".into(), json!(text));
            }
        }
        variant.insert("stages".into(), Value::Array(stages));
        variants.push(Value::Object(variant));
    }
    if let (true, Some(heading)) = (variants.is_empty(), wordless.first()) {
        return Err(format!(
            "the list under “{heading}” has no item with words to name a stage by"
        ));
    }
    if variants.is_empty() {
        return Err(format!(
            "found no list of stages under {}",
            sections
                .iter()
                .map(|s| format!("“{}”", s.heading))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !single {
        notes.guess(format!(
            "one variant per section, labelled by its heading without “{matched}”: {}",
            parts
                .iter()
                .map(|(l, _)| format!("“{l}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let heading = if single {
        parts.first().map_or("", |(_, s)| s.heading).to_owned()
    } else {
        matched_words(sections.first().map_or("", |s| s.heading), matched)
    };
    let title = match &page.title {
        Some(page_title) if !heading.is_empty() && page_title != &heading => {
            format!("{page_title}: {heading}")
        }
        Some(page_title) => page_title.clone(),
        None => heading,
    };
    notes.guess(format!("title “{title}”, from the page's headings"));
    let mut process = Map::new();
    process.insert("title".into(), json!(title));
    if let Some(text) = process_notes {
        process.insert("notes".into(), json!(text));
    }
    if let Some(text) = footnotes {
        process.insert("footnotes".into(), json!(text));
    }
    process.insert("variants".into(), Value::Array(variants));
    checked::<HiringProcess>(Value::Object(process))
}

/// A variant's label: its section's heading without the words it was picked by
/// ("Director - Hiring Process" is "Director").
fn label_of(heading: &str, matched: &str) -> String {
    let lower = heading.to_lowercase();
    let label = match lower
        .find(&matched.to_lowercase())
        .filter(|_| !matched.is_empty())
    {
        Some(at) => {
            let before = heading.get(..at).unwrap_or_default();
            let after = heading.get(at + matched.len()..).unwrap_or_default();
            format!("{before} {after}")
        }
        None => heading.to_owned(),
    };
    let label = squash(&label);
    let label = label.trim_matches(|c: char| c == '-' || c == '–' || c == ':' || c.is_whitespace());
    if label.is_empty() {
        heading.to_owned()
    } else {
        label.to_owned()
    }
}

/// The words of `heading` that `matched` matched, in the heading's own case.
fn matched_words(heading: &str, matched: &str) -> String {
    let lower = heading.to_lowercase();
    lower
        .find(&matched.to_lowercase())
        .and_then(|at| heading.get(at..at + matched.len()))
        .map_or_else(|| heading.to_owned(), str::to_owned)
}

/// A stage from one list item; `name` says which, in notes. `None` for an item without words.
fn stage(item: &Item, name: &str, notes: &mut Notes) -> Option<Value> {
    let (title, label_channel, description) = title_of(item, notes, name);
    if !title.chars().any(char::is_alphanumeric) {
        notes.unread(format!(
            "{name}: “{}” has no words to name a stage by",
            item.markdown
        ));
        return None;
    }
    // The facts may be in the item's nested items too ("- 60 minutes, with two engineers").
    let mut words = vec![item.text.clone()];
    let mut pending: Vec<&Item> = item.children.iter().rev().collect();
    while let Some(child) = pending.pop() {
        words.push(child.text.clone());
        pending.extend(child.children.iter().rev());
    }
    let text = &words.join(". ");
    let description = match (description, item.children.is_empty()) {
        (d, true) => d,
        (d, false) => {
            let nested = super::list_markdown(&item.children, false);
            Some(match d.filter(|d| !d.is_empty()) {
                Some(d) => format!("{d}\n\n{nested}"),
                None => nested,
            })
        }
    };
    let mut stage = Map::new();
    // Length: anywhere in the item.
    if let Some((length, words)) = length_of(text) {
        match length {
            Length::Minutes(m) => stage.insert("minutes".into(), json!(m)),
            Length::Words(w) => stage.insert("length".into(), json!(w)),
        };
        let _ = words;
    }
    // Who runs it.
    let who = who_of(text);
    // The title, when it is only a meeting word: named after who runs it.
    let title = match (&who, title.to_lowercase().as_str()) {
        (Some((person, _)), "interview" | "call" | "chat") => {
            let named = format!("{person} {}", title.to_lowercase());
            notes.guess(format!("{name}: titled “{named}” after who runs it"));
            named
        }
        _ => title,
    };
    stage.insert("title".into(), json!(title));
    let channel = label_channel.or_else(|| prose::channel(&title, text).map(|(c, _)| c));
    match channel {
        Some(c) => {
            stage.insert("channel".into(), json!(c.key()));
        }
        None => notes.unread(format!("{name} (“{title}”): how it happens is not stated")),
    }
    if let Some((person, _)) = who {
        stage.insert("runBy".into(), json!(person));
    }
    if let Some(words) = prose::optional(text) {
        stage.insert("optional".into(), json!(true));
        notes.guess(format!(
            "{name} (“{title}”) is optional: the page says “{words}”"
        ));
    }
    if let Some(description) = description.filter(|d| !d.is_empty()) {
        stage.insert("description".into(), json!(description));
    }
    // Keys in the order the README documents them.
    let order = [
        "title",
        "channel",
        "minutes",
        "length",
        "runBy",
        "description",
        "optional",
    ];
    let mut ordered = Map::new();
    for key in order {
        if let Some(value) = stage.remove(key) {
            ordered.insert(key.into(), value);
        }
    }
    Some(Value::Object(ordered))
}

/// The first length in `text` that reads as the stage's own: minutes and hours anywhere;
/// days and weeks only after "for", "takes" or the like, or in brackets (not "the first 90
/// days", not a "90 day plan").
fn length_of(text: &str) -> Option<(Length, String)> {
    let (length, words) = prose::length(text)?;
    let long = matches!(&length, Length::Words(w) if w.contains("day") || w.contains("week"));
    if !long {
        return Some((length, words));
    }
    let lower = text.to_lowercase();
    let at = lower.find(&words)?;
    let before = lower.get(..at).unwrap_or_default().trim_end();
    [
        "for", "takes", "take", "lasting", "lasts", "about", "around", "within", "up to", "(", "a",
        "an",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    .then_some((length, words))
}

/// Who runs the stage: "Done by …" anywhere; "with …" only after a meeting word or a length
/// in the same sentence ("a 45-minute interview with our CTO", not "competitive with a
/// candidate's market").
fn who_of(text: &str) -> Option<(String, String)> {
    let (person, phrase) = prose::who(text)?;
    let lower = text.to_lowercase();
    let phrase_lower = phrase.to_lowercase();
    if !phrase_lower.starts_with("with") {
        return Some((person, phrase));
    }
    let at = lower.find(&phrase_lower)?;
    let sentence_start = lower
        .get(..at)
        .and_then(|b| b.rfind(". "))
        .map_or(0, |i| i + 2);
    let before = lower.get(sentence_start..at).unwrap_or_default();
    let meeting = MEETINGS.iter().any(|m| before.contains(m));
    (meeting || prose::length(before).is_some()).then_some((person, phrase))
}

/// Words that end a title read from prose after its length.
const TITLE_ENDS: [&str; 9] = [
    " with ", " to ", " for ", " by ", ",", ".", ";", ":", " where ",
];

/// A stage's title, the channel a label before it names, and the description (the rest).
fn title_of(
    item: &Item,
    notes: &mut Notes,
    name: &str,
) -> (String, Option<Channel>, Option<String>) {
    let markdown = item.markdown.trim();
    // **Label - Title** - description
    if let Some(rest) = markdown.strip_prefix("**") {
        if let Some(end) = rest.find("**") {
            let bold = rest.get(..end).unwrap_or_default();
            let after = rest.get(end + 2..).unwrap_or_default();
            let description = after
                .trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == ':')
                .trim();
            let (channel, title) = match bold
                .split_once(" - ")
                .or_else(|| bold.split_once(" – "))
                .or_else(|| bold.split_once(": "))
            {
                Some((label, title)) => match prose::channel_label(label) {
                    Some(c) => (Some(c), title.trim()),
                    None => (None, bold),
                },
                None => (None, bold),
            };
            return (clean_title(title), channel, Some(description.to_owned()));
        }
    }
    // Title: description
    if let Some((head, rest)) = markdown.split_once(": ") {
        let plain = plain(head);
        if plain.split_whitespace().count() <= 12 && !plain.contains(". ") && !plain.is_empty() {
            return (clean_title(&plain), None, Some(rest.trim().to_owned()));
        }
    }
    // [Title](link) and the rest.
    if let Some(rest) = markdown.strip_prefix('[') {
        if let Some(end) = rest.find("](") {
            let title = rest.get(..end).unwrap_or_default();
            return (clean_title(&plain(title)), None, Some(markdown.to_owned()));
        }
    }
    // Prose: the words after the length ("a 30 minute screening call with …").
    let text = &item.text;
    if let Some((_, words)) = prose::length(text) {
        let lower = text.to_lowercase();
        if let Some(at) = lower.find(&words) {
            let after = text.get(at + words.len()..).unwrap_or_default();
            let after_lower = after.to_lowercase();
            let end = TITLE_ENDS
                .iter()
                .filter_map(|e| after_lower.find(e))
                .min()
                .unwrap_or(after.len());
            let title = after.get(..end).unwrap_or_default().trim();
            if title.chars().any(char::is_alphabetic) && title.split_whitespace().count() <= 8 {
                return (clean_title(title), None, Some(markdown.to_owned()));
            }
        }
    }
    // A short item is its own title.
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        return (clean_title(text), None, None);
    }
    let title = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
    notes.guess(format!(
        "{name}: titled “{}” (the item's first words); the whole item is its description",
        clean_title(&title)
    ));
    (
        clean_title(&format!("{title} …")),
        None,
        Some(markdown.to_owned()),
    )
}

/// A title without its length ("for 45m"), optional mark or closing punctuation, capitalised.
fn clean_title(title: &str) -> String {
    let mut title = plain(title);
    for mark in ["(optional)", "(Optional)", "(OPTIONAL)"] {
        title = title.replace(mark, "");
    }
    // "CEO Interview for 45m", "Chat (30 min)": the length is not part of the name.
    if let Some((_, words)) = prose::length(&title) {
        if let Some(at) = title.to_lowercase().find(&words) {
            let before = title.get(..at).unwrap_or_default().trim_end();
            let after = title.get(at + words.len()..).unwrap_or_default();
            let stated = before
                .strip_suffix(" for")
                .or_else(|| before.strip_suffix('(').filter(|_| after.starts_with(')')));
            if let Some(before) = stated.filter(|b| !b.trim().is_empty()) {
                let after = after.strip_prefix(')').unwrap_or(after);
                title = format!("{before}{after}");
            }
        }
    }
    capitalise(
        squash(&title)
            .trim_end_matches(['.', ',', ';', ':', '-'])
            .trim(),
    )
}
