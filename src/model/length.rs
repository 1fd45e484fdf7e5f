//! Lengths of time as handbooks word them ("45 min", "30–60 min", "1.5 h", "a full day", "up to
//! 48 hours", "2 weeks"): parsing, sums and the words they are shown in.

use std::fmt;

use serde::{Deserialize, Deserializer};

/// An amount of time kept in the units it was stated in, so that nothing is converted by a
/// guess (is "a day" of interviews 8 hours? is a week 5 days or 7?): minutes (minutes and hours
/// are stated in minutes), half days, half business days and half weeks. Default: nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount {
    /// Weeks, in halves (3 is 1.5 weeks).
    pub half_weeks: u32,
    /// Days, in halves (1 is half a day).
    pub half_days: u32,
    /// Business (working) days, in halves.
    pub half_business_days: u32,
    /// Minutes, from minutes and hours.
    pub minutes: u32,
}

/// A stated length: one amount, a range ("30–60 min") or an upper bound ("up to 48 h", whose
/// low end is nothing). Default: nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// The shortest it takes.
    pub low: Amount,
    /// The longest it takes.
    pub high: Amount,
    /// Whether the handbook says "about".
    pub about: bool,
}

impl Amount {
    /// `minutes` minutes.
    pub const fn minutes(minutes: u32) -> Self {
        Self {
            half_weeks: 0,
            half_days: 0,
            half_business_days: 0,
            minutes,
        }
    }

    /// Whether it is no time at all.
    pub fn is_zero(self) -> bool {
        self == Self::default()
    }

    /// Each unit added apart (saturating).
    pub fn plus(self, other: Self) -> Self {
        Self {
            half_weeks: self.half_weeks.saturating_add(other.half_weeks),
            half_days: self.half_days.saturating_add(other.half_days),
            half_business_days: self
                .half_business_days
                .saturating_add(other.half_business_days),
            minutes: self.minutes.saturating_add(other.minutes),
        }
    }

    /// Its parts, each with the unit's words for one, two and half of it.
    fn parts(self) -> [(u32, [&'static str; 3]); 3] {
        [
            (self.half_weeks, ["week", "weeks", "half a week"]),
            (self.half_days, ["day", "days", "half a day"]),
            (
                self.half_business_days,
                ["business day", "business days", "half a business day"],
            ),
        ]
    }

    /// When it is stated in one unit: that unit (0 weeks, 1 days, 2 business days, 3
    /// minutes) and the amount; two amounts in one unit can be ordered, others cannot.
    fn single(self) -> Option<(u8, u32)> {
        let mut found = None;
        let parts = self.parts();
        for (unit, n) in (0u8..).zip(parts.iter().map(|p| p.0).chain([self.minutes])) {
            if n > 0 {
                if found.is_some() {
                    return None;
                }
                found = Some((unit, n));
            }
        }
        found
    }
}

/// "1", "1.5": a number of halves.
fn halves_number(n: u32) -> String {
    if n % 2 == 0 {
        (n / 2).to_string()
    } else {
        format!("{}.5", n / 2)
    }
}

/// "1 week", "1.5 weeks", "half a day": `n` halves of a unit with `words` (one, many, half).
fn halves(n: u32, [one, many, half]: [&str; 3]) -> String {
    match n {
        1 => half.to_owned(),
        2 => format!("1 {one}"),
        _ => format!("{} {many}", halves_number(n)),
    }
}

impl fmt::Display for Amount {
    /// "1 week 2 days 3 h 30 min"; "0 min" for nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self
            .parts()
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, words)| halves(n, words))
            .collect();
        if self.minutes > 0 || parts.is_empty() {
            parts.push(format_minutes(self.minutes));
        }
        f.write_str(&parts.join(" "))
    }
}

impl Span {
    /// Exactly `minutes` minutes.
    pub const fn minutes(minutes: u32) -> Self {
        Self {
            low: Amount::minutes(minutes),
            high: Amount::minutes(minutes),
            about: false,
        }
    }

