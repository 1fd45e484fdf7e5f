//! Parsing widget JSON into model types, with JSONPath, line and column on every error.

use serde::de::DeserializeOwned;

use super::error::{DataError, ErrorKind};
use super::limits::{count, size, MAX_BYTES, MAX_DEPTH, MAX_STRING_CHARS};
use super::tracked::{self, Segment};

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
/// Errors carry the JSONPath of the offending value (`$` is the document root) and the line
/// and column where that value starts (for syntax errors: where the parser stopped). Text
/// beyond the size, depth or string-length limits (see [`super::limits`]) is refused before
/// the parser, which recurses, sees it.
pub fn parse<T: DeserializeOwned + Validate>(text: &str) -> Result<T, DataError> {
    check_root_is_object(text)?;
    check_limits(text, T::MAX_BYTES)?;
    let mut value = parse_value(text)?;
    take_schema_key(&mut value).map_err(|e| locate_error(text, e))?;
    let parsed: T = tracked::from_value(&value).map_err(|e| shape_error(text, e))?;
    parsed.validate().map_err(|e| locate_error(text, e))?;
    Ok(parsed)
}

/// The key by which a data file names its JSON Schema, for editors: `"$schema":
/// "…/schema/hiring-timeline.json"`. Accepted at the top level of every format and otherwise
/// ignored.
pub const SCHEMA_KEY: &str = "$schema";

/// Removes the top-level [`SCHEMA_KEY`] from `value`, so that it is not an unknown field; an
/// error when it is there but not a string.
fn take_schema_key(value: &mut serde_json::Value) -> Result<(), DataError> {
    match value
        .as_object_mut()
        .and_then(|map| map.shift_remove(SCHEMA_KEY))
    {
        None | Some(serde_json::Value::String(_)) => Ok(()),
        Some(_) => Err(DataError::new(
            ErrorKind::WrongShape,
            "`$schema` must be a string: the address of the data's JSON Schema",
        )
        .at("$.$schema")),
    }
}

/// Parses `text` into a JSON value (trailing text is an error), without the size and depth
/// checks: call [`check_limits`] first on text from outside.
pub fn parse_value(text: &str) -> Result<serde_json::Value, DataError> {
    serde_json::from_str(text).map_err(|err| {
        let error = from_serde(&err);
        // Name the object or array the parser stopped in.
        match offset_of(text, err.line(), err.column()) {
            Some(offset) if err.line() > 0 => error.at(path_at(text, offset)),
            _ => error,
        }
    })
}

/// A shape error from [`tracked::from_value`], with its path and the place its value starts.
fn shape_error(text: &str, err: tracked::Error) -> DataError {
    let mut error = from_serde(&err.inner);
    if let Some(segments) = err.path {
        error.path = Some(tracked::json_path(&segments));
        if let Some(offset) = value_offset(text, &segments) {
            error = located(text, offset, error);
        }
    }
    error
}

/// `error` with the line and column of the value its path names, when it has a path and the
/// value is in `text`, and no position yet.
pub fn locate_error(text: &str, error: DataError) -> DataError {
    if error.line.is_some() {
        return error;
    }
    let Some(segments) = error.path.as_deref().and_then(parse_path) else {
        return error;
    };
    match value_offset(text, &segments) {
        Some(offset) => located(text, offset, error),
        None => error,
    }
}

/// The segments of a JSONPath this module writes (`$.a[0].b`); `None` for anything else.
fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut rest = path.strip_prefix('$')?;
    let mut segments = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (index, tail) = after.split_once(']')?;
            segments.push(Segment::Index(index.parse().ok()?));
            rest = tail;
        } else {
            let after = rest.strip_prefix('.')?;
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let (key, tail) = after.split_at_checked(end)?;
            segments.push(Segment::Key(key.to_owned()));
            rest = tail;
        }
    }
    Some(segments)
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

