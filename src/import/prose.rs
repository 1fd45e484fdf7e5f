//! Facts handbooks state in prose, read from a sentence: a length ("a 25-minute call", "for
//! 45m", "30-60 minutes"), who runs a step ("with a recruiter", "Done by the CTO"), whether it
//! is optional ("may be asked to", "(optional)") and how it happens (a video call, an email).
//! Each reader returns the words it read, so the import can say what it took from where.

use std::collections::{HashMap, HashSet};

use super::outline::squash;
use crate::model::hiring::Channel;
use crate::model::length::{parse_span, Amount};

/// A length read from prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Length {
    /// Exactly this many minutes (`"minutes"` in the data).
    Minutes(u32),
    /// Anything else, as the data's `"length"` writes it ("30-60 min", "a full day").
    Words(String),
}

/// Unit words and the unit the data writes.
const UNITS: [(&str, &str); 17] = [
    ("minutes", "min"),
    ("minute", "min"),
    ("mins", "min"),
    ("min", "min"),
    ("m", "min"),
    ("hours", "h"),
    ("hour", "h"),
    ("hrs", "h"),
    ("hr", "h"),
    ("h", "h"),
    ("business days", "business days"),
    ("working days", "business days"),
    ("days", "days"),
    ("day", "days"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("wk", "weeks"),
];

/// Lengths written in words.
const WORDED: [(&str, &str); 8] = [
    ("half an hour", "30 min"),
    ("half-hour", "30 min"),
    ("an hour", "1 h"),
    ("one hour", "1 h"),
    ("one-hour", "1 h"),
    ("a full day", "a full day"),
    ("full-day", "a full day"),
    ("half a day", "half a day"),
];

/// The first length `text` states, and the words it was read from.
pub fn length(text: &str) -> Option<(Length, String)> {
    let lower = text.to_lowercase();
    let numeric = numeric_length(&lower);
    let worded = WORDED
        .iter()
        .filter_map(|(words, data)| lower.find(words).map(|at| (at, *words, *data)))
        .min_by_key(|(at, ..)| *at);
    match (numeric, worded) {
        (Some((at, found)), Some((w_at, ..))) if at <= w_at => Some(found),
        (_, Some((_, words, data))) => Some((as_length(data.to_owned())?, words.to_owned())),
        (Some((_, found)), None) => Some(found),
        (None, None) => None,
    }
}

/// A length as the data writes it: exact minutes as minutes, anything else in words; `None`
/// when the model cannot read it.
fn as_length(data: String) -> Option<Length> {
    let span = parse_span(&data).ok()?;
    let minutes = span.high.minutes;
    Some(
        if span.low == span.high && !span.about && span.high == Amount::minutes(minutes) {
            Length::Minutes(minutes)
        } else {
            Length::Words(data)
        },
    )
}

/// A number or range of numbers followed by a unit ("25-minute", "30 - 60 minutes", "45m",
/// "1.5 hours"), with the byte offset it starts at in `lower`.
fn numeric_length(lower: &str) -> Option<(usize, (Length, String))> {
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric()));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = number_end(bytes, i);
        let low_end = j;
        // A range: "30-60", "30 - 60", "30 to 60", "30–60".
        let mut high = None;
        for sep in ["-", " - ", " to ", "–", " – "] {
            if let Some(rest) = lower.get(j..).and_then(|r| r.strip_prefix(sep)) {
                if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                    let from = j + sep.len();
                    let end = number_end(bytes, from);
                    high = Some((from, end));
                    j = end;
                    break;
                }
            }
        }
        // The unit, after a space, a hyphen or nothing.
        let after = lower.get(j..).unwrap_or_default();
        let after = after
            .strip_prefix('-')
            .or_else(|| after.strip_prefix(' '))
            .unwrap_or(after);
        let gap = lower.len() - j - after.len();
        for (word, unit) in UNITS {
            let Some(rest) = after.strip_prefix(word) else {
                continue;
            };
            if rest.chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let end = j + gap + word.len();
            let phrase = text_range(lower, start, end);
            let low = lower.get(start..low_end).unwrap_or_default();
            let data = match high {
                Some((from, to)) => {
                    format!("{low}-{} {unit}", lower.get(from..to).unwrap_or_default())
                }
                None => format!("{low} {unit}"),
            };
            return Some((start, (as_length(data)?, phrase)));
        }
        i = j.max(start + 1);
    }
    None
}

fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
    {
        i += 1;
    }
    // Not a sentence's full stop.
    if bytes.get(i.wrapping_sub(1)) == Some(&b'.') {
        i -= 1;
    }
    i
}

fn text_range(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or_default().to_owned()
}

/// Words that end a "with …" phrase: what follows is what happens, not who.
const WHO_ENDS: [&str; 13] = [
    ", to ",
    " to ",
    " for ",
    " so ",
    " who ",
    " that ",
    " where ",
    " about ",
    " on ",
    ";",
    ":",
    " (",
    " in order",
];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: [&str; 8] = ["sr", "jr", "dr", "mr", "ms", "mrs", "st", "vs"];

/// The byte offset of the first full stop in `text` that ends a sentence (not "Sr.").
fn sentence_end(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find(". ").map(|i| i + from) {
        let word = text
            .get(..i)?
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if !ABBREVIATIONS.contains(&word.as_str()) {
            return Some(i);
        }
        from = i + 2;
    }
    None
}

/// Who runs a step, as the text names them ("with a recruiter", "Done by the hiring
/// manager"), first letter capitalised; and the words it was read from.
pub fn who(text: &str) -> Option<(String, String)> {
    let lower = text.to_lowercase();
    let (at, lead) = [
        "done by ",
        "run by ",
        "led by ",
        "conducted by ",
        "interviewed by ",
        " with ",
    ]
    .iter()
    .filter_map(|lead| lower.find(lead).map(|at| (at, *lead)))
    .min_by_key(|(at, _)| *at)?;
    let from = at + lead.len();
    let rest = text.get(from..)?;
    let rest_lower = lower.get(from..)?;
    let end = WHO_ENDS
        .iter()
        .filter_map(|e| rest_lower.find(e))
        .chain(sentence_end(rest))
        .min()
        .unwrap_or(rest.len());
    let name = rest
        .get(..end)?
        .trim()
        .trim_end_matches(['.', ',', '!'])
        .trim();
    // "with the candidate", "with you": not who runs it.
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if name.is_empty()
        || name.split_whitespace().count() > 24
        || ["you", "the candidate", "candidates", "them"].contains(&first.as_str())
        || name.to_lowercase() == "the candidate"
    {
        return None;
    }
    let phrase = text.get(at..from + end)?.trim().to_owned();
    Some((capitalise(name), phrase))
}

/// Phrases that make a step optional, and phrases that look like it but do not (a step the
/// team offers to strong candidates is a selection, not an option).
const OPTIONAL: [&str; 8] = [
    "(optional)",
    "optional",
    "optionally",
    "may be asked",
    "might be asked",
    "if needed",
    "if required",
    "if applicable",
];

/// Whether the text marks a step optional, and the words that say so.
pub fn optional(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    OPTIONAL
        .iter()
        .find(|p| lower.contains(*p))
        .map(|p| (*p).to_owned())
}

/// Channel words, most specific first.
const CHANNELS: [(&str, Channel); 22] = [
    ("offer", Channel::Offer),
    ("resume", Channel::Application),
    ("résumé", Channel::Application),
    ("cv ", Channel::Application),
    ("application", Channel::Application),
    ("apply", Channel::Application),
    ("audition", Channel::Audition),
    ("take-home", Channel::Audition),
    ("take home", Channel::Audition),
    ("try-out", Channel::Audition),
    ("assignment", Channel::Audition),
    ("presentation", Channel::Presentation),
    ("present ", Channel::Presentation),
    ("video", Channel::VideoCall),
    ("zoom", Channel::VideoCall),
    ("phone", Channel::PhoneCall),
    ("on-site", Channel::InPerson),
    ("onsite", Channel::InPerson),
    ("in person", Channel::InPerson),
    ("call", Channel::Call),
    ("interview", Channel::Interview),
    ("email", Channel::Email),
];