    /// Whether it is no time at all.
    pub fn is_zero(self) -> bool {
        self.high.is_zero()
    }

    /// Both ends added (saturating); "about" if either is.
    pub fn plus(self, other: Self) -> Self {
        Self {
            low: self.low.plus(other.low),
            high: self.high.plus(other.high),
            about: self.about || other.about,
        }
    }
}

impl fmt::Display for Span {
    /// "45 min", "about 2 weeks", "30–60 min", "45 min – 1 h", "up to 48 h".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let about = if self.about { "about " } else { "" };
        if self.low == self.high {
            return write!(f, "{about}{}", self.high);
        }
        if self.low.is_zero() {
            return write!(f, "up to {}", self.high);
        }
        // One unit at both ends: "20–30 min", "4–5 h", "2–3 weeks".
        match (self.low.single(), self.high.single()) {
            (Some((3, low)), Some((3, high))) if high <= 60 => {
                write!(f, "{about}{low}–{high} min")
            }
            (Some((3, low)), Some((3, high))) if low % 60 == 0 && high % 60 == 0 => {
                write!(f, "{about}{}–{} h", low / 60, high / 60)
            }
            (Some((unit, low)), Some((other, high))) if unit == other && unit < 3 && low > 1 => {
                let words = self
                    .high
                    .parts()
                    .get(usize::from(unit))
                    .map_or("", |p| p.1[1]);
                write!(
                    f,
                    "{about}{}–{} {words}",
                    halves_number(low),
                    halves_number(high)
                )
            }
            _ => write!(f, "{about}{} – {}", self.low, self.high),
        }
    }
}

/// "4 h 30 min", "45 min", "1 h"; "0 min" for zero.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// What a length that cannot be read is told.
const HOW: &str = "write it like \"45 min\", \"30–60 min\", \"1.5 h\", \"a full day\", \"2 weeks\" or \"up to 48 h\"";

/// Units a length can be stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    BusinessDay,
    Week,
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "m" | "min" | "mins" | "minute" | "minutes" => Unit::Minute,
        "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Hour,
        "d" | "day" | "days" => Unit::Day,
        "workday" | "workdays" => Unit::BusinessDay,
        "w" | "wk" | "wks" | "week" | "weeks" => Unit::Week,
        _ => return None,
    })
}

/// Number words, in hundredths.
fn number_word(word: &str) -> Option<u64> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return None,
    };
    Some(n * 100)
}

