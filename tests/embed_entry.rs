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

#[test]
fn a_one_widget_runtime_has_the_shared_rules_and_its_own_only() {
    use handbook_widgets::runtime::{compact, stylesheet, STATIC_CSS};
    let all = stylesheet(WIDGET_NAMES);
    let hiring = stylesheet(&["hiring-timeline"]);
    let print = compact(&format!("@media print {{\n{STATIC_CSS}}}\n"));
    let screen = hiring.strip_suffix(&print).unwrap_or_default();
    assert!(screen.contains(".hb-root") && screen.contains(".hb-totals"));
    assert!(!screen.contains(".hb-dir__toolbar") && !screen.contains(".hb-compare"));
    // Print rules for every widget, in both.
    assert!(all.ends_with(&print));
    // Every widget's own rules are in the whole stylesheet.
    let shared = stylesheet(&[]);
    let shared = shared.strip_suffix(&print).unwrap_or_default();
    for name in WIDGET_NAMES {
        let own = stylesheet(&[name]);
        let body = own
            .strip_prefix(shared)
            .and_then(|rest| rest.strip_suffix(&print))
            .expect("shared rules, own rules, print rules");
        assert!(!body.is_empty() && all.contains(body), "{name}");
    }
}

#[test]
fn the_stylesheet_loses_comments_and_indentation_but_no_rule() {
    use handbook_widgets::runtime::compact;
    let css = "/* a comment */\n.hb-a {\n  content: \"/* kept */\";\n  color: red; /* gone */\n}\n\n[data-x='*/'] { top: 0 }\n";
    assert_eq!(
        compact(css),
        ".hb-a {\ncontent: \"/* kept */\";\ncolor: red;\n}\n[data-x='*/'] { top: 0 }\n"
    );
    let all = handbook_widgets::runtime::stylesheet(WIDGET_NAMES);
    assert!(!all.contains("/*"), "no comment is left");
    assert_eq!(all.matches('{').count(), all.matches('}').count());
}
