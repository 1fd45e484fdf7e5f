//! A widget as a fenced code block: which info strings name a widget, and how the fence's
//! front matter and JSON are read, with the positions of what is wrong.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use handbook_widgets::model::fence::{read, widget_of_info, Fence};
use handbook_widgets::model::ErrorKind;
use handbook_widgets::widgets::WIDGET_NAMES;

#[test]
fn the_info_string_names_a_widget_by_its_first_word() {
    let of = |info: &str| widget_of_info(info, WIDGET_NAMES);
    assert_eq!(of("hiring-timeline"), Some("hiring-timeline"));
    assert_eq!(of("Level-Comparison"), Some("level-comparison"));
    // What some renderers allow after the language stays out of the way.
    assert_eq!(
        of("owner-directory {#programs .wide}"),
        Some("owner-directory")
    );
    assert_eq!(of("onboarding-checklist{.x}"), Some("onboarding-checklist"));
    assert_eq!(
        of("onboarding-checklist title=\"Plan\""),
        Some("onboarding-checklist")
    );
    // Only the widgets' own names.
    for other in [
        "json",
        "hb-hiring-timeline",
        "hiring",
        "hiring-timelines",
        "",
        "mermaid",
    ] {
        assert_eq!(of(other), None, "{other}");
    }
}

#[test]
fn a_fence_without_front_matter_is_all_json() {
    let text = "\n{ \"title\": \"T\" }\n";
    assert_eq!(
        read(text).unwrap(),
        Fence {
            attributes: vec![],
            json: Some((1, "{ \"title\": \"T\" }\n"))
        }
    );
    assert_eq!(read("  \n").unwrap().json, None);
}

#[test]
fn the_front_matter_sets_the_mount_options_and_the_json_follows_it() {
    let text = "---\nid: engineering\nvariant: \"engineer\"\n# a comment\n\ntheme: dark\nheading-level: 4\n---\n{ \"title\": \"T\" }\n";
    let fence = read(text).unwrap();
    assert_eq!(
        fence.attributes,
        [
            ("id", "engineering".to_owned()),
            ("data-variant", "engineer".to_owned()),
            ("data-theme", "dark".to_owned()),
            ("data-heading-level", "4".to_owned()),
        ]
    );
    let (offset, json) = fence.json.unwrap();
    assert_eq!(json, "{ \"title\": \"T\" }\n");
    assert_eq!(text.get(offset..), Some(json));
    // A preset or a data file instead of JSON.
    let fence = read("---\npreset: mattermost-pm-hiring\n---\n").unwrap();
    assert_eq!(
        fence.attributes,
        [("data-preset", "mattermost-pm-hiring".to_owned())]
    );
    assert_eq!(fence.json, None);
    assert_eq!(
        read("---\nsrc: /data/hiring.json\n---").unwrap().attributes,
        [("data-src", "/data/hiring.json".to_owned())]
    );
}

#[test]
fn what_is_wrong_in_the_front_matter_is_said_at_its_line() {
    let e = read("---\nid: x\ncolour: red\n---\n{}").unwrap_err();
    assert_eq!(
        (e.kind, e.line, e.column),
        (ErrorKind::Invalid, Some(3), Some(1))
    );
    assert!(
        e.message.starts_with(
            "`colour` is not an option of a widget fence; the options are id, variant, theme"
        ),
        "{}",
        e.message
    );
    let e = read("---\nid x\n---\n").unwrap_err();
    assert_eq!(
        (e.line, e.message.as_str()),
        (Some(2), "a front matter line is `option: value`")
    );
    let e = read("\n---\nid: x\n").unwrap_err();
    assert_eq!(
        (e.line, e.message.as_str()),
        (Some(2), "the front matter has no closing `---` line")
    );
    // JSON straight after an unclosed front matter is taken for an option line.
    let e = read("---\nid: x\n{}").unwrap_err();
    assert_eq!(
        (e.line, e.message.as_str()),
        (Some(3), "a front matter line is `option: value`")
    );
}

#[test]
fn yaml_in_a_fence_is_told_where_yaml_is_read_at_its_line() {
    for text in [
        "title: How we hire\nvariants:\n  - id: a\n",
        "---\nid: x\n---\n\n  people:\n  - id: ana\n",
        "- id: a\n",
    ] {
        let e = read(text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{text}");
        assert!(
            e.message.starts_with("this looks like YAML"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("`handbook-widget` shortcode"),
            "{}",
            e.message
        );
        let first = text
            .lines()
            .position(|l| !l.trim().is_empty() && !l.starts_with("---") && !l.starts_with("id:"))
            .unwrap();
        assert_eq!(e.line, Some(first + 1), "{text}");
    }
    // JSON, and what is neither (the JSON parser says what is wrong with it), are read as before.
    for text in ["{ \"a\": 1 }", "[1]", "\"title: x\"", "title"] {
        assert!(read(text).is_ok(), "{text}");
    }
}
