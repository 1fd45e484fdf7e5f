//! What a mount shows for each data source, and the in-place error for each kind of bad input.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::rc::Rc;

use handbook_widgets::runtime::{DataSource, MountView, MountViewProps};
use handbook_widgets::widgets::MountOptions;
use yew::prelude::*;

fn mount(widget: &str, source: DataSource) -> String {
    let props = MountViewProps {
        widget: widget.to_owned().into(),
        source,
        options: Rc::new(MountOptions::default()),
        host: None,
    };
    common::render(html! { <MountView ..props /> })
}

fn inline(json: &str) -> DataSource {
    DataSource::Inline(json.to_owned().into())
}

fn assert_alert(html: &str, parts: &[&str]) {
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("data-state=\"error\""), "{html}");
    for part in parts {
        assert!(html.contains(part), "missing {part:?} in {html}");
    }
}

#[test]
fn a_preset_renders_ready() {
    let html = mount(
        "hiring-timeline",
        DataSource::Preset("flowfuse-pm-hiring".into()),
    );
    assert!(html.contains("data-state=\"ready\""), "{html}");
    assert!(html.contains("FlowFuse: Product Manager hiring plan"));
    assert!(!html.contains("role=\"alert\""));
}

#[test]
fn inline_json_renders_ready() {
    let html = mount(
        "hiring-timeline",
        inline(
            r#"{"title": "Ours", "variants": [{"id": "a", "label": "A", "stages": [{"title": "Chat"}]}]}"#,
        ),
    );
    assert!(html.contains("data-state=\"ready\""), "{html}");
    assert!(html.contains("Ours"));
}

#[test]
fn malformed_inline_json_shows_line_and_column() {
    let html = mount("hiring-timeline", inline("{\n  \"title\": \"x\",\n}"));
    assert_alert(
        &html,
        &["Malformed JSON", "line 3, column 1", "inline JSON"],
    );
}

#[test]
fn wrong_shape_shows_the_json_path() {
    let html = mount(
        "hiring-timeline",
        inline(
            r#"{"title": "x", "variants": [{"id": "a", "label": "A", "stages": [{"title": 7}]}]}"#,
        ),
    );
    assert_alert(
        &html,
        &[
            "Wrong data shape",
            "<code>$.variants[0].stages[0].title</code>",
            "line 1",
        ],
    );
}

#[test]
fn missing_field_is_named() {
    let html = mount("hiring-timeline", inline(r#"{"variants": []}"#));
    assert_alert(&html, &["Missing required field", "missing field `title`"]);
}

#[test]
fn unknown_widget_lists_the_available_ones() {
    let html = mount("pie-chart", DataSource::Preset("flowfuse-pm-hiring".into()));
    assert_alert(
        &html,
        &[
            "Unknown widget",
            "no widget called \"pie-chart\"",
            "hiring-timeline",
        ],
    );
    assert!(
        html.contains("The “pie-chart” widget could not be shown"),
        "{html}"
    );
}

#[test]
fn a_preset_for_another_widget_says_whose_it_is() {
    let html = mount(
        "owner-directory",
        DataSource::Preset("mattermost-pm-hiring".into()),
    );
    assert_alert(
        &html,
        &[
            "Unknown preset",
            "is data for the hiring-timeline widget, not owner-directory",
        ],
    );
}

#[test]
fn unknown_preset_lists_the_presets_for_the_widget() {
    let html = mount("hiring-timeline", DataSource::Preset("acme".into()));
    assert_alert(
        &html,
        &[
            "Unknown preset",
            "no preset called \"acme\"",
            "mattermost-pm-hiring",
            "gitlab-pm-leadership-hiring",
        ],
    );
}

#[test]
fn missing_data_says_how_to_give_it() {
    let html = mount("hiring-timeline", DataSource::Missing);
    assert_alert(
        &html,
        &["Data could not be loaded", "data-src", "data-preset"],
    );
}

#[test]
fn a_url_shows_loading_until_fetched() {
    let html = mount(
        "hiring-timeline",
        DataSource::Url("https://example.com/data.json".into()),
    );
    assert!(html.contains("data-state=\"loading\""), "{html}");
    assert!(html.contains("role=\"status\""), "{html}");
    assert!(html.contains("https://example.com/data.json"));
    assert!(html.contains("aria-busy=\"true\""));
}

#[test]
fn every_preset_names_a_registered_widget() {
    let html = mount(
        "hiring-timeline",
        DataSource::Preset("flowfuse-pm-hiring".into()),
    );
    assert!(!html.contains("role=\"alert\""));
    // Registry-level check: every preset names a registered widget.
    for preset in handbook_widgets::widgets::PRESETS {
        assert!(
            handbook_widgets::widgets::find_widget(preset.widget).is_some(),
            "{}",
            preset.name
        );
    }
}

#[test]
fn the_error_kind_is_exposed_for_css_and_tests() {
    let html = mount("hiring-timeline", inline("{"));
    assert!(html.contains("data-error-kind=\"malformed\""), "{html}");
}

#[test]
fn the_error_position_is_exposed_for_tools() {
    // "fifty" starts on line 3, column 14 of this text.
    let html = mount(
        "hiring-timeline",
        inline("{ \"title\": \"T\", \"variants\": [{ \"id\": \"a\", \"label\": \"A\",\n  \"stages\": [\n  { \"title\": \"Call\", \"minutes\": \"fifty\" }] }] }"),
    );
    assert!(html.contains("data-line=\"3\""), "{html}");
    assert!(html.contains("data-column=\"33\""), "{html}");
    // Without a position, neither attribute.
    let html = mount("no-such-widget", inline("{}"));
    assert!(
        html.contains("role=\"alert\"") && !html.contains("data-line"),
        "{html}"
    );
}
