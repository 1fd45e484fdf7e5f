//! The onboarding checklist as rendered HTML: real checkboxes with labels, progress with
//! role="status", phases as disclosures, and the notice when progress cannot be saved.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{count, tags};
use handbook_widgets::widgets::{onboarding_checklist, MountOptions};

fn render() -> String {
    common::render(
        onboarding_checklist::render(
            common::preset("mattermost-pm-onboarding"),
            &MountOptions::default(),
        )
        .unwrap(),
    )
}

#[test]
fn every_item_is_a_labelled_checkbox() {
    let html = render();
    let boxes = tags(&html, &["input", "type=\"checkbox\""]);
    assert_eq!(boxes.len(), 169);
    assert_eq!(count(&html, "<label for=\""), 169);
    assert_eq!(
        tags(
            &html,
            &["button", "class=\"hb-item__na\"", "aria-pressed=\"false\""]
        )
        .len(),
        169
    );
}

#[test]
fn progress_and_phases() {
    let html = render();
    assert!(html.contains("0 of 117 done (0%)"), "{html}");
    assert_eq!(
        tags(&html, &["div", "role=\"status\"", "class=\"hb-progress\""]).len(),
        1
    );
    assert_eq!(
        tags(
            &html,
            &[
                "button",
                "class=\"hb-phase__toggle\"",
                "aria-expanded=\"true\""
            ]
        )
        .len(),
        5
    );
    assert_eq!(count(&html, "<progress"), 6);
    assert!(html.contains("Objective: </strong>Build confidence through contribution"));
}

#[test]
fn the_first_render_knows_nothing_of_storage() {
    // Saved progress is read after the first render, which is the server's too: no notice,
    // nothing ticked, so a pre-rendered checklist hydrates as it is.
    let html = render();
    assert!(!html.contains("data-notice"), "{html}");
    assert!(!html.contains("checked"), "{html}");
    assert!(
        html.contains("data-saving=\"off\""),
        "nothing is saved before storage is read"
    );
}

#[test]
fn a_checklist_without_an_id_is_a_data_error() {
    let e =
        onboarding_checklist::render(r#"{"title": "T", "phases": []}"#, &MountOptions::default())
            .unwrap_err();
    assert!(e.message.contains("missing field `id`"), "{e}");
    let e = onboarding_checklist::render(r#"{"id": "x", "title": "T", "phases": [{"id": "p", "title": "P", "items": [{"id": "a", "text": "A"}, {"id": "a", "text": "B"}]}]}"#, &MountOptions::default()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.phases[0].items[1].id"));
    // Ticks are saved by item id, so an id may not repeat in another phase either.
    let e = onboarding_checklist::render(r#"{"id": "x", "title": "T", "phases": [{"id": "p", "title": "P", "items": [{"id": "a", "text": "A"}]}, {"id": "q", "title": "Q", "items": [{"text": "B", "children": [{"id": "a", "text": "C"}]}]}]}"#, &MountOptions::default()).unwrap_err();
    assert_eq!(
        e.path.as_deref(),
        Some("$.phases[1].items[0].children[0].id")
    );
    assert!(e.message.contains("unique in the checklist"), "{e}");
}

/// The gallery's example shaped like other companies' onboarding issues, as the server renders
/// it (every role: nothing picked yet).
fn example() -> String {
    common::render_example(onboarding_checklist::NAME, "onboarding.json")
}

#[test]
fn roles_are_a_picker_and_tags_and_every_role_shows_before_one_is_picked() {
    let html = example();
    assert!(html.contains("<span class=\"hb-label\">Your role</span><select class=\"hb-input hb-checklist__audience\">"), "{html}");
    for (value, label) in [
        ("", "Every role"),
        ("engineering", "Engineering"),
        ("design", "Design"),
        ("sales", "Sales"),
    ] {
        assert!(
            html.contains(&format!("<option value=\"{value}\"")),
            "{value}"
        );
        assert!(html.contains(&format!(">{label}</option>")), "{label}");
    }
    assert!(html.contains(">0 of 18 done (0%)<"), "{html}");
    assert_eq!(
        count(&html, "data-other=\"true\""),
        0,
        "nothing is for others yet"
    );
    assert!(html.contains("<span class=\"hb-tag hb-item__for\">For Sales</span>"));
    assert!(html.contains("<span class=\"hb-tag hb-item__for\">For Sales, Design</span>"));
    assert!(
        html.contains("<span class=\"hb-tag hb-item__for\">For Engineering</span></button>"),
        "the phase's tag is in its heading"
    );
    // No "show other roles" switch until a role is picked.
    assert_eq!(count(&html, "data-action=\"show-others\""), 0);
}

#[test]
fn optional_one_of_and_owners_show_in_words() {
    let html = example();
    assert_eq!(
        count(&html, "data-optional=\"true\""),
        5,
        "three optional items and the two below one"
    );
    assert_eq!(count(&html, ">Optional</span>"), 3);
    // "One of": the group's box reflects its children and says so; the reader ticks a child.
    let group = tags(&html, &["input", "aria-describedby="]);
    assert_eq!(group.len(), 1);
    assert!(group[0].contains("disabled"), "{}", group[0]);
    assert!(html.contains("class=\"hb-item__hint\">Any one of these counts</span>"));
    assert!(html.contains("<p class=\"hb-phase__owner\"><span class=\"hb-label\">Owner of every activity unless it says otherwise: </span>Manager</p>"));
    assert!(html.contains("<span class=\"hb-tag hb-item__owner\">Buddy</span>"));
}
