//! The summary line of a variant: stages, interview time, optional stages apart.

use yew::prelude::*;

use crate::model::hiring::{format_minutes, Totals};

/// Props of [`TotalsSummary`].
#[derive(Properties, PartialEq)]
pub struct TotalsSummaryProps {
    /// The variant's totals. Required.
    pub totals: Totals,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Stage count, interview count and time, and the optional stages apart.
#[component]
pub fn TotalsSummary(props: &TotalsSummaryProps) -> Html {
    let t = props.totals;
    let untimed = t.required_stages.saturating_sub(t.required_timed);
    html! {
        <dl class="hb-totals">
            <div class="hb-totals__item">
                <dt>{ "Stages" }</dt>
                <dd data-total="stages">{ t.required_stages }</dd>
            </div>
            <div class="hb-totals__item">
                <dt>{ "Interview time" }</dt>
                <dd data-total="minutes">
                    { format_minutes(t.required_minutes) }
                    <span class="hb-totals__note">
                        { format!(" in {}", plural(t.required_timed, "timed stage", "timed stages")) }
                        if untimed > 0 {
                            { format!("; {} without a stated length", plural(untimed, "stage", "stages")) }
                        }
                    </span>
                </dd>
            </div>
            if t.optional_stages > 0 {
                <div class="hb-totals__item hb-totals__item--optional">
                    <dt>{ "Optional" }</dt>
                    <dd data-total="optional">
                        { plural(t.optional_stages, "stage", "stages") }
                        <span class="hb-totals__note">
                            if t.optional_minutes > 0 {
                                { format!(", up to {} more", format_minutes(t.optional_minutes)) }
                            } else {
                                { ", length not stated" }
                            }
                        </span>
                    </dd>
                </div>
            }
        </dl>
    }
}
