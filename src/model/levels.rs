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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// Named tracks beyond the built-in `individual-contributor`, `manager` and `executive`, in
    /// the order their lanes are drawn. Default: none.
    #[serde(default)]
    pub tracks: Vec<TrackDef>,
    /// The levels, lowest first; at least two. Required.
    pub levels: Vec<Rc<Level>>,
}

/// A named track of a ladder, such as "Specialist".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrackDef {
    /// Stable id; levels name their track by it. Required.
    pub id: String,
    /// What readers see: "Specialist track". Required.
    pub label: String,
}

/// The built-in tracks: (id, label), in lane order.
pub const BUILT_IN_TRACKS: [(&str, &str); 3] = [
    ("individual-contributor", "Individual contributor"),
    ("manager", "Manager"),
    ("executive", "Executive"),
];

/// One level of a ladder.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// The level's track: `individual-contributor`, `manager`, `executive` or the id of one of
    /// the ladder's `tracks`. Default: none (not stated; such levels share one lane).
    #[serde(default)]
    pub track: Option<String>,
    /// Ids of the equivalent levels on other tracks (a Staff Engineer and an Engineering
    /// Manager, say). Default: none.
    #[serde(default)]
    pub equivalent: Vec<String>,
    /// Whom the level reports to (inline Markdown). Default: none.
    #[serde(default)]
    pub reports_to: Option<String>,
    /// Ids of the levels of this ladder it reports to, linked. Default: none.
    #[serde(default)]
    pub reports_to_levels: Vec<String>,
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

/// A named part of a level: a list of Markdown items, or Markdown prose.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// Whether the handbook marks the section as not yet written ("TBD"); it then has neither
    /// `items` nor `text`. Default: `false`.
    #[serde(default)]
    pub tbd: bool,
}

/// A level's hiring process: a variant of a hiring-timeline preset (summed up in the
/// comparison), a page that shows it, or a hiring timeline on the same page; at least one.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HiringRef {
    /// The hiring-timeline preset. Default: none.
    #[serde(default)]
    pub preset: Option<String>,
    /// The variant id, in the preset or the mount. Required with `preset` or `mount`.
    #[serde(default)]
    pub variant: Option<String>,
    /// A page where that process is shown, linked from the level. Default: none.
    #[serde(default)]
    pub url: Option<String>,
    /// The `id` of a hiring-timeline mount on the same page: the link selects the variant's tab
    /// there. Default: none.
    #[serde(default)]
    pub mount: Option<String>,
}

impl Level {
    /// The short label, or the title.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }
}

