//! JSON Schema (draft 2020-12) of each widget's data, derived from the model's serde types and
//! their doc comments (native only: the command line's `schema`, `./dev embed`'s `schema/`).

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Value};

use super::json::SCHEMA_KEY;

/// The schema of a widget's data whose top-level type is `T`, for the widget called `widget`:
/// its fields, which are required, their types and descriptions; unknown fields are refused as
/// the parser refuses them, and the top-level [`SCHEMA_KEY`] is allowed.
pub fn of<T: JsonSchema>(widget: &str) -> Value {
    let mut generated = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    one_line_descriptions(&mut generated);
    let Value::Object(mut rest) = generated else {
        return generated;
    };
    if let Some(properties) = rest.get_mut("properties").and_then(Value::as_object_mut) {
        properties.insert(
            SCHEMA_KEY.to_owned(),
            json!({
                "type": "string",
                "description": format!(
                    "The address of this schema, for editors (\"…/schema/{widget}.json\" beside the bundle); otherwise ignored."
                ),
            }),
        );
    }
    // The dialect, a title and the top-level description first, for people who read it.
    let mut root = serde_json::Map::new();
    for key in ["$schema", "description"] {
        if let Some(value) = rest.shift_remove(key) {
            root.insert(key.to_owned(), value);
        }
    }
    rest.shift_remove("title");
    root.insert(
        "title".to_owned(),
        json!(format!("handbook-widgets {widget} data")),
    );
    root.extend(rest);
    Value::Object(root)
}

/// Doc comments wrap at 100 columns; an editor's tooltip should wrap on its own.
fn one_line_descriptions(schema: &mut Value) {
    let mut pending = vec![schema];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    match child {
                        Value::String(text) if key == "description" => {
                            *text = text.replace('\n', " ");
                        }
                        _ => pending.push(child),
                    }
                }
            }
            Value::Array(items) => pending.extend(items.iter_mut()),
            _ => {}
        }
    }
}
