//! The hiring timeline as rendered HTML: tabs, panels, disclosures and totals.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use common::count;
use handbook_widgets::widgets::{hiring_timeline, MountOptions};

fn render(preset: &str, options: &MountOptions) -> String {
    common::render(hiring_timeline::render(common::preset(preset), options).unwrap())
}

#[test]
fn single_variant_has_no_tabs() {
    let html = render("mattermost-pm-hiring", &MountOptions::default());
    assert_eq!(count(&html, "role=\"tab\""), 0);
    assert_eq!(count(&html, "role=\"tabpanel\""), 0);
    assert_eq!(common::tags(&html, &["li ", "class=\"hb-stage\""]).len(), 9);
    assert!(html.contains("<h3"), "title at the default level 3");
    assert!(html.contains("Mattermost: Product Manager hiring process"));
}

#[test]
fn totals_show_time_count_and_untimed_stages() {
    let html = render("mattermost-pm-hiring", &MountOptions::default());
    assert!(html.contains("data-total=\"stages\">9<"), "{html}");
    assert!(html.contains("4 h 30 min"), "{html}");
    assert!(
        html.contains("in 6 timed stages; 3 stages without a stated length"),
        "{html}"
    );
    assert!(!html.contains("data-total=\"optional\""));
}

#[test]
fn optional_stages_are_counted_apart_and_tagged() {
    let html = render("flowfuse-pm-hiring", &MountOptions::default());
    // Every stage is counted, with how many are optional; the time without and with them.
    assert!(
        html.contains("data-total=\"stages\">8<span class=\"hb-totals__note\"> (1 optional)<"),
        "{html}"
    );
    assert!(
        html.contains("data-total=\"optional\">2 h 20 min<span class=\"hb-totals__note\">; their length is not stated<"),
        "{html}"
    );
    assert_eq!(count(&html, "data-optional=\"true\""), 1);
    assert_eq!(count(&html, ">Optional</span>"), 1);
    assert!(html.contains("2 h 20 min"), "{html}");
}

#[test]
fn several_variants_make_tabs_with_one_selected() {
    let html = render("gitlab-pm-leadership-hiring", &MountOptions::default());
    assert_eq!(count(&html, "role=\"tab\""), 5);
    assert_eq!(count(&html, "aria-selected=\"true\""), 1);
    assert_eq!(count(&html, "role=\"tabpanel\""), 5);
    // Every panel but the selected one is hidden; each is labelled by its tab.
    assert_eq!(count(&html, "data-state=\"active\""), 1);
    assert_eq!(
        common::tags(&html, &["data-state=\"inactive\"", "hidden"]).len(),
        4,
        "{html}"
    );
    assert_eq!(
        common::tags(
            &html,
            &[
                "role=\"tablist\"",
                "aria-label=\"GitLab: Product Management Leadership hiring process: variants\""
            ]
        )
        .len(),
        1
    );
    assert!(html.contains("data-variant=\"group-manager-product\""));
}

#[test]
fn data_variant_chooses_the_first_tab() {
    let options = MountOptions {
        variant: Some("vp-product-monetization".into()),
        ..MountOptions::default()
    };
    let html = render("gitlab-pm-leadership-hiring", &options);
    assert!(html.contains("data-variant=\"vp-product-monetization\""));
    let selected = html.find("aria-selected=\"true\"").unwrap();
    assert!(html[selected..]
        .find("</button>")
        .map(|end| &html[selected..selected + end])
        .unwrap()
        .contains("VP of Product Monetization"));
}

#[test]
fn unknown_data_variant_falls_back_to_the_first() {
    let options = MountOptions {
        variant: Some("nope".into()),
        ..MountOptions::default()
    };
    let html = render("gitlab-pm-leadership-hiring", &options);
    assert!(html.contains("data-variant=\"group-manager-product\""));
}

#[test]
fn stages_with_details_are_collapsed_disclosures() {
    let html = render("mattermost-pm-hiring", &MountOptions::default());
    // Every stage has a description here, so every stage is a disclosure, collapsed.
    assert_eq!(count(&html, "aria-expanded=\"false\""), 9);
    assert_eq!(count(&html, "data-state=\"collapsed\""), 9);
    let button = html.find("aria-controls=\"").unwrap() + "aria-controls=\"".len();
    let id = &html[button..button + html[button..].find('"').unwrap()];
    assert_eq!(
        common::tags(&html, &[&format!("id=\"{id}\""), "hidden"]).len(),
        1,
        "details {id} hidden: {html}"
    );
}

#[test]
fn heading_level_follows_the_mount() {
    let options = MountOptions {
        heading_level: 2,
        ..MountOptions::default()
    };
    let html = render("flowfuse-pm-hiring", &options);
    assert!(html.contains("<h2"));
    assert_eq!(
        common::tags(&html, &["h3 ", "class=\"hb-stage__title\""]).len(),
        8
    );
}

#[test]
fn markdown_in_descriptions_is_rendered() {
    let html = render("flowfuse-pm-hiring", &MountOptions::default());
    assert!(
        html.contains("href=\"https://flowfuse.com/handbook/peopleops/hiring/screening-call/\"")
    );
}

