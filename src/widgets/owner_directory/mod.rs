//! `owner-directory`: who owns which program (people, teams, or everyone), what each owner owns,
//! and what nobody owns.

mod people;
mod program;
mod roster;
mod state;
mod toolbar;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tabs::{panel_id, tab_id};
use crate::components::{id_prefix, Heading, Tabs, WidgetHeader};
use crate::model::owners::{program, Directory, Filter, SearchIndex};
use crate::model::{parse, DataError};
use crate::url_state::{key_of, use_fragment};
use crate::widgets::MountOptions;

pub use people::{PeopleView, PeopleViewProps};
pub use program::{ProgramCard, ProgramCardProps};
pub use roster::{TeamRoster, TeamRosterProps};
pub use state::{Action, DirectoryState, View, PAGE};
pub use toolbar::{Toolbar, ToolbarProps};

/// The name a mount uses: `data-hb-widget="owner-directory"`.
pub const NAME: &str = "owner-directory";

/// Parses `json` as a [`Directory`] and renders the widget.
pub fn render(json: &str, options: &MountOptions) -> Result<Html, DataError> {
    let data = Rc::new(parse::<Directory>(json)?);
    let key = options.key.clone().unwrap_or_else(|| key_of(&data.title));
    Ok(html! {
        <OwnerDirectory {data} state_key={AttrValue::from(key)} heading_level={options.heading_level} />
    })
}

/// Props of [`OwnerDirectory`].
#[derive(Properties, PartialEq)]
pub struct OwnerDirectoryProps {
    /// The directory. Required.
    pub data: Rc<Directory>,
    /// This widget's key in the URL fragment. Default: `owners`.
    #[prop_or(AttrValue::Static("owners"))]
    pub state_key: AttrValue,
    /// Level of the title heading. Default: 3.
    #[prop_or(3)]
    pub heading_level: u8,
}

