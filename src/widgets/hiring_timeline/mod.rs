//! `hiring-timeline`: every stage of a hiring process, one tab per role or level.

mod group;
mod panel;
mod stage;
mod state;
mod totals;

use std::rc::Rc;

use implicit_clone::unsync::IArray;
use yew::prelude::*;

use crate::components::{id_prefix, Tabs, WidgetHeader};
use crate::markdown;
use crate::model::hiring::HiringProcess;
use crate::model::{parse, DataError};
use crate::url_state::{key_of, use_fragment};
use crate::widgets::MountOptions;

pub use group::{StageGroup, StageGroupProps};
pub use panel::{VariantPanel, VariantPanelProps};
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
    let key = options.key.clone().unwrap_or_else(|| key_of(&data.title));
    Ok(html! {
        <HiringTimeline {data} {initial} state_key={AttrValue::from(key)} heading_level={options.heading_level} />
    })
}

/// Props of [`HiringTimeline`].
#[derive(Properties, PartialEq)]
pub struct HiringTimelineProps {
    /// The process to show. Required.
    pub data: Rc<HiringProcess>,
    /// Index of the variant shown first. Default: 0.
    #[prop_or_default]
    pub initial: usize,
    /// This widget's key in the URL fragment: `#hb-<key>=<variant id>` selects that variant's
    /// tab and brings the timeline into view (links from a level comparison do this). Default:
    /// `timeline`.
    #[prop_or(AttrValue::Static("timeline"))]
    pub state_key: AttrValue,
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
    let fragment = use_fragment(props.state_key.clone());
    let node = use_node_ref();
    let id = id_prefix("timeline");
    let title_id = format!("{id}-title");
    let level = props.heading_level.clamp(2, 5);

    // Effects: a variant named in the fragment is selected and brought into view, on load
    // and whenever the fragment changes (a link from a level comparison).
    {
        let (dispatcher, data, node) = (state.dispatcher(), data.clone(), node.clone());
        use_effect_with(fragment.value.clone(), move |value| {
            if let Some(index) = value.as_deref().and_then(|v| data.variant_index(v)) {
                dispatcher.dispatch(Action::Select(index));
                if let Some(element) = node.cast::<web_sys::Element>() {
                    element.scroll_into_view();
                }
            }
        });
    }

    // Callbacks
    let onselect = {
        let (state, fragment, data) = (state.dispatcher(), fragment.clone(), data.clone());
        Callback::from(move |i: usize| {
            state.dispatch(Action::Select(i));
            // Once the fragment names a variant here, it follows the tabs (without a new entry).
            if let (Some(_), Some(variant)) = (&fragment.value, data.variants.get(i)) {
                fragment.replace(Some(variant.id.clone()));
            }
        })
    };
    let ontoggle = {
        let state = state.dispatcher();
        Callback::from(move |stage: usize| state.dispatch(Action::Toggle(stage)))
    };
    let ontogglegroup = {
        let state = state.dispatcher();
        Callback::from(move |step: usize| state.dispatch(Action::ToggleGroup(step)))
    };
    let ontoggleall = {
        let dispatcher = state.dispatcher();
        let stages = data
            .variants
            .get(state.variant)
            .map(|v| v.stages_with_details())
            .unwrap_or_default();
        Callback::from(move |open: bool| {
            dispatcher.dispatch(if open {
                Action::ExpandAll(stages.clone())
            } else {
                Action::CollapseAll
            })
        })
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
        <section class="hb-widget hb-timeline" aria-labelledby={title_id.clone()} ref={node}
            data-variant={selected.map(|v| AttrValue::from(v.id.clone()))}>
            <WidgetHeader title={data.title.clone()} title_id={AttrValue::from(title_id.clone())} level={level}
                source={data.source.clone()} notes={data.notes.clone().map(AttrValue::from)} />
            if with_tabs {
                <Tabs id={id.clone()} label={format!("{}: variants", data.title)} {tabs}
                    selected={state.variant} {onselect} />
            }
            { for data.variants.iter().enumerate().map(|(vi, variant)| html! {
                <VariantPanel key={variant.id.clone()} variant={variant.clone()} index={vi} id={id.clone()}
                    tabbed={with_tabs} active={vi == state.variant} duration={data.duration}
                    first_wait={variant.first_wait(data).map(|(w, what)| (w, what.map(|t| AttrValue::from(t.to_owned()))))}
                    expanded={state.expanded_in(vi)} collapsed={state.collapsed_in(vi)}
                    level={level + 1} ontoggle={ontoggle.clone()} ontogglegroup={ontogglegroup.clone()}
                    ontoggleall={ontoggleall.clone()} />
            }) }
            if let Some(footnotes) = &data.footnotes {
                <footer class="hb-widget__footer hb-notes hb-md">{ markdown::block(footnotes) }</footer>
            }
        </section>
    }
}
