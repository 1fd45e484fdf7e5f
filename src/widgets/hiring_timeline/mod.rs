//! `hiring-timeline`: every stage of a hiring process, one tab per role or level.

mod stage;
mod state;
mod totals;

use std::rc::Rc;

use implicit_clone::unsync::IArray;
use yew::prelude::*;

use crate::components::tabs::{panel_id, tab_id};
use crate::components::{use_id_prefix, Heading, SourceLine, Tabs};
use crate::markdown;
use crate::model::hiring::HiringProcess;
use crate::model::{parse, DataError};
use crate::widgets::MountOptions;

pub use stage::{StageItem, StageItemProps};
pub use state::{Action, TimelineState};
pub use totals::{TotalsSummary, TotalsSummaryProps};

/// The name a mount uses: `data-hb-widget="hiring-timeline"`.
pub const NAME: &str = "hiring-timeline";

/// Parses `json` as a [`HiringProcess`] and renders the timeline.
pub fn render(json: &str, options: &MountOptions) -> Result<Html, DataError> {
    let data = Rc::new(parse::<HiringProcess>(json)?);
    let initial = options
        .variant
        .as_deref()
        .and_then(|id| data.variant_index(id))
        .unwrap_or(0);
    Ok(html! { <HiringTimeline {data} {initial} heading_level={options.heading_level} /> })
}

/// Props of [`HiringTimeline`].
#[derive(Properties, PartialEq)]
pub struct HiringTimelineProps {
    /// The process to show. Required.
    pub data: Rc<HiringProcess>,
    /// Index of the variant shown first. Default: 0.
    #[prop_or_default]
    pub initial: usize,
    /// Level of the title heading; stage titles are one below. Default: 3.
    #[prop_or(3)]
    pub heading_level: u8,
}

/// The hiring-stage timeline widget.
#[component]
pub fn HiringTimeline(props: &HiringTimelineProps) -> Html {
    // State
    let data = &props.data;
    let initial = props.initial.min(data.variants.len().saturating_sub(1));
    let state = use_reducer_eq(move || TimelineState::new(initial));
    let id = use_id_prefix("timeline");
    let title_id = format!("{id}-title");
    let level = props.heading_level.clamp(2, 5);

    // Callbacks
    let onselect = {
        let state = state.dispatcher();
        Callback::from(move |i: usize| state.dispatch(Action::Select(i)))
    };

    // View
    let tabs: IArray<AttrValue> = data
        .variants
        .iter()
        .map(|v| AttrValue::from(v.label.clone()))
        .collect();
    let with_tabs = data.variants.len() > 1;
    let selected = data.variants.get(state.variant);
    html! {
        <section class="hb-widget hb-timeline" aria-labelledby={title_id.clone()}
            data-variant={selected.map(|v| AttrValue::from(v.id.clone()))}>
            <header class="hb-widget__header">
                <Heading level={level} id={AttrValue::from(title_id)} class="hb-widget__title">{ &data.title }</Heading>
                if let Some(source) = &data.source {
                    <SourceLine source={source.clone()} />
                }
                if let Some(notes) = &data.notes {
                    <div class="hb-notes hb-md">{ markdown::block(notes) }</div>
                }
            </header>
            if with_tabs {
                <Tabs id={id.clone()} label={format!("{}: variants", data.title)} {tabs}
                    selected={state.variant} {onselect} />
            }
            { for data.variants.iter().enumerate().map(|(vi, variant)| {
                let active = vi == state.variant;
                let expandable: Vec<usize> = variant.stages.iter().enumerate()
                    .filter(|(_, s)| s.description.as_deref().is_some_and(|d| !d.trim().is_empty()))
                    .map(|(i, _)| i)
                    .collect();
                let all_open = !expandable.is_empty() && expandable.iter().all(|s| state.is_expanded(vi, *s));
                let ontoggle_all = {
                    let state = state.dispatcher();
                    let expandable = expandable.clone();
                    Callback::from(move |_: MouseEvent| state.dispatch(if all_open {
                        Action::CollapseAll
                    } else {
                        Action::ExpandAll(expandable.clone())
                    }))
                };
                html! {
                    <div class="hb-timeline__panel" key={variant.id.clone()}
                        id={with_tabs.then(|| panel_id(&id, vi))}
                        role={with_tabs.then_some("tabpanel")}
                        aria-labelledby={with_tabs.then(|| tab_id(&id, vi))}
                        tabindex={with_tabs.then_some("0")}
                        hidden={!active}
                        data-state={if active { "active" } else { "inactive" }}>
                        if with_tabs {
                            <p class="hb-print-only hb-timeline__variant-name"><strong>{ &variant.label }</strong></p>
                        }
                        <TotalsSummary totals={variant.totals()} />
                        if let Some(notes) = &variant.notes {
                            <div class="hb-notes hb-md">{ markdown::block(notes) }</div>
                        }
                        if !expandable.is_empty() {
                            <div class="hb-timeline__tools">
                                <button type="button" class="hb-button hb-button--quiet" onclick={ontoggle_all}
                                    aria-pressed={all_open.to_string()}>
                                    { if all_open { "Hide all details" } else { "Show all details" } }
                                </button>
                            </div>
                        }
                        <ol class="hb-timeline__stages">
                            { for variant.stages.iter().enumerate().map(|(si, stage)| {
                                let ontoggle = {
                                    let state = state.dispatcher();
                                    Callback::from(move |()| state.dispatch(Action::Toggle(si)))
                                };
                                html! {
                                    <StageItem key={si} stage={stage.clone()} number={si + 1}
                                        details_id={format!("{id}-v{vi}-s{si}")}
                                        expanded={state.is_expanded(vi, si)}
                                        level={level + 1} {ontoggle} />
                                }
                            }) }
                        </ol>
                    </div>
                }
            }) }
            if let Some(footnotes) = &data.footnotes {
                <footer class="hb-widget__footer hb-notes hb-md">{ markdown::block(footnotes) }</footer>
            }
        </section>
    }
}
