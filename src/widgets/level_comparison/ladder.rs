//! The ladder strip: every level in order, with grade and track, and the career-ladder steps.

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

/// An ordered list of level buttons; an arrow between two levels where the first names the
/// second as its next step.
#[component]
pub fn LadderStrip(props: &LadderStripProps) -> Html {
    let levels = &props.ladder.levels;
    html! {
        <ol class="hb-ladder" aria-label="Levels, lowest first">
            { for levels.iter().enumerate().map(|(i, level)| {
                let side = if i == props.left { "left" } else if i == props.right { "right" } else { "none" };
                let next_is_step = levels.get(i + 1).is_some_and(|n| level.next.contains(&n.id));
                let onclick = props.onfocus.reform(move |_: MouseEvent| i);
                html! {
                    <li class="hb-ladder__level" data-side={side} data-track={level.track.map(|t| t.key())}
                        data-step={next_is_step.to_string()}>
                        <button type="button" class="hb-ladder__button" {onclick}
                            aria-current={(side != "none").then_some("true")}
                            title={format!("Compare {} with the level before it", level.title)}>
                            <span class="hb-ladder__name">{ level.label() }</span>
                            <span class="hb-ladder__meta">
                                if let Some(grade) = &level.grade {
                                    <span class="hb-ladder__grade">{ format!("Grade {grade}") }</span>
                                }
                                if let Some(track) = level.track {
                                    <span class="hb-ladder__track">{ track.label() }</span>
                                }
                            </span>
                            if side != "none" {
                                <span class="hb-ladder__side">{ if side == "left" { "Left" } else { "Right" } }</span>
                            }
                        </button>
                        if next_is_step {
                            <span class="hb-ladder__arrow" role="img" aria-label="next step:">{ "→" }</span>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
