//! Career ladders: ordered levels with sections, and the comparison of any two levels.

use std::collections::HashSet;
use std::rc::Rc;

use serde::Deserialize;

use super::error::DataError;
use super::json::{check_count, check_ids, check_text, Validate};
use super::limits::{LADDER_ITEMS, LADDER_LEVELS, LADDER_SECTIONS};
use super::SourceLink;

/// A career ladder: what the `level-comparison` widget shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Heading of the widget. Required.
    pub title: String,
    /// Where the ladder is published. Default: none.
    #[serde(default)]
    pub source: Option<SourceLink>,
    /// Markdown shown under the title. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// Sections that hold for every level (job-family-wide responsibilities, ...), shown once,
    /// apart from the comparison. Default: none.
    #[serde(default)]
    pub shared: Vec<Section>,
    /// The levels, lowest first; at least two. Required.
    pub levels: Vec<Rc<Level>>,
}

/// One level of a ladder.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Level {
    /// Stable id, unique in the ladder; used in the URL fragment. Required.
    pub id: String,
    /// Name of the level, such as "Director of Product Management". Required.
    pub title: String,
    /// Short label for the ladder strip and column headings. Default: the title.
    #[serde(default)]
    pub short: Option<String>,
    /// Job grade, as the handbook writes it ("9.5"). Default: none.
    #[serde(default)]
    pub grade: Option<String>,
    /// Individual contributor or manager. Default: none (not stated).
    #[serde(default)]
    pub track: Option<Track>,
    /// Whom the level reports to (inline Markdown). Default: none.
    #[serde(default)]
    pub reports_to: Option<String>,
    /// Experience the level asks for (inline Markdown). Default: none.
    #[serde(default)]
    pub experience: Option<String>,
    /// What the level is, in prose (Markdown). Default: none.
    #[serde(default)]
    pub summary: Option<String>,
    /// Named sections (Responsibilities, Requirements, Specialties, ...). Default: none.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Ids of the levels that are the next steps on the career ladder. Default: none.
    #[serde(default)]
    pub next: Vec<String>,
    /// The hiring process for this level, as a variant of a hiring-timeline preset. Default: none.
    #[serde(default)]
    pub hiring: Option<HiringRef>,
}

/// Individual contributor or manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Track {
    /// Does the work; manages no one.
    IndividualContributor,
    /// Manages people.
    Manager,
}

impl Track {
    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Self::IndividualContributor => "Individual contributor",
            Self::Manager => "Manager",
        }
    }

    /// The `data-track` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::IndividualContributor => "individual-contributor",
            Self::Manager => "manager",
        }
    }
}

/// A named part of a level: a list of Markdown items, or Markdown prose.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's name; sections of two levels line up by it (case and spacing ignored). Required.
    pub title: String,
    /// Items, each Markdown. Give `items` or `text`, not both.
    #[serde(default)]
    pub items: Option<Vec<String>>,
    /// Prose, Markdown. Give `items` or `text`, not both.
    #[serde(default)]
    pub text: Option<String>,
}

/// A level's hiring process: a variant of a hiring-timeline preset.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiringRef {
    /// The hiring-timeline preset. Required.
    pub preset: String,
    /// The variant id in that preset. Required.
    pub variant: String,
    /// A page where that process is shown, linked from the level. Default: none.
    #[serde(default)]
    pub url: Option<String>,
}

impl Level {
    /// The short label, or the title.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }
}

impl Ladder {
    /// Index of the level with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }

    /// The default pair: the first two levels.
    pub fn default_pair(&self) -> (usize, usize) {
        (0, 1.min(self.levels.len().saturating_sub(1)))
    }

    /// The pair a reader gets by clicking `index` on the ladder: the level it is the next step
    /// of (or the one before it) on the left, `index` on the right; for the first level, it and
    /// the one after.
    pub fn pair_ending_at(&self, index: usize) -> (usize, usize) {
        let Some(level) = self.levels.get(index) else {
            return self.default_pair();
        };
        let from = self
            .levels
            .iter()
            .position(|l| l.next.iter().any(|n| *n == level.id));
        match (from, index) {
            (Some(from), _) if from != index => (from, index),
            (_, 0) => (0, 1.min(self.levels.len().saturating_sub(1))),
            (_, i) => (i - 1, i),
        }
    }

