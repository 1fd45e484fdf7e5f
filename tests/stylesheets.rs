//! The widgets' own stylesheets stay apart: a class one widget's file styles is not styled by
//! another's. In the all-widgets runtime every file is on the page (in each shadow root), so a
//! shared class would let one widget's rules change another, and only there: a one-widget
//! runtime would look different. What widgets share belongs in base.css (a widget's file may
//! then adjust it inside its own markup).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

/// The `hb-` classes a stylesheet's selectors name (comments skipped).
fn classes(css: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some((before, after)) = rest.split_once("/*") {
        text.push_str(before);
        rest = after.split_once("*/").map_or("", |(_, a)| a);
    }
    text.push_str(rest);
    let mut out: Vec<String> = text
        .split('.')
        .skip(1)
        .filter(|s| s.starts_with("hb-"))
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_class_is_styled_by_two_widgets() {
    let shared = classes(&std::fs::read_to_string("assets/styles/base.css").unwrap());
    assert!(shared.contains(&"hb-chevron".to_owned()));
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let mut clashes = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir("assets/styles").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "base.css" || name == "static.css" {
            continue;
        }
        files += 1;
        let own = classes(&std::fs::read_to_string(&path).unwrap());
        for class in own.into_iter().filter(|c| !shared.contains(c)) {
            if let Some(first) = owner.insert(class.clone(), name.clone()) {
                clashes.push(format!(".{class}: {first} and {name}"));
            }
        }
    }
    assert_eq!(files, 4, "one stylesheet per widget");
    assert!(owner.len() > 100, "found {} classes", owner.len());
    assert!(
        clashes.is_empty(),
        "classes styled by two widgets: {clashes:?}"
    );
}
