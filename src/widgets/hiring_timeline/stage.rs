//! One stage of the timeline: a disclosure when it has details.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::Heading;
use crate::markdown;
use crate::model::hiring::{format_minutes, Stage};

/// Props of [`StageItem`].
#[derive(Properties, PartialEq)]
pub struct StageItemProps {
    /// The stage. Required.
    pub stage: Rc<Stage>,
    /// 1-based position in the variant. Required.
    pub number: usize,
    /// Id of the details element. Required.
    pub details_id: AttrValue,
    /// Whether the details show. Default: `false`.
    #[prop_or_default]
    pub expanded: bool,
    /// Heading level of the stage title. Required.
    pub level: u8,
    /// Called when the reader expands or collapses the stage.
    pub ontoggle: Callback<()>,
}

/// A stage: number, title, channel, length, who runs it; its description behind a disclosure button.
#[component]
pub fn StageItem(props: &StageItemProps) -> Html {
    let stage = &props.stage;
    let expandable = stage
        .description
        .as_deref()
        .is_some_and(|d| !d.trim().is_empty());
    let state = match (expandable, props.expanded) {
        (false, _) => "static",
        (true, true) => "expanded",
        (true, false) => "collapsed",
    };
    let onclick = props.ontoggle.reform(|_: MouseEvent| ());
    let length = match stage.minutes {
        Some(m) => html! { <span class="hb-stage__length">{ format_minutes(m) }</span> },
        None => {
            html! { <span class="hb-stage__length hb-stage__length--unknown">{ "Length not stated" }</span> }
        }
    };

    html! {
        <li class="hb-stage" data-state={state} data-channel={stage.channel.key()}
            data-optional={stage.optional.to_string()}>
            <span class="hb-stage__marker" aria-hidden="true">{ props.number }</span>
            <div class="hb-stage__body">
                <Heading level={props.level} class="hb-stage__title">
                    if expandable {
                        <button type="button" class="hb-stage__toggle" aria-expanded={props.expanded.to_string()}
                            aria-controls={props.details_id.clone()} {onclick}>
                            <span class="hb-stage__chevron" aria-hidden="true"></span>
                            { markdown::inline(&stage.title) }
                        </button>
                    } else {
                        { markdown::inline(&stage.title) }
                    }
                </Heading>
                <p class="hb-stage__meta">
                    <span class="hb-badge" data-channel={stage.channel.key()}>{ stage.channel.label() }</span>
                    { length }
                    if stage.optional {
                        <span class="hb-tag hb-tag--optional">{ "Optional" }</span>
                    }
                </p>
                if let Some(who) = &stage.run_by {
                    <p class="hb-stage__who"><span class="hb-label">{ "Run by " }</span>{ markdown::inline(who) }</p>
                }
                if let Some(description) = stage.description.as_deref().filter(|_| expandable) {
                    <div class="hb-stage__details hb-md" id={props.details_id.clone()} hidden={!props.expanded}>
                        { markdown::block(description) }
                    </div>
                }
            </div>
        </li>
    }
}