/// One open array or object while scanning: where in it the scan is.
enum Open<'a> {
    /// An object: the key being read or last read, whether its value has begun, and whether
    /// that value (a string, array or object) has ended.
    Object {
        key: Option<&'a str>,
        in_value: bool,
        ended: bool,
    },
    /// An array: the index of the element being read.
    Array(usize),
}

/// What [`Walk::next`] passed.
enum Step<'a> {
    /// A value begins at this byte offset ([`Walk::open`] says where it is).
    Value(usize),
    /// A string ended; it had this many characters and began (its quote) at this offset; it
    /// is an object's key when `key` is its text.
    Text {
        quote: usize,
        chars: usize,
        key: Option<&'a str>,
    },
    /// An array or object closed.
    Close,
    /// An array or object is about to open at this offset.
    Nest(usize),
}

/// A pass over JSON text's bytes that keeps track of where it is, without recursion. Not a
/// JSON validator: it only follows brackets, strings, colons and commas.
struct Walk<'a> {
    text: &'a str,
    i: usize,
    open: Vec<Open<'a>>,
    /// Whether the next byte that is not white space starts a value.
    expect_value: bool,
    /// Whether the last step was the end of a string that is an object's value.
    text_ended: bool,
    /// Where the walk stops: the text's length, or less.
    end: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            i: 0,
            open: Vec::new(),
            expect_value: true,
            text_ended: false,
            end: text.len(),
        }
    }

    /// The next step, or `None` at the end of the text.
    fn next(&mut self) -> Option<Step<'a>> {
        if std::mem::take(&mut self.text_ended) {
            if let Some(Open::Object { ended, .. }) = self.open.last_mut() {
                *ended = true;
            }
        }
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.i).filter(|_| self.i < self.end) {
            let at = self.i;
            if self.expect_value && !b.is_ascii_whitespace() {
                self.expect_value = false;
                if b != b']' {
                    return Some(Step::Value(at));
                }
            }
            self.i += 1;
            match b {
                b'"' => {
                    let start = at + 1;
                    let mut chars = 0usize;
                    let mut j = start;
                    while let Some(&c) = bytes.get(j) {
                        match c {
                            b'"' => break,
                            b'\\' => j += 1,
                            _ => {}
                        }
                        // Count characters, not bytes: skip UTF-8 continuation bytes.
                        chars += usize::from(c & 0xC0 != 0x80);
                        j += 1;
                    }
                    self.i = j + 1;
                    // A key longer than any accepted text is not kept (its error names the
                    // object it is in).
                    let mut text_key = None;
                    match self.open.last_mut() {
                        Some(Open::Object {
                            key,
                            in_value: false,
                            ..
                        }) => {
                            text_key = self.text.get(start..j);
                            if chars <= MAX_STRING_CHARS {
                                *key = text_key;
                            }
                        }
                        // Marked on the next step, so this one's path still names the field.
                        Some(Open::Object { in_value: true, .. }) => self.text_ended = true,
                        _ => {}
                    }
                    return Some(Step::Text {
                        quote: at,
                        chars,
                        key: text_key,
                    });
                }
                b'{' | b'[' => {
                    self.open.push(if b == b'{' {
                        Open::Object {
                            key: None,
                            in_value: false,
                            ended: false,
                        }
                    } else {
                        Open::Array(0)
                    });
                    self.expect_value = b == b'[';
                    return Some(Step::Nest(at));
                }
                b'}' | b']' => {
                    self.open.pop();
                    if let Some(Open::Object { ended, .. }) = self.open.last_mut() {
                        *ended = true;
                    }
                    return Some(Step::Close);
                }
                b':' => {
                    if let Some(Open::Object { in_value, .. }) = self.open.last_mut() {
                        *in_value = true;
                        self.expect_value = true;
                    }
                }
                b',' => match self.open.last_mut() {
                    Some(Open::Array(index)) => {
                        *index += 1;
                        self.expect_value = true;
                    }
                    Some(Open::Object {
                        key,
                        in_value,
                        ended,
                    }) => {
                        *key = None;
                        *in_value = false;
                        *ended = false;
                    }
                    None => {}
                },
                _ => {}
            }
        }
        None
    }

    /// The JSONPath of the value the walk is in, through the first `depth` open arrays and
    /// objects; an object's key counts until its value has ended.
    fn path(&self, depth: usize) -> String {
        let mut path = String::from("$");
        for o in self.open.iter().take(depth) {
            match o {
                Open::Object {
                    key: Some(key),
                    ended: false,
                    ..
                } => {
                    path.push('.');
                    path.push_str(key);
                }
                Open::Object { .. } => {}
                Open::Array(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    /// Whether the walk is at the value `segments` names.
    fn is_at(&self, segments: &[Segment]) -> bool {
        self.open.len() == segments.len()
            && self.open.iter().zip(segments).all(|(o, s)| match (o, s) {
                (Open::Object { key: Some(k), .. }, Segment::Key(want)) => k == want,
                (Open::Array(i), Segment::Index(want)) => i == want,
                _ => false,
            })
    }
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
    let mut walk = Walk::new(text);
    // The keys of each open object (`None` for arrays), to refuse a key given twice, which
    // the parser would quietly resolve to the last value.
    let mut keys: Vec<Option<std::collections::HashSet<&str>>> = Vec::new();
    while let Some(step) = walk.next() {
        match step {
            Step::Text {
                quote,
                key: Some(key),
                ..
            } if !keys
                .last_mut()
                .and_then(Option::as_mut)
                .is_none_or(|seen| seen.insert(key)) =>
            {
                return Err(located(
                    text,
                    quote,
                    DataError::new(
                        ErrorKind::WrongShape,
                        format!("duplicate field `{key}`: each key may appear once in an object"),
                    )
                    .at(walk.path(walk.open.len())),
                ));
            }
            Step::Text { quote, chars, .. } if chars > MAX_STRING_CHARS => {
                return Err(located(
                    text,
                    quote,
                    DataError::limit_at(
                        walk.path(walk.open.len()),
                        format!(
                            "a text of {} characters; the widgets accept at most {} in one field",
                            count(chars),
                            count(MAX_STRING_CHARS)
                        ),
                    ),
                ));
            }
            Step::Nest(at) if walk.open.len() > MAX_DEPTH => {
                return Err(located(
                    text,
                    at,
                    DataError::limit_at(
                        walk.path(walk.open.len() - 1),
                        format!(
                            "the data is nested more than {MAX_DEPTH} levels deep (arrays and objects); the widgets accept at most {MAX_DEPTH}"
                        ),
                    ),
                ));
            }
            Step::Nest(at) => keys.push(
                (text.as_bytes().get(at) == Some(&b'{')).then(std::collections::HashSet::new),
            ),
            Step::Close => {
                keys.pop();
            }
            _ => {}
        }
    }
    Ok(())
}

/// The byte offset where the value at `segments` starts, if `text` has it.
fn value_offset(text: &str, segments: &[Segment]) -> Option<usize> {
    let mut walk = Walk::new(text);
    while let Some(step) = walk.next() {
        if let Step::Value(at) = step {
            if walk.is_at(segments) {
                return Some(at);
            }
        }
    }
    None
}

/// The JSONPath of the array or object that byte `offset` of `text` is in.
fn path_at(text: &str, offset: usize) -> String {
    let mut walk = Walk::new(text);
    walk.end = offset;
    while walk.next().is_some() {}
    walk.path(walk.open.len())
}

/// The byte offset of a 1-based line and column (in characters) of `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = text.get(start..)?;
    Some(
        start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i),
    )
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// `error` with the 1-based line and column of byte `offset` in `text`.
fn located(text: &str, offset: usize, error: DataError) -> DataError {
    let (line, column) = line_column(text, offset);
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
