//! A handbook page as `import` reads it: headings, paragraphs, lists (with nested items and
//! task boxes) and tables, each with its Markdown source, built from pulldown-cmark events
//! without recursion. reStructuredText pages (Sphinx handbooks) are first given Markdown
//! headings and links.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Lists nested deeper than this are read as items of the level above (none of the widgets
/// nests deeper).
pub const MAX_LIST_DEPTH: usize = 16;

/// One top-level block of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading: its level (1 to 6) and text.
    Heading { level: u8, text: String },
    /// A paragraph: its Markdown source and plain text.
    Paragraph { markdown: String, text: String },
    /// A list and its items.
    List { ordered: bool, items: Vec<Item> },
    /// A table: its header cells and rows of cells.
    Table {
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    /// Anything else (code, a quote, HTML): its Markdown source.
    Other { markdown: String },
}

/// A list item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// Its own Markdown, without the list marker, the task box or the nested lists, on one
    /// line per paragraph.
    pub markdown: String,
    /// Its own plain text.
    pub text: String,
    /// `Some(done)` for a task list item (`- [ ]`, `- [x]`).
    pub task: Option<bool>,
    /// The items of the lists nested in it.
    pub children: Vec<Item>,
}

/// A table cell: its Markdown source and plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Its Markdown source, trimmed.
    pub markdown: String,
    /// Its plain text.
    pub text: String,
}

/// A page: its title and its blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The text of its first level-1 heading, else its front matter's `title`.
    pub title: Option<String>,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
}

/// The page in `source`. `rst` reads it as reStructuredText.
pub fn outline(source: &str, rst: bool) -> Page {
    let (front_title, body) = strip_front_matter(source);
    let text = if rst {
        rst_to_markdown(body)
    } else {
        body.to_owned()
    };
    let blocks = read(&text);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.clone()),
            _ => None,
        })
        .or(front_title);
    Page { title, blocks }
}

/// Whether a page's name or text says it is reStructuredText: a `.rst` name, or a `.txt` one
/// without Markdown headings whose title is over- and underlined.
pub fn looks_like_rst(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".rst") {
        return true;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return false;
    }
    let lines: Vec<&str> = text.lines().take(400).collect();
    let atx = lines
        .iter()
        .any(|l| l.starts_with("# ") || l.starts_with("## "));
    let adorned = lines
        .windows(3)
        .any(|w| matches!(w, [a, t, b] if adornment(a).is_some() && adornment(a) == adornment(b) && !t.trim().is_empty()));
    adorned && !atx
}

/// YAML front matter (`---` … `---` at the very start) is the site generator's, not the
/// page's: its `title`, if any, and the text after it.
fn strip_front_matter(source: &str) -> (Option<String>, &str) {
    let Some(rest) = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))
    else {
        return (None, source);
    };
    let Some(end) = rest.find("\n---") else {
        return (None, source);
    };
    let matter = rest.get(..end).unwrap_or_default();
    let title = matter.lines().find_map(|l| {
        let value = l.strip_prefix("title:")?.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then(|| value.to_owned())
    });
    let after = rest.get(end + 4..).unwrap_or_default();
    (title, after.split_once('\n').map_or("", |(_, body)| body))
}

/// The character a line repeats, if it is an RST section adornment (`=====`, `-----`, …).
fn adornment(line: &str) -> Option<char> {
    let line = line.trim_end();
    let first = line.chars().next()?;
    (line.len() >= 3 && "=-~^\"'`#*+:.".contains(first) && line.chars().all(|c| c == first))
        .then_some(first)
}

/// reStructuredText's section titles as Markdown headings, levels in the order their styles
/// first appear (as RST assigns them); `` `text <url>`_ `` links and ``` ``code`` ``` as
/// Markdown's. Everything else is close enough to Markdown to be read as it is.
fn rst_to_markdown(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut styles: Vec<(char, bool)> = Vec::new();
    let mut out = String::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let next = lines.get(i + 1).copied();
        let after = lines.get(i + 2).copied();
        // Over- and underlined title.
        if let (Some(c), Some(title), Some(under)) = (adornment(line), next, after) {
            if adornment(under) == Some(c) && !title.trim().is_empty() {
                out.push_str(&heading(&mut styles, (c, true), title.trim()));
                i += 3;
                continue;
            }
        }
        // Underlined title.
        if let Some(under) = next {
            if let Some(c) = adornment(under) {
                if !line.trim().is_empty()
                    && adornment(line).is_none()
                    && under.trim().len() >= line.trim().len()
                {
                    out.push_str(&heading(&mut styles, (c, false), line.trim()));
                    i += 2;
                    continue;
                }
            }
        }
        out.push_str(&rst_inline(line));
        out.push('\n');
        i += 1;
    }
    out
}

