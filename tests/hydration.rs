//! Pre-rendered widgets keep their shape in the browser: every Markdown sample of
//! `fixtures/markdown-samples.json` (lists, quotes, headings, tables, code, rules, raw HTML,
//! ...) in every text field of every widget is pre-rendered by `handbook-widgets prerender`,
//! and the HTML it wrote is parsed by html5ever, the HTML parsing algorithm browsers follow.
//! When the parser would move an element (a list out of a `p`, a heading out of a heading),
//! the shape the runtime computes in the browser differs from the one written, and the widget
//! would be rendered afresh instead of hydrated.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::Path;
use std::process::Command;

use handbook_widgets::shape;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// Every (widget, field, sample name, data) of the fixture.
fn cases() -> Vec<(String, String, String, Value)> {
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown-samples.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let samples = fixture["samples"].as_object().unwrap();
    let mut cases = Vec::new();
    for (widget, spec) in fixture["widgets"].as_object().unwrap() {
        for field in spec["fields"].as_array().unwrap() {
            let field = field.as_str().unwrap();
            for (name, sample) in samples {
                let mut data = spec["data"].clone();
                *data
                    .pointer_mut(field)
                    .unwrap_or_else(|| panic!("{widget}: no field {field}")) = sample.clone();
                cases.push((widget.clone(), field.to_owned(), name.clone(), data));
            }
        }
    }
    cases
}

/// The HTML inside each pre-rendered mount's `.hb-mount`, and the shape written beside it.
fn prerendered(page: &str) -> Vec<(String, String)> {
    page.split("data-hb-shape=\"")
        .skip(1)
        .map(|rest| {
            let (shape, rest) = rest.split_once('"').unwrap();
            let html = &rest[1..rest.find("</div></template>").unwrap()];
            (shape.to_owned(), html.to_owned())
        })
        .collect()
}

#[test]
fn every_markdown_sample_in_every_field_keeps_its_shape_through_the_html_parser() {
    let cases = cases();
    assert!(cases.len() > 600, "{} cases", cases.len());
    let dir = std::env::temp_dir().join(format!("hb-hydration-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut mounts = String::new();
    for (widget, _, _, data) in &cases {
        let json = data.to_string().replace('<', "\\u003c");
        mounts.push_str(&format!(
            "<div data-hb-widget=\"{widget}\"><script type=\"application/json\">{json}</script></div>\n"
        ));
    }
    let page = dir.join("samples.html");
    std::fs::write(
        &page,
        format!("<!doctype html><html><head><script type=\"module\" src=\"/w/handbook-widgets.js\"></script></head><body>\n{mounts}</body></html>"),
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["prerender", "--strict"])
        .arg(&dir)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    let written = prerendered(&std::fs::read_to_string(&page).unwrap());
    assert_eq!(written.len(), cases.len(), "{log}");
    let mut moved = Vec::new();
    for ((widget, field, sample, _), (shape_written, html)) in cases.iter().zip(&written) {
        assert_eq!(&shape::of_html(html), shape_written);
        let parsed = scraper::Html::parse_fragment(html)
            .root_element()
            .inner_html();
        if shape::of_html(&parsed) != *shape_written {
            moved.push(format!("{widget} {field}: {sample}"));
        }
    }
    assert!(
        moved.is_empty(),
        "{} of {} mounts would be rendered afresh:\n{}",
        moved.len(),
        cases.len(),
        moved.join("\n")
    );
}