    /// Both sides moved `delta` levels along the ladder, or `None` if either would leave it.
    pub fn step(&self, (left, right): (usize, usize), delta: isize) -> Option<(usize, usize)> {
        let n = self.levels.len();
        let l = left.checked_add_signed(delta).filter(|i| *i < n)?;
        let r = right.checked_add_signed(delta).filter(|i| *i < n)?;
        Some((l, r))
    }
}

impl Validate for Ladder {
    const MAX_BYTES: usize = super::limits::LADDER_BYTES;

    fn validate(&self) -> Result<(), DataError> {
        check_text(&self.title, "$.title")?;
        if self.levels.len() < 2 {
            return Err(DataError::invalid_at(
                "$.levels",
                "a ladder needs at least two levels to compare",
            ));
        }
        check_count(self.levels.len(), LADDER_LEVELS, "$.levels", "levels")?;
        check_sections(&self.shared, "$.shared")?;
        check_ids(self.levels.iter().map(|l| l.id.as_str()), "$.levels", "id")?;
        for (i, section) in self.shared.iter().enumerate() {
            section.validate(&format!("$.shared[{i}]"))?;
        }
        let ids: HashSet<&str> = self.levels.iter().map(|l| l.id.as_str()).collect();
        for (li, level) in self.levels.iter().enumerate() {
            let at = format!("$.levels[{li}]");
            check_text(&level.title, format!("{at}.title"))?;
            check_sections(&level.sections, &format!("{at}.sections"))?;
            for (si, section) in level.sections.iter().enumerate() {
                section.validate(&format!("{at}.sections[{si}]"))?;
            }
            for (ni, next) in level.next.iter().enumerate() {
                if !ids.contains(next.as_str()) {
                    return Err(DataError::invalid_at(
                        format!("{at}.next[{ni}]"),
                        format!("next step \"{next}\" is not the id of a level in this ladder"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// At most [`LADDER_SECTIONS`] sections with [`LADDER_ITEMS`] items between them.
fn check_sections(sections: &[Section], at: &str) -> Result<(), DataError> {
    check_count(sections.len(), LADDER_SECTIONS, at, "sections")?;
    let items: usize = sections
        .iter()
        .map(|s| s.items.as_ref().map_or(0, Vec::len))
        .sum();
    check_count(items, LADDER_ITEMS, at, "items over all sections")
}

impl Section {
    fn validate(&self, at: &str) -> Result<(), DataError> {
        check_text(&self.title, format!("{at}.title"))?;
        match (&self.items, &self.text) {
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(DataError::invalid_at(
                at,
                "a section has either `items` (a list) or `text` (prose), exactly one",
            )),
        }
    }

    /// The section's pieces: its items, or the sentences of its prose.
    pub fn pieces(&self) -> Vec<String> {
        match (&self.items, &self.text) {
            (Some(items), _) => items.clone(),
            (None, Some(text)) => sentences(text),
            (None, None) => Vec::new(),
        }
    }

    /// Whether the section is prose (its pieces are sentences).
    pub fn is_prose(&self) -> bool {
        self.items.is_none()
    }
}

// Comparison

/// Two levels side by side: the structured fields and the sections, aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Grade, track, reports-to, experience, next step: each with both sides.
    pub fields: Vec<FieldRow>,
    /// Sections aligned by name: the summary first, then the left level's order, then sections
    /// only the right level has.
    pub sections: Vec<SectionRow>,
}

/// One structured field of both levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    /// Row heading, such as "Grade".
    pub name: &'static str,
    /// The left level's value (Markdown), if stated.
    pub left: Option<String>,
    /// The right level's value (Markdown), if stated.
    pub right: Option<String>,
}

impl FieldRow {
    /// Whether the two sides differ (after normalising case, spacing and punctuation).
    pub fn changed(&self) -> bool {
        self.left.as_deref().map(normalize) != self.right.as_deref().map(normalize)
    }
}

/// One section of both levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRow {
    /// The section's name, as the first level that has it writes it.
    pub title: String,
    /// The left level's pieces, each marked; `None` if the left level lacks the section.
    pub left: Option<Side>,
    /// The right level's pieces; `None` if the right level lacks the section.
    pub right: Option<Side>,
}

/// One level's content in a section row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// Whether the pieces are sentences of prose (else list items).
    pub prose: bool,
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

/// An item or sentence, and whether the other level lacks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The Markdown text.
    pub text: String,
    /// `true` when the other level has no equal piece in the same section (or lacks the section).
    pub only_here: bool,
}

/// Compares level `a` (left) with level `b` (right).
pub fn compare(a: &Level, b: &Level, ladder: &Ladder) -> Comparison {
    let title_of = |id: &String| {
        ladder
            .levels
            .iter()
            .find(|l| l.id == *id)
            .map_or(id.clone(), |l| l.label().to_owned())
    };
    let next = |l: &Level| {
        (!l.next.is_empty()).then(|| l.next.iter().map(title_of).collect::<Vec<_>>().join(", "))
    };
    let fields = vec![
        FieldRow {
            name: "Grade",
            left: a.grade.clone(),
            right: b.grade.clone(),
        },
        FieldRow {
            name: "Track",
            left: a.track.map(|t| t.label().to_owned()),
            right: b.track.map(|t| t.label().to_owned()),
        },
        FieldRow {
            name: "Reports to",
            left: a.reports_to.clone(),
            right: b.reports_to.clone(),
        },
        FieldRow {
            name: "Experience",
            left: a.experience.clone(),
            right: b.experience.clone(),
        },
        FieldRow {
            name: "Next step",
            left: next(a),
            right: next(b),
        },
    ]
    .into_iter()
    .filter(|f| f.left.is_some() || f.right.is_some())
    .collect();

    let summary = |l: &Level| {
        l.summary.as_ref().map(|text| Section {
            title: "Summary".to_owned(),
            items: None,
            text: Some(text.clone()),
        })
    };
    let left: Vec<Section> = summary(a)
        .into_iter()
        .chain(a.sections.iter().cloned())
        .collect();
    let right: Vec<Section> = summary(b)
        .into_iter()
        .chain(b.sections.iter().cloned())
        .collect();
    let mut sections: Vec<SectionRow> = left
        .iter()
        .map(|l| {
            let r = right.iter().find(|r| same_title(&r.title, &l.title));
            row(l.title.clone(), Some(l), r)
        })
        .collect();
    sections.extend(
        right
            .iter()
            .filter(|r| !left.iter().any(|l| same_title(&l.title, &r.title)))
            .map(|r| row(r.title.clone(), None, Some(r))),
    );
    Comparison { fields, sections }
}

fn same_title(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn row(title: String, left: Option<&Section>, right: Option<&Section>) -> SectionRow {
    let pieces = |s: Option<&Section>| s.map(Section::pieces).unwrap_or_default();
    let (lp, rp) = (pieces(left), pieces(right));
    let keys = |p: &[String]| p.iter().map(|t| normalize(t)).collect::<HashSet<_>>();
    let (lk, rk) = (keys(&lp), keys(&rp));
    let side = |s: Option<&Section>, own: Vec<String>, other: &HashSet<String>| {
        s.map(|s| Side {
            prose: s.is_prose(),
            pieces: own
                .into_iter()
                .map(|text| Piece {
                    only_here: !other.contains(&normalize(&text)),
                    text,
                })
                .collect(),
        })
    };
    SectionRow {
        title,
        left: side(left, lp, &rk),
        right: side(right, rp, &lk),
    }
}

/// Text reduced to what matters for equality: Markdown link targets and emphasis dropped,
/// lower case, single spaces, no trailing punctuation.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skip_target = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        if skip_target > 0 {
            match c {
                '(' => skip_target += 1,
                ')' => skip_target -= 1,
                _ => {}
            }
            prev = c;
            continue;
        }
        if c == '(' && prev == ']' {
            skip_target = 1;
            prev = c;
            continue;
        }
        prev = c;
        match c {
            '*' | '_' | '`' | '[' | ']' => {}
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!'))
        .to_owned()
}

/// Splits Markdown prose into sentences: at `.`, `!` or `?` followed by white space, outside
/// brackets and parentheses, and at blank lines. Each sentence keeps its own Markdown.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut depth = 0i32;
        let mut current = String::new();
        let mut chars = paragraph.chars().peekable();
        while let Some(c) = chars.next() {
            current.push(c);
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                '.' | '!' | '?'
                    if depth <= 0 && chars.peek().is_some_and(|n| n.is_whitespace()) =>
                {
                    push_sentence(&mut out, &current);
                    current.clear();
                }
                _ => {}
            }
        }
        push_sentence(&mut out, &current);
    }
    out
}

fn push_sentence(out: &mut Vec<String>, sentence: &str) {
    let trimmed = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if !trimmed.is_empty() {
        out.push(trimmed);
    }
}