/// How a step happens, from its title and then its description: the most specific word
/// found, with a video or phone mention in the description making a call or interview one.
pub fn channel(title: &str, description: &str) -> Option<(Channel, String)> {
    let find = |text: &str| {
        let lower = format!("{} ", text.to_lowercase());
        CHANNELS
            .iter()
            .find(|(word, _)| lower.contains(word))
            .map(|(word, c)| (*c, word.trim().to_owned()))
    };
    let from_title = find(title);
    let lower = description.to_lowercase();
    let medium = [("video", Channel::VideoCall), ("phone", Channel::PhoneCall)]
        .into_iter()
        .find(|(w, _)| lower.contains(w));
    match (from_title, medium) {
        (Some((Channel::Call | Channel::Interview, _)), Some((word, c))) => {
            Some((c, word.to_owned()))
        }
        (Some(found), _) => Some(found),
        (None, _) => find(description),
    }
}

/// The channel a label names on its own ("Video call", "Application/Email"), if every part of
/// it is a channel word.
pub fn channel_label(label: &str) -> Option<Channel> {
    let lower = label.trim().to_lowercase();
    let parts: Vec<&str> = lower.split(['/', '&', ',']).map(str::trim).collect();
    let known = |p: &str| -> Option<Channel> {
        Some(match p {
            "application" | "resume" | "cv" => Channel::Application,
            "email" | "e-mail" => Channel::Email,
            "call" => Channel::Call,
            "phone" | "phone call" | "phone screen" => Channel::PhoneCall,
            "video" | "video call" | "video interview" | "zoom" => Channel::VideoCall,
            "interview" => Channel::Interview,
            "in person" | "in-person" | "on-site" | "onsite" => Channel::InPerson,
            "audition" | "take-home" | "assignment" => Channel::Audition,
            "presentation" => Channel::Presentation,
            "offer" => Channel::Offer,
            _ => return None,
        })
    };
    let channels: Option<Vec<Channel>> = parts.iter().map(|p| known(p)).collect();
    channels?.first().copied()
}

/// `text` with its first letter upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A slug for an id: lower case letters and digits, joined by hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Plain text of a little Markdown: links as their text, emphasis marks dropped.
pub fn plain(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(start) = rest.find('[') {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 1..).unwrap_or_default();
        match after.find("](").and_then(|mid| {
            let close = after.get(mid..)?.find(')')? + mid;
            Some((after.get(..mid)?, close))
        }) {
            Some((label, close)) => {
                out.push_str(label);
                rest = after.get(close + 1..).unwrap_or_default();
            }
            // No link after this `[`, so none after any later one: the rest is text (looking
            // again from each `[` of a run of 400,000 would cost their square).
            None => break,
        }
    }
    out.push_str(rest);
    // Emphasis marks go; an underscore inside a word ("a_b" in an address) stays.
    let chars: Vec<char> = out.chars().collect();
    let kept: String = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| match c {
            '*' | '`' => false,
            '_' => {
                let word = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                word(i.checked_sub(1)) && word(Some(i + 1))
            }
            _ => true,
        })
        .map(|(_, c)| *c)
        .collect();
    squash(&kept)
}

/// Ids for `labels`, in order: each one's slug, `<prefix>-<n>` for one without letters or
/// digits, and "-2", "-3" after one already taken.
pub fn unique_ids<'a>(labels: impl IntoIterator<Item = &'a str>, prefix: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    // The next number to try after each base that is taken: 10,000 equal labels are numbered
    // in one pass.
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, label) in labels.into_iter().enumerate() {
        let base = match slug(label) {
            s if s.is_empty() => format!("{prefix}-{}", i + 1),
            s => s,
        };
        let mut id = base.clone();
        let mut n = next.get(&base).copied().unwrap_or(2);
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        next.insert(base, n);
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}
