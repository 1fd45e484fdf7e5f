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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// The roles a phase or item can be for (see [`Item::audiences`]); the reader picks theirs.
    /// Default: none (every item is for everyone).
    #[serde(default)]
    pub audiences: Vec<Audience>,
    /// The phases, in order. Required, at least one.
    pub phases: Vec<Rc<Phase>>,
}

/// A role some phases or items are for, such as "Engineers".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// Stable id, unique in the checklist; `for` lists name it, and the reader's pick is saved
    /// by it. Required.
    pub id: String,
    /// What the reader picks, such as "Engineers". Required.
    pub label: String,
}

/// A phase of the plan, such as "First Week".
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// Ids of the audiences the whole phase is for. Default: none (for everyone).
    #[serde(default, rename = "for")]
    pub audiences: Vec<String>,
    /// Who does the phase's items, unless an item says otherwise. Default: none.
    #[serde(default)]
    pub owner: Option<String>,
    /// The things to do, nested up to 16 levels deep. Required.
    pub items: Vec<Rc<Item>>,
}

/// Something to do.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Item {
    /// Stable id. Default: derived from the phase and the item's normalised text (and its
    /// parents'), so reordering or inserting items keeps every tick on its item.
    #[serde(default)]
    pub id: Option<String>,
    /// What to do (Markdown, inline). Required.
    pub text: String,
    /// Who does it, such as "Manager" or "New hire"; applies to its children too unless they
    /// say otherwise. Default: the parent's, else the phase's, else none.
    #[serde(default)]
    pub owner: Option<String>,
    /// Ids of the audiences the item (and everything below it) is for. Default: none (for
    /// everyone its phase and parents are for).
    #[serde(default, rename = "for")]
    pub audiences: Vec<String>,
    /// Whether the item is optional: outside the count unless ticked; so is everything below
    /// it. Default: `false`.
    #[serde(default)]
    pub optional: bool,
    /// Whether the item is done when any one of its children is ("one of these"): it counts
    /// as one item, its children not apart. Default: `false`.
    #[serde(default)]
    pub one_of: bool,
    /// Sub-items. Default: none.
    #[serde(default)]
    pub children: Vec<Rc<Item>>,
}

impl Item {
    /// The item's id (always set once the checklist is parsed).
    pub fn key(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }

    /// Whether the item is for a reader of `audience` (`None`: every role) as far as its own
    /// `for` goes.
    pub fn is_for(&self, audience: Option<&str>) -> bool {
        is_for(&self.audiences, audience)
    }
}

impl Phase {
    /// Whether the phase is for a reader of `audience` (`None`: every role).
    pub fn is_for(&self, audience: Option<&str>) -> bool {
        is_for(&self.audiences, audience)
    }
}

fn is_for(audiences: &[String], audience: Option<&str>) -> bool {
    match audience {
        Some(a) if !audiences.is_empty() => audiences.iter().any(|x| x == a),
        _ => true,
    }
}

impl Checklist {
    /// The label of audience `id`, or the id itself.
    pub fn audience_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.audiences
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.label.as_str())
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
    audiences: &[Audience],
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
        check_audiences(&item.audiences, audiences, || format!("{}.for", path()))?;
        if let Some(owner) = &item.owner {
            check_text(owner, format!("{}.owner", path()))?;
        }
        if item.one_of && item.children.len() < 2 {
            return Err(DataError::invalid_at(
                format!("{}.oneOf", path()),
                "a \"one of\" item needs at least two children to choose from",
            ));
        }
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
        check_ids(
            self.audiences.iter().map(|a| a.id.as_str()),
            "$.audiences",
            "id",
        )?;
        for (i, audience) in self.audiences.iter().enumerate() {
            check_text(&audience.label, format!("$.audiences[{i}].label"))?;
        }
        let (mut seen, mut ids) = (0, std::collections::HashSet::new());
        for (pi, phase) in self.phases.iter().enumerate() {
            check_text(&phase.title, format!("$.phases[{pi}].title"))?;
            check_audiences(&phase.audiences, &self.audiences, || {
                format!("$.phases[{pi}].for")
            })?;
            check_items(&phase.items, pi, &mut seen, &mut ids, &self.audiences)?;
        }
        Ok(())
    }
}

