//! Deserializing model types from a parsed JSON value, recording where the first error is.
//!
//! Every model type is deserialized through this one deserializer over `&serde_json::Value`,
//! so serde's generic code is instantiated once per type with small, simple methods, instead
//! of once per type inside serde_json's text parser and again inside a path-tracking wrapper
//! (which cost about a third of the bundle's deserializing code). The messages are
//! serde_json's own. Nesting is bounded before this runs ([`super::json::check_limits`]).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess};
use serde_json::{Map, Value};

/// One step into a JSON document: an object's key or an array's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

/// A JSON document's path written as JSONPath: `$`, `$.variants[0].title`.
pub fn json_path(segments: &[Segment]) -> String {
    let mut path = String::from("$");
    for segment in segments {
        match segment {
            Segment::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Segment::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// A deserializing error and the path of the value it is about.
#[derive(Debug)]
pub struct Error {
    /// serde_json's error, for its message and category.
    pub inner: serde_json::Error,
    /// Where the error is, from the root; `None` until the value that failed is known.
    pub path: Option<Vec<Segment>>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.inner, f)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self {
            inner: serde_json::Error::custom(msg),
            path: None,
        }
    }

    // Worded as serde_json words them ("null", not serde's "unit value"), without serde's
    // float formatting (13 KB of wasm for one rare message).
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid type: {}, expected {exp}",
            describe(&unexp)
        ))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!(
            "invalid value: {}, expected {exp}",
            describe(&unexp)
        ))
    }
}

/// What serde found, in serde_json's words: "integer `5`", "string \"x\"", "null".
fn describe(unexp: &de::Unexpected<'_>) -> String {
    use de::Unexpected as U;
    match unexp {
        U::Bool(b) => format!("boolean `{b}`"),
        U::Unsigned(u) => format!("integer `{u}`"),
        U::Signed(i) => format!("integer `{i}`"),
        U::Float(f) => format!("floating point `{}`", float_text(*f)),
        U::Char(c) => format!("character `{c}`"),
        U::Str(s) => format!("string {s:?}"),
        U::Bytes(_) => "byte array".to_owned(),
        U::Unit => "null".to_owned(),
        U::Option => "Option value".to_owned(),
        U::NewtypeStruct => "newtype struct".to_owned(),
        U::Seq => "sequence".to_owned(),
        U::Map => "map".to_owned(),
        U::Enum => "enum".to_owned(),
        U::UnitVariant => "unit variant".to_owned(),
        U::NewtypeVariant => "newtype variant".to_owned(),
        U::TupleVariant => "tuple variant".to_owned(),
        U::StructVariant => "struct variant".to_owned(),
        U::Other(other) => (*other).to_owned(),
    }
}

/// A float as JSON would write it, to six decimals at most ("30.5", "2.0", "-0.125"); very
/// large or small numbers are only named.
fn float_text(f: f64) -> String {
    const SCALE: f64 = 1_000_000.0;
    if !f.is_finite() || f.abs() >= 1e12 || (f != 0.0 && f.abs() < 1e-6) {
        return "number".to_owned();
    }
    // In range by the check above, so the cast is exact enough and cannot overflow.
    #[allow(clippy::cast_possible_truncation)]
    let scaled = (f.abs() * SCALE).round() as i64;
    let (whole, fraction) = (scaled / 1_000_000, scaled % 1_000_000);
    let sign = if f < 0.0 { "-" } else { "" };
    let mut decimals = format!("{fraction:06}");
    while decimals.len() > 1 && decimals.ends_with('0') {
        decimals.pop();
    }
    format!("{sign}{whole}.{decimals}")
}

/// Where a [`Tracked`] value sits: the root, or one step below a parent.
#[derive(Clone, Copy)]
enum Place<'p> {
    Root,
    Key(&'p Place<'p>, &'p str),
    Index(&'p Place<'p>, usize),
}

impl Place<'_> {
    /// The segments from the root to here. Iterative: walks up, then reverses.
    fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut at = self;
        loop {
            match at {
                Place::Root => break,
                Place::Key(parent, key) => {
                    out.push(Segment::Key((*key).to_owned()));
                    at = parent;
                }
                Place::Index(parent, i) => {
                    out.push(Segment::Index(*i));
                    at = parent;
                }
            }
        }
        out.reverse();
        out
    }
}

