//! One program: title, owners (or "Owner TBD"), helpers, description, links, process status.

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
}

/// A program card; unowned programs and missing processes are said in words.
#[component]
pub fn ProgramCard(props: &ProgramCardProps) -> Html {
    let p = &props.program;
    let q = props.query.as_str();
    let person = |id: &String| {
        let name = props
            .directory
            .person(id)
            .map_or(id.as_str(), |p| p.name.as_str());
        let onclick = props.onperson.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        html! {
            <button type="button" class="hb-person-chip" data-person={id.clone()} {onclick}
                title={format!("Show only {name}'s programs")}>
                { markdown::text_marked(name, q) }
            </button>
        }
    };
    html! {
        <li class="hb-program" data-owned={(!p.is_unowned()).to_string()}
            data-process={if p.lacks_process() { "to-be-added" } else { "documented" }}>
            <Heading level={props.level} class="hb-program__title">{ markdown::text_marked(&p.title, q) }</Heading>
            <p class="hb-program__owners">
                <span class="hb-label">{ if p.owners.len() > 1 { "Owners " } else { "Owner " } }</span>
                if p.is_unowned() {
                    <span class="hb-tag hb-tag--unowned"><span aria-hidden="true">{ "⚠ " }</span>{ "Owner TBD" }</span>
                } else {
                    { for p.owners.iter().map(person) }
                }
                if !p.supporting.is_empty() {
                    <span class="hb-label">{ " with " }</span>
                    { for p.supporting.iter().map(person) }
                }
            </p>
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