#[test]
fn hostile_data_stays_text() {
    let json = r#"{"title": "<img src=x onerror=alert(1)>", "notes": "[x](javascript:alert(1)) <script>alert(2)</script>",
        "source": {"title": "s", "url": "javascript:alert(3)"},
        "variants": [{"id": "a", "label": "<b>A</b>", "stages": [{"title": "<i>t</i>", "runBy": "<u>x</u>", "description": "<iframe></iframe>"}]}]}"#;
    let html = common::render(hiring_timeline::render(json, &MountOptions::default()).unwrap());
    for raw in ["<img", "<script", "<iframe", "<i>", "<u>", "javascript:"] {
        assert!(!html.contains(raw), "{raw} in {html}");
    }
    assert!(
        html.contains("<cite>s</cite>"),
        "unsafe source url dropped: {html}"
    );
}

/// The gallery's example shaped like other companies' pages: ranges, groups, emphasis, panels
/// and waits.
fn example() -> String {
    common::render_example(hiring_timeline::NAME, "engineering-hiring.json")
}

#[test]
fn summary_names_every_stage_and_both_times_and_calendar_time() {
    let html = example();
    assert!(
        html.contains("data-total=\"stages\">11<span class=\"hb-totals__note\"> (2 strongly encouraged, 1 optional, 1 conditional)<"),
        "{html}"
    );
    assert!(html.contains("<dt>Interview time, required and encouraged stages</dt><dd data-total=\"minutes\">7 h 35 min – 9 h<"));
    assert!(html.contains(
        "<dt>With the optional and conditional stages</dt><dd data-total=\"optional\">about 9 h 20 min – 11 h<"
    ));
    assert!(html.contains("<dt>Calendar time</dt><dd data-total=\"calendar\">2–3 weeks<"));
    // The manager tab states its own.
    assert!(html.contains("data-total=\"calendar\">3–4 weeks<"));
}

#[test]
fn a_group_is_one_numbered_step_that_folds_with_its_subtotal() {
    let html = example();
    let groups = common::tags(&html, &["li ", "class=\"hb-stage-group\""]);
    assert_eq!(groups.len(), 2, "one group in each variant");
    assert!(
        groups[0].contains("data-state=\"expanded\""),
        "shown until folded"
    );
    assert!(html.contains("aria-expanded=\"true\" aria-controls=\"hb-timeline-v0-g4\""));
    assert!(html.contains(
        "<ol id=\"hb-timeline-v0-g4\" class=\"hb-timeline__stages hb-stage-group__stages\">"
    ));
    assert!(html.contains(
        "<p class=\"hb-stage-group__subtotal\">5 stages (1 optional, 1 conditional), 6–7 h (about 7 h 45 min – 9 h with the optional and conditional ones)</p>"
    ), "{html}");
    for label in ["5a", "5b", "5c", "5d", "5e"] {
        assert!(
            html.contains(&format!("class=\"hb-stage__marker\">{label}<")),
            "{label}"
        );
    }
    // After the group, numbering goes on from the group's number.
    assert!(html.contains("class=\"hb-stage__marker\">6<"));
    // Stage titles in a group are a level below the group's name.
    assert!(html.contains("<h4 class=\"hb-stage-group__title\">"));
    assert!(html.contains("<h5 class=\"hb-stage__title\">Pair programming</h5>"));
}

#[test]
fn emphasis_condition_interviewers_and_waits_show_on_the_stage() {
    let html = example();
    assert!(html.contains("data-emphasis=\"encouraged\""));
    assert!(html.contains("<span class=\"hb-tag hb-tag--encouraged\">Strongly encouraged</span>"));
    assert!(html.contains("<span class=\"hb-tag hb-tag--conditional\">Conditional</span>"));
    // The condition is on the stage itself, not behind its disclosure.
    assert!(html.contains(
        "<p class=\"hb-stage__condition\"><span class=\"hb-label\">Only when: </span>senior and staff roles only</p>"
    ));
    assert!(html
        .contains("<span class=\"hb-label\">One of </span>Ana Ruiz (CEO) or Ben Okafor (CTO)</p>"));
    assert!(html.contains("<span class=\"hb-label\">A panel of 5: </span>Two engineering managers, A product manager, A designer, An engineer who would report to you and A talent partner</p>"));
    assert!(html
        .contains("<span class=\"hb-label\">Then a wait of </span>up to 48 h for a decision</p>"));
    assert!(html.contains("up to 5 business days for a reply from the talent team"));
    assert!(html.contains("<span class=\"hb-stage__length\">20–30 min</span>"));
    assert!(html.contains("<span class=\"hb-stage__length\">1 h 30 min</span>"));
}

#[test]
fn a_wait_before_the_first_stage_shows_above_the_stages_and_in_the_calendar_time() {
    let json = r#"{ "title": "T", "wait": "within 5 business days", "waitFor": "*every* applicant to be advanced or declined",
        "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": 30 }] }] }"#;
    let html = common::render(hiring_timeline::render(json, &MountOptions::default()).unwrap());
    assert!(
        html.contains("<p class=\"hb-timeline__first-wait\"><span class=\"hb-label\">Before the first stage, a wait of </span>up to 5 business days for <em>every</em> applicant to be advanced or declined</p><ol class=\"hb-timeline__stages\">"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Waiting</dt><dd data-total=\"waits\">up to 5 business days<"),
        "{html}"
    );
}
