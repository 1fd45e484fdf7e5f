//! Onboarding checklists: phases of nested items, ticks with "not applicable", progress, due
//! dates, the saved record and the Markdown export.
//!
//! Walks over the item tree that recurse (progress, ids, export) go at most
//! [`CHECKLIST_DEPTH`] deep: validation refuses deeper items, and the JSON scan refuses data
//! nested beyond [`super::limits::MAX_DEPTH`] before anything is parsed.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::error::DataError;
use super::json::{check_count, check_ids, check_text, Validate};
use super::levels::normalize;
use super::limits::{count, CHECKLIST_DEPTH, CHECKLIST_ITEMS, CHECKLIST_PHASES};
use super::tracked;
use super::SourceLink;

/// An onboarding plan: what the `onboarding-checklist` widget shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable id; progress is saved under it, so keep it when the content changes. Required.
    pub id: String,
    /// Heading of the widget. Required.
    pub title: String,
    /// Where the plan is published. Default: none.
    #[serde(default)]
    pub source: Option<SourceLink>,
    /// Markdown shown under the title. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// The phases, in order. Required, at least one.
    pub phases: Vec<Rc<Phase>>,
}

/// A phase of the plan, such as "First Week".
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Phase {
    /// Stable id, unique in the checklist. Required.
    pub id: String,
    /// Name of the phase. Required.
    pub title: String,
    /// What the phase is for (Markdown). Default: none.
    #[serde(default)]
    pub objective: Option<String>,
    /// Training focus, each Markdown. Default: none.
    #[serde(default)]
    pub training: Vec<String>,
    /// More Markdown (context, resources). Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// Days after the start date by which the phase is due. Default: none (no due date).
    #[serde(default)]
    pub due_day: Option<u32>,
    /// The things to do, nested up to 16 levels deep. Required.
    pub items: Vec<Rc<Item>>,
}

/// Something to do.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id. Default: derived from the phase and the item's normalised text (and its
    /// parents'), so reordering or inserting items keeps every tick on its item.
    #[serde(default)]
    pub id: Option<String>,
    /// What to do (Markdown, inline). Required.
    pub text: String,
    /// Who does it, such as "Manager" or "New hire". Default: none.
    #[serde(default)]
    pub owner: Option<String>,
    /// Sub-items. Default: none.
    #[serde(default)]
    pub children: Vec<Rc<Item>>,
}

impl Item {
    /// The item's id (always set once the checklist is parsed).
    pub fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}

/// A stable id from text: FNV-1a over the normalised text, as 12 hex digits.
pub fn derive_id(phase: &str, path: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in std::iter::once(phase.to_owned()).chain(path.iter().map(|t| normalize(t))) {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{phase}-{:012x}", hash & 0xffff_ffff_ffff)
}

/// Fills in ids below `items`. Recursive, as deep as the items nest: at most
/// [`CHECKLIST_DEPTH`] once validated (and [`super::limits::MAX_DEPTH`] before).
fn assign(
    items: &mut [Rc<Item>],
    phase: &str,
    parents: &mut Vec<String>,
    seen: &mut std::collections::HashMap<String, usize>,
) {
    for item in items {
        let item = Rc::make_mut(item);
        parents.push(item.text.clone());
        if item.id.is_none() {
            let path: Vec<&str> = parents.iter().map(String::as_str).collect();
            let base = derive_id(phase, &path);
            // The same text twice under the same parent: number the later ones.
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            item.id = Some(if *n == 1 { base } else { format!("{base}-{n}") });
        }
        assign(&mut item.children, phase, parents, seen);
        parents.pop();
    }
}

impl Checklist {
    /// Fills in every missing item id (see [`Item::id`]).
    pub fn with_ids(mut self) -> Self {
        for phase in &mut self.phases {
            let phase = Rc::make_mut(phase);
            let id = phase.id.clone();
            assign(
                &mut phase.items,
                &id,
                &mut Vec::new(),
                &mut std::collections::HashMap::new(),
            );
        }
        self
    }
}

/// Every item of `items`, depth first, without recursion.
pub fn all_items(items: &[Rc<Item>]) -> Vec<&Item> {
    let mut out = Vec::new();
    let mut stack: Vec<std::slice::Iter<'_, Rc<Item>>> = vec![items.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(item) => {
                out.push(&**item);
                stack.push(item.children.iter());
            }
            None => {
                stack.pop();
            }
        }
    }
    out
}

