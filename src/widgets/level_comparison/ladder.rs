//! The ladder strip: every level in order, with grade and track, and the career-ladder steps;
//! a ladder with several tracks is drawn as parallel lanes, levels of one grade in one column.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::levels::Ladder;

/// Props of [`LadderStrip`].
#[derive(Properties, PartialEq)]
pub struct LadderStripProps {
    /// The ladder. Required.
    pub ladder: Rc<Ladder>,
    /// Index of the left level. Required.
    pub left: usize,
    /// Index of the right level. Required.
    pub right: usize,
    /// Called with a level's index when the reader picks it on the strip.
    pub onfocus: Callback<usize>,
}

/// An ordered list of level buttons per track (one list for a ladder of one track); an arrow
/// between two levels of a lane where the first names the second as its next step, and a
/// "branch" note where a level's next step is on another track.
#[component]
pub fn LadderStrip(props: &LadderStripProps) -> Html {
    let ladder = &props.ladder;
    let levels = &ladder.levels;
    let lanes = ladder.lanes();
    let columns = ladder.columns();
    let width = columns.iter().max().map_or(0, |m| m + 1);
    let with_lanes = ladder.has_lanes();
    let level_item = |i: usize, next_in_lane: Option<usize>| {
        let Some(level) = levels.get(i) else {
            return html! {};
        };
        let side = if i == props.left {
            "left"
        } else if i == props.right {
            "right"
        } else {
            "none"
        };
        let next_is_step = next_in_lane
            .and_then(|n| levels.get(n))
            .is_some_and(|n| level.next.contains(&n.id));
        // Next steps on another track: a branch.
        let branches: Vec<String> = level
            .next
            .iter()
            .filter_map(|id| levels.iter().find(|l| l.id == *id))
            .filter(|n| n.track != level.track)
            .map(|n| match n.track.as_deref() {
                Some(t) => format!("{} ({})", n.label(), ladder.track_label(t)),
                None => n.label().to_owned(),
            })
            .collect();
        let onclick = props.onfocus.reform(move |_: MouseEvent| i);
        html! {
            <li class="hb-ladder__level" data-side={side} data-track={level.track.clone()}
                data-step={next_is_step.to_string()}>
                <button type="button" class="hb-ladder__button" {onclick}
                    aria-current={(side != "none").then_some("true")}
                    title={format!("Compare {} with the level before it", level.title)}>
                    <span class="hb-ladder__name">{ level.label() }</span>
                    <span class="hb-ladder__meta">
                        if let Some(grade) = &level.grade {
                            <span class="hb-ladder__grade">{ format!("Grade {grade}") }</span>
                        }
                        if let Some(track) = level.track.as_deref().filter(|_| !with_lanes) {
                            <span class="hb-ladder__track">{ ladder.track_label(track) }</span>
                        }
                    </span>
                    if side != "none" {
                        <span class="hb-ladder__side">{ if side == "left" { "Left" } else { "Right" } }</span>
                    }
                </button>
                if !branches.is_empty() {
                    <span class="hb-ladder__branch">
                        <span aria-hidden="true">{ "↳ " }</span>
                        { format!("Next step on another track: {}", branches.join(", ")) }
                    </span>
                }
                if next_is_step {
                    <span class="hb-ladder__arrow" role="img" aria-label="next step:">{ "→" }</span>
                }
            </li>
        }
    };
    if !with_lanes {
        return html! {
            <ol class="hb-ladder" aria-label="Levels, lowest first">
                { for (0..levels.len()).map(|i| level_item(i, Some(i + 1))) }
            </ol>
        };
    }
    html! {
        <div class="hb-lanes" data-columns={width.to_string()}>
            { for lanes.iter().map(|lane| {
                let label = lane.track.as_deref().map_or("No track stated", |t| ladder.track_label(t));
                // One cell per column, so the lanes line up by grade; empty cells are gaps.
                let mut cells: Vec<Html> = Vec::new();
                let mut column = 0;
                for (k, &i) in lane.levels.iter().enumerate() {
                    let at = columns.get(i).copied().unwrap_or(column).max(column);
                    while column < at {
                        cells.push(html! { <li class="hb-ladder__gap" aria-hidden="true"></li> });
                        column += 1;
                    }
                    cells.push(level_item(i, lane.levels.get(k + 1).copied()));
                    column += 1;
                }
                while column < width {
                    cells.push(html! { <li class="hb-ladder__gap" aria-hidden="true"></li> });
                    column += 1;
                }
                html! {
                    <div class="hb-lane" data-track={lane.track.clone()}>
                        <p class="hb-lane__name" aria-hidden="true">{ label }</p>
                        <ol class="hb-ladder hb-ladder--lane" aria-label={format!("{label}: levels, lowest first")}>
                            { for cells }
                        </ol>
                    </div>
                }
            }) }
        </div>
    }
}
