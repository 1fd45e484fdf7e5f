//! Parsing widget JSON into model types, with JSONPath, line and column on every error.

use serde::de::DeserializeOwned;

use super::error::{DataError, ErrorKind};
use super::limits::{count, size, MAX_BYTES, MAX_DEPTH, MAX_STRING_CHARS};

/// Rules a parsed dataset must meet beyond its shape (non-empty lists, unique ids, ...).
pub trait Validate {
    /// The largest JSON text of this format that is parsed at all, in bytes. Default:
    /// [`MAX_BYTES`].
    const MAX_BYTES: usize = MAX_BYTES;

    /// `Ok` when the data is usable; otherwise the first broken rule, with its JSONPath.
    fn validate(&self) -> Result<(), DataError>;
}

/// Parses `text` as JSON into `T` and validates it.
///
/// Errors carry the JSONPath of the offending value (`$` is the document root) and, for
/// syntax and shape errors, the line and column where the parser stopped. Text beyond the
/// size, depth or string-length limits (see [`super::limits`]) is refused before the parser,
/// which recurses, sees it.
pub fn parse<T: DeserializeOwned + Validate>(text: &str) -> Result<T, DataError> {
    check_root_is_object(text)?;
    check_limits(text, T::MAX_BYTES)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = json_path(&err.path().to_string());
        let inner = err.into_inner();
        from_serde(&inner).at(path)
    })?;
    // Trailing characters after the document are a syntax error too.
    de.end().map_err(|err| from_serde(&err))?;
    value.validate()?;
    Ok(value)
}

/// Every widget's data is a JSON object; say so plainly instead of serde's "expected a string"
/// about the first element of an array.
fn check_root_is_object(text: &str) -> Result<(), DataError> {
    let Some((offset, first)) = text.char_indices().find(|(_, c)| !c.is_whitespace()) else {
        return Err(DataError::new(ErrorKind::Malformed, "the JSON text is empty").at("$"));
    };
    let found = match first {
        '{' => return Ok(()),
        '[' => "an array",
        '"' => "a string",
        '-' | '0'..='9' => "a number",
        't' | 'f' => "a boolean",
        'n' => "null",
        _ => return Ok(()), // not JSON at all: the parser says where
    };
    Err(located(
        text,
        offset,
        DataError::new(
            ErrorKind::WrongShape,
            format!("expected a JSON object {{ … }} at the top level, found {found}"),
        )
        .at("$"),
    ))
}

/// Turns serde_path_to_error's `a.b[0]` (or `.` for the root) into JSONPath `$.a.b[0]`.
fn json_path(path: &str) -> String {
    // An error inside an object whose next key could not be read ends in `?` (`.?` below
    // the root); drop it: the line and column say where.
    let path = path.trim_end_matches('?').trim_end_matches('.');
    match path {
        "" | "." => "$".to_owned(),
        p if p.starts_with('[') => format!("${p}"),
        p => format!("$.{p}"),
    }
}

/// One open array or object while scanning: where in it the scan is.
enum Open<'a> {
    /// An object: the key being read or last read, and whether its value has begun.
    Object {
        key: Option<&'a str>,
        in_value: bool,
    },
    /// An array: the index of the element being read.
    Array(usize),
}