/// Checks every item of a phase without recursion: text present, explicit ids unique in the
/// checklist (`ids` holds those of earlier phases), at most [`CHECKLIST_DEPTH`] levels, and
/// the running total `seen` within [`CHECKLIST_ITEMS`].
fn check_items<'a>(
    items: &'a [Rc<Item>],
    pi: usize,
    seen: &mut usize,
    ids: &mut std::collections::HashSet<&'a str>,
) -> Result<(), DataError> {
    // The index path of the item being checked: one entry per level.
    let mut stack: Vec<(&[Rc<Item>], usize)> = vec![(items, 0)];
    while let Some((list, next)) = stack.last_mut() {
        let (list, index) = (*list, *next);
        let Some(item) = list.get(index) else {
            stack.pop();
            continue;
        };
        *next += 1;
        *seen += 1;
        let path = || {
            let mut path = format!("$.phases[{pi}].items");
            for (level, (_, n)) in stack.iter().enumerate() {
                if level > 0 {
                    path.push_str(".children");
                }
                path.push_str(&format!("[{}]", n.saturating_sub(1)));
            }
            path
        };
        if *seen > CHECKLIST_ITEMS {
            return Err(DataError::limit_at(
                path(),
                format!(
                    "more than {} items in the checklist; the widget accepts at most {}",
                    count(CHECKLIST_ITEMS),
                    count(CHECKLIST_ITEMS)
                ),
            ));
        }
        check_text(&item.text, format!("{}.text", path()))?;
        if let Some(id) = item.id.as_deref() {
            if !ids.insert(id) {
                return Err(DataError::invalid_at(
                    format!("{}.id", path()),
                    format!("duplicate item id \"{id}\": each must be unique in the checklist (ticks are saved by it)"),
                ));
            }
        }
        if !item.children.is_empty() {
            if stack.len() >= CHECKLIST_DEPTH {
                return Err(DataError::limit_at(
                    format!("{}.children", path()),
                    format!("items are nested more than {CHECKLIST_DEPTH} levels deep; the widget accepts at most {CHECKLIST_DEPTH}"),
                ));
            }
            stack.push((&item.children, 0));
        }
    }
    Ok(())
}

impl Validate for Checklist {
    const MAX_BYTES: usize = super::limits::CHECKLIST_BYTES;

    fn validate(&self) -> Result<(), DataError> {
        check_text(&self.id, "$.id")?;
        check_text(&self.title, "$.title")?;
        if self.phases.is_empty() {
            return Err(DataError::invalid_at(
                "$.phases",
                "a checklist needs at least one phase",
            ));
        }
        check_count(self.phases.len(), CHECKLIST_PHASES, "$.phases", "phases")?;
        check_ids(self.phases.iter().map(|p| p.id.as_str()), "$.phases", "id")?;
        let (mut seen, mut ids) = (0, std::collections::HashSet::new());
        for (pi, phase) in self.phases.iter().enumerate() {
            check_text(&phase.title, format!("$.phases[{pi}].title"))?;
            check_items(&phase.items, pi, &mut seen, &mut ids)?;
        }
        Ok(())
    }
}

// Ticks and progress

/// What the reader has said about an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// Done.
    Done,
    /// Does not apply to this new hire; left out of the count.
    NotApplicable,
}

/// Marks by item id, in id order; saved as a JSON object. A sorted list with a map's methods,
/// not a `BTreeMap`: a few hundred entries at most, and the tree's generic code cost the wasm
/// about 7 KB brotli.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ticks(Vec<(String, Mark)>);

impl Ticks {
    /// No marks.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// The mark of item `id`.
    pub fn get(&self, id: &str) -> Option<&Mark> {
        let i = self.find(id).ok()?;
        self.0.get(i).map(|(_, m)| m)
    }

    /// Sets the mark of item `id`; gives the one it replaces.
    pub fn insert(&mut self, id: String, mark: Mark) -> Option<Mark> {
        match self.find(&id) {
            Ok(i) => self.0.get_mut(i).map(|(_, m)| std::mem::replace(m, mark)),
            Err(i) => {
                self.0.insert(i, (id, mark));
                None
            }
        }
    }

    /// Removes the mark of item `id`; gives it.
    pub fn remove(&mut self, id: &str) -> Option<Mark> {
        let i = self.find(id).ok()?;
        Some(self.0.remove(i).1)
    }

    /// Removes every mark.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// How many items have a mark.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no item has a mark.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every (id, mark), in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Mark)> {
        self.0.iter().map(|(k, m)| (k.as_str(), *m))
    }
}

impl<const N: usize> From<[(String, Mark); N]> for Ticks {
    fn from(marks: [(String, Mark); N]) -> Self {
        let mut ticks = Self::new();
        for (id, mark) in marks {
            ticks.insert(id, mark);
        }
        ticks
    }
}

impl Serialize for Ticks {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, mark) in &self.0 {
            map.serialize_entry(id, mark)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Ticks {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Marks;
        impl<'de> serde::de::Visitor<'de> for Marks {
            type Value = Ticks;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ticks, A::Error> {
                let mut ticks = Ticks::new();
                while let Some((id, mark)) = map.next_entry::<String, Mark>()? {
                    ticks.insert(id, mark);
                }
                Ok(ticks)
            }
        }
        deserializer.deserialize_map(Marks)
    }
}

