//! Draft widget data from a handbook page's Markdown (native only: `handbook-widgets import`).
//! Each widget's reader takes the page's outline ([`outline`]) and the facts its prose states
//! ([`prose`]), and says what it guessed and what it could not read; it never writes what
//! the page does not say. The draft is checked with the widget's own parser before it is given.

pub mod checklist;
pub mod hiring;
pub mod levels;
pub mod outline;
pub mod owners;
pub mod prose;

use serde_json::Value;

use crate::model::DataError;
use outline::{Block, Item, Page};

/// What an import could not be sure of, for the maintainer to review (standard error).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// What it read by a rule that may not fit this page, with the words it read it from.
    pub guessed: Vec<String>,
    /// What the page holds that it could not place in the data.
    pub unread: Vec<String>,
}

impl Notes {
    /// Notes a guess.
    pub fn guess(&mut self, what: impl Into<String>) {
        self.guessed.push(what.into());
    }

    /// Notes something left out.
    pub fn unread(&mut self, what: impl Into<String>) {
        self.unread.push(what.into());
    }
}

/// A draft: the data, as JSON, and the notes on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The widget's data.
    pub json: Value,
    /// What was guessed and what was left out.
    pub notes: Notes,
}

/// The widgets `import` can draft data for.
pub const WIDGETS: [&str; 4] = [hiring::NAME, levels::NAME, owners::NAME, checklist::NAME];

/// Drafts data for `widget` from the page `text` (named `file_name`, whose extension tells
/// Markdown from reStructuredText), from the sections whose heading contains `section`
/// (default: the widget's usual headings). An error when the page holds nothing to draft
/// from, saying what was looked for.
pub fn import(
    widget: &str,
    file_name: &str,
    text: &str,
    section: Option<&str>,
) -> Result<Draft, String> {
    let mut page = outline::outline(text, outline::looks_like_rst(file_name, text));
    let mut notes = Notes::default();
    // A page without a title is named after its file ("hiring-process.md" is "Hiring process").
    if page.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        let stem = file_name
            .split('.')
            .next()
            .unwrap_or_default()
            .replace(['-', '_'], " ");
        let title = prose::capitalise(outline::squash(&stem).as_str());
        if !title.is_empty() {
            notes.guess(format!(
                "the page has no title: “{title}”, from its file name"
            ));
            page.title = Some(title);
        }
    }
    let json = match widget {
        hiring::NAME => hiring::import(&page, section, &mut notes)?,
        levels::NAME => levels::import(&page, section, &mut notes)?,
        owners::NAME => owners::import(&page, section, &mut notes)?,
        checklist::NAME => checklist::import(&page, section, &mut notes)?,
        _ => {
            return Err(format!(
                "import cannot draft data for `{widget}` (it can for: {})",
                WIDGETS.join(", ")
            ))
        }
    };
    Ok(Draft { json, notes })
}

/// The part of a page under one heading: the blocks after it up to the next heading of the
/// same level or higher.
#[derive(Clone, Copy, Debug)]
pub struct Section<'a> {
    /// The heading's text ("" for the whole page).
    pub heading: &'a str,
    /// The heading's level (0 for the whole page).
    pub level: u8,
    /// The blocks under it, sub-headings included.
    pub blocks: &'a [Block],
}

impl<'a> Section<'a> {
    /// The whole page as one section.
    pub fn whole(page: &'a Page) -> Self {
        Self {
            heading: page.title.as_deref().unwrap_or_default(),
            level: 0,
            blocks: &page.blocks,
        }
    }

    /// The blocks before its first sub-heading.
    pub fn own(&self) -> &'a [Block] {
        let end = self
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
            .unwrap_or(self.blocks.len());
        self.blocks.get(..end).unwrap_or_default()
    }

    /// Its sub-sections one level down (the highest level of heading inside it).
    pub fn children(&self) -> Vec<Section<'a>> {
        let top = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .min();
        let Some(top) = top else {
            return Vec::new();
        };
        under_headings(self.blocks, |level, _| level == top)
    }
}

/// The sections of `blocks` whose heading `wanted` accepts (by level and text).
fn under_headings<'a>(blocks: &'a [Block], wanted: impl Fn(u8, &str) -> bool) -> Vec<Section<'a>> {
    let mut found = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Block::Heading { level, text } = block else {
            continue;
        };
        if !wanted(*level, text) {
            continue;
        }
        let rest = blocks.get(i + 1..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|b| matches!(b, Block::Heading { level: l, .. } if l <= level))
            .unwrap_or(rest.len());
        found.push(Section {
            heading: text,
            level: *level,
            blocks: rest.get(..end).unwrap_or_default(),
        });
    }
    found
}

