//! The checklist's reducer around saved records it cannot read: nothing is saved over them,
//! this tab keeps its ticks, and only a reset on purpose lets saving resume.
#![allow(clippy::unwrap_used)]

use std::rc::Rc;

use handbook_widgets::model::checklist::{Checklist, Mark, Record, Unreadable};
use handbook_widgets::model::parse;
use handbook_widgets::widgets::onboarding_checklist::{Action, ChecklistState};
use yew::Reducible;

fn checklist() -> Rc<Checklist> {
    let json = r#"{"id": "c", "title": "C", "phases": [{"id": "p", "title": "P", "items": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}]}"#;
    Rc::new(parse::<Checklist>(json).unwrap().with_ids())
}

#[test]
fn an_unreadable_record_turns_saving_off_until_a_reset() {
    let state = Rc::new(ChecklistState::new(checklist()));
    assert!(!state.can_save(), "nothing is saved before storage is read");
    let state = state.reduce(Action::Loaded(Ok(Err(Unreadable::Newer(2)))));
    assert!(!state.can_save());
    assert!(state.ticks.is_empty());
    let state = state.reduce(Action::Toggle("a".into()));
    assert_eq!(state.ticks.get("a"), Some(&Mark::Done));
    assert!(
        !state.can_save(),
        "a tick does not make the record writable"
    );
    let state = state.reduce(Action::AskReset).reduce(Action::ConfirmReset);
    assert!(state.can_save());
    assert!(state.ticks.is_empty());
}

#[test]
fn an_unreadable_record_from_another_tab_keeps_this_tabs_ticks() {
    let state = Rc::new(ChecklistState::new(checklist()))
        .reduce(Action::Loaded(Ok(Ok(Record::default()))))
        .reduce(Action::Toggle("a".into()));
    assert!(state.can_save());
    let state = state.reduce(Action::Load(Err(Unreadable::Damaged("EOF".into()))));
    assert!(!state.can_save());
    assert_eq!(state.ticks.get("a"), Some(&Mark::Done));
    // A readable record arriving later (the other tab reset) is taken, and saving resumes.
    let state = state.reduce(Action::Load(Ok(Record::default())));
    assert!(state.can_save());
    assert!(state.ticks.is_empty());
}

#[test]
fn storage_that_cannot_be_used_also_stops_saving() {
    let state =
        Rc::new(ChecklistState::new(checklist())).reduce(Action::Loaded(Err("blocked".into())));
    assert!(state.loaded);
    assert!(!state.can_save());
    assert_eq!(state.unsaved_reason.as_deref(), Some("blocked"));
}

#[test]
fn saved_ticks_arrive_after_the_first_render() {
    let record = Record {
        ticks: [("b".to_owned(), Mark::Done)].into(),
        start: Some("2026-01-05".into()),
        ..Record::default()
    };
    let state = Rc::new(ChecklistState::new(checklist()));
    assert!(state.ticks.is_empty());
    let state = state.reduce(Action::Loaded(Ok(Ok(record))));
    assert_eq!(state.ticks.get("b"), Some(&Mark::Done));
    assert_eq!(state.start.as_deref(), Some("2026-01-05"));
    assert!(state.can_save());
}

#[test]
fn the_readers_role_is_picked_saved_read_back_and_reset() {
    let json = r#"{"id": "c", "title": "C", "audiences": [{"id": "eng", "label": "Engineering"}], "phases": [{"id": "p", "title": "P", "items": [{"id": "a", "text": "A"}]}]}"#;
    let c = Rc::new(parse::<Checklist>(json).unwrap().with_ids());
    let state = Rc::new(ChecklistState::new(c.clone()))
        .reduce(Action::Loaded(Ok(Ok(Record::default()))))
        .reduce(Action::Audience(Some("eng".into())));
    assert_eq!(state.audience.as_deref(), Some("eng"));
    assert_eq!(state.record().audience.as_deref(), Some("eng"));
    // A role the checklist does not list (a record from an older version of the data) is
    // every role.
    let state = state.reduce(Action::Audience(Some("ops".into())));
    assert_eq!(state.audience, None);
    let saved = Record {
        audience: Some("eng".into()),
        ..Record::default()
    };
    let state = Rc::new(ChecklistState::new(c)).reduce(Action::Loaded(Ok(Ok(saved))));
    assert_eq!(state.audience.as_deref(), Some("eng"));
    let state = state.reduce(Action::ToggleShowOthers);
    assert!(state.show_others);
    let state = state.reduce(Action::AskReset).reduce(Action::ConfirmReset);
    assert_eq!(state.audience, None);
}