/// The state of an item's checkbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckState {
    /// Not done (for a parent: no counted child done).
    Open,
    /// Some counted children done.
    Mixed,
    /// Done (for a parent: every counted child done).
    Done,
    /// Not applicable (itself or a parent).
    NotApplicable,
}

impl CheckState {
    /// The `data-state` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Mixed => "mixed",
            Self::Done => "done",
            Self::NotApplicable => "not-applicable",
        }
    }
}

/// Done and counted items: leaves only, N/A left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Counted leaves that are done.
    pub done: usize,
    /// Leaves that count (not N/A).
    pub total: usize,
}

impl Progress {
    /// Percentage done, 0 to 100 (100 for an empty total).
    pub fn percent(self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }

    fn add(self, other: Self) -> Self {
        Self {
            done: self.done + other.done,
            total: self.total + other.total,
        }
    }
}

/// Progress over `items` and their descendants.
pub fn progress(items: &[Rc<Item>], ticks: &Ticks) -> Progress {
    items
        .iter()
        .fold(Progress::default(), |p, i| p.add(item_progress(i, ticks)))
}

fn item_progress(item: &Item, ticks: &Ticks) -> Progress {
    match ticks.get(item.key()) {
        Some(Mark::NotApplicable) => Progress::default(),
        mark if item.children.is_empty() => Progress {
            done: usize::from(mark == Some(&Mark::Done)),
            total: 1,
        },
        _ => progress(&item.children, ticks),
    }
}

/// The state of `item`'s checkbox when it sits under a parent marked not applicable or not.
pub fn state_under(item: &Item, ticks: &Ticks, parent_not_applicable: bool) -> CheckState {
    if parent_not_applicable {
        CheckState::NotApplicable
    } else {
        state(item, ticks)
    }
}

/// The checkbox state of `item`.
pub fn state(item: &Item, ticks: &Ticks) -> CheckState {
    if ticks.get(item.key()) == Some(&Mark::NotApplicable) {
        return CheckState::NotApplicable;
    }
    let p = item_progress(item, ticks);
    match (p.done, p.total) {
        (_, 0) if !item.children.is_empty() => CheckState::NotApplicable,
        (0, _) => CheckState::Open,
        (d, t) if d == t => CheckState::Done,
        _ => CheckState::Mixed,
    }
}

/// Ticks after the reader clicks `item`'s checkbox: a leaf flips; a parent marks every counted
/// leaf below it done, or clears them all when they already are.
pub fn toggle(item: &Item, ticks: &Ticks) -> Ticks {
    let mut next = ticks.clone();
    let done = state(item, ticks) == CheckState::Done;
    let mut leaves = Vec::new();
    counted_leaves(item, ticks, &mut leaves);
    for id in leaves {
        if done {
            next.remove(&id);
        } else {
            next.insert(id, Mark::Done);
        }
    }
    next
}

fn counted_leaves(item: &Item, ticks: &Ticks, out: &mut Vec<String>) {
    if ticks.get(item.key()) == Some(&Mark::NotApplicable) {
        return;
    }
    if item.children.is_empty() {
        out.push(item.key().to_owned());
    }
    for child in &item.children {
        counted_leaves(child, ticks, out);
    }
}

/// Ticks after the reader marks `item` not applicable, or applicable again.
pub fn toggle_not_applicable(item: &Item, ticks: &Ticks) -> Ticks {
    let mut next = ticks.clone();
    if next.get(item.key()) == Some(&Mark::NotApplicable) {
        next.remove(item.key());
    } else {
        next.insert(item.key().to_owned(), Mark::NotApplicable);
    }
    next
}

// Saved record

/// The saved progress of one checklist: versioned, so later formats can read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Format version; this is version 1.
    pub version: u32,
    /// Marks by item id; ids no longer in the checklist are kept but not counted.
    #[serde(default)]
    pub ticks: Ticks,
    /// Start date, `YYYY-MM-DD`. Default: none.
    #[serde(default)]
    pub start: Option<String>,
}

/// The record format this build writes.
pub const RECORD_VERSION: u32 = 1;

impl Default for Record {
    fn default() -> Self {
        Self {
            version: RECORD_VERSION,
            ticks: Ticks::new(),
            start: None,
        }
    }
}

/// Why a saved record cannot be used. Such a record is left in storage as it is: never
/// overwritten, never removed, except when the reader resets on purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Saved by a newer version of the widgets, in this record format.
    Newer(u32),
    /// Not a record this version writes: what is wrong with it.
    Damaged(String),
}

