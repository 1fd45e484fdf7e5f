//! A widget written as a fenced code block, the way handbook authors write Markdown: the
//! widget's name as the info string, the mount's options in a front matter, then its JSON.
//!
//! ````markdown
//! ```hiring-timeline
//! ---
//! id: engineering
//! variant: engineer
//! ---
//! { "title": "How we hire engineers", "variants": [ … ] }
//! ```
//! ````
//!
//! Only the widgets' own names are info strings, with no `hb-` alias: one spelling is what the
//! README, the schemas and `check`'s messages use, and no highlighter (Chroma, Pygments,
//! Prism, Shiki) has a language of those names to confuse them with. The options go inside the
//! block because its text is all that every Markdown renderer keeps: markdown-it, Goldmark and
//! Python-Markdown drop what follows the info string's first word.

use super::json::line_column;
use super::{DataError, ErrorKind};

/// The options a fence's front matter may set, and the mount attribute each one stands for.
pub const OPTIONS: [(&str, &str); 7] = [
    ("id", "id"),
    ("variant", "data-variant"),
    ("theme", "data-theme"),
    ("heading-level", "data-heading-level"),
    ("timeout", "data-timeout"),
    ("src", "data-src"),
    ("preset", "data-preset"),
];

/// The widget a fence's info string names (its first word, any case), among `widgets`.
pub fn widget_of_info<'a>(info: &str, widgets: &[&'a str]) -> Option<&'a str> {
    let word = info
        .split(|c: char| c.is_whitespace() || c == '{' || c == ',')
        .next()
        .unwrap_or_default();
    widgets
        .iter()
        .find(|w| w.eq_ignore_ascii_case(word))
        .copied()
}

/// The widget an element of a built page marks as a fence's code, from its `class` and
/// `data-lang` attributes: a class `language-<widget>` (markdown-it, Goldmark, Python-Markdown,
/// Prism, Shiki, Rouge) or `highlight-<widget>` (Sphinx), or `data-lang="<widget>"` (Hugo's
/// Chroma). The browser runtime and `prerender` read fences by this one rule.
pub fn widget_of_marks<'a>(
    class: &str,
    data_lang: Option<&str>,
    widgets: &[&'a str],
) -> Option<&'a str> {
    widgets.iter().copied().find(|w| {
        data_lang == Some(*w)
            || class.split_ascii_whitespace().any(|c| {
                c.strip_prefix("language-")
                    .or_else(|| c.strip_prefix("highlight-"))
                    == Some(*w)
            })
    })
}

/// A CSS selector of the elements [`widget_of_marks`] reads a widget from.
pub fn marks_selector(widgets: &[&str]) -> String {
    widgets
        .iter()
        .flat_map(|w| {
            [
                format!(".language-{w}"),
                format!(".highlight-{w}"),
                format!("[data-lang=\"{w}\"]"),
            ]
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many of a fence `pre`'s nearest ancestors may be its highlighter's wrappers (Docusaurus
/// nests three).
pub const WRAPPER_DEPTH: usize = 4;

/// Whether an ancestor of a fence's `pre` (within [`WRAPPER_DEPTH`]) is its highlighter's
/// wrapper: marked with a widget's language (see [`widget_of_marks`]), or a `div.highlight`
/// holding the code and nothing else (Hugo's, Sphinx's inner one; a callout box called
/// "highlight" around a paragraph and a fence is not one). The widget goes on the outermost
/// wrapper, whose shadow root hides the code without changing a node of it; on none, before the
/// `pre`. `children` counts its element children.
pub fn is_wrapper(
    tag: &str,
    class: &str,
    data_lang: Option<&str>,
    children: u32,
    widgets: &[&str],
) -> bool {
    widget_of_marks(class, data_lang, widgets).is_some()
        || (tag.eq_ignore_ascii_case("div")
            && class.split_ascii_whitespace().any(|c| c == "highlight")
            && children == 1)
}

/// A fence's text, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fence<'a> {
    /// The mount attributes its front matter sets (`data-variant`, `id` ...), in its order.
    /// Default: none.
    pub attributes: Vec<(&'static str, String)>,
    /// Its JSON and that text's byte offset in the fence's text; `None` when there is none
    /// (a `src` or `preset` option gives the data).
    pub json: Option<(usize, &'a str)>,
}

/// Reads a fence's text: an optional front matter (a line `---`, lines `option: value`, a line
/// `---`), then the JSON. Errors carry their line and column in the fence's text.
pub fn read(text: &str) -> Result<Fence<'_>, DataError> {
    let mut attributes = Vec::new();
    let mut rest_at = 0;
    let mut lines = text.split_inclusive('\n').scan(0usize, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    // The front matter, if the first line that is not blank is `---`.
    let first = lines.by_ref().find(|(_, l)| !l.trim().is_empty());
    if let Some((start, line)) = first {
        if line.trim() == "---" {
            let mut closed = false;
            for (at, line) in lines.by_ref() {
                rest_at = at + line.len();
                let content = line.trim();
                if content == "---" {
                    closed = true;
                    break;
                }
                if content.is_empty() || content.starts_with('#') {
                    continue;
                }
                let Some((key, value)) = content.split_once(':') else {
                    return Err(at_offset(
                        text,
                        at,
                        "a front matter line is `option: value`",
                    ));
                };
                let key = key.trim().to_ascii_lowercase();
                let Some((_, attribute)) = OPTIONS.iter().find(|(k, _)| *k == key) else {
                    return Err(at_offset(
                        text,
                        at,
                        &format!(
                            "`{key}` is not an option of a widget fence; the options are {}",
                            OPTIONS.map(|(k, _)| k).join(", ")
                        ),
                    ));
                };
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                attributes.push((*attribute, value.to_owned()));
            }
            if !closed {
                return Err(at_offset(
                    text,
                    start,
                    "the front matter has no closing `---` line",
                ));
            }
        } else {
            rest_at = start;
        }
    }
    let json = text
        .get(rest_at..)
        .filter(|t| !t.trim().is_empty())
        .map(|t| (rest_at, t));
    if let Some((at, data)) = json {
        let start = at + (data.len() - data.trim_start().len());
        if looks_like_yaml(data.trim_start()) {
            return Err(at_offset(text, start, YAML));
        }
    }
    Ok(Fence { attributes, json })
}

/// What a fence holding YAML is told. The browser reads JSON only: a YAML parser would cost every
/// page its bytes, so YAML is converted where the site is built.
const YAML: &str = "this looks like YAML, and a widget fence holds JSON (it starts with `{`): \
write the data as JSON, or in YAML where the site's build converts it to JSON (Hugo's \
`handbook-widget` shortcode)";

/// Whether data starts as YAML does and JSON cannot: `key:` or `- ` on its first line.
fn looks_like_yaml(data: &str) -> bool {
    let line = data.lines().next().unwrap_or_default().trim_end();
    let key = line.split_once(':').is_some_and(|(k, rest)| {
        !k.is_empty()
            && (rest.is_empty() || rest.starts_with(' '))
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
    });
    key || line == "-" || line.starts_with("- ")
}

/// An invalid-data error at byte `offset` of `text`.
fn at_offset(text: &str, offset: usize, message: &str) -> DataError {
    let (line, column) = line_column(text, offset);
    DataError {
        line: Some(line),
        column: Some(column),
        ..DataError::new(ErrorKind::Invalid, message)
    }
}
