//! The team in the default view: the lead and the people as the page lists them, and the
//! teams; a name filters to what they own.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::Heading;
use crate::model::owners::Directory;

/// How many owners the roster names before it points to the by-owner view.
pub const ROSTER: usize = 30;

/// Props of [`TeamRoster`].
#[derive(Properties, PartialEq)]
pub struct TeamRosterProps {
    /// The directory. Required.
    pub directory: Rc<Directory>,
    /// Heading level of "The team". Required.
    pub level: u8,
    /// Called with an owner's id when the reader picks their name.
    pub onperson: Callback<String>,
}

/// "The team": the lead first, then everyone in the page's order, with their titles; teams
/// with their members. Nothing when the directory names nobody.
#[component]
pub fn TeamRoster(props: &TeamRosterProps) -> Html {
    let dir = &props.directory;
    if dir.people.is_empty() {
        return html! {};
    }
    let lead = dir.lead.as_deref();
    let mut owners: Vec<_> = dir.people.iter().collect();
    owners.sort_by_key(|p| Some(p.id.as_str()) != lead);
    let more = owners.len().saturating_sub(ROSTER);
    html! {
        <section class="hb-roster">
            <Heading level={props.level} class="hb-roster__title">{ "The team" }</Heading>
            <ul class="hb-roster__list">
                { for owners.into_iter().take(ROSTER).map(|p| {
                    let onclick = props.onperson.reform({
                        let id = p.id.clone();
                        move |_: MouseEvent| id.clone()
                    });
                    let members: Vec<&str> = p.members.iter().filter_map(|m| dir.person(m)).map(|m| m.name.as_str()).collect();
                    html! {
                        <li class="hb-roster__owner" data-kind={if p.is_team() { "team" } else { "person" }}>
                            <button type="button" class="hb-person-chip" data-person={p.id.clone()} {onclick}>{ &p.name }</button>
                            if Some(p.id.as_str()) == lead { <span class="hb-tag">{ "Team lead" }</span> }
                            if p.is_team() { <span class="hb-tag hb-tag--team">{ "Team" }</span> }
                            if let Some(title) = &p.title { <span class="hb-roster__role">{ title }</span> }
                            if !members.is_empty() {
                                <span class="hb-roster__members">{ format!("Members: {}", members.join(", ")) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if more > 0 {
                <p class="hb-roster__more">{ format!("And {more} more: see the by-owner view.") }</p>
            }
        </section>
    }
}
