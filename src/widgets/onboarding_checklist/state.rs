//! Checklist state: marks, start date, what is open or hidden, and whether saving works.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::model::checklist::{
    all_items, toggle, toggle_not_applicable, Checklist, Item, Record, Ticks,
};

/// What the reader has done with one checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistState {
    /// The checklist (to find items by id).
    pub checklist: Rc<Checklist>,
    /// Marks by item id.
    pub ticks: Ticks,
    /// Start date, `YYYY-MM-DD`. Default: none.
    pub start: Option<String>,
    /// Ids of collapsed phases. Default: none (all open).
    pub collapsed: BTreeSet<String>,
    /// Whether done items are hidden. Default: `false`.
    pub hide_done: bool,
    /// Whether the reset confirmation shows. Default: `false`.
    pub confirming_reset: bool,
    /// Why progress cannot be saved; `None` when it can.
    pub unsaved_reason: Option<String>,
}

/// What the reader (or another tab) can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Click an item's checkbox (a parent sets or clears its whole subtree).
    Toggle(String),
    /// Mark an item not applicable, or applicable again.
    ToggleNotApplicable(String),
    /// Set or clear the start date.
    Start(Option<String>),
    /// Open or close a phase.
    TogglePhase(String),
    /// Open every phase.
    ExpandAll,
    /// Close every phase.
    CollapseAll,
    /// Show or hide done items.
    ToggleHideDone,
    /// Ask for confirmation before resetting.
    AskReset,
    /// Keep the progress after all.
    CancelReset,
    /// Forget every mark and the start date.
    ConfirmReset,
    /// Take the record another tab saved.
    Load(Record),
    /// Saving failed, or works again.
    SaveStatus(Option<String>),
}

impl ChecklistState {
    /// The state for `checklist` with a saved `record`.
    pub fn new(checklist: Rc<Checklist>, record: Record, unsaved_reason: Option<String>) -> Self {
        Self {
            checklist,
            ticks: record.ticks,
            start: record.start,
            collapsed: BTreeSet::new(),
            hide_done: false,
            confirming_reset: false,
            unsaved_reason,
        }
    }

    /// The record to save.
    pub fn record(&self) -> Record {
        Record {
            version: crate::model::checklist::RECORD_VERSION,
            ticks: self.ticks.clone(),
            start: self.start.clone(),
        }
    }

    fn item(&self, id: &str) -> Option<&Item> {
        self.checklist
            .phases
            .iter()
            .flat_map(|p| all_items(&p.items))
            .find(|i| i.key() == id)
    }
}

impl Reducible for ChecklistState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Toggle(id) => match self.item(&id) {
                Some(item) => next.ticks = toggle(item, &self.ticks),
                None => return self,
            },
            Action::ToggleNotApplicable(id) => match self.item(&id) {
                Some(item) => next.ticks = toggle_not_applicable(item, &self.ticks),
                None => return self,
            },
            Action::Start(start) => next.start = start,
            Action::TogglePhase(id) => {
                if !next.collapsed.remove(&id) {
                    next.collapsed.insert(id);
                }
            }
            Action::ExpandAll => next.collapsed.clear(),
            Action::CollapseAll => {
                next.collapsed = self.checklist.phases.iter().map(|p| p.id.clone()).collect()
            }
            Action::ToggleHideDone => next.hide_done = !next.hide_done,
            Action::AskReset => next.confirming_reset = true,
            Action::CancelReset => next.confirming_reset = false,
            Action::ConfirmReset => {
                next.ticks.clear();
                next.start = None;
                next.confirming_reset = false;
            }
            Action::Load(record) => {
                next.ticks = record.ticks;
                next.start = record.start;
            }
            Action::SaveStatus(reason) => next.unsaved_reason = reason,
        }
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}
