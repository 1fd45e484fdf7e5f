//! What the command-line program prints, made safe from the data it quotes: no control
//! character reaches a terminal or a CI log raw (an escape sequence, a bell, a carriage return
//! that overwrites the line), and no newline from data starts a line of its own, where GitHub
//! Actions would run it as a workflow command (`::error file=…`).

use std::borrow::Cow;
use std::path::Path;

/// Whether `c` must not be printed as it is: C0 and C1 controls and DEL, the line and
/// paragraph separators, and the bidirectional controls that make text read other than it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every unsafe character written as an escape (`\n`, `\r`, `\t`, `\u{1b}`), so
/// that it prints on one line and as it reads.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A JSON text (as serde_json writes it, which escapes C0 controls only) with the other unsafe
/// characters escaped as `\uXXXX` too: the same JSON value, printable. They can only be inside
/// strings, where the escape means the same character.
pub fn clean_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_unsafe_in_json(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Unsafe characters that serde_json leaves as they are (it keeps the newlines of pretty
/// printing, which are its own).
fn is_unsafe_in_json(c: char) -> bool {
    is_unsafe(c) && !matches!(c, '\n' | '\r' | '\t') && u32::from(c) >= 0x20
}

/// A file's name as printed at the start of a line: [`clean`], and led by `./` when a
/// relative name would start with anything but a letter, a digit, `.`, `_` or `/` (a file
/// named `::error file=x::y.md`, passed by a shell glob, must not make its line a command).
pub fn path(path: &Path) -> String {
    let shown = path.display().to_string();
    let shown = clean(&shown);
    let plain_start = shown
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '/' | '\\'));
    if plain_start || path.is_absolute() {
        shown.into_owned()
    } else {
        format!("./{shown}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_is_kept() {
        assert_eq!(clean("plain “text” – ok"), "plain “text” – ok");
        assert_eq!(
            clean("a\n::error file=x::y\r\u{1b}[31m\u{7}\u{9b}\u{202e}"),
            "a\\n::error file=x::y\\r\\u{1b}[31m\\u{7}\\u{9b}\\u{202e}"
        );
        assert_eq!(
            clean_json("{\n  \"a\": \"\\u001b x\u{9b}\u{2028}\"\n}"),
            "{\n  \"a\": \"\\u001b x\\u009b\\u2028\"\n}"
        );
        assert_eq!(
            path(Path::new("::error file=a::b.md")),
            "./::error file=a::b.md"
        );
        assert_eq!(path(Path::new("content/a.md")), "content/a.md");
        assert_eq!(path(Path::new("a\nb.md")), "a\\nb.md");
    }
}