/// "1.5" as 150 hundredths; `None` for anything else or beyond 100,000.
fn number(token: &str) -> Option<u64> {
    let (whole, fraction) = token.split_once('.').unwrap_or((token, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 2 {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    (whole <= 100_000).then_some(whole * 100 + fraction)
}

/// The words and numbers of `text`: "45min" is "45", "min".
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut kind = 0u8; // 0 none, 1 number, 2 word
    for c in text.chars() {
        let k = if c.is_ascii_digit() || c == '.' {
            1
        } else if c.is_ascii_alphabetic() {
            2
        } else {
            0
        };
        match out.last_mut() {
            Some(last) if k != 0 && k == kind => last.push(c),
            _ if k != 0 => out.push(c.to_string()),
            _ => {}
        }
        kind = k;
    }
    out
}

/// Words that qualify a unit without changing it: "a full day", "2 calendar days".
const FILLERS: [&str; 4] = ["full", "calendar", "of", "and"];

/// One amount: number-unit pairs ("1 h 30 min"); a last number without a unit takes `default`.
fn amount(text: &str, default: Option<Unit>) -> Option<(Amount, Option<Unit>)> {
    let words = tokens(text);
    let mut total = Amount::default();
    let mut last = None;
    let mut pending: Option<u64> = None;
    let mut iter = words.iter().map(String::as_str).peekable();
    let mut any = false;
    while let Some(word) = iter.next() {
        if FILLERS.contains(&word) {
            continue;
        }
        if word == "half" {
            // "half a day", "half day"
            if iter.peek().is_some_and(|w| *w == "a" || *w == "an") {
                iter.next();
            }
            pending = Some(pending.map_or(50, |n| n + 50));
            continue;
        }
        if word == "business" || word == "working" {
            // "2 business days", "a working day"
            if iter.next().and_then(unit) != Some(Unit::Day) {
                return None;
            }
            total = total.plus(convert(pending.take()?, Unit::BusinessDay)?);
            last = Some(Unit::BusinessDay);
            any = true;
            continue;
        }
        if let Some(u) = unit(word) {
            let n = pending.take()?;
            total = total.plus(convert(n, u)?);
            last = Some(u);
            any = true;
            continue;
        }
        if pending.is_some() {
            return None;
        }
        pending = Some(number(word).or_else(|| number_word(word))?);
    }
    if let Some(n) = pending {
        let u = default?;
        total = total.plus(convert(n, u)?);
        last = Some(u);
        any = true;
    }
    any.then_some((total, last))
}

/// `n` hundredths of `unit`, if that is whole minutes or half days or weeks.
fn convert(n: u64, unit: Unit) -> Option<Amount> {
    let whole = |v: u64, per: u64| {
        (v % per == 0)
            .then(|| u32::try_from(v / per).ok())
            .flatten()
    };
    Some(match unit {
        Unit::Minute => Amount::minutes(whole(n, 100)?),
        Unit::Hour => Amount::minutes(whole(n * 60, 100)?),
        Unit::Day => Amount {
            half_days: whole(n * 2, 100)?,
            ..Amount::default()
        },
        Unit::BusinessDay => Amount {
            half_business_days: whole(n * 2, 100)?,
            ..Amount::default()
        },
        Unit::Week => Amount {
            half_weeks: whole(n * 2, 100)?,
            ..Amount::default()
        },
    })
}

/// Reads a length as a handbook words it; the error says how to write one.
pub fn parse_span(text: &str) -> Result<Span, String> {
    let fail = || format!("\"{text}\" is not a length we can read: {HOW}");
    let mut rest = text.trim().to_ascii_lowercase().replace(['–', '—'], "-");
    let mut about = false;
    let mut up_to = false;
    for (prefix, is_about) in [
        ("about ", true),
        ("around ", true),
        ("approximately ", true),
        ("roughly ", true),
        ("~", true),
        ("up to ", false),
        ("within ", false),
        ("at most ", false),
        ("no more than ", false),
    ] {
        if let Some(stripped) = rest.strip_prefix(prefix) {
            rest = stripped.trim_start().to_string();
            if is_about {
                about = true;
            } else {
                up_to = true;
            }
            break;
        }
    }
    let rest = rest.replace("half-day", "half day").replace(" to ", "-");
    let (low, high) = match rest.split_once('-') {
        Some((low, high)) if !up_to => {
            let (high, unit) = amount(high, None).ok_or_else(fail)?;
            let (low, _) = amount(low, unit).ok_or_else(fail)?;
            if matches!((low.single(), high.single()), (Some((a, l)), Some((b, h))) if a == b && l >= h)
            {
                return Err(format!(
                    "\"{text}\": a range goes from the shorter to the longer length"
                ));
            }
            (low, high)
        }
        Some(_) => return Err(fail()),
        None => {
            let (one, _) = amount(&rest, None).ok_or_else(fail)?;
            (if up_to { Amount::default() } else { one }, one)
        }
    };
    if high.is_zero() {
        return Err(fail());
    }
    Ok(Span { low, high, about })
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_span(&text).map_err(serde::de::Error::custom)
    }
}

/// A length in the data is a string the parser above reads; the schema can only say so.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Length".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "description": "A length as the handbook words it: one amount (\"45 min\", \"1.5 h\", \"2 business days\", \"a full day\", \"a week\"), a range (\"30-60 min\", \"2 to 3 weeks\"), an upper bound (\"up to 48 h\") or an estimate (\"about 2 weeks\"). Units: minutes, hours, days, business days, weeks; never converted into each other.",
            "examples": ["45 min", "30-60 min", "1.5 h", "a full day", "up to 48 h", "2 business days", "about 2 weeks"]
        })
    }
}
