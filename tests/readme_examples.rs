//! Every JSON example in the README renders with the widget it documents.
#![allow(clippy::unwrap_used, clippy::panic)]

use handbook_widgets::widgets::{find_widget, MountOptions};

#[test]
fn every_readme_json_example_renders() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let blocks: Vec<&str> = readme
        .split("```json\n")
        .skip(1)
        .filter_map(|b| b.split("\n```").next())
        .collect();
    assert!(blocks.len() >= 2, "found {} examples", blocks.len());
    for block in blocks {
        let widget = if block.contains("\"levels\"") {
            "level-comparison"
        } else if block.contains("\"phases\"") {
            "onboarding-checklist"
        } else if block.contains("\"groups\"") {
            "owner-directory"
        } else {
            "hiring-timeline"
        };
        let def = find_widget(widget).unwrap();
        if let Err(e) = (def.render)(block, &MountOptions::default()) {
            panic!("README example for {widget} does not render: {e}\n{block}");
        }
    }
}
