//! Timeline state: the selected variant and which stages are expanded.

use std::rc::Rc;

use yew::Reducible;

/// What the reader has chosen in one timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineState {
    /// Index of the selected variant. Default: 0, or the mount's `data-variant`.
    pub variant: usize,
    /// Expanded stages, as (variant index, stage index), sorted, each once. Default: none. (A
    /// sorted list, not a set type: a few entries, and one less generic collection in the wasm.)
    pub expanded: Vec<(usize, usize)>,
    /// Folded groups, as (variant index, step index), sorted, each once. Default: none (every
    /// group shows its stages).
    pub collapsed: Vec<(usize, usize)>,
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show the variant at this index.
    Select(usize),
    /// Expand or collapse one stage of the selected variant.
    Toggle(usize),
    /// Fold or unfold one group (by step index) of the selected variant.
    ToggleGroup(usize),
    /// Expand these stages of the selected variant (the ones with details), and unfold its groups.
    ExpandAll(Vec<usize>),
    /// Collapse every stage of the selected variant.
    CollapseAll,
}

impl TimelineState {
    /// A state showing variant `variant`, nothing expanded.
    pub fn new(variant: usize) -> Self {
        Self {
            variant,
            expanded: Vec::new(),
            collapsed: Vec::new(),
        }
    }

    /// The expanded stages of variant `variant`, in order.
    pub fn expanded_in(&self, variant: usize) -> Vec<usize> {
        of_variant(&self.expanded, variant)
    }

    /// The folded groups (step indices) of variant `variant`, in order.
    pub fn collapsed_in(&self, variant: usize) -> Vec<usize> {
        of_variant(&self.collapsed, variant)
    }
}

fn of_variant(pairs: &[(usize, usize)], variant: usize) -> Vec<usize> {
    pairs
        .iter()
        .filter(|(v, _)| *v == variant)
        .map(|(_, s)| *s)
        .collect()
}

/// Adds `item` to the sorted list `pairs` if it is not there, removes it if it is.
fn toggle(pairs: &mut Vec<(usize, usize)>, item: (usize, usize)) {
    match pairs.binary_search(&item) {
        Ok(i) => {
            pairs.remove(i);
        }
        Err(i) => pairs.insert(i, item),
    }
}

impl Reducible for TimelineState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let v = next.variant;
        match action {
            Action::Select(index) => next.variant = index,
            Action::Toggle(stage) => toggle(&mut next.expanded, (v, stage)),
            Action::ToggleGroup(step) => toggle(&mut next.collapsed, (v, step)),
            Action::ExpandAll(stages) => {
                next.collapsed.retain(|(variant, _)| *variant != v);
                for stage in stages {
                    if let Err(i) = next.expanded.binary_search(&(v, stage)) {
                        next.expanded.insert(i, (v, stage));
                    }
                }
            }
            Action::CollapseAll => next.expanded.retain(|(variant, _)| *variant != v),
        }
        Rc::new(next)
    }
}
