//! A group of stages taken as one step ("Round 1", an on-site day): numbered as a unit, with
//! its subtotal, folding away behind its heading.

use std::rc::Rc;

use yew::prelude::*;

use super::totals::plural;
use crate::components::Heading;
use crate::markdown;
use crate::model::hiring::{totals, Stage};

/// Props of [`StageGroup`].
#[derive(Properties, PartialEq)]
pub struct StageGroupProps {
    /// The group's name. Required.
    pub name: AttrValue,
    /// Its step number in the variant. Required.
    pub number: usize,
    /// Its stages. Required.
    pub stages: Rc<[Rc<Stage>]>,
    /// Id of its list of stages. Required.
    pub list_id: AttrValue,
    /// Whether its stages are folded away. Default: `false` (shown, as without JavaScript).
    #[prop_or_default]
    pub collapsed: bool,
    /// Heading level of the group's name; its stages' titles are one below. Required.
    pub level: u8,
    /// Called when the reader folds or unfolds the group.
    pub ontoggle: Callback<()>,
    /// The stages, rendered by the panel. Required.
    pub children: Html,
}

/// A group: its number, name, stage count and subtotal, and its stages below.
#[component]
pub fn StageGroup(props: &StageGroupProps) -> Html {
    let t = totals(&props.stages, None);
    let mut subtotal = plural(t.all_stages(), "stage", "stages");
    let breakdown = t.breakdown();
    if !breakdown.is_empty() {
        subtotal.push_str(&format!(" ({})", breakdown.join(", ")));
    }
    if !t.with_optional.is_zero() {
        subtotal.push_str(&format!(", {}", t.required));
        if t.with_optional != t.required {
            subtotal.push_str(&format!(
                " ({} with the {} ones)",
                t.with_optional,
                t.outside_words()
            ));
        }
    }
    let onclick = props.ontoggle.reform(|_: MouseEvent| ());
    let state = if props.collapsed {
        "collapsed"
    } else {
        "expanded"
    };
    html! {
        <li class="hb-stage-group" data-state={state}>
            <div class="hb-stage-group__head">
                <span class="hb-stage__marker" aria-hidden="true">{ props.number }</span>
                <div>
                    <Heading level={props.level} class="hb-stage-group__title">
                        <button type="button" class="hb-stage__toggle" aria-expanded={(!props.collapsed).to_string()}
                            aria-controls={props.list_id.clone()} {onclick}>
                            <span class="hb-chevron" aria-hidden="true"></span>
                            { markdown::label(&props.name) }
                        </button>
                    </Heading>
                    <p class="hb-stage-group__subtotal">{ subtotal }</p>
                </div>
            </div>
            <ol class="hb-timeline__stages hb-stage-group__stages" id={props.list_id.clone()} hidden={props.collapsed}>
                { props.children.clone() }
            </ol>
        </li>
    }
}