fn heading(styles: &mut Vec<(char, bool)>, style: (char, bool), title: &str) -> String {
    let level = match styles.iter().position(|s| *s == style) {
        Some(i) => i + 1,
        None => {
            styles.push(style);
            styles.len()
        }
    };
    format!("{} {}\n\n", "#".repeat(level.min(6)), rst_inline(title))
}

/// `` `text <url>`_ `` as `[text](url)`, ``` ``code`` ``` as `` `code` ``.
fn rst_inline(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line.replace("``", "`");
    while let Some(start) = rest.find('`') {
        let (before, from) = rest.split_at(start);
        let tail = from.get(1..).unwrap_or_default();
        let link = tail.find(">`_").and_then(|end| {
            let inner = tail.get(..end)?;
            let (label, url) = inner.rsplit_once('<')?;
            Some((label.trim().to_owned(), url.trim().to_owned(), end + 3))
        });
        out.push_str(before);
        match link {
            Some((label, url, used)) if !url.contains(' ') => {
                out.push_str(&format!("[{label}]({url})"));
                let skip = used + usize::from(tail.get(used..).is_some_and(|t| t.starts_with('_')));
                rest = tail.get(skip..).unwrap_or_default().to_owned();
            }
            _ => {
                out.push('`');
                rest = tail.to_owned();
            }
        }
    }
    out.push_str(&rest);
    out
}

/// An item being read, with the source range of its own content.
struct OpenItem {
    item: Item,
    range: Range<usize>,
    /// Where its first nested list starts: its own content ends there.
    nested_at: Option<usize>,
}

/// What a text event is being collected into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Into {
    Nothing,
    Heading,
    Paragraph,
    Item,
    Cell,
}

