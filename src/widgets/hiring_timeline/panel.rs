//! One variant's panel: its totals, notes, the "show all details" switch and its stages.

use std::rc::Rc;

use yew::prelude::*;

use super::group::StageGroup;
use super::stage::StageItem;
use super::totals::TotalsSummary;
use crate::components::tabs::{panel_id, tab_id};
use crate::markdown;
use crate::model::hiring::Variant;
use crate::model::length::Span;

/// Props of [`VariantPanel`].
#[derive(Properties, PartialEq)]
pub struct VariantPanelProps {
    /// The variant to show. Required.
    pub variant: Rc<Variant>,
    /// Its index in the process. Required.
    pub index: usize,
    /// The widget's id prefix. Required.
    pub id: AttrValue,
    /// Whether the panel belongs to a tab (several variants). Default: `false`.
    #[prop_or_default]
    pub tabbed: bool,
    /// Whether this is the variant shown. Default: `false`.
    #[prop_or_default]
    pub active: bool,
    /// The process's calendar time, for a variant that states none. Default: none.
    #[prop_or_default]
    pub duration: Option<Span>,
    /// The wait before the first stage and what it is for ([`Variant::first_wait`]). Default:
    /// none.
    #[prop_or_default]
    pub first_wait: Option<(Span, Option<AttrValue>)>,
    /// Indices of the expanded stages. Default: none.
    #[prop_or_default]
    pub expanded: Vec<usize>,
    /// Indices of the folded groups, among the variant's steps. Default: none.
    #[prop_or_default]
    pub collapsed: Vec<usize>,
    /// Heading level of the stage titles. Required.
    pub level: u8,
    /// Called with a stage index when the reader expands or collapses it.
    pub ontoggle: Callback<usize>,
    /// Called with a step index when the reader folds or unfolds a group.
    pub ontogglegroup: Callback<usize>,
    /// Called with `true` to expand every stage with details, `false` to collapse them all.
    pub ontoggleall: Callback<bool>,
}

/// A tab panel (or the only panel) of the timeline.
#[component]
pub fn VariantPanel(props: &VariantPanelProps) -> Html {
    let variant = &props.variant;
    let (vi, id) = (props.index, &props.id);
    let with_details = variant.stages_with_details();
    let all_open =
        !with_details.is_empty() && with_details.iter().all(|s| props.expanded.contains(s));
    let ontoggleall = props.ontoggleall.reform(move |_: MouseEvent| !all_open);

    html! {
        <div class="hb-timeline__panel"
            id={props.tabbed.then(|| panel_id(id, vi))}
            role={props.tabbed.then_some("tabpanel")}
            aria-labelledby={props.tabbed.then(|| tab_id(id, vi))}
            tabindex={props.tabbed.then_some("0")}
            hidden={!props.active}
            data-state={if props.active { "active" } else { "inactive" }}>
            if props.tabbed {
                <p class="hb-print-only hb-timeline__variant-name"><strong>{ &variant.label }</strong></p>
            }
            <TotalsSummary totals={variant.totals_with(props.duration, props.first_wait.as_ref().map(|(w, _)| *w))} />
            if let Some(notes) = &variant.notes {
                <div class="hb-notes hb-md">{ markdown::block(notes) }</div>
            }
            if !with_details.is_empty() {
                <div class="hb-timeline__tools">
                    <button type="button" class="hb-button hb-button--quiet" onclick={ontoggleall}
                        aria-pressed={all_open.to_string()}>
                        { if all_open { "Hide all details" } else { "Show all details" } }
                    </button>
                </div>
            }
            if let Some((wait, what)) = &props.first_wait {
                <p class="hb-timeline__first-wait"><span class="hb-label">{ "Before the first stage, a wait of " }</span>{ wait.to_string() }
                    if let Some(what) = what { { " for " }{ markdown::inline(what) } }
                </p>
            }
            <ol class="hb-timeline__stages">
                { for variant.steps().into_iter().enumerate().map(|(k, step)| {
                    let stage = |si: usize, level: u8| variant.stages.get(si).map(|stage| html! {
                        <StageItem key={si} stage={stage.clone()} number={AttrValue::from(step.label(si))}
                            details_id={format!("{id}-v{vi}-s{si}")}
                            expanded={props.expanded.contains(&si)}
                            {level}
                            ontoggle={props.ontoggle.reform(move |()| si)} />
                    });
                    match step.group {
                        None => html! { { for stage(step.start, props.level) } },
                        Some(name) => html! {
                            <StageGroup key={format!("g{k}")} name={AttrValue::from(name.to_owned())} number={step.number}
                                stages={variant.stages.get(step.start..step.end).unwrap_or_default().iter().cloned().collect::<Rc<[_]>>()}
                                list_id={format!("{id}-v{vi}-g{k}")} collapsed={props.collapsed.contains(&k)}
                                level={props.level} ontoggle={props.ontogglegroup.reform(move |()| k)}>
                                { for (step.start..step.end).filter_map(|si| stage(si, props.level.saturating_add(1).min(6))) }
                            </StageGroup>
                        },
                    }
                }) }
            </ol>
        </div>
    }
}
