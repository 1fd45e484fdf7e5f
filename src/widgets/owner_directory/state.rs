//! Directory state: the filter, the view, and how many results are shown.

use std::rc::Rc;

use yew::Reducible;

use crate::model::owners::Filter;
use crate::url_state::{decode, encode};

/// How many programs (or people) show before "Show more".
pub const PAGE: usize = 100;

/// Which way the directory is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Program groups in the page's order.
    #[default]
    Groups,
    /// Each person with what they own and support.
    People,
}

impl View {
    /// The `data-view` value and fragment word.
    pub fn key(self) -> &'static str {
        match self {
            Self::Groups => "groups",
            Self::People => "people",
        }
    }

    /// Tab index.
    pub fn index(self) -> usize {
        match self {
            Self::Groups => 0,
            Self::People => 1,
        }
    }
}

/// What the reader has chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryState {
    /// The active filter. Default: none.
    pub filter: Filter,
    /// The layout. Default: [`View::Groups`].
    pub view: View,
    /// How many results show. Default: [`PAGE`].
    pub limit: usize,
}

/// What the reader can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The search text changed.
    Query(String),
    /// Filter to this person or team, or stop filtering by owner.
    Person(Option<String>),
    /// Filter to this label, or stop filtering by label.
    Label(Option<String>),
    /// Toggle the "unowned" filter.
    ToggleUnowned,
    /// Toggle the "process to be added" filter.
    ToggleNoProcess,
    /// Clear every filter.
    Clear,
    /// Switch the layout.
    View(View),
    /// Show another page of results.
    ShowMore,
    /// Take the filter and view from the URL fragment.
    Set(Filter, View),
}

impl DirectoryState {
    /// The state a fragment value describes (`view=people;q=text;p=id;l=label;u;t`).
    pub fn from_fragment(value: Option<&str>) -> Self {
        let mut state = Self {
            limit: PAGE,
            ..Self::default()
        };
        for part in value.unwrap_or_default().split(';') {
            let (name, v) = part.split_once('=').unwrap_or((part, ""));
            match name {
                "view" if v == "people" => state.view = View::People,
                "q" => state.filter.query = decode(v),
                "p" if !v.is_empty() => state.filter.person = Some(decode(v)),
                "l" if !v.is_empty() => state.filter.label = Some(decode(v)),
                "u" => state.filter.unowned = true,
                "t" => state.filter.no_process = true,
                _ => {}
            }
        }
        state
    }

    /// The fragment value for this state; `None` when nothing is chosen.
    pub fn fragment(&self) -> Option<String> {
        let f = &self.filter;
        let mut parts = Vec::new();
        if self.view == View::People {
            parts.push("view=people".to_owned());
        }
        if !f.query.is_empty() {
            parts.push(format!("q={}", encode_part(&f.query)));
        }
        if let Some(p) = &f.person {
            parts.push(format!("p={}", encode_part(p)));
        }
        if let Some(l) = &f.label {
            parts.push(format!("l={}", encode_part(l)));
        }
        if f.unowned {
            parts.push("u".to_owned());
        }
        if f.no_process {
            parts.push("t".to_owned());
        }
        (!parts.is_empty()).then(|| parts.join(";"))
    }
}

/// A value inside the fragment entry: `;` and `=` separate its parts, so they are escaped too.
fn encode_part(value: &str) -> String {
    encode(value).replace(';', "%3B").replace('=', "%3D")
}

impl Reducible for DirectoryState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let f = &mut next.filter;
        match action {
            Action::Query(q) => f.query = q,
            Action::Person(p) => f.person = p,
            Action::Label(l) => f.label = l,
            Action::ToggleUnowned => f.unowned = !f.unowned,
            Action::ToggleNoProcess => f.no_process = !f.no_process,
            Action::Clear => *f = Filter::default(),
            Action::View(v) => next.view = v,
            Action::ShowMore => next.limit = next.limit.saturating_add(PAGE),
            Action::Set(filter, view) => {
                next.filter = filter;
                next.view = view;
            }
        }
        if next.filter != self.filter || next.view != self.view {
            next.limit = PAGE;
        }
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}
