//! Checklist state: marks, start date, what is open or hidden, and whether saving works.

use std::rc::Rc;

use yew::Reducible;

use crate::model::checklist::{
    all_items, toggle, toggle_not_applicable, Checklist, Item, Record, Ticks, Unreadable,
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
    pub collapsed: Vec<String>,
    /// Whether done items are hidden. Default: `false`.
    pub hide_done: bool,
    /// Id of the audience (role) the reader picked. Default: none (every role).
    pub audience: Option<String>,
    /// Whether phases and items for other roles show (outside the count). Default: `false`.
    pub show_others: bool,
    /// Whether the reset confirmation shows. Default: `false`.
    pub confirming_reset: bool,
    /// Why storage cannot be used; `None` when it can.
    pub unsaved_reason: Option<String>,
    /// Why the saved record cannot be read; while set, nothing is saved over it. Default: none.
    pub unreadable: Option<Unreadable>,
    /// Whether what is saved has been read yet; nothing is saved before. Default: `false`.
    pub loaded: bool,
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
    /// Pick the reader's audience (role), or every role; an id the checklist does not list is
    /// every role.
    Audience(Option<String>),
    /// Show or hide the phases and items for other roles.
    ToggleShowOthers,
    /// Ask for confirmation before resetting.
    AskReset,
    /// Keep the progress after all.
    CancelReset,
    /// Forget every mark and the start date.
    ConfirmReset,
    /// What storage holds, read once after the first render: a record, one this version cannot
    /// read, or why storage cannot be used.
    Loaded(Result<Result<Record, Unreadable>, String>),
    /// Take what another tab saved: a record, or one this version cannot read (this tab then
    /// keeps its ticks and stops saving).
    Load(Result<Record, Unreadable>),
    /// Saving failed, or works again.
    SaveStatus(Option<String>),
}

impl ChecklistState {
    /// The state for `checklist` before storage is read: nothing ticked, the same in the
    /// browser and on the server (a pre-rendered checklist hydrates without a mismatch).
    pub fn new(checklist: Rc<Checklist>) -> Self {
        Self {
            checklist,
            ticks: Ticks::new(),
            start: None,
            collapsed: Vec::new(),
            hide_done: false,
            audience: None,
            show_others: false,
            confirming_reset: false,
            unsaved_reason: None,
            unreadable: None,
            loaded: false,
        }
    }

    /// Whether changes are saved: storage has been read, works, and holds nothing this
    /// version cannot read.
    pub fn can_save(&self) -> bool {
        self.loaded && self.unsaved_reason.is_none() && self.unreadable.is_none()
    }

    /// The record to save.
    pub fn record(&self) -> Record {
        Record {
            ticks: self.ticks.clone(),
            start: self.start.clone(),
            audience: self.audience.clone(),
            ..Record::default()
        }
    }

    /// `audience` if the checklist lists it; else none (every role).
    fn known(&self, audience: Option<String>) -> Option<String> {
        audience.filter(|a| self.checklist.audiences.iter().any(|x| x.id == *a))
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
                Some(item) => next.ticks = toggle(item, &self.ticks, self.audience.as_deref()),
                None => return self,
            },
            Action::ToggleNotApplicable(id) => match self.item(&id) {
                Some(item) => next.ticks = toggle_not_applicable(item, &self.ticks),
                None => return self,
            },
            Action::Start(start) => next.start = start,
            Action::TogglePhase(id) => match next.collapsed.iter().position(|c| *c == id) {
                Some(i) => {
                    next.collapsed.remove(i);
                }
                None => next.collapsed.push(id),
            },
            Action::ExpandAll => next.collapsed.clear(),
            Action::CollapseAll => {
                next.collapsed = self.checklist.phases.iter().map(|p| p.id.clone()).collect()
            }
            Action::ToggleHideDone => next.hide_done = !next.hide_done,
            Action::Audience(audience) => next.audience = self.known(audience),
            Action::ToggleShowOthers => next.show_others = !next.show_others,
            Action::AskReset => next.confirming_reset = true,
            Action::CancelReset => next.confirming_reset = false,
            Action::ConfirmReset => {
                next.ticks.clear();
                next.start = None;
                next.audience = None;
                next.confirming_reset = false;
                // The reader chose to start afresh: an unreadable record may now be replaced.
                next.unreadable = None;
            }
            Action::Loaded(read) => {
                next.loaded = true;
                match read {
                    Ok(Ok(record)) => {
                        next.ticks = record.ticks;
                        next.start = record.start;
                        next.audience = self.known(record.audience);
                    }
                    Ok(Err(why)) => next.unreadable = Some(why),
                    Err(reason) => next.unsaved_reason = Some(reason),
                }
            }
            Action::Load(Ok(record)) => {
                next.ticks = record.ticks;
                next.start = record.start;
                next.audience = self.known(record.audience);
                next.unreadable = None;
            }
            Action::Load(Err(why)) => next.unreadable = Some(why),
            Action::SaveStatus(reason) => next.unsaved_reason = reason,
        }
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}
