//! The summary line of a variant: every stage and how many are strongly encouraged, optional
//! or conditional, interview time of the usual process and with the other stages, and
//! calendar time apart.

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

/// Stage counts, interview time of the usual process and with the optional and conditional
/// stages, calendar time.
#[component]
pub fn TotalsSummary(props: &TotalsSummaryProps) -> Html {
    let t = props.totals;
    let untimed = t.required_stages.saturating_sub(t.required_timed);
    let breakdown = t.breakdown();
    let outside = t.outside_stages();
    let interview = match (t.encouraged_stages > 0, outside > 0) {
        (true, _) => "Interview time, required and encouraged stages",
        (false, true) => "Interview time, required stages",
        (false, false) => "Interview time",
    };
    html! {
        <dl class="hb-totals">
            <div class="hb-totals__item">
                <dt>{ "Stages" }</dt>
                <dd data-total="stages">
                    { t.all_stages() }
                    if !breakdown.is_empty() {
                        <span class="hb-totals__note">{ format!(" ({})", breakdown.join(", ")) }</span>
                    }
                </dd>
            </div>
            <div class="hb-totals__item">
                <dt>{ interview }</dt>
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
            if outside > 0 {
                <div class="hb-totals__item hb-totals__item--optional">
                    <dt>{ format!("With the {} stages", t.outside_words()) }</dt>
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
