//! Search box and filter switches, each with its count.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Action;
use crate::model::owners::{Counts, Directory, Filter};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The active filter. Required.
    pub filter: Filter,
    /// Counts over every program. Required.
    pub counts: Counts,
    /// The directory, for the filtered person's name. Required.
    pub directory: Rc<Directory>,
    /// Id for the search box. Required.
    pub id: AttrValue,
    /// Called with what the reader did.
    pub onaction: Callback<Action>,
}

/// Find box, "Unowned" and "Process to be added" switches, the person filter, "Clear all".
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let f = &props.filter;
    let oninput = props.onaction.reform(|e: InputEvent| {
        Action::Query(
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default(),
        )
    });
    let onunowned = props.onaction.reform(|_: MouseEvent| Action::ToggleUnowned);
    let onnoprocess = props
        .onaction
        .reform(|_: MouseEvent| Action::ToggleNoProcess);
    let onperson = props.onaction.reform(|_: MouseEvent| Action::Person(None));
    let onclear = props.onaction.reform(|_: MouseEvent| Action::Clear);
    let person = f.person.as_ref().map(|id| {
        props
            .directory
            .person(id)
            .map_or(id.clone(), |p| p.name.clone())
    });
    html! {
        <div class="hb-dir__toolbar">
            <label class="hb-field hb-dir__search" for={props.id.clone()}>
                <span class="hb-label">{ "Find" }</span>
            </label>
            <input id={props.id.clone()} class="hb-input" type="search" value={f.query.clone()} {oninput}
                placeholder="Program, description or person" autocomplete="off" />
            <div class="hb-dir__filters" role="group" aria-label="Filters">
                <button type="button" class="hb-chip" data-filter="unowned" aria-pressed={f.unowned.to_string()} onclick={onunowned}>
                    { "Unowned " }<span class="hb-chip__count">{ props.counts.unowned }</span>
                </button>
                <button type="button" class="hb-chip" data-filter="no-process" aria-pressed={f.no_process.to_string()} onclick={onnoprocess}>
                    { "Process to be added " }<span class="hb-chip__count">{ props.counts.no_process }</span>
                </button>
                if let Some(name) = person {
                    <button type="button" class="hb-chip" data-filter="person" aria-pressed="true" onclick={onperson}
                        aria-label={format!("Person: {name}. Remove this filter")}>
                        { format!("Person: {name} ") }<span aria-hidden="true">{ "✕" }</span>
                    </button>
                }
                if !f.is_empty() {
                    <button type="button" class="hb-button hb-button--quiet" data-action="clear" onclick={onclear}>
                        { "Clear all filters" }
                    </button>
                }
            </div>
        </div>
    }
}