/// The program owner directory widget.
#[component]
pub fn OwnerDirectory(props: &OwnerDirectoryProps) -> Html {
    // State
    let data = &props.data;
    let index = use_memo(data.clone(), |d| SearchIndex::new(d));
    let counts = use_memo(data.clone(), |d| d.counts());
    let labels = use_memo(data.clone(), |d| {
        d.labels()
            .into_iter()
            .map(|l| AttrValue::from(l.to_owned()))
            .collect::<implicit_clone::unsync::IArray<AttrValue>>()
    });
    let fragment = use_fragment(props.state_key.clone());
    let state = {
        let value = fragment.value.clone();
        use_reducer_eq(move || DirectoryState::from_fragment(value.as_deref()))
    };
    let results = {
        let (index, data) = (index.clone(), data.clone());
        use_memo(state.filter.clone(), move |f| index.programs(&data, f))
    };
    let written = use_mut_ref(|| fragment.value.clone());
    let id = id_prefix("owners");
    let level = props.heading_level.clamp(2, 4);

    // Effects: the fragment follows the state (typing replaces, other changes push), and the
    // state follows the fragment (back button, shared links).
    {
        let (dispatcher, written) = (state.dispatcher(), written.clone());
        use_effect_with(fragment.value.clone(), move |value| {
            if *written.borrow() != *value {
                let s = DirectoryState::from_fragment(value.as_deref());
                *written.borrow_mut() = value.clone();
                dispatcher.dispatch(Action::Set(s.filter, s.view));
            }
        });
    }
    {
        let (fragment, written) = (fragment.clone(), written.clone());
        use_effect_with((state.filter.clone(), state.view), move |(filter, view)| {
            let wanted = DirectoryState {
                filter: filter.clone(),
                view: *view,
                limit: PAGE,
            }
            .fragment();
            let previous = written.borrow().clone();
            if wanted != previous {
                let before = DirectoryState::from_fragment(previous.as_deref());
                let typing = before.view == *view
                    && Filter {
                        query: filter.query.clone(),
                        ..before.filter
                    } == *filter;
                *written.borrow_mut() = wanted.clone();
                if typing {
                    fragment.replace(wanted);
                } else {
                    fragment.push(wanted);
                }
            }
        });
    }

    // Callbacks
    let onaction = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let onperson = onaction.reform(|id: String| Action::Person(Some(id)));
    let onlabel = onaction.reform(|label: String| Action::Label(Some(label)));
    let onview =
        onaction.reform(|i: usize| Action::View(if i == 1 { View::People } else { View::Groups }));
    let onmore = onaction.reform(|_: MouseEvent| Action::ShowMore);

    // View
    let query = AttrValue::from(state.filter.query.trim().to_owned());
    let total = counts.programs;
    let (one, many) = data.nouns();
    let shown: Vec<_> = results.iter().take(state.limit).copied().collect();
    let status = if state.filter.is_empty() {
        format!("{total} {many}")
    } else {
        format!("{} of {total} {many} match", results.len())
    };
    let groups_view = if state.view != View::Groups {
        html! {}
    } else {
        html! {
        <div class="hb-dir__groups">
            if state.filter.is_empty() {
                <TeamRoster directory={data.clone()} level={level + 1} onperson={onperson.clone()} />
            }
            { for data.groups.iter().enumerate().filter_map(|(gi, group)| {
                let here: Vec<_> = shown.iter().filter(|(g, _)| *g == gi).filter_map(|at| program(data, *at)).collect();
                (!here.is_empty() || state.filter.is_empty()).then(|| html! {
                    <section class="hb-group" key={gi}>
                        <Heading level={level + 1} class="hb-group__title">
                            { &group.title }<span class="hb-group__count">{ format!(" ({})", here.len()) }</span>
                        </Heading>
                        <ul class="hb-programs">
                            { for here.into_iter().map(|p| html! {
                                <ProgramCard program={p.clone()} directory={data.clone()} query={query.clone()}
                                    level={level + 2} onperson={onperson.clone()} onlabel={onlabel.clone()} />
                            }) }
                        </ul>
                    </section>
                })
            }) }
        </div>
        }
    };
    let people_view = if state.view != View::People {
        html! {}
    } else {
        let all = data.by_person(&results);
        let people: Vec<_> = all
            .into_iter()
            .filter(|pp| {
                state.filter.is_empty()
                    || !pp.owns.is_empty()
                    || !pp.supports.is_empty()
                    || (state.filter.person.is_none()
                        && state.filter.label.is_none()
                        && !state.filter.unowned
                        && !state.filter.no_process
                        && index.person_matches(&pp.person.id, &state.filter.query))
            })
            .take(state.limit)
            .collect();
        let unowned: Vec<_> = results
            .iter()
            .copied()
            .filter(|at| program(data, *at).is_some_and(|p| p.is_unowned()))
            .collect();
        let shared: Vec<_> = results
            .iter()
            .copied()
            .filter(|at| program(data, *at).is_some_and(|p| p.shared))
            .collect();
        html! {
            <PeopleView directory={data.clone()} people={Rc::new(people)} unowned={Rc::new(unowned)} shared={Rc::new(shared)}
                query={query.clone()} level={level + 1} onperson={onperson.clone()} />
        }
    };
    let tabs: implicit_clone::unsync::IArray<AttrValue> = [
        AttrValue::from(format!("By {one} group")),
        AttrValue::Static(if data.has_teams() {
            "By owner"
        } else {
            "By person"
        }),
    ]
    .into_iter()
    .collect();
    let active = state.view.index();
    html! {
        <section class="hb-widget hb-dir" aria-labelledby={format!("{id}-title")} data-view={state.view.key()}>
            <WidgetHeader title={data.title.clone()} title_id={AttrValue::from(format!("{id}-title"))} {level}
                source={data.source.clone()} notes={data.notes.clone().map(AttrValue::from)} />
            <p class="hb-dir__summary">
                <strong>{ format!("{total} {many}") }</strong>
                { " · " }<span data-count="unowned">{ format!("{} unowned (Owner TBD)", counts.unowned) }</span>
                if counts.shared > 0 {
                    { " · " }<span data-count="shared">{ format!("{} shared by everyone", counts.shared) }</span>
                }
                if counts.no_process > 0 {
                    { " · " }<span data-count="no-process">{ format!("{} with the process still to be added", counts.no_process) }</span>
                }
            </p>
            <Toolbar filter={state.filter.clone()} counts={*counts} directory={data.clone()} labels={(*labels).clone()}
                id={AttrValue::from(format!("{id}-find"))} onaction={onaction.clone()} />
            <Tabs id={id.clone()} label="Views" {tabs} selected={active} onselect={onview} />
            <p class="hb-dir__status" role="status">{ status }</p>
            { for [groups_view, people_view].into_iter().enumerate().map(|(i, content)| html! {
                <div role="tabpanel" id={panel_id(&id, i)} aria-labelledby={tab_id(&id, i)} tabindex="0"
                    hidden={i != active} class="hb-dir__panel">
                    if i == active { { content } }
                </div>
            }) }
            if results.len() > state.limit {
                <button type="button" class="hb-button" data-action="more" onclick={onmore}>
                    { format!("Show {} more ({} not shown)", PAGE.min(results.len() - state.limit), results.len() - state.limit) }
                </button>
            }
        </section>
    }
}