impl Unreadable {
    /// The reason, as the end of a sentence: "it was saved by a newer version ...".
    pub fn describe(&self) -> String {
        match self {
            Self::Newer(v) => format!(
                "it was saved by a newer version of the handbook widgets (record format {v}; this page's version reads format {RECORD_VERSION})"
            ),
            Self::Damaged(why) => format!("it is damaged ({why})"),
        }
    }
}

impl Record {
    /// Reads a saved record: nothing saved gives an empty record; a record from a newer
    /// format, or one that is not valid (not JSON, wrong shape, unknown fields, an unknown
    /// mark), gives the reason it cannot be used.
    pub fn read(text: Option<&str>) -> Result<Self, Unreadable> {
        /// Only the version, whatever else the record holds.
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let Some(text) = text else {
            return Ok(Self::default());
        };
        let damaged = |e: &dyn std::fmt::Display| Unreadable::Damaged(e.to_string());
        // Through a JSON value, as the widgets' data: one deserializer for every type.
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| damaged(&e))?;
        let versioned: Versioned = tracked::from_value(&value).map_err(|e| damaged(&e))?;
        match versioned.version {
            RECORD_VERSION => tracked::from_value(&value).map_err(|e| damaged(&e)),
            v if v > RECORD_VERSION => Err(Unreadable::Newer(v)),
            v => Err(Unreadable::Damaged(format!("unknown record format {v}"))),
        }
    }

    /// The record as JSON.
    pub fn write(&self) -> String {
        serde_json::to_string(&Record {
            version: RECORD_VERSION,
            ..self.clone()
        })
        .unwrap_or_default()
    }
}

/// The storage key of a checklist's record.
pub fn storage_key(checklist_id: &str) -> String {
    format!("handbook-widgets:onboarding-checklist:{checklist_id}")
}

// Dates

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (format_date(days) == text.trim()).then_some(days)
}

/// `YYYY-MM-DD` of days since 1970-01-01.
pub fn format_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Where a phase stands on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// Every counted item is done.
    Complete,
    /// Due date passed with items left.
    Overdue,
    /// Today falls within the phase.
    Current,
    /// Not started yet.
    Upcoming,
    /// No start date or no due day.
    Unscheduled,
}

impl Timing {
    /// The `data-timing` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Complete => "complete",
            Self::Overdue => "overdue",
            Self::Current => "current",
            Self::Upcoming => "upcoming",
            Self::Unscheduled => "unscheduled",
        }
    }
}

/// Due date (days) and timing of each phase, given the start date and today (both days since 1970).
pub fn schedule(
    checklist: &Checklist,
    ticks: &Ticks,
    start: Option<i64>,
    today: i64,
) -> Vec<(Option<i64>, Timing)> {
    let mut previous_due: Option<i64> = None;
    checklist
        .phases
        .iter()
        .map(|phase| {
            let due = start.zip(phase.due_day).map(|(s, d)| s + i64::from(d));
            let p = progress(&phase.items, ticks);
            let timing = match due {
                _ if p.total > 0 && p.done == p.total => Timing::Complete,
                None => Timing::Unscheduled,
                Some(due) if today > due => Timing::Overdue,
                Some(_) if previous_due.is_none_or(|prev| today > prev) => Timing::Current,
                Some(_) => Timing::Upcoming,
            };
            if due.is_some() {
                previous_due = due;
            }
            (due, timing)
        })
        .collect()
}

// Export

/// The progress as a Markdown task list with a heading per phase, to paste into an issue.
pub fn export_markdown(checklist: &Checklist, ticks: &Ticks) -> String {
    let mut out = format!("# {}\n", checklist.title);
    for phase in &checklist.phases {
        let p = progress(&phase.items, ticks);
        out.push_str(&format!(
            "\n## {} ({}/{})\n\n",
            phase.title, p.done, p.total
        ));
        export_items(&phase.items, ticks, 0, false, &mut out);
    }
    out
}

fn export_items(
    items: &[Rc<Item>],
    ticks: &Ticks,
    depth: usize,
    parent_na: bool,
    out: &mut String,
) {
    for item in items {
        let indent = "  ".repeat(depth);
        let text = item.text.replace('\n', " ");
        let s = state_under(item, ticks, parent_na);
        let line = match s {
            CheckState::Done => format!("{indent}- [x] {text}"),
            CheckState::NotApplicable => format!("{indent}- [ ] ~~{text}~~ (not applicable)"),
            CheckState::Open | CheckState::Mixed => format!("{indent}- [ ] {text}"),
        };
        out.push_str(&line);
        if let Some(owner) = &item.owner {
            out.push_str(&format!(" ({owner})"));
        }
        out.push('\n');
        export_items(
            &item.children,
            ticks,
            depth + 1,
            s == CheckState::NotApplicable,
            out,
        );
    }
}
