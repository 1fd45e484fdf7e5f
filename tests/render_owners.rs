//! The owner directory as rendered HTML, and its state in the URL fragment.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{count, tags};
use handbook_widgets::model::owners::Filter;
use handbook_widgets::widgets::owner_directory::{self, DirectoryState, View};
use handbook_widgets::widgets::MountOptions;

fn render() -> String {
    common::render(
        owner_directory::render(
            common::preset("mattermost-program-management"),
            &MountOptions::default(),
        )
        .unwrap(),
    )
}

#[test]
fn gaps_are_in_plain_sight() {
    let html = render();
    assert!(html.contains("<strong>13 programs</strong>"), "{html}");
    assert!(html.contains("3 unowned (Owner TBD)"));
    assert!(html.contains("7 with the process still to be added"));
    assert_eq!(count(&html, ">Owner TBD</span>"), 3);
    assert_eq!(tags(&html, &["li ", "data-owned=\"false\""]).len(), 3);
    assert_eq!(count(&html, ">Process to be added</p>"), 7);
}

#[test]
fn filters_show_their_counts_and_state() {
    let html = render();
    let unowned = tags(&html, &["button", "data-filter=\"unowned\""]);
    assert_eq!(unowned.len(), 1);
    assert!(unowned[0].contains("aria-pressed=\"false\""));
    assert!(
        html.contains("Unowned <span class=\"hb-chip__count\">3</span>"),
        "{html}"
    );
    assert!(html.contains("Process to be added <span class=\"hb-chip__count\">7</span>"));
    assert_eq!(tags(&html, &["input", "type=\"search\""]).len(), 1);
    assert_eq!(count(&html, "role=\"tab\""), 2);
    assert!(html.contains(">13 programs</p>"), "status: {html}");
}

#[test]
fn every_owner_name_is_a_button_that_filters() {
    let html = render();
    // Her four programs, and the team in sight above them (the lead and four members).
    assert_eq!(tags(&html, &["button", "data-person=\"hanna\""]).len(), 5);
    assert_eq!(
        tags(&html, &["button", "class=\"hb-person-chip\""]).len(),
        16
    );
}

#[test]
fn links_keep_only_safe_targets() {
    let json = r#"{"title": "T", "people": [], "groups": [{"title": "G", "programs": [
        {"title": "P", "links": [{"label": "ok", "url": "https://e.x"}, {"label": "bad", "url": "javascript:alert(1)"}]}]}]}"#;
    let html = common::render(owner_directory::render(json, &MountOptions::default()).unwrap());
    assert!(html.contains("href=\"https://e.x\""));
    assert!(!html.contains("javascript"), "{html}");
}

#[test]
fn fragment_state_round_trips() {
    let s = DirectoryState {
        filter: Filter {
            query: "a;b=c&d".into(),
            person: Some("hanna".into()),
            label: Some("#g_access;x".into()),
            unowned: true,
            no_process: true,
        },
        view: View::People,
        limit: owner_directory::PAGE,
    };
    let value = s.fragment().unwrap();
    assert_eq!(DirectoryState::from_fragment(Some(&value)), s);
    assert_eq!(DirectoryState::from_fragment(None).fragment(), None);
    assert!(
        DirectoryState::from_fragment(Some("view=people;u"))
            .filter
            .unowned
    );
    assert_eq!(
        DirectoryState::from_fragment(Some("garbage;;x=y")),
        DirectoryState::from_fragment(None)
    );
}

#[test]
fn large_directories_show_a_page_at_a_time() {
    let programs: Vec<String> = (0..150)
        .map(|i| format!(r#"{{"title": "Program {i}", "owners": []}}"#))
        .collect();
    let json = format!(
        r#"{{"title": "Big", "people": [], "groups": [{{"title": "G", "programs": [{}]}}]}}"#,
        programs.join(",")
    );
    let html = common::render(owner_directory::render(&json, &MountOptions::default()).unwrap());
    assert_eq!(
        tags(&html, &["li ", "class=\"hb-program\""]).len(),
        owner_directory::PAGE
    );
    assert!(html.contains("Show 50 more (50 not shown)"), "{html}");
}

/// The gallery's example shaped like other companies' "features by team" pages.
fn example() -> String {
    common::render_example(owner_directory::NAME, "feature-owners.json")
}

#[test]
fn the_datas_noun_teams_shared_and_labels_in_words() {
    let html = example();
    assert!(html.contains("<strong>10 features</strong>"), "{html}");
    assert!(html.contains("<span data-count=\"shared\">2 shared by everyone</span>"));
    assert!(html.contains(">10 features</p>"), "the status line");
    // Nothing is "to be added" here, so that filter and count are not offered.
    assert_eq!(count(&html, "data-filter=\"no-process\""), 0);
    assert_eq!(count(&html, "data-count=\"no-process\""), 0);
    assert_eq!(count(&html, "data-filter=\"unowned\""), 1);
    for tab in [">By feature group<", ">By owner<"] {
        assert!(html.contains(tab), "{tab}");
    }
    assert_eq!(count(&html, "Shared responsibility: everyone"), 2);
    assert_eq!(
        count(&html, "Owner TBD"),
        2,
        "Data export: in its card and in the summary"
    );
    assert!(html.contains("data-kind=\"team\""));
    assert!(html.contains("Platform team<span class=\"hb-person-chip__kind\"> (team)</span>"));
    assert_eq!(
        tags(
            &html,
            &[
                "button",
                "class=\"hb-label-chip\"",
                "data-label=\"~group::auth\""
            ]
        )
        .len(),
        2
    );
    assert!(html.contains("<option value=\"#g_growth\">#g_growth</option>"));
}

#[test]
fn the_team_is_in_sight_in_the_default_view() {
    let html = example();
    let roster = html
        .split("<section class=\"hb-roster\">")
        .nth(1)
        .and_then(|r| r.split("</section>").next())
        .unwrap();
    // The lead first, then everyone as the page lists them; teams with their members.
    let names: Vec<&str> = roster
        .split("class=\"hb-person-chip\">")
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    assert_eq!(
        names,
        [
            "Dana Whitfield",
            "Platform team",
            "Growth team",
            "Ravi Menon",
            "Mei Tanaka",
            "Tom Baker",
            "Sofía Ortega",
            "Lee Park"
        ]
    );
    assert!(roster.contains("Members: Ravi Menon, Mei Tanaka, Tom Baker"));
    assert!(roster.contains(">Team lead<"));
}