fn read(text: &str) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut collecting = Into::Nothing;
    let mut buffer = String::new();
    let mut block_start = 0usize;
    let mut container_depth = 0usize; // block quotes and the like, read whole as Other
                                      // Lists: each open list's items so far and whether it is ordered; open items.
    let mut lists: Vec<(bool, Vec<Item>)> = Vec::new();
    let mut items: Vec<OpenItem> = Vec::new();
    // Tables.
    let mut header: Vec<Cell> = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut in_head = false;
    let mut cell_range = 0..0;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let source = |r: &Range<usize>| text.get(r.clone()).unwrap_or_default().to_owned();
        if container_depth > 0 {
            match event {
                Event::Start(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                    container_depth += 1
                }
                Event::End(TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                    container_depth -= 1;
                    if container_depth == 0 {
                        blocks.push(Block::Other {
                            markdown: source(&(block_start..range.end)).trim().to_owned(),
                        });
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) if lists.is_empty() => {
                container_depth = 1;
                block_start = range.start;
            }
            Event::Start(Tag::Heading { .. }) if lists.is_empty() => {
                collecting = Into::Heading;
                buffer.clear();
            }
            Event::End(TagEnd::Heading(level)) if lists.is_empty() => {
                blocks.push(Block::Heading {
                    level: heading_level(level),
                    text: squash(&buffer),
                });
                collecting = Into::Nothing;
            }
            Event::Start(Tag::Paragraph) if lists.is_empty() => {
                collecting = Into::Paragraph;
                buffer.clear();
                block_start = range.start;
            }
            Event::End(TagEnd::Paragraph) if lists.is_empty() => {
                blocks.push(Block::Paragraph {
                    markdown: one_line(&source(&(block_start..range.end))),
                    text: squash(&buffer),
                });
                collecting = Into::Nothing;
            }
            Event::Start(Tag::List(first)) => {
                if let Some(open) = items.last_mut() {
                    open.nested_at.get_or_insert(range.start);
                }
                lists.push((first.is_some(), Vec::new()));
            }
            Event::End(TagEnd::List(_)) => {
                let Some((ordered, done)) = lists.pop() else {
                    continue;
                };
                match items.last_mut() {
                    Some(parent) => {
                        if lists.len() > MAX_LIST_DEPTH {
                            parent.item.children.extend(flatten(done));
                        } else {
                            parent.item.children.extend(done);
                        }
                    }
                    None => blocks.push(Block::List {
                        ordered,
                        items: done,
                    }),
                }
            }
            Event::Start(Tag::Item) => {
                items.push(OpenItem {
                    item: Item::default(),
                    range: range.clone(),
                    nested_at: None,
                });
                collecting = Into::Item;
            }
            Event::End(TagEnd::Item) => {
                let Some(mut open) = items.pop() else {
                    continue;
                };
                let end = open.nested_at.unwrap_or(open.range.end);
                open.item.markdown = item_markdown(&source(&(open.range.start..end)));
                open.item.text = squash(&open.item.text);
                if let Some((_, list)) = lists.last_mut() {
                    list.push(open.item);
                }
                collecting = if items.is_empty() {
                    Into::Nothing
                } else {
                    Into::Item
                };
            }
            Event::TaskListMarker(done) => {
                if let Some(open) = items.last_mut() {
                    open.item.task = Some(done);
                }
            }
            Event::Start(Tag::Table(_)) => {
                header.clear();
                rows.clear();
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                header = std::mem::take(&mut row);
            }
            Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::Start(Tag::TableCell) => {
                collecting = Into::Cell;
                buffer.clear();
                cell_range = range.clone();
            }
            Event::End(TagEnd::TableCell) => {
                row.push(Cell {
                    markdown: source(&cell_range)
                        .trim()
                        .trim_matches('|')
                        .trim()
                        .to_owned(),
                    text: squash(&buffer),
                });
                collecting = Into::Nothing;
            }
            Event::End(TagEnd::Table) => {
                let _ = in_head;
                blocks.push(Block::Table {
                    header: std::mem::take(&mut header),
                    rows: std::mem::take(&mut rows),
                });
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) if lists.is_empty() => {
                block_start = range.start;
                collecting = Into::Nothing;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) if lists.is_empty() => {
                blocks.push(Block::Other {
                    markdown: source(&(block_start..range.end)).trim().to_owned(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                let inside_own = items.last().is_some_and(|o| o.nested_at.is_none());
                match collecting {
                    Into::Item if inside_own => {
                        if let Some(open) = items.last_mut() {
                            open.item.text.push_str(&t);
                        }
                    }
                    Into::Heading | Into::Paragraph | Into::Cell => buffer.push_str(&t),
                    _ => {}
                }
            }
            Event::SoftBreak | Event::HardBreak => match collecting {
                Into::Item => {
                    if let Some(open) = items.last_mut().filter(|o| o.nested_at.is_none()) {
                        open.item.text.push(' ');
                    }
                }
                Into::Heading | Into::Paragraph | Into::Cell => buffer.push(' '),
                Into::Nothing => {}
            },
            Event::End(TagEnd::Paragraph) => {
                // A paragraph inside an item: a space before the next one.
                if let Some(open) = items.last_mut().filter(|o| o.nested_at.is_none()) {
                    open.item.text.push(' ');
                }
            }
            _ => {}
        }
    }
    blocks
}

/// Items and all their descendants as one flat list (for lists nested too deep).
fn flatten(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut pending: Vec<Item> = items.into_iter().rev().collect();
    while let Some(mut item) = pending.pop() {
        let children = std::mem::take(&mut item.children);
        out.push(item);
        pending.extend(children.into_iter().rev());
    }
    out
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// White space runs as one space, trimmed.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown source with each paragraph on one line and paragraphs apart.
fn one_line(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An item's source without its list marker and task box.
fn item_markdown(source: &str) -> String {
    let text = source.trim_start();
    let text = text
        .strip_prefix(['-', '*', '+'])
        .or_else(|| {
            let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            text.get(digits..)?
                .strip_prefix(['.', ')'])
                .filter(|_| digits > 0)
        })
        .unwrap_or(text)
        .trim_start();
    let text = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| text.strip_prefix(b))
        .unwrap_or(text);
    one_line(text.trim())
}