/// Deserializes `T` from `value`; an error carries the path of the value it is about.
pub fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, Error> {
    T::deserialize(Tracked {
        value,
        place: &Place::Root,
    })
}

/// A value and its place in the document.
struct Tracked<'de, 'p> {
    value: &'de Value,
    place: &'p Place<'p>,
}

impl Tracked<'_, '_> {
    /// Gives an error from this value (or below it, if it has a path already) this value's path.
    fn locate(&self, mut error: Error) -> Error {
        if error.path.is_none() {
            error.path = Some(self.place.segments());
        }
        error
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self.value {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => de::Unexpected::Unsigned(u),
                (None, Some(i)) => de::Unexpected::Signed(i),
                (None, None) => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }
}

/// Each `deserialize_*` calls only the visitor method its type needs, so the rest of a
/// visitor (a struct's `visit_seq`, say) is never instantiated; any other value is a type error.
impl<'de> Deserializer<'de> for Tracked<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => return self.deserialize_number(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_seq(items, self.place, visitor),
            Value::Object(map) => visit_map(map, self.place, visitor),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_bool<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid_type(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_str<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_string<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Array(items) => visit_seq(items, self.place, visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Object(map) => visit_map(map, self.place, visitor),
            _ => Err(self.invalid_type(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(Tracked {
                value: self.value,
                place: self.place,
            }),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let place = self.place;
        visitor
            .visit_newtype_struct(Tracked {
                value: self.value,
                place,
            })
            .map_err(|e| self.locate(e))
    }

    /// Unit variants only (the model has no other kind): a string names the variant.
    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::String(s) => {
                visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(s.as_str()))
            }
            _ => Err(de::Error::invalid_type(self.unexpected(), &"a string")),
        };
        result.map_err(|e| self.locate(e))
    }

    fn deserialize_ignored_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        char bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }

    fn deserialize_u8<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_u16<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_u32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_u64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_i8<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_i16<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_i32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_i64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_f32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
    fn deserialize_f64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }
}

impl<'de> Tracked<'de, '_> {
    /// A number as the visitor's integer or float, or a type error.
    fn deserialize_number<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.value {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            _ => Err(self.invalid_type(&visitor)),
        };
        result.map_err(|e| self.locate(e))
    }

    fn invalid_type(&self, expected: &dyn de::Expected) -> Error {
        de::Error::invalid_type(self.unexpected(), expected)
    }
}

fn visit_seq<'de, V: de::Visitor<'de>>(
    items: &'de [Value],
    place: &Place<'_>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut seq = Seq {
        items: items.iter(),
        index: 0,
        place,
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() > 0 {
        return Err(de::Error::invalid_length(
            items.len(),
            &"fewer elements in array",
        ));
    }
    Ok(value)
}

fn visit_map<'de, V: de::Visitor<'de>>(
    map: &'de Map<String, Value>,
    place: &Place<'_>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut access = Entries {
        entries: map.iter(),
        pending: None,
        place,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.entries.len() > 0 {
        return Err(de::Error::invalid_length(
            map.len(),
            &"fewer elements in map",
        ));
    }
    Ok(value)
}

/// An array's elements, each deserialized at its index.
struct Seq<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    place: &'p Place<'p>,
}

impl<'de> SeqAccess<'de> for &mut Seq<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let place = Place::Index(self.place, self.index);
        self.index += 1;
        seed.deserialize(Tracked {
            value,
            place: &place,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's entries, each value deserialized at its key.
struct Entries<'de, 'p> {
    entries: serde_json::map::Iter<'de>,
    pending: Option<(&'de str, &'de Value)>,
    place: &'p Place<'p>,
}

impl<'de> MapAccess<'de> for &mut Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        // An unknown field is reported at its own path.
        let at = Place::Key(self.place, key);
        seed.deserialize(de::value::BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
            .map_err(|mut e| {
                if e.path.is_none() {
                    e.path = Some(at.segments());
                }
                e
            })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        let place = Place::Key(self.place, key);
        seed.deserialize(Tracked {
            value,
            place: &place,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