/// The sections a widget reads: those whose heading contains `query` (any case), else those
/// of the first of `usual` that any heading contains, else the whole page. Of sections inside
/// one another, the innermost are kept. An error when `query` matches no heading.
pub fn pick<'a>(
    page: &'a Page,
    query: Option<&str>,
    usual: &[&str],
    notes: &mut Notes,
) -> Result<Vec<Section<'a>>, String> {
    let matching = |q: &str| {
        let q = q.to_lowercase();
        innermost(under_headings(&page.blocks, |_, text| {
            text.to_lowercase().contains(&q)
        }))
    };
    if let Some(query) = query {
        let found = matching(query);
        if found.is_empty() {
            let headings: Vec<String> = page
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading { text, .. } => Some(format!("“{text}”")),
                    _ => None,
                })
                .collect();
            return Err(format!(
                "no heading contains “{query}”; the page's headings: {}",
                if headings.is_empty() {
                    "none".to_owned()
                } else {
                    headings.join(", ")
                }
            ));
        }
        return Ok(found);
    }
    for q in usual {
        let found = matching(q);
        if !found.is_empty() {
            let names: Vec<String> = found.iter().map(|s| format!("“{}”", s.heading)).collect();
            notes.guess(format!(
                "read the section{} {} (choose another with --section)",
                if found.len() == 1 { "" } else { "s" },
                names.join(", ")
            ));
            return Ok(found);
        }
    }
    notes.guess(format!(
        "no heading names the part to read (such as “{}”), so the whole page was read (choose a part with --section)",
        usual.first().copied().unwrap_or_default()
    ));
    Ok(vec![Section::whole(page)])
}

/// Drops each section that holds another of them. The sections are in the page's order, so
/// one that holds any other holds the one after it: one look each, not one per pair (a page
/// of 50,000 "… Hiring Process" sections).
fn innermost(sections: Vec<Section<'_>>) -> Vec<Section<'_>> {
    let holds = |outer: &Section<'_>, inner: &Section<'_>| {
        let (o, i) = (outer.blocks.as_ptr_range(), inner.blocks.as_ptr_range());
        outer.level < inner.level && o.start <= i.start && i.end <= o.end
    };
    sections
        .iter()
        .enumerate()
        .filter(|(i, s)| !sections.get(i + 1).is_some_and(|next| holds(s, next)))
        .map(|(_, s)| *s)
        .collect()
}

/// The page's introduction: the blocks before its first heading other than its title.
pub fn introduction(page: &Page) -> String {
    let blocks = match page.blocks.first() {
        Some(Block::Heading { level: 1, .. }) => page.blocks.get(1..).unwrap_or_default(),
        _ => &page.blocks,
    };
    let end = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { .. }))
        .unwrap_or(blocks.len());
    markdown_of(blocks.get(..end).unwrap_or_default())
}

/// Markdown for blocks, as the data's Markdown fields take it.
pub fn markdown_of(blocks: &[Block]) -> String {
    let mut parts = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } => parts.push(format!("**{text}**")),
            Block::Paragraph { markdown, .. } | Block::Other { markdown } => {
                parts.push(markdown.clone());
            }
            Block::List { ordered, items } => parts.push(list_markdown(items, *ordered)),
            Block::Table { header, rows } => {
                let line = |cells: Vec<&str>| format!("| {} |", cells.join(" | "));
                let mut table = vec![
                    line(header.iter().map(|c| c.markdown.as_str()).collect()),
                    line(header.iter().map(|_| "---").collect()),
                ];
                table.extend(
                    rows.iter()
                        .map(|r| line(r.iter().map(|c| c.markdown.as_str()).collect())),
                );
                parts.push(table.join("\n"));
            }
        }
    }
    parts.join("\n\n")
}

/// A list as Markdown, nested items indented, without recursion.
pub fn list_markdown(items: &[Item], ordered: bool) -> String {
    list_markdown_at(items, ordered, 0)
}

/// [`list_markdown`] indented `depth` levels (two spaces each), as a nested list.
pub fn list_markdown_at(items: &[Item], ordered: bool, depth: usize) -> String {
    let mut lines = Vec::new();
    let mut pending: Vec<(usize, usize, &Item)> = items
        .iter()
        .enumerate()
        .rev()
        .map(|(i, item)| (depth, i, item))
        .collect();
    while let Some((level, index, item)) = pending.pop() {
        let marker = if ordered && level == depth {
            format!("{}.", index + 1)
        } else {
            "-".to_owned()
        };
        let task = match item.task {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        lines.push(format!(
            "{}{marker} {task}{}",
            "  ".repeat(level),
            item.markdown
        ));
        pending.extend(
            item.children
                .iter()
                .enumerate()
                .rev()
                .map(|(i, child)| (level + 1, i, child)),
        );
    }
    lines.join("\n")
}

/// `json` after a check by the widget's own parser: a draft the widget would refuse is this
/// importer's mistake, reported as such.
pub fn checked<T: serde::de::DeserializeOwned + crate::model::Validate>(
    json: Value,
) -> Result<Value, String> {
    let text = json.to_string();
    crate::model::parse::<T>(&text).map(|_| json).map_err(|e: DataError| {
        if e.kind == crate::model::ErrorKind::Limit {
            format!("the page holds more than the widget takes ({e}); import a part of it with --section")
        } else {
            format!("the draft does not pass the widget's own check ({e}); this is import's mistake: please report the page")
        }
    })
}
