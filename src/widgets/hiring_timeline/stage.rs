//! One stage of the timeline: a disclosure when it has details.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::Heading;
use crate::markdown;
use crate::model::hiring::{Emphasis, Stage};

/// Props of [`StageItem`].
#[derive(Properties, PartialEq)]
pub struct StageItemProps {
    /// The stage. Required.
    pub stage: Rc<Stage>,
    /// Its number as shown: "3", or "4b" in a group. Required.
    pub number: AttrValue,
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

/// "A, B and C" or "A or B": inline Markdown pieces joined in words.
fn joined(items: &[String], last: &str) -> Html {
    let n = items.len();
    html! {
        { for items.iter().enumerate().map(|(i, item)| html! {
            <>
                { markdown::inline(item) }
                if i + 2 < n { { ", " } } else if i + 2 == n { { format!(" {last} ") } }
            </>
        }) }
    }
}

/// A stage: number, title, channel, length, emphasis, condition, who runs it, who a
/// candidate meets, the wait after it; its description behind a disclosure button.
#[component]
pub fn StageItem(props: &StageItemProps) -> Html {
    let stage = &props.stage;
    let expandable = stage.has_details();
    let state = match (expandable, props.expanded) {
        (false, _) => "static",
        (true, true) => "expanded",
        (true, false) => "collapsed",
    };
    let onclick = props.ontoggle.reform(|_: MouseEvent| ());
    let length = match stage.span() {
        Some(span) => html! { <span class="hb-stage__length">{ span.to_string() }</span> },
        None => {
            html! { <span class="hb-stage__length hb-stage__length--unknown">{ "Length not stated" }</span> }
        }
    };
    let emphasis = stage.emphasis();
    let meets = match (stage.interviewers.len(), stage.pick) {
        (0, _) => None,
        (1, _) => Some(String::from("With ")),
        (_, Some(1)) => Some(String::from("One of ")),
        (_, Some(k)) => Some(format!("{k} of ")),
        (n, None) => Some(format!("A panel of {n}: ")),
    };

    html! {
        <li class="hb-stage" data-state={state} data-channel={stage.channel.key()}
            data-optional={stage.is_optional().to_string()} data-emphasis={emphasis.key()}>
            <span class="hb-stage__marker" aria-hidden="true">{ props.number.clone() }</span>
            <div class="hb-stage__body">
                <Heading level={props.level} class="hb-stage__title">
                    if expandable {
                        <button type="button" class="hb-stage__toggle" aria-expanded={props.expanded.to_string()}
                            aria-controls={props.details_id.clone()} {onclick}>
                            <span class="hb-chevron" aria-hidden="true"></span>
                            { markdown::label(&stage.title) }
                        </button>
                    } else {
                        { markdown::inline(&stage.title) }
                    }
                </Heading>
                <p class="hb-stage__meta">
                    <span class="hb-badge" data-channel={stage.channel.key()}>{ stage.channel.label() }</span>
                    { length }
                    { match emphasis {
                        Emphasis::Conditional => html! { <span class="hb-tag hb-tag--conditional">{ "Conditional" }</span> },
                        Emphasis::Encouraged => html! { <span class="hb-tag hb-tag--encouraged">{ "Strongly encouraged" }</span> },
                        Emphasis::Optional => html! { <span class="hb-tag hb-tag--optional">{ "Optional" }</span> },
                        Emphasis::Required => html! {},
                    } }
                </p>
                if let Some(condition) = &stage.condition {
                    <p class="hb-stage__condition"><span class="hb-label">{ "Only when: " }</span>{ markdown::inline(condition) }</p>
                }
                if let Some(who) = &stage.run_by {
                    <p class="hb-stage__who"><span class="hb-label">{ "Run by " }</span>{ markdown::inline(who) }</p>
                }
                if let Some(label) = meets {
                    <p class="hb-stage__who hb-stage__interviewers"><span class="hb-label">{ label }</span>
                        { joined(&stage.interviewers, if stage.pick.is_some() { "or" } else { "and" }) }</p>
                }
                if let Some(description) = stage.description.as_deref().filter(|_| expandable) {
                    <div class="hb-stage__details hb-md" id={props.details_id.clone()} hidden={!props.expanded}>
                        { markdown::block(description) }
                    </div>
                }
                if let Some(wait) = stage.wait {
                    <p class="hb-stage__wait"><span class="hb-label">{ "Then a wait of " }</span>{ wait.to_string() }
                        if let Some(what) = &stage.wait_for { { " for " }{ markdown::inline(what) } }
                    </p>
                }
            </div>
        </li>
    }
}
