//! The entry script (assets/embed/handbook-widgets.js) and the registry agree: it knows every
//! widget that has a runtime of its own, and the embed build makes one for each.
#![allow(clippy::expect_used)]

use handbook_widgets::widgets::{WIDGETS, WIDGET_NAMES};

#[test]
fn the_entry_lists_every_widget_of_the_registry() {
    let entry = include_str!("../assets/embed/handbook-widgets.js");
    let line = entry
        .lines()
        .find(|l| l.starts_with("const WIDGETS = ["))
        .expect("the entry's list of widgets");
    let listed: Vec<&str> = line
        .trim_start_matches("const WIDGETS = [")
        .trim_end_matches("];")
        .split(", ")
        .map(|w| w.trim_matches('\''))
        .collect();
    assert_eq!(listed, WIDGET_NAMES);
    // This (default) build has every widget, in the same order.
    let built: Vec<&str> = WIDGETS.iter().map(|w| w.name).collect();
    assert_eq!(built, WIDGET_NAMES);
    // Each is a feature of the crate, which the embed build turns on alone.
    let manifest = include_str!("../Cargo.toml");
    for name in WIDGET_NAMES {
        assert!(
            manifest.contains(&format!("\n{name} = []")),
            "Cargo.toml has no feature {name}"
        );
    }
}
