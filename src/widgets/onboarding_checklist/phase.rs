//! One phase: a disclosure with its progress and due date, then objective, training focus and items.

use std::rc::Rc;

use yew::prelude::*;

use super::item::{ItemRow, Reader};
use crate::components::Heading;
use crate::markdown;
use crate::model::checklist::{format_date, phase_progress, Phase, Ticks, Timing};

/// Props of [`PhaseSection`].
#[derive(Properties, PartialEq)]
pub struct PhaseSectionProps {
    /// The phase. Required.
    pub phase: Rc<Phase>,
    /// All marks. Required.
    pub ticks: Rc<Ticks>,
    /// The reader's role and what shows. Required.
    pub reader: Rc<Reader>,
    /// Due date (days since 1970), when a start date is set. Default: none.
    #[prop_or_default]
    pub due: Option<i64>,
    /// Where the phase stands on the calendar. Required.
    pub timing: Timing,
    /// Whether the phase is open. Required.
    pub open: bool,
    /// Prefix of the element ids in this phase, unique in the widget (`hb-checklist-phase2`):
    /// made from positions, never from ids in the data. Required.
    pub id: AttrValue,
    /// Heading level. Required.
    pub level: u8,
    /// Called when the reader opens or closes the phase.
    pub ontogglephase: Callback<()>,
    /// Called with an item id when its checkbox is clicked.
    pub ontoggle: Callback<String>,
    /// Called with an item id when its N/A switch is pressed.
    pub onna: Callback<String>,
}

/// A phase of the checklist.
#[component]
pub fn PhaseSection(props: &PhaseSectionProps) -> Html {
    let phase = &props.phase;
    let reader = &props.reader;
    let other = !phase.is_for(reader.audience.as_deref());
    if other && !reader.show_others {
        return html! {};
    }
    let p = phase_progress(phase, &props.ticks, reader.audience.as_deref());
    let owner = phase.owner.clone().map(AttrValue::from);
    let body_id = format!("{}-body", props.id);
    let onclick = props.ontogglephase.reform(|_: MouseEvent| ());
    let timing = match props.timing {
        Timing::Overdue => Some("Overdue"),
        Timing::Current => Some("Current"),
        Timing::Complete => Some("Done"),
        Timing::Upcoming | Timing::Unscheduled => None,
    };
    html! {
        <section class="hb-phase" data-phase={phase.id.clone()} data-timing={props.timing.key()}
            data-other={other.then_some("true")}
            data-state={if props.open { "expanded" } else { "collapsed" }}>
            <Heading level={props.level} class="hb-phase__title">
                <button type="button" class="hb-phase__toggle" aria-expanded={props.open.to_string()}
                    aria-controls={body_id.clone()} {onclick}>
                    <span class="hb-chevron" aria-hidden="true"></span>
                    <span class="hb-phase__name">{ &phase.title }</span>
                    <span class="hb-phase__count">
                        { if other { String::from("Not counted for your role") } else { format!("{} of {} done", p.done, p.total) } }
                    </span>
                    if let Some(label) = timing {
                        <span class="hb-tag hb-phase__timing">{ label }</span>
                    }
                    if let Some(due) = props.due {
                        <span class="hb-phase__due">{ format!("Due {}", format_date(due)) }</span>
                    }
                    if !phase.audiences.is_empty() {
                        <span class="hb-tag hb-item__for">{ reader.for_tag(&phase.audiences) }</span>
                    }
                </button>
            </Heading>
            <progress class="hb-progress__bar" max={p.total.to_string()} value={p.done.to_string()}
                aria-label={format!("{}: {} of {} done", phase.title, p.done, p.total)}></progress>
            <div id={body_id} class="hb-phase__body" hidden={!props.open}>
                if let Some(owner) = &owner {
                    <p class="hb-phase__owner"><span class="hb-label">{ "Owner of every activity unless it says otherwise: " }</span>{ owner }</p>
                }
                if let Some(objective) = &phase.objective {
                    <p class="hb-phase__objective"><strong>{ "Objective: " }</strong>{ markdown::inline(objective) }</p>
                }
                if !phase.training.is_empty() {
                    <p class="hb-label">{ "Training focus" }</p>
                    <ul class="hb-phase__training hb-md">
                        { for phase.training.iter().map(|t| html! { <li>{ markdown::inline(t) }</li> }) }
                    </ul>
                }
                if let Some(notes) = &phase.notes {
                    <div class="hb-notes hb-md">{ markdown::block(notes) }</div>
                }
                <p class="hb-label">{ "Activities" }</p>
                <ul class="hb-items hb-items--root">
                    { for phase.items.iter().enumerate().map(|(i, item)| html! {
                        <ItemRow key={item.key().to_owned()} item={item.clone()} ticks={props.ticks.clone()} reader={reader.clone()}
                            id={AttrValue::from(format!("{}-item{i}", props.id))} under_other={other} inherited_owner={owner.clone()}
                            ontoggle={props.ontoggle.clone()} onna={props.onna.clone()} />
                    }) }
                </ul>
            </div>
        </section>
    }
}
