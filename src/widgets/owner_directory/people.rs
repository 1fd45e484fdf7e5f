//! The by-person view: each person with what they own and support, and the unowned programs.

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
    /// Text to mark. Default: none.
    #[prop_or_default]
    pub query: AttrValue,
    /// Heading level of each person's name. Required.
    pub level: u8,
    /// Called with a person's id when the reader picks their name.
    pub onperson: Callback<String>,
}

/// People (lead first) with counts and program titles; then "Owner TBD".
#[component]
pub fn PeopleView(props: &PeopleViewProps) -> Html {
    let dir = &props.directory;
    let q = props.query.as_str();
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
    html! {
        <ul class="hb-people">
            { for props.people.iter().map(|pp| {
                let person = &pp.person;
                let is_lead = dir.lead.as_deref() == Some(person.id.as_str());
                let onclick = props.onperson.reform({
                    let id = person.id.clone();
                    move |_: MouseEvent| id.clone()
                });
                html! {
                    <li class="hb-person" data-person={person.id.clone()}>
                        <Heading level={props.level} class="hb-person__name">
                            <button type="button" class="hb-person-chip" {onclick}
                                title={format!("Show only {}'s programs", person.name)}>
                                { markdown::text_marked(&person.name, q) }
                            </button>
                        </Heading>
                        <p class="hb-person__role">
                            if let Some(title) = &person.title { { markdown::text_marked(title, q) } }
                            if is_lead { <span class="hb-tag">{ "Team lead" }</span> }
                        </p>
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
            }) }
            if !props.unowned.is_empty() {
                <li class="hb-person hb-person--unowned" data-person="">
                    <Heading level={props.level} class="hb-person__name">
                        <span class="hb-tag hb-tag--unowned"><span aria-hidden="true">{ "⚠ " }</span>{ "Owner TBD" }</span>
                    </Heading>
                    <p class="hb-person__counts">{ format!("{} unowned", props.unowned.len()) }</p>
                    { titles(&props.unowned) }
                </li>
            }
        </ul>
    }
}
