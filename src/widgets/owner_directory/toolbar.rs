//! Search box and filter switches, each with its count.

use std::rc::Rc;

use implicit_clone::unsync::IArray;
use web_sys::{HtmlInputElement, HtmlSelectElement};
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
    /// Every label of the directory's programs; a label filter shows when there are any.
    /// Default: none.
    #[prop_or_default]
    pub labels: IArray<AttrValue>,
    /// Id for the search box. Required.
    pub id: AttrValue,
    /// Called with what the reader did.
    pub onaction: Callback<Action>,
}

/// Find box, label filter, "Unowned" and "Process to be added" switches (each only where it
/// has something to find, or is on), the owner filter, "Clear all".
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
    let onlabel = props.onaction.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Action::Label(Some(value).filter(|v| !v.is_empty()))
    });
    let label_id = format!("{}-label", props.id);
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
                placeholder={format!("Title, description, label or owner of the {}", props.directory.nouns().1)} autocomplete="off" />
            <div class="hb-dir__filters" role="group" aria-label="Filters">
                if !props.labels.is_empty() {
                    <label class="hb-label" for={label_id.clone()}>{ "Label" }</label>
                    <select id={label_id} class="hb-input hb-dir__label-filter" onchange={onlabel}>
                        <option value="" selected={f.label.is_none()}>{ "Any label" }</option>
                        { for props.labels.iter().map(|l| html! {
                            <option value={l.clone()} selected={f.label.as_deref() == Some(l.as_str())}>{ l.clone() }</option>
                        }) }
                    </select>
                }
                if props.counts.unowned > 0 || f.unowned {
                    <button type="button" class="hb-chip" data-filter="unowned" aria-pressed={f.unowned.to_string()} onclick={onunowned}>
                        { "Unowned " }<span class="hb-chip__count">{ props.counts.unowned }</span>
                    </button>
                }
                if props.counts.no_process > 0 || f.no_process {
                    <button type="button" class="hb-chip" data-filter="no-process" aria-pressed={f.no_process.to_string()} onclick={onnoprocess}>
                        { "Process to be added " }<span class="hb-chip__count">{ props.counts.no_process }</span>
                    </button>
                }
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