/// Every id in a `for` list names one of the checklist's `audiences`.
fn check_audiences(
    named: &[String],
    audiences: &[Audience],
    path: impl Fn() -> String,
) -> Result<(), DataError> {
    for (i, id) in named.iter().enumerate() {
        if !audiences.iter().any(|a| a.id == *id) {
            let known: Vec<&str> = audiences.iter().map(|a| a.id.as_str()).collect();
            return Err(DataError::invalid_at(
                format!("{}[{i}]", path()),
                if known.is_empty() {
                    format!("unknown audience \"{id}\": list the roles in the checklist's `audiences` first")
                } else {
                    format!(
                        "unknown audience \"{id}\"; the checklist's audiences are {}",
                        known.join(", ")
                    )
                },
            ));
        }
    }
    Ok(())
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

/// Progress over `items` and their descendants for a reader of `audience` (`None`: every
/// role): items for other roles, N/A items, and optional items not ticked are left out.
pub fn progress(items: &[Rc<Item>], ticks: &Ticks, audience: Option<&str>) -> Progress {
    sum(items, ticks, audience, false)
}

/// Progress over a phase, for a reader of `audience`: nothing when the phase is for others.
pub fn phase_progress(phase: &Phase, ticks: &Ticks, audience: Option<&str>) -> Progress {
    if phase.is_for(audience) {
        progress(&phase.items, ticks, audience)
    } else {
        Progress::default()
    }
}

fn sum(items: &[Rc<Item>], ticks: &Ticks, audience: Option<&str>, optional: bool) -> Progress {
    items.iter().fold(Progress::default(), |p, i| {
        p.add(item_progress(i, ticks, audience, optional))
    })
}

/// Whether `item` counts at all for `audience`: for that role and not marked N/A.
fn applies(item: &Item, ticks: &Ticks, audience: Option<&str>) -> bool {
    item.is_for(audience) && ticks.get(item.key()) != Some(&Mark::NotApplicable)
}

/// Recursive, as deep as the items nest (at most [`CHECKLIST_DEPTH`] once validated).
fn item_progress(
    item: &Item,
    ticks: &Ticks,
    audience: Option<&str>,
    optional_above: bool,
) -> Progress {
    if !applies(item, ticks, audience) {
        return Progress::default();
    }
    let optional = optional_above || item.optional;
    let done = if item.one_of {
        item.children
            .iter()
            .any(|c| applies(c, ticks, audience) && state(c, ticks, audience) == CheckState::Done)
    } else if item.children.is_empty() {
        ticks.get(item.key()) == Some(&Mark::Done)
    } else {
        return sum(&item.children, ticks, audience, optional);
    };
    let any = !item.one_of || item.children.iter().any(|c| applies(c, ticks, audience));
    Progress {
        done: usize::from(done),
        total: usize::from(any && (done || !optional)),
    }
}

/// The state of `item`'s checkbox when it sits under a parent marked not applicable or not.
pub fn state_under(
    item: &Item,
    ticks: &Ticks,
    audience: Option<&str>,
    parent_not_applicable: bool,
) -> CheckState {
    if parent_not_applicable {
        CheckState::NotApplicable
    } else {
        state(item, ticks, audience)
    }
}

/// The checkbox state of `item` for a reader of `audience`; an item for other roles is shown
/// as it stands for everyone.
pub fn state(item: &Item, ticks: &Ticks, audience: Option<&str>) -> CheckState {
    let audience = audience.filter(|_| item.is_for(audience));
    if ticks.get(item.key()) == Some(&Mark::NotApplicable) {
        return CheckState::NotApplicable;
    }
    if item.children.is_empty() {
        return if ticks.get(item.key()) == Some(&Mark::Done) {
            CheckState::Done
        } else {
            CheckState::Open
        };
    }
    if !item.children.iter().any(|c| applies(c, ticks, audience)) {
        return CheckState::NotApplicable;
    }
    // Counted as if required, so an optional parent shows its own children's progress.
    let p = item_progress(item, ticks, audience, false);
    match (p.done, p.total) {
        (d, t) if t > 0 && d == t => CheckState::Done,
        (0, _) => CheckState::Open,
        _ => CheckState::Mixed,
    }
}

/// Ticks after the reader clicks `item`'s checkbox: a leaf flips; a parent marks every leaf
/// below it that counts for `audience` done (the optional ones too when nothing else is
/// left), or clears them all when the parent is done. A "one of" parent only clears.
pub fn toggle(item: &Item, ticks: &Ticks, audience: Option<&str>) -> Ticks {
    let mut next = ticks.clone();
    let done = state(item, ticks, audience) == CheckState::Done;
    if item.one_of && !done {
        return next;
    }
    let audience = audience.filter(|_| item.is_for(audience));
    let mut leaves = Vec::new();
    counted_leaves(item, ticks, audience, &mut leaves);
    let required: Vec<&(String, bool)> = leaves.iter().filter(|(_, opt)| !opt).collect();
    for (id, optional) in &leaves {
        if done {
            next.remove(id);
        } else if !optional || required.is_empty() {
            next.insert(id.clone(), Mark::Done);
        }
    }
    next
}

/// The leaves below `item` that count for `audience`, each with whether it is optional.
fn counted_leaves(
    item: &Item,
    ticks: &Ticks,
    audience: Option<&str>,
    out: &mut Vec<(String, bool)>,
) {
    let mut stack: Vec<(&Item, bool)> = vec![(item, false)];
    while let Some((item, optional_above)) = stack.pop() {
        if !applies(item, ticks, audience) {
            continue;
        }
        let optional = optional_above || item.optional;
        if item.children.is_empty() {
            out.push((item.key().to_owned(), optional));
        }
        stack.extend(item.children.iter().rev().map(|c| (&**c, optional)));
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
    /// Id of the audience (role) the reader picked. Default: none (every role). Written only
    /// when set, so a record without one reads as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
}

/// The record format this build writes.
pub const RECORD_VERSION: u32 = 1;

impl Default for Record {
    fn default() -> Self {
        Self {
            version: RECORD_VERSION,
            ticks: Ticks::new(),
            start: None,
            audience: None,
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

/// Due date (days) and timing of each phase for a reader of `audience`, given the start date
/// and today (both days since 1970).
pub fn schedule(
    checklist: &Checklist,
    ticks: &Ticks,
    audience: Option<&str>,
    start: Option<i64>,
    today: i64,
) -> Vec<(Option<i64>, Timing)> {
    let mut previous_due: Option<i64> = None;
    checklist
        .phases
        .iter()
        .map(|phase| {
            let due = start.zip(phase.due_day).map(|(s, d)| s + i64::from(d));
            let p = phase_progress(phase, ticks, audience);
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

/// The progress as a Markdown task list with a heading per phase, to paste into an issue: the
/// phases and items for a reader of `audience` (`None`: all), each with its owner (its own, or
/// the one it inherits).
pub fn export_markdown(checklist: &Checklist, ticks: &Ticks, audience: Option<&str>) -> String {
    let mut out = format!("# {}\n", checklist.title);
    if let Some(a) = audience {
        out.push_str(&format!("\nFor: {}\n", checklist.audience_label(a)));
    }
    for phase in checklist.phases.iter().filter(|p| p.is_for(audience)) {
        let p = progress(&phase.items, ticks, audience);
        out.push_str(&format!(
            "\n## {} ({}/{})\n\n",
            phase.title, p.done, p.total
        ));
        // Depth first without recursion: (item, depth, under N/A, owner it inherits).
        let mut stack: Vec<(&Item, usize, bool, Option<&str>)> = phase
            .items
            .iter()
            .rev()
            .map(|i| (&**i, 0, false, phase.owner.as_deref()))
            .collect();
        while let Some((item, depth, parent_na, inherited)) = stack.pop() {
            if !item.is_for(audience) {
                continue;
            }
            let indent = "  ".repeat(depth);
            let text = item.text.replace('\n', " ");
            let s = state_under(item, ticks, audience, parent_na);
            out.push_str(&match s {
                CheckState::Done => format!("{indent}- [x] {text}"),
                CheckState::NotApplicable => format!("{indent}- [ ] ~~{text}~~ (not applicable)"),
                CheckState::Open | CheckState::Mixed => format!("{indent}- [ ] {text}"),
            });
            let owner = item.owner.as_deref().or(inherited);
            let notes: Vec<&str> = [
                owner,
                item.optional.then_some("optional"),
                item.one_of.then_some("any one of these"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !notes.is_empty() {
                out.push_str(&format!(" ({})", notes.join("; ")));
            }
            out.push('\n');
            stack.extend(
                item.children
                    .iter()
                    .rev()
                    .map(|c| (&**c, depth + 1, s == CheckState::NotApplicable, owner)),
            );
        }
    }
    out
}
