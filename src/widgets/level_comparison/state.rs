//! Comparison state: which two levels are side by side.

use std::rc::Rc;

use yew::Reducible;

use crate::model::levels::Ladder;

/// The pair of levels shown, as indices into the ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct PairState {
    /// The ladder (for stepping and the ladder-click rule).
    pub ladder: Rc<Ladder>,
    /// Index of the left level. Default: 0.
    pub left: usize,
    /// Index of the right level. Default: 1.
    pub right: usize,
}

/// What the reader can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show this level on the left.
    PickLeft(usize),
    /// Show this level on the right.
    PickRight(usize),
    /// Exchange the sides.
    Swap,
    /// Move both sides this many levels along the ladder (ignored past either end).
    Step(isize),
    /// Compare this level with the one it grows from (a click on the ladder).
    Focus(usize),
    /// Show exactly this pair (from the URL fragment).
    Set(usize, usize),
}

impl PairState {
    /// The pair named by a fragment value `left~right` (level ids), or the ladder's default.
    pub fn from_fragment(ladder: Rc<Ladder>, value: Option<&str>) -> Self {
        let (left, right) = value
            .and_then(|v| parse_pair(&ladder, v))
            .unwrap_or_else(|| ladder.default_pair());
        Self {
            ladder,
            left,
            right,
        }
    }

    /// The fragment value for this pair: `left~right`.
    pub fn fragment(&self) -> Option<String> {
        let id = |i: usize| self.ladder.levels.get(i).map(|l| l.id.clone());
        Some(format!("{}~{}", id(self.left)?, id(self.right)?))
    }

    /// Whether this is the pair a reader sees without choosing anything.
    pub fn is_default(&self) -> bool {
        (self.left, self.right) == self.ladder.default_pair()
    }
}

/// `left~right` as indices, if both ids are levels of the ladder.
pub fn parse_pair(ladder: &Ladder, value: &str) -> Option<(usize, usize)> {
    let (l, r) = value.split_once('~')?;
    Some((ladder.index_of(l)?, ladder.index_of(r)?))
}

impl Reducible for PairState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let n = self.ladder.levels.len();
        let (left, right) = match action {
            Action::PickLeft(i) if i < n => (i, self.right),
            Action::PickRight(i) if i < n => (self.left, i),
            Action::Swap => (self.right, self.left),
            Action::Step(delta) => self
                .ladder
                .step((self.left, self.right), delta)
                .unwrap_or((self.left, self.right)),
            Action::Focus(i) if i < n => self.ladder.pair_ending_at(i),
            Action::Set(l, r) if l < n && r < n => (l, r),
            _ => return self,
        };
        if (left, right) == (self.left, self.right) {
            return self;
        }
        Rc::new(Self {
            ladder: self.ladder.clone(),
            left,
            right,
        })
    }
}
