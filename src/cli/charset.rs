//! A page's character encoding, found as a browser finds it (a byte-order mark, else a
//! `<meta charset>` or `http-equiv` declaration, else UTF-8), to read the page and to write it
//! back in the same encoding.
//!
//! Characters the page's encoding has no bytes for (an arrow in a windows-1252 page) are
//! written as HTML character references, which browsers read back as the character; the JSON
//! that travels in a pre-rendered page is written in ASCII for such pages (see
//! [`Charset::is_unicode`]).

use std::fmt::Write as _;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// How a page's text is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charset {
    encoding: &'static Encoding,
    /// Whether the file starts with a byte-order mark (kept when the page is written).
    bom: bool,
}

impl Charset {
    /// UTF-8 without a byte-order mark: what a page that declares nothing is read as.
    pub const UTF_8: Self = Self {
        encoding: UTF_8,
        bom: false,
    };

    /// The encoding's name (`windows-1252`, `UTF-16LE`).
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    /// Whether every character can be written as itself (UTF-8, UTF-16); if not, text that
    /// must stay exact, such as JSON in a script, is to be written in ASCII.
    pub fn is_unicode(&self) -> bool {
        [UTF_8, UTF_16LE, UTF_16BE].contains(&self.encoding)
    }

    /// `text` in this encoding, with the byte-order mark the page had.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let utf16 = |big: bool| {
            let mut bytes = Vec::with_capacity(text.len() * 2 + 2);
            for unit in std::iter::once(0xfeff).chain(text.encode_utf16()) {
                bytes.extend(if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            bytes
        };
        if self.encoding == UTF_16LE {
            return utf16(false);
        }
        if self.encoding == UTF_16BE {
            return utf16(true);
        }
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if self.bom && self.encoding == UTF_8 {
            bytes.extend(b"\xef\xbb\xbf");
        }
        // Unmappable characters become decimal character references (&#8594;).
        bytes.extend_from_slice(&self.encoding.encode(text).0);
        bytes
    }
}

/// The page's text and how it is stored; `Err` says, in words, why it cannot be read. Only
/// an HTML page (`html`) can declare its encoding in a `<meta>` element; Markdown is UTF-8,
/// or UTF-16 with a byte-order mark, as site generators read it.
pub fn decode(bytes: &[u8], html: bool) -> Result<(String, Charset), String> {
    let (charset, start, stated) = match Encoding::for_bom(bytes) {
        Some((encoding, length)) => (
            Charset {
                encoding,
                bom: true,
            },
            length,
            true,
        ),
        None => match html.then(|| declared(bytes)).transpose()?.flatten() {
            Some(charset) => (charset, 0, true),
            None => (Charset::UTF_8, 0, false),
        },
    };
    let body = bytes.get(start..).unwrap_or_default();
    match charset
        .encoding
        .decode_without_bom_handling_and_without_replacement(body)
    {
        Some(text) => Ok((text.into_owned(), charset)),
        None if !stated => Err(format!(
            "is not valid UTF-8{} and declares no other encoding (no byte-order mark, no <meta charset>); declare the encoding it is in, or save it as UTF-8",
            first_bad_utf8(body)
        )),
        None => Err(format!(
            "is not valid {}, the encoding it declares{}",
            charset.name(),
            if charset.encoding == UTF_8 { first_bad_utf8(body) } else { String::new() }
        )),
    }
}

/// ` (at byte N)`: where UTF-8 decoding first fails.
fn first_bad_utf8(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(_) => String::new(),
        Err(e) => format!(" (at byte {})", e.valid_up_to()),
    }
}

/// The encoding a page without a byte-order mark declares in a `<meta>` element, as the
/// browser's parser takes it: the first `<meta charset>` or `<meta http-equiv="content-type"
/// content="…; charset=…">`; a declared UTF-16 means UTF-8 (the bytes would say otherwise),
/// `x-user-defined` windows-1252. `None` when there is none.
fn declared(bytes: &[u8]) -> Result<Option<Charset>, String> {
    // Every byte is one character in windows-1252, so the markup, which is ASCII in every
    // encoding a meta element can declare, reads the same whatever the page's encoding is.
    let (markup, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut label: Option<String> = None;
    let _ = rewrite_str(
        &markup,
        RewriteStrSettings {
            element_content_handlers: vec![element!("meta", |el| {
                if label.is_none() {
                    label = el.get_attribute("charset").or_else(|| {
                        el.get_attribute("http-equiv")
                            .filter(|h| h.trim().eq_ignore_ascii_case("content-type"))
                            .and_then(|_| el.get_attribute("content"))
                            .and_then(|c| charset_in_content(&c))
                    });
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    );
    let Some(label) = label else {
        return Ok(None);
    };
    let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "declares the encoding \"{}\", which is not one browsers know; declare UTF-8, or the encoding it is in",
            label.trim().chars().take(40).collect::<String>()
        )
    })?;
    let encoding = match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => encoding,
    };
    if encoding.name() == "replacement" || encoding.name() == "ISO-2022-JP" {
        return Err(format!(
            "declares the encoding \"{}\", which browsers do not read pages in or which cannot be rewritten safely; save it as UTF-8",
            label.trim().chars().take(40).collect::<String>()
        ));
    }
    Ok(Some(Charset {
        encoding,
        bom: false,
    }))
}

/// The label after `charset=` in a `content` attribute (`text/html; charset=iso-8859-1`).
fn charset_in_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest.get(1..)?.split(quote).next()?,
        _ => rest.split([';', ' ', '\t', '\n', '\r']).next()?,
    };
    Some(value.to_owned()).filter(|v| !v.is_empty())
}

/// `text`, as JSON inside a `<script>`: `<` escaped so that no text can end the script, and,
/// for a page whose encoding is not Unicode, every non-ASCII character as a `\u` escape, since
/// character references mean nothing in a script.
pub fn script_json(text: &str, charset: Charset) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '<' || (!c.is_ascii() && !charset.is_unicode()) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}
