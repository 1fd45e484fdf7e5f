//! Every JSON example in the README renders with the widget it documents.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use handbook_widgets::widgets::{find_widget, MountOptions};

#[test]
fn every_readme_json_example_renders() {
    let examples = common::readme_examples();
    assert!(examples.len() >= 2, "found {} examples", examples.len());
    for (widget, block) in examples {
        let def = find_widget(widget).unwrap();
        if let Err(e) = (def.render)(&block, &MountOptions::default()) {
            panic!("README example for {widget} does not render: {e}\n{block}");
        }
    }
}

/// Each widget's section of the README: its name and text, from its `## ...: \`name\`` heading
/// to the next `## `.
fn widget_sections(readme: &str) -> Vec<(&str, &str)> {
    readme
        .split("\n## ")
        .filter_map(|section| {
            let heading = section.lines().next()?;
            let name = heading.rsplit(": `").next()?.strip_suffix('`')?;
            find_widget(name).map(|def| (def.name, section))
        })
        .collect()
}

#[test]
fn every_field_in_a_format_table_is_in_one_of_its_examples() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let sections = widget_sections(&readme);
    assert_eq!(sections.len(), 4, "a section per widget");
    for (name, section) in sections {
        let examples: String = section
            .split("```json\n")
            .skip(1)
            .filter_map(|b| b.split("\n```").next())
            .collect();
        let fields: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .filter_map(|f| f.rsplit(['.', ']']).next())
            .filter(|f| !f.is_empty())
            .collect();
        assert!(fields.len() > 5, "{name}: found fields {fields:?}");
        let missing: Vec<_> = fields
            .iter()
            .filter(|f| !examples.contains(&format!("\"{f}\"")))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: fields in the table without an example in its section: {missing:?}"
        );
    }
}
