//! The one error type for bad widget data: what is wrong and where.

use std::fmt;

/// What kind of problem a [`DataError`] reports; decides its headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON (a stray comma, a missing quote, an early end).
    Malformed,
    /// The JSON is valid but a value has the wrong type or an unknown field.
    WrongShape,
    /// A required field is absent.
    MissingField,
    /// The JSON has the right shape but breaks a rule of the format (empty list, duplicate id).
    Invalid,
    /// The data is larger or nested deeper than the widgets accept (see [`super::limits`]).
    Limit,
    /// The mount names a widget this bundle does not have.
    UnknownWidget,
    /// The mount names a preset this bundle does not have, or one for another widget.
    UnknownPreset,
    /// The mount gives no data, or the `data-src` could not be fetched.
    Source,
    /// The mount is where no widget can show: on an element that holds no HTML (SVG, `<img>`,
    /// `<textarea>`, a table row), or inside another mount, whose widget hides it.
    Placement,
}

impl ErrorKind {
    /// The `data-error-kind` value, for CSS and tests: `malformed`, `wrong-shape`, ...
    pub fn key(self) -> &'static str {
        match self {
            Self::Malformed => "malformed",
            Self::WrongShape => "wrong-shape",
            Self::MissingField => "missing-field",
            Self::Invalid => "invalid",
            Self::Limit => "limit",
            Self::UnknownWidget => "unknown-widget",
            Self::UnknownPreset => "unknown-preset",
            Self::Source => "source",
            Self::Placement => "placement",
        }
    }

    /// The headline shown above the message.
    pub fn headline(self) -> &'static str {
        match self {
            Self::Malformed => "Malformed JSON",
            Self::WrongShape => "Wrong data shape",
            Self::MissingField => "Missing required field",
            Self::Invalid => "Invalid data",
            Self::Limit => "Data beyond the widgets' limits",
            Self::UnknownWidget => "Unknown widget",
            Self::UnknownPreset => "Unknown preset",
            Self::Source => "Data could not be loaded",
            Self::Placement => "Mount in the wrong place",
        }
    }
}

/// A problem with a widget's data, with as much of its location as is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// What kind of problem this is.
    pub kind: ErrorKind,
    /// One sentence saying what is wrong.
    pub message: String,
    /// JSONPath of the offending value, such as `$.variants[0].stages[2].minutes`; `None` when
    /// the problem is not inside the data.
    pub path: Option<String>,
    /// 1-based line in the JSON text; `None` when unknown.
    pub line: Option<usize>,
    /// 1-based column in the JSON text; `None` when unknown.
    pub column: Option<usize>,
    /// Where the data came from (`inline JSON`, a URL, `preset "name"`); set by the mount
    /// runtime, `None` until then.
    pub origin: Option<String>,
}

impl DataError {
    /// An error with a kind and message and no location.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            path: None,
            line: None,
            column: None,
            origin: None,
        }
    }

    /// An [`ErrorKind::Invalid`] error at a JSONPath.
    pub fn invalid_at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message).at(path)
    }

    /// An [`ErrorKind::Limit`] error at a JSONPath.
    pub fn limit_at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Limit, message).at(path)
    }

    /// The same error at a JSONPath.
    #[must_use]
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The same error, saying where its data came from.
    #[must_use]
    pub fn from_origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// "line 3, column 7" or whichever part is known; `None` when neither is.
    pub fn position(&self) -> Option<String> {
        match (self.line, self.column) {
            (Some(l), Some(c)) => Some(format!("line {l}, column {c}")),
            (Some(l), None) => Some(format!("line {l}")),
            _ => None,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.headline(), self.message)?;
        let mut place = Vec::new();
        if let Some(path) = &self.path {
            place.push(format!("at {path}"));
        }
        if let Some(pos) = self.position() {
            place.push(pos);
        }
        if let Some(origin) = &self.origin {
            place.push(format!("in {origin}"));
        }
        if !place.is_empty() {
            write!(f, " ({})", place.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for DataError {}
