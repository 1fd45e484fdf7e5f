//! The level comparison as rendered HTML: table structure, marks, controls, hiring rows, errors.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use common::{count, tags};
use handbook_widgets::widgets::{level_comparison, MountOptions};

fn render(json: &str) -> String {
    common::render(level_comparison::render(json, &MountOptions::default()).unwrap())
}

#[test]
fn the_comparison_is_a_table_with_row_and_column_headers() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert_eq!(tags(&html, &["th ", "scope=\"col\""]).len(), 2);
    assert!(tags(&html, &["th ", "scope=\"row\""]).len() >= 10);
    assert!(
        html.contains(
            "Group Manager, Product (GMP) compared with Director of Product Management</caption>"
        ),
        "{html}"
    );
    assert_eq!(
        tags(
            &html,
            &[
                "section",
                "data-left=\"group-manager-product\"",
                "data-right=\"director-product-management\""
            ]
        )
        .len(),
        1
    );
}

#[test]
fn marks_are_words_not_colour() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert!(html.contains(">Only in Group Manager</span>"), "{html}");
    assert!(html.contains(">Only in Director</span>"));
    // Grade, reports-to and experience differ; the right side says so.
    assert!(count(&html, ">differs</span>") >= 3);
}

#[test]
fn the_ladder_strip_shows_grades_tracks_steps_and_the_pair() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert_eq!(tags(&html, &["li ", "class=\"hb-ladder__level\""]).len(), 5);
    assert_eq!(tags(&html, &["button", "aria-current=\"true\""]).len(), 2);
    assert!(html.contains("Grade 9.5"));
    // Arrows where a level names the next one as its step: GM → Director → Senior Director → VP.
    assert_eq!(tags(&html, &["li ", "data-step=\"true\""]).len(), 3);
    assert_eq!(count(&html, "aria-label=\"next step:\""), 3);
}

#[test]
fn controls_are_labelled_and_the_first_step_down_is_unavailable() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert_eq!(count(&html, "<select"), 2);
    assert_eq!(count(&html, "<option"), 10);
    assert_eq!(
        tags(
            &html,
            &["button", "data-action=\"down\"", "aria-disabled=\"true\""]
        )
        .len(),
        1
    );
    assert_eq!(
        tags(
            &html,
            &["button", "data-action=\"up\"", "aria-disabled=\"false\""]
        )
        .len(),
        1
    );
    assert!(html.contains("role=\"status\""));
}

#[test]
fn hiring_rows_come_from_the_hiring_preset() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert!(
        html.contains("6 stages, 4 h 30 min of interviews"),
        "{html}"
    );
    assert!(
        html.contains("7 stages, 5 h 15 min of interviews (+1 optional)"),
        "{html}"
    );
}

#[test]
fn prose_levels_underline_what_is_new() {
    let html = render(common::preset("mattermost-pm-levels"));
    assert!(html.contains("Underlined: only in PM I"), "{html}");
    assert!(html.contains("(only in PM II) "), "{html}");
    // The sentence both levels share is not marked.
    let shared = "Works with design, developers, and testers (including both staff and contributors) to align on priorities and execute on roadmap plans.";
    assert_eq!(count(&html, shared), 2);
    for tag in tags(&html, &["span ", "data-only=\"false\""]) {
        assert!(tag.contains("hb-piece"));
    }
}

#[test]
fn a_hiring_reference_to_a_missing_variant_is_a_data_error() {
    let json = r#"{"title": "T", "levels": [
        {"id": "a", "title": "A", "hiring": {"preset": "gitlab-pm-leadership-hiring", "variant": "nope"}},
        {"id": "b", "title": "B"}]}"#;
    let e = level_comparison::render(json, &MountOptions::default()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.levels[0].hiring.variant"));
    let json = json.replace("gitlab-pm-leadership-hiring", "mattermost-pm-levels");
    let e = level_comparison::render(&json, &MountOptions::default()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.levels[0].hiring.preset"));
}

#[test]
fn shared_sections_sit_behind_a_disclosure() {
    let html = render(common::preset("gitlab-pm-leadership-levels"));
    assert_eq!(
        tags(
            &html,
            &["button", "aria-expanded=\"false\"", "aria-controls=\""]
        )
        .len(),
        3,
        "shared + two hiring disclosures"
    );
    assert!(html.contains("What every level shares"));
}

/// The gallery's example shaped like other companies' engineering ladders.
fn example() -> String {
    common::render_example(level_comparison::NAME, "engineering-ladder.json")
}

#[test]
fn several_tracks_are_lanes_lined_up_by_grade() {
    let html = example();
    assert_eq!(count(&html, "class=\"hb-lane\""), 3);
    for (track, label) in [
        ("individual-contributor", "Individual contributor"),
        ("manager", "Manager"),
        ("executive", "Executive"),
    ] {
        assert!(html.contains(&format!("<div data-track=\"{track}\" class=\"hb-lane\"><p aria-hidden=\"true\" class=\"hb-lane__name\">{label}</p>")), "{track}");
        assert!(html.contains(&format!("aria-label=\"{label}: levels, lowest first\"")));
    }
    // Five grade columns: the manager lane starts with two gaps, the executive lane with four.
    assert_eq!(count(&html, "class=\"hb-ladder__gap\""), 1 + 3 + 4);
    assert!(html.contains("Next step on another track: Engineering Manager (Manager)"));
}

#[test]
fn linked_levels_are_buttons_and_a_hiring_mount_is_a_fragment_link() {
    let html = example();
    // The default pair: Engineer and Senior Engineer; both report to the Engineering Manager.
    assert_eq!(
        tags(
            &html,
            &[
                "button",
                "class=\"hb-level-link\"",
                "data-level-index=\"4\""
            ]
        )
        .len(),
        2
    );
    assert!(html.contains("title=\"Compare Engineer with Engineering Manager\""));
    assert_eq!(count(&html, "href=\"#hb-hiring=engineer\""), 2);
    assert!(html.contains(">This level's hiring process, on this page</a>"));
}

#[test]
fn paired_pieces_mark_the_changed_words_and_tbd_says_so() {
    let html = example();
    // Engineer and Senior Engineer: "small scope" became "moderate scope and complexity".
    assert!(
        html.contains(
            "<mark class=\"hb-word-changed\"><span class=\"hb-visually-hidden\">[changed: </span>"
        ),
        "{html}"
    );
    assert!(html.contains("data-paired=\"true\""));
    let tbd = r#"{"title": "T", "levels": [{"id": "a", "title": "A", "sections": [{"title": "Mentorship", "tbd": true}]}, {"id": "b", "title": "B", "sections": [{"title": "Mentorship", "items": ["Mentors"]}]}]}"#;
    let html = render(tbd);
    assert!(html.contains("data-state=\"tbd\""));
    assert!(html.contains(">Not yet written (TBD)</span>"));
}