/// A lane of the ladder strip: one track's levels, by index in the ladder's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The track's id; `None` for levels without a track (or every level, in a ladder of one
    /// lane).
    pub track: Option<String>,
    /// Indices of its levels, lowest first.
    pub levels: Vec<usize>,
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

    /// Both sides moved `delta` levels along their own lanes (see [`Ladder::lanes`]), or
    /// `None` if either would leave its lane.
    pub fn step(&self, (left, right): (usize, usize), delta: isize) -> Option<(usize, usize)> {
        let lanes = self.lanes();
        let along = |i: usize| {
            let lane = lanes.iter().find(|l| l.levels.contains(&i))?;
            let at = lane.levels.iter().position(|j| *j == i)?;
            lane.levels.get(at.checked_add_signed(delta)?).copied()
        };
        Some((along(left)?, along(right)?))
    }

    /// Whether the levels state at least two different tracks: then each track is a lane of
    /// its own (and levels without a track one more). A ladder that names one track at most
    /// (a manager level among levels whose track is not stated) is one lane, in order.
    pub fn has_lanes(&self) -> bool {
        let mut tracks = self.levels.iter().filter_map(|l| l.track.as_deref());
        tracks
            .next()
            .is_some_and(|first| tracks.any(|t| t != first))
    }

    /// The label of track `id`: the ladder's own name for it, a built-in one, or the id.
    pub fn track_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.tracks
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.label.as_str())
            .or_else(|| {
                BUILT_IN_TRACKS
                    .iter()
                    .find(|(k, _)| *k == id)
                    .map(|(_, l)| *l)
            })
            .unwrap_or(id)
    }

    /// The lanes: with several tracks, built-in tracks first, then the ladder's own, then
    /// levels without a track; else one lane of every level.
    pub fn lanes(&self) -> Vec<Lane> {
        if !self.has_lanes() {
            return vec![Lane {
                track: None,
                levels: (0..self.levels.len()).collect(),
            }];
        }
        let order = BUILT_IN_TRACKS
            .iter()
            .map(|(id, _)| Some(*id))
            .chain(self.tracks.iter().map(|t| Some(t.id.as_str())))
            .chain([None]);
        order
            .map(|track| Lane {
                track: track.map(str::to_owned),
                levels: (0..self.levels.len())
                    .filter(|i| self.levels.get(*i).map(|l| l.track.as_deref()) == Some(track))
                    .collect(),
            })
            .filter(|lane| !lane.levels.is_empty())
            .collect()
    }

    /// Each level's column when the lanes are drawn side by side: levels of the same grade
    /// share a column; grades in the order they first appear, numbers in numeric order.
    pub fn columns(&self) -> Vec<usize> {
        let mut grades: Vec<&str> = Vec::new();
        for level in self.levels.iter() {
            if let Some(g) = level.grade.as_deref() {
                if !grades.contains(&g) {
                    grades.push(g);
                }
            }
        }
        if grades.iter().all(|g| grade_number(g).is_some()) {
            grades.sort_by_key(|g| grade_number(g));
        }
        // Levels without a grade take the column after the level before them on their lane;
        // the first of a lane, the column after the levels placed so far that name it as
        // their next step (a CTO after the VP whose step it is), else the first.
        let mut columns = vec![0; self.levels.len()];
        let mut placed = vec![false; self.levels.len()];
        for lane in self.lanes() {
            let mut previous: Option<usize> = None;
            for i in lane.levels {
                let Some(level) = self.levels.get(i) else {
                    continue;
                };
                let own = level
                    .grade
                    .as_deref()
                    .and_then(|g| grades.iter().position(|x| *x == g));
                let after_steps = || {
                    self.levels
                        .iter()
                        .zip(columns.iter().zip(&placed))
                        .filter(|(l, (_, done))| **done && l.next.contains(&level.id))
                        .map(|(_, (c, _))| c + 1)
                        .max()
                        .unwrap_or(0)
                };
                let column = own.unwrap_or_else(|| previous.map_or_else(after_steps, |p| p + 1));
                if let Some(done) = placed.get_mut(i) {
                    *done = true;
                }
                if let Some(slot) = columns.get_mut(i) {
                    *slot = column;
                }
                previous = Some(column);
            }
        }
        columns
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
        check_ids(self.tracks.iter().map(|t| t.id.as_str()), "$.tracks", "id")?;
        for (i, track) in self.tracks.iter().enumerate() {
            check_text(&track.label, format!("$.tracks[{i}].label"))?;
        }
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
            for (field, list, what) in [
                ("next", &level.next, "next step"),
                ("equivalent", &level.equivalent, "equivalent level"),
                (
                    "reportsToLevels",
                    &level.reports_to_levels,
                    "level it reports to",
                ),
            ] {
                for (ni, id) in list.iter().enumerate() {
                    if !ids.contains(id.as_str()) {
                        return Err(DataError::invalid_at(
                            format!("{at}.{field}[{ni}]"),
                            format!("{what} \"{id}\" is not the id of a level in this ladder"),
                        ));
                    }
                }
            }
            if let Some(track) = level.track.as_deref() {
                let known = BUILT_IN_TRACKS.iter().any(|(id, _)| *id == track)
                    || self.tracks.iter().any(|t| t.id == track);
                if !known {
                    let mut names: Vec<&str> = BUILT_IN_TRACKS.iter().map(|(id, _)| *id).collect();
                    names.extend(self.tracks.iter().map(|t| t.id.as_str()));
                    return Err(DataError::invalid_at(
                        format!("{at}.track"),
                        format!("unknown track \"{track}\": use one of {}, or name it in the ladder's `tracks`", names.join(", ")),
                    ));
                }
            }
            if let Some(h) = &level.hiring {
                let at = format!("{at}.hiring");
                if h.preset.is_none() && h.url.is_none() && h.mount.is_none() {
                    return Err(DataError::invalid_at(
                        at,
                        "a hiring process needs a `preset`, a `url` or a `mount`",
                    ));
                }
                if (h.preset.is_some() || h.mount.is_some()) && h.variant.is_none() {
                    return Err(DataError::invalid_at(
                        at,
                        "give the `variant` of the hiring process this level uses",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A grade such as "9.5" as (9, 500000), to order grades as numbers (no float parsing).
fn grade_number(grade: &str) -> Option<(u64, u64)> {
    let (whole, fraction) = grade.trim().split_once('.').unwrap_or((grade.trim(), ""));
    if fraction.len() > 6 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scaled = format!("{fraction:0<6}");
    Some((whole.parse().ok()?, scaled.parse().unwrap_or(0)))
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
        match (&self.items, &self.text, self.tbd) {
            (Some(_), None, false) | (None, Some(_), false) | (None, None, true) => Ok(()),
            (_, _, true) => Err(DataError::invalid_at(
                at,
                "a section marked `tbd` (not yet written) has no `items` or `text`",
            )),
            _ => Err(DataError::invalid_at(
                at,
                "a section has either `items` (a list) or `text` (prose), exactly one, or is marked `tbd`",
            )),
        }
    }

    /// The section's pieces: its items, or the sentences of its prose (none when TBD).
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
    /// Levels of the ladder the left value names (reports to, equivalent), by index.
    pub left_links: Vec<usize>,
    /// Levels of the ladder the right value names, by index.
    pub right_links: Vec<usize>,
}

impl FieldRow {
    /// Whether the two sides differ (after normalising case, spacing and punctuation).
    pub fn changed(&self) -> bool {
        self.left.as_deref().map(normalize) != self.right.as_deref().map(normalize)
            || self.left_links != self.right_links
    }

    fn text(name: &'static str, left: Option<String>, right: Option<String>) -> Self {
        Self {
            name,
            left,
            right,
            left_links: Vec::new(),
            right_links: Vec::new(),
        }
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
    /// Whether the section is marked as not yet written (then it has no pieces).
    pub tbd: bool,
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

/// An item or sentence, and whether the other level lacks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The Markdown text.
    pub text: String,
    /// `true` when the other level has no equal or similar piece in the same section (or lacks
    /// the section).
    pub only_here: bool,
    /// When the piece is paired with a similar one of the other level: its words (as plain
    /// text), each marked when the other piece does not have it. Default: none.
    pub diff: Option<Vec<Word>>,
}

/// A word of a paired piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word as written, with its punctuation.
    pub text: String,
    /// Whether the other piece of the pair lacks it.
    pub changed: bool,
}

/// Compares level `a` (left) with level `b` (right).
pub fn compare(a: &Level, b: &Level, ladder: &Ladder) -> Comparison {
    let index_of = |ids: &[String]| -> Vec<usize> {
        ids.iter().filter_map(|id| ladder.index_of(id)).collect()
    };
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
    let track = |l: &Level| l.track.as_deref().map(|t| ladder.track_label(t).to_owned());
    let fields = vec![
        FieldRow::text("Grade", a.grade.clone(), b.grade.clone()),
        FieldRow::text("Track", track(a), track(b)),
        FieldRow {
            name: "Reports to",
            left: a.reports_to.clone(),
            right: b.reports_to.clone(),
            left_links: index_of(&a.reports_to_levels),
            right_links: index_of(&b.reports_to_levels),
        },
        FieldRow {
            name: "Equivalent",
            left: None,
            right: None,
            left_links: index_of(&a.equivalent),
            right_links: index_of(&b.equivalent),
        },
        FieldRow::text("Experience", a.experience.clone(), b.experience.clone()),
        FieldRow::text("Next step", next(a), next(b)),
    ]
    .into_iter()
    .filter(|f| {
        f.left.is_some()
            || f.right.is_some()
            || !f.left_links.is_empty()
            || !f.right_links.is_empty()
    })
    .collect();

    let summary = |l: &Level| {
        l.summary.as_ref().map(|text| Section {
            title: "Summary".to_owned(),
            items: None,
            text: Some(text.clone()),
            tbd: false,
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
    let mut lpieces = marked(lp, &rk);
    let mut rpieces = marked(rp, &lk);
    pair_similar(&mut lpieces, &mut rpieces);
    let side = |s: Option<&Section>, pieces: Vec<Piece>| {
        s.map(|s| Side {
            prose: s.is_prose(),
            tbd: s.tbd,
            pieces,
        })
    };
    SectionRow {
        title,
        left: side(left, lpieces),
        right: side(right, rpieces),
    }
}

fn marked(own: Vec<String>, other: &HashSet<String>) -> Vec<Piece> {
    own.into_iter()
        .map(|text| Piece {
            only_here: !other.contains(&normalize(&text)),
            text,
            diff: None,
        })
        .collect()
}

/// At most this many (left, right) candidates are weighed in one section; beyond it, pieces
/// without an equal stay "only in" (a section of hundreds of differently worded items).
const MAX_CANDIDATES: usize = 40_000;

/// Short words that say little about what a piece is about; left out when weighing how similar
/// two pieces are (they still show, and count, in the word marks).
const STOP_WORDS: [&str; 16] = [
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from", "is",
    "are",
];

/// Pairs pieces that only one side has with a similar one of the other side (at least half
/// their words in common, short words aside), most similar first, and marks the words that
/// change in each pair.
fn pair_similar(left: &mut [Piece], right: &mut [Piece]) {
    let words = |p: &Piece| -> HashSet<String> {
        plain(&p.text)
            .split_whitespace()
            .map(word_key)
            .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
            .collect()
    };
    let open = |ps: &[Piece]| -> Vec<(usize, HashSet<String>)> {
        ps.iter()
            .enumerate()
            .filter(|(_, p)| p.only_here)
            .map(|(i, p)| (i, words(p)))
            .collect()
    };
    let (l, r) = (open(left), open(right));
    if l.is_empty() || r.is_empty() || l.len().saturating_mul(r.len()) > MAX_CANDIDATES {
        return;
    }
    // Similarity as a Dice coefficient in thousandths, kept when at least 500.
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (li, lw) in &l {
        for (ri, rw) in &r {
            let common = lw.intersection(rw).count();
            let total = lw.len() + rw.len();
            let score = (2000 * common).checked_div(total).unwrap_or(0);
            if score >= 500 {
                candidates.push((score, *li, *ri));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    for (_, li, ri) in candidates {
        match (used_l.get_mut(li), used_r.get_mut(ri)) {
            (Some(l), Some(r)) if !*l && !*r => {
                *l = true;
                *r = true;
            }
            _ => continue,
        }
        let (Some(a), Some(b)) = (left.get_mut(li), right.get_mut(ri)) else {
            continue;
        };
        let (da, db) = word_diff(&plain(&a.text), &plain(&b.text));
        a.only_here = false;
        b.only_here = false;
        a.diff = Some(da);
        b.diff = Some(db);
    }
}

/// A word as compared: lower case, without surrounding punctuation (ASCII, and the quotes and
/// dashes handbooks type; no Unicode class tables in the wasm for this).
fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| {
        c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—')
    })
    .to_lowercase()
}

/// The words of `a` and of `b`, each marked when it is not part of their longest common
/// subsequence of words. Quadratic in the words of one pair: items and sentences are short,
/// and longer ones (over 200 words) are marked as changed throughout.
pub fn word_diff(a: &str, b: &str) -> (Vec<Word>, Vec<Word>) {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (ka, kb): (Vec<String>, Vec<String>) = (
        wa.iter().map(|w| word_key(w)).collect(),
        wb.iter().map(|w| word_key(w)).collect(),
    );
    let (n, m) = (wa.len(), wb.len());
    let mut keep_a = vec![false; n];
    let mut keep_b = vec![false; m];
    if n <= 200 && m <= 200 {
        // lcs[i][j]: the longest common subsequence of ka[i..] and kb[j..].
        let width = m + 1;
        let mut lcs = vec![0u16; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                let here = if ka.get(i) == kb.get(j) {
                    lcs.get((i + 1) * width + j + 1).copied().unwrap_or(0) + 1
                } else {
                    let down = lcs.get((i + 1) * width + j).copied().unwrap_or(0);
                    let right = lcs.get(i * width + j + 1).copied().unwrap_or(0);
                    down.max(right)
                };
                if let Some(cell) = lcs.get_mut(i * width + j) {
                    *cell = here;
                }
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if ka.get(i) == kb.get(j) {
                if let Some(k) = keep_a.get_mut(i) {
                    *k = true;
                }
                if let Some(k) = keep_b.get_mut(j) {
                    *k = true;
                }
                i += 1;
                j += 1;
            } else if lcs.get((i + 1) * width + j) >= lcs.get(i * width + j + 1) {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let marked = |words: Vec<&str>, keep: Vec<bool>| {
        words
            .into_iter()
            .zip(keep)
            .map(|(w, k)| Word {
                text: w.to_owned(),
                changed: !k,
            })
            .collect()
    };
    (marked(wa, keep_a), marked(wb, keep_b))
}

/// Markdown inline text as plain text: link targets and emphasis marks dropped, spaces single.
pub fn plain(text: &str) -> String {
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
        if !matches!(c, '*' | '_' | '`' | '[' | ']') {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text reduced to what matters for equality: Markdown link targets and emphasis dropped,
/// lower case, single spaces, no trailing punctuation.
pub fn normalize(text: &str) -> String {
    plain(text)
        .to_lowercase()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!'))
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
