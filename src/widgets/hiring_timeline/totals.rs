//! The summary line of a variant: every stage and how many are optional, interview time with
//! and without the optional stages, and calendar time apart.

use yew::prelude::*;

use crate::model::hiring::Totals;

/// Props of [`TotalsSummary`].
#[derive(Properties, PartialEq)]
pub struct TotalsSummaryProps {
    /// The variant's totals. Required.
    pub totals: Totals,
}

/// "1 stage", "3 stages".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Stage counts, interview time without and with the optional stages, calendar time.
#[component]
pub fn TotalsSummary(props: &TotalsSummaryProps) -> Html {
    let t = props.totals;
    let untimed = t.required_stages.saturating_sub(t.required_timed);
    let all = t.required_stages + t.optional_stages;
    html! {
        <dl class="hb-totals">
            <div class="hb-totals__item">
                <dt>{ "Stages" }</dt>
                <dd data-total="stages">
                    { all }
                    if t.optional_stages > 0 {
                        <span class="hb-totals__note">{ format!(" ({} optional)", t.optional_stages) }</span>
                    }
                </dd>
            </div>
            <div class="hb-totals__item">
                <dt>{ if t.optional_stages > 0 { "Interview time, required stages" } else { "Interview time" } }</dt>
                <dd data-total="minutes">
                    { t.required.to_string() }
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
                    <dt>{ "With the optional stages" }</dt>
                    <dd data-total="optional">
                        { t.with_optional.to_string() }
                        if t.with_optional == t.required {
                            <span class="hb-totals__note">{ "; their length is not stated" }</span>
                        }
                    </dd>
                </div>
            }
            if let Some(duration) = t.duration {
                <div class="hb-totals__item hb-totals__item--calendar">
                    <dt>{ "Calendar time" }</dt>
                    <dd data-total="calendar">
                        { duration.to_string() }
                        <span class="hb-totals__note">{ " from start to finish" }</span>
                    </dd>
                </div>
            } else if !t.waits.is_zero() {
                <div class="hb-totals__item hb-totals__item--calendar">
                    <dt>{ "Waiting" }</dt>
                    <dd data-total="waits">
                        { t.waits.to_string() }
                        <span class="hb-totals__note">{ " between stages, calendar time" }</span>
                    </dd>
                </div>
            }
        </dl>
    }
}
