//! The JSON Schema of each widget's data (`handbook-widgets schema`) against the parser: every
//! preset, gallery example and README example validates, and on thousands of edits of them
//! the schema refuses what the parser refuses as an unknown field, a wrong type or a missing
//! field, and accepts what the parser accepts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use handbook_widgets::model::DataError;
use handbook_widgets::widgets::{find_widget, MountOptions, PRESETS};
use serde_json::{json, Value};

fn validator(widget: &str) -> jsonschema::Validator {
    let def = find_widget(widget).unwrap();
    let schema = (def.schema)(def.name);
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{widget}: draft 2020-12"
    );
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{widget}: {e}"))
}

/// What the widget's parser (and the rest of its rendering) says of `text`.
fn parser(widget: &str, text: &str) -> Result<(), DataError> {
    let def = find_widget(widget).unwrap();
    (def.render)(text, &MountOptions::default()).map(|_| ())
}

/// Every dataset the project ships or documents, with its widget and a name for messages.
fn datasets() -> Vec<(String, &'static str, String)> {
    let mut all: Vec<(String, &'static str, String)> = PRESETS
        .iter()
        .map(|p| (format!("preset {}", p.name), p.widget, p.json.to_owned()))
        .collect();
    all.extend(
        common::EXAMPLES
            .iter()
            .map(|(file, widget)| (format!("example {file}"), *widget, common::example(file))),
    );
    all.extend(
        common::readme_examples()
            .into_iter()
            .enumerate()
            .map(|(i, (widget, block))| (format!("README example {}", i + 1), widget, block)),
    );
    all
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> String {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_preset_example_and_readme_example_validates() {
    let all = datasets();
    assert!(all.len() >= 7 + 4 + 4, "found {} datasets", all.len());
    for (name, widget, text) in all {
        let value: Value = serde_json::from_str(&text).unwrap();
        let v = validator(widget);
        assert!(v.is_valid(&value), "{name}: {}", errors(&v, &value));
    }
}

#[test]
fn a_schema_key_is_accepted_by_both_and_must_be_a_string() {
    for p in PRESETS {
        let v = validator(p.widget);
        let mut value: Value = serde_json::from_str(p.json).unwrap();
        value.as_object_mut().unwrap().insert(
            "$schema".into(),
            json!(format!("https://example.com/schema/{}.json", p.widget)),
        );
        assert!(v.is_valid(&value), "{}: {}", p.name, errors(&v, &value));
        parser(p.widget, &value.to_string()).unwrap();
        value["$schema"] = json!(5);
        assert!(!v.is_valid(&value), "{}: $schema 5 validates", p.name);
        let e = parser(p.widget, &value.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.$schema"), "{}: {e}", p.name);
    }
}

/// Whether the parser's error is one the schema can state: an unknown field, a value of the
/// wrong JSON type, a required field that is absent. Rules beyond the shape (unique ids, what
/// a length may say, limits) are the parser's alone.
fn shape_error(e: &DataError) -> bool {
    ["unknown field", "invalid type", "missing field"]
        .iter()
        .any(|start| e.message.starts_with(start))
}

/// Each value of `root` with its JSON Pointer, found without recursion.
fn nodes(root: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    let mut pending = vec![(String::new(), root)];
    while let Some((pointer, value)) = pending.pop() {
        match value {
            Value::Object(map) => pending.extend(map.iter().map(|(k, v)| {
                (
                    format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1")),
                    v,
                )
            })),
            Value::Array(items) => pending.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{pointer}/{i}"), v)),
            ),
            _ => {}
        }
        out.push((pointer, value));
    }
    out
}

/// Edits of `root`: each value replaced by one of each JSON type, each object given an unknown
/// field and each object field removed; a description of each.
fn edits(root: &Value) -> Vec<(String, Value)> {
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!(2.5),
        json!(-3),
        json!("some text"),
        json!([]),
        json!(["an item"]),
        json!({}),
    ];
    let mut out = Vec::new();
    for (pointer, value) in nodes(root) {
        for replacement in &replacements {
            if replacement == value || pointer.is_empty() {
                continue;
            }
            let mut edited = root.clone();
            *edited.pointer_mut(&pointer).unwrap() = replacement.clone();
            out.push((format!("{pointer} = {replacement}"), edited));
        }
        if let Value::Object(map) = value {
            // `root` with the object at `pointer` changed by `change`.
            let edited = |change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
                let mut edited = root.clone();
                change(
                    edited
                        .pointer_mut(&pointer)
                        .unwrap()
                        .as_object_mut()
                        .unwrap(),
                );
                edited
            };
            out.push((
                format!("{pointer}/notAField added"),
                edited(&|object| {
                    object.insert("notAField".into(), json!("x"));
                }),
            ));
            for key in map.keys() {
                out.push((
                    format!("{pointer}/{key} removed"),
                    edited(&|object| {
                        object.shift_remove(key);
                    }),
                ));
            }
        }
    }
    out
}

#[test]
fn on_every_edit_the_schema_agrees_with_the_parser() {
    let (mut refused, mut accepted, mut beyond) = (0usize, 0usize, 0usize);
    for (name, widget, text) in datasets() {
        let v = validator(widget);
        let root: Value = serde_json::from_str(&text).unwrap();
        for (edit, value) in edits(&root) {
            let valid = v.is_valid(&value);
            match parser(widget, &value.to_string()) {
                Err(e) if shape_error(&e) => {
                    refused += 1;
                    assert!(
                        !valid,
                        "{name}, {edit}: the parser says “{e}”; the schema accepts it"
                    );
                }
                Err(_) => beyond += 1,
                Ok(()) => {
                    accepted += 1;
                    assert!(
                        valid,
                        "{name}, {edit}: the parser accepts it; the schema says {}",
                        errors(&v, &value)
                    );
                }
            }
        }
    }
    println!("edits: {refused} refused by both, {accepted} accepted by both, {beyond} refused by the parser's own rules");
    assert!(
        refused > 1000 && accepted > 1000,
        "{refused} refused, {accepted} accepted"
    );
}
