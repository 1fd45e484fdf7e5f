//! The timeline's reducer: selecting variants and expanding stages.

use std::rc::Rc;

use handbook_widgets::widgets::hiring_timeline::{Action, TimelineState};
use yew::Reducible;

fn run(actions: impl IntoIterator<Item = Action>) -> Rc<TimelineState> {
    actions
        .into_iter()
        .fold(Rc::new(TimelineState::new(0)), |s, a| s.reduce(a))
}

#[test]
fn toggle_opens_then_closes_a_stage_of_the_selected_variant() {
    let s = run([Action::Select(2), Action::Toggle(1)]);
    assert_eq!(s.variant, 2);
    assert_eq!(s.expanded_in(2).into_iter().collect::<Vec<_>>(), [1]);
    assert!(s.expanded_in(0).is_empty());
    let s = s.reduce(Action::Toggle(1));
    assert!(s.expanded_in(2).is_empty());
}

#[test]
fn each_variant_keeps_its_own_open_stages() {
    let s = run([
        Action::Toggle(0),
        Action::Select(1),
        Action::Toggle(3),
        Action::Select(0),
    ]);
    assert_eq!(s.expanded_in(0).into_iter().collect::<Vec<_>>(), [0]);
    assert_eq!(s.expanded_in(1).into_iter().collect::<Vec<_>>(), [3]);
}

#[test]
fn expand_all_and_collapse_all_touch_only_the_selected_variant() {
    let s = run([
        Action::Toggle(4),
        Action::Select(1),
        Action::ExpandAll(vec![0, 2, 5]),
    ]);
    assert_eq!(s.expanded_in(1).into_iter().collect::<Vec<_>>(), [0, 2, 5]);
    let s = s.reduce(Action::CollapseAll);
    assert!(s.expanded_in(1).is_empty());
    assert_eq!(s.expanded_in(0).into_iter().collect::<Vec<_>>(), [4]);
}

#[test]
fn groups_fold_per_variant_and_show_all_details_unfolds_them() {
    let s = run([
        Action::ToggleGroup(4),
        Action::Select(1),
        Action::ToggleGroup(2),
    ]);
    assert_eq!(s.collapsed_in(0), [4]);
    assert_eq!(s.collapsed_in(1), [2]);
    let s = s.reduce(Action::ToggleGroup(2));
    assert!(s.collapsed_in(1).is_empty(), "a second toggle unfolds");
    let s = s
        .reduce(Action::Select(0))
        .reduce(Action::ExpandAll(vec![1]));
    assert!(
        s.collapsed_in(0).is_empty(),
        "every group of the variant unfolds"
    );
    assert_eq!(s.expanded_in(0), [1]);
}