/// Checks the size (at most `max_bytes`), nesting depth and string lengths of `text` in one
/// pass over its bytes, without recursion. Not a JSON validator: anything malformed is left
/// for the parser, which then only ever sees text within the limits.
pub fn check_limits(text: &str, max_bytes: usize) -> Result<(), DataError> {
    if text.len() > max_bytes {
        return Err(DataError::limit_at(
            "$",
            format!(
                "the data is {}; this widget accepts at most {}",
                size(text.len()),
                size(max_bytes)
            ),
        ));
    }
    let bytes = text.as_bytes();
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let start = i + 1;
                let mut chars = 0usize;
                i = start;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'"' => break,
                        b'\\' => i += 1,
                        _ => {}
                    }
                    // Count characters, not bytes: skip UTF-8 continuation bytes.
                    chars += usize::from(c & 0xC0 != 0x80);
                    i += 1;
                }
                if chars > MAX_STRING_CHARS {
                    return Err(located(
                        text,
                        start - 1,
                        DataError::limit_at(
                            path_of(&open),
                            format!(
                                "a text of {} characters; the widgets accept at most {} in one field",
                                count(chars),
                                count(MAX_STRING_CHARS)
                            ),
                        ),
                    ));
                }
                if let Some(Open::Object {
                    key,
                    in_value: false,
                }) = open.last_mut()
                {
                    *key = text.get(start..i);
                }
            }
            b'{' | b'[' => {
                if open.len() >= MAX_DEPTH {
                    return Err(located(
                        text,
                        i,
                        DataError::limit_at(
                            path_of(&open),
                            format!(
                                "the data is nested more than {MAX_DEPTH} levels deep (arrays and objects); the widgets accept at most {MAX_DEPTH}"
                            ),
                        ),
                    ));
                }
                open.push(if b == b'{' {
                    Open::Object {
                        key: None,
                        in_value: false,
                    }
                } else {
                    Open::Array(0)
                });
            }
            b'}' | b']' => {
                open.pop();
            }
            b':' => {
                if let Some(Open::Object { in_value, .. }) = open.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Array(index)) => *index += 1,
                Some(Open::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The JSONPath of the value the scan is in.
fn path_of(open: &[Open<'_>]) -> String {
    let mut path = String::from("$");
    for o in open {
        match o {
            Open::Object { key: Some(key), .. } => {
                path.push('.');
                path.push_str(key);
            }
            Open::Object { key: None, .. } => {}
            Open::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// `error` with the 1-based line and column of byte `offset` in `text`.
fn located(text: &str, offset: usize, error: DataError) -> DataError {
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    DataError {
        line: Some(line),
        column: Some(column),
        ..error
    }
}

fn from_serde(err: &serde_json::Error) -> DataError {
    use serde_json::error::Category;
    let full = err.to_string();
    // serde_json appends " at line L column C"; we report those separately.
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_owned(),
        None => full,
    };
    let kind = match err.classify() {
        Category::Syntax | Category::Eof | Category::Io => ErrorKind::Malformed,
        Category::Data if message.starts_with("missing field") => ErrorKind::MissingField,
        Category::Data => ErrorKind::WrongShape,
    };
    let message = if err.classify() == Category::Eof {
        format!("{message} (is a closing bracket or quote missing?)")
    } else {
        message
    };
    DataError {
        line: (err.line() > 0).then_some(err.line()),
        column: (err.column() > 0).then_some(err.column()),
        ..DataError::new(kind, message)
    }
}

/// Checks that every id in `ids` is non-empty and unique; `path` names the list, `field` the
/// id field inside each element (`$.variants`, `id`).
pub fn check_ids<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    path: &str,
    field: &str,
) -> Result<(), DataError> {
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        if id.trim().is_empty() {
            return Err(DataError::invalid_at(
                format!("{path}[{i}].{field}"),
                format!("`{field}` must not be empty"),
            ));
        }
        if !seen.insert(id) {
            return Err(DataError::invalid_at(
                format!("{path}[{i}].{field}"),
                format!("duplicate {field} \"{id}\": each must be unique"),
            ));
        }
    }
    Ok(())
}

/// Checks that the list at `path` has at most `max` entries; `what` names them ("stages").
pub fn check_count(len: usize, max: usize, path: &str, what: &str) -> Result<(), DataError> {
    if len > max {
        return Err(DataError::limit_at(
            path,
            format!(
                "{} {what}; the widget accepts at most {}",
                count(len),
                count(max)
            ),
        ));
    }
    Ok(())
}

/// Checks that a required text field is not blank.
pub fn check_text(value: &str, path: impl Into<String>) -> Result<(), DataError> {
    if value.trim().is_empty() {
        let path = path.into();
        let field = path.rsplit('.').next().unwrap_or("value").to_owned();
        return Err(DataError::invalid_at(
            path,
            format!("`{field}` must not be empty"),
        ));
    }
    Ok(())
}
