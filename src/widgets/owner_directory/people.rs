//! The by-owner view: each team and person with what they own and support (teams and people
//! apart when there are teams), what is everyone's, and the unowned programs.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::Heading;
use crate::markdown;
use crate::model::owners::{program, Directory, PersonPrograms, ProgramRef};

/// Props of [`PeopleView`].
#[derive(Properties, PartialEq)]
pub struct PeopleViewProps {
    /// The directory. Required.
    pub directory: Rc<Directory>,
    /// Each person's programs among the filtered ones. Required.
    pub people: Rc<Vec<PersonPrograms>>,
    /// The filtered programs nobody owns. Required.
    pub unowned: Rc<Vec<ProgramRef>>,
    /// The filtered programs that are everyone's ("shared responsibility"). Default: none.
    #[prop_or_default]
    pub shared: Rc<Vec<ProgramRef>>,
    /// Text to mark. Default: none.
    #[prop_or_default]
    pub query: AttrValue,
    /// Heading level of each person's name. Required.
    pub level: u8,
    /// Called with a person's id when the reader picks their name.
    pub onperson: Callback<String>,
}

/// Teams, then people (lead first), with counts and program titles; then what is everyone's
/// ("Shared by everyone"), then "Owner TBD".
#[component]
pub fn PeopleView(props: &PeopleViewProps) -> Html {
    let dir = &props.directory;
    let q = props.query.as_str();
    let teams = dir.has_teams();
    // With teams, "Teams" and "People" are headings and the names one level below.
    let level = if teams {
        props.level.saturating_add(1).min(6)
    } else {
        props.level
    };
    let titles = |refs: &[ProgramRef]| {
        html! {
            <ul class="hb-person__programs">
                { for refs.iter().filter_map(|at| program(dir, *at)).map(|p| html! {
                    <li data-process={if p.lacks_process() { "to-be-added" } else { "documented" }}>
                        { markdown::text_marked(&p.title, q) }
                        if p.lacks_process() {
                            <span class="hb-tag hb-tag--todo">{ "Process to be added" }</span>
                        }
                    </li>
                }) }
            </ul>
        }
    };
    let entry = |pp: &PersonPrograms| {
        let person = &pp.person;
        let is_lead = dir.lead.as_deref() == Some(person.id.as_str());
        let onclick = props.onperson.reform({
            let id = person.id.clone();
            move |_: MouseEvent| id.clone()
        });
        let member_of: Vec<&str> = dir.teams_of(&person.id).map(|t| t.name.as_str()).collect();
        let members: Vec<&str> = person
            .members
            .iter()
            .filter_map(|m| dir.person(m))
            .map(|m| m.name.as_str())
            .collect();
        html! {
        <li class="hb-person" data-person={person.id.clone()} data-kind={if person.is_team() { "team" } else { "person" }}>
            <Heading level={level} class="hb-person__name">
                <button type="button" class="hb-person-chip" {onclick}
                    title={format!("Show only {}'s programs", person.name)}>
                    { markdown::text_marked(&person.name, q) }
                </button>
            </Heading>
            <p class="hb-person__role">
                if let Some(title) = &person.title { { markdown::text_marked(title, q) } }
                if is_lead { <span class="hb-tag">{ "Team lead" }</span> }
                if person.is_team() { <span class="hb-tag hb-tag--team">{ "Team" }</span> }
            </p>
            if !members.is_empty() {
                <p class="hb-person__members">{ format!("Members: {}", members.join(", ")) }</p>
            }
            if !member_of.is_empty() {
                <p class="hb-person__members">{ format!("Member of {}", member_of.join(", ")) }</p>
            }
            <p class="hb-person__counts" data-owns={pp.owns.len().to_string()} data-supports={pp.supports.len().to_string()}>
                { format!("Owns {} · Supports {}", pp.owns.len(), pp.supports.len()) }
            </p>
            if !pp.owns.is_empty() { { titles(&pp.owns) } }
            if !pp.supports.is_empty() {
                <p class="hb-label">{ "Supports" }</p>
                { titles(&pp.supports) }
            }
            { for person.links.iter().filter_map(|l| {
                let link = markdown::link_to(&l.url, html! { { &l.label } })?;
                Some(html! { <span class="hb-person__link">{ link }</span> })
            }) }
        </li>
        }
    };
    let (team_entries, person_entries): (Vec<&PersonPrograms>, Vec<&PersonPrograms>) =
        props.people.iter().partition(|pp| pp.person.is_team());
    html! {
        <>
        if teams && !team_entries.is_empty() {
            <Heading level={props.level} class="hb-people__title">{ "Teams" }</Heading>
            <ul class="hb-people">{ for team_entries.into_iter().map(entry) }</ul>
            <Heading level={props.level} class="hb-people__title">{ "People" }</Heading>
        }
        <ul class="hb-people">
            { for person_entries.into_iter().map(entry) }
            if !props.shared.is_empty() {
                <li class="hb-person hb-person--shared" data-person="" data-kind="shared">
                    <Heading level={level} class="hb-person__name">
                        <span class="hb-tag hb-tag--shared">{ "Shared by everyone" }</span>
                    </Heading>
                    <p class="hb-person__counts">{ {
                        let (one, many) = dir.nouns();
                        let n = props.shared.len();
                        format!("{n} {} everyone owns", if n == 1 { one } else { many })
                    } }</p>
                    { titles(&props.shared) }
                </li>
            }
            if !props.unowned.is_empty() {
                <li class="hb-person hb-person--unowned" data-person="">
                    <Heading level={level} class="hb-person__name">
                        <span class="hb-tag hb-tag--unowned"><span aria-hidden="true">{ "⚠ " }</span>{ "Owner TBD" }</span>
                    </Heading>
                    <p class="hb-person__counts">{ format!("{} unowned", props.unowned.len()) }</p>
                    { titles(&props.unowned) }
                </li>
            }
        </ul>
        </>
    }
}
