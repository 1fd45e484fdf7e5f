//! One program: title, owners (people or teams; "Owner TBD"; or shared by everyone), helpers,
//! labels, description, links, process status.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::Heading;
use crate::markdown;
use crate::model::owners::{Directory, Program};

/// Props of [`ProgramCard`].
#[derive(Properties, PartialEq)]
pub struct ProgramCardProps {
    /// The program. Required.
    pub program: Rc<Program>,
    /// The directory, for people's names. Required.
    pub directory: Rc<Directory>,
    /// Text to mark in the program. Default: none.
    #[prop_or_default]
    pub query: AttrValue,
    /// Heading level of the title. Required.
    pub level: u8,
    /// Called with a person's id when the reader picks their name.
    pub onperson: Callback<String>,
    /// Called with a label when the reader picks it.
    pub onlabel: Callback<String>,
}

/// A program card (the directory's noun for it, such as a feature); unowned, shared programs
/// and missing processes are said in words.
#[component]
pub fn ProgramCard(props: &ProgramCardProps) -> Html {
    let p = &props.program;
    let q = props.query.as_str();
    let (_, many) = props.directory.nouns();
    let person = |id: &String| {
        let owner = props.directory.person(id);
        let name = owner.map_or(id.as_str(), |p| p.name.as_str());
        let team = owner.is_some_and(|p| p.is_team());
        let onclick = props.onperson.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        html! {
            <button type="button" class="hb-person-chip" data-person={id.clone()} data-kind={team.then_some("team")} {onclick}
                title={format!("Show only {name}'s {many}")}>
                { markdown::text_marked(name, q) }
                if team { <span class="hb-person-chip__kind">{ " (team)" }</span> }
            </button>
        }
    };
    html! {
        <li class="hb-program" data-owned={(!p.is_unowned()).to_string()} data-shared={p.shared.then_some("true")}
            data-process={if p.lacks_process() { "to-be-added" } else { "documented" }}>
            <Heading level={props.level} class="hb-program__title">{ markdown::text_marked(&p.title, q) }</Heading>
            <p class="hb-program__owners">
                <span class="hb-label">{ if p.owners.len() > 1 { "Owners " } else { "Owner " } }</span>
                if p.shared {
                    <span class="hb-tag hb-tag--shared">{ "Shared responsibility: everyone" }</span>
                } else if p.is_unowned() {
                    <span class="hb-tag hb-tag--unowned"><span aria-hidden="true">{ "⚠ " }</span>{ "Owner TBD" }</span>
                } else {
                    { for p.owners.iter().map(person) }
                }
                if !p.supporting.is_empty() {
                    <span class="hb-label">{ " with " }</span>
                    { for p.supporting.iter().map(person) }
                }
            </p>
            if !p.labels.is_empty() {
                <p class="hb-program__labels">
                    <span class="hb-label">{ "Labels " }</span>
                    { for p.labels.iter().map(|label| {
                        let onclick = props.onlabel.reform({
                            let label = label.clone();
                            move |_: MouseEvent| label.clone()
                        });
                        html! {
                            <button type="button" class="hb-label-chip" data-label={label.clone()} {onclick}
                                title={format!("Show only the {many} labelled {label}")}>
                                { markdown::text_marked(label, q) }
                            </button>
                        }
                    }) }
                </p>
            }
            if let Some(d) = &p.description {
                <div class="hb-program__description hb-md">{ markdown::block_marked(d, q) }</div>
            }
            if !p.links.is_empty() {
                <ul class="hb-program__links">
                    { for p.links.iter().filter_map(|l| {
                        let link = markdown::link_to(&l.url, html! { { &l.label } })?;
                        Some(html! { <li>{ link }</li> })
                    }) }
                </ul>
            }
            if p.lacks_process() {
                <p class="hb-tag hb-tag--todo"><span aria-hidden="true">{ "✎ " }</span>{ "Process to be added" }</p>
            }
        </li>
    }
}
