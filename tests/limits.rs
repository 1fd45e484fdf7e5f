//! The data limits: too large, too deep or too long data is an in-place error naming where,
//! deep Markdown still shows as text, and nothing recurses as deep as the data goes.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use handbook_widgets::markdown;
use handbook_widgets::model::limits::{
    self, CHECKLIST_DEPTH, CHECKLIST_ITEMS, HIRING_STAGES, MARKDOWN_DEPTH, MARKDOWN_ELEMENTS,
    MAX_BYTES, MAX_DEPTH, MAX_STRING_CHARS,
};
use handbook_widgets::model::{json::check_limits, DataError, ErrorKind};
use handbook_widgets::widgets::{find_widget, MountOptions};

/// Parses and renders `json` as `widget` on a wasm-sized stack; the error if any.
fn render(widget: &'static str, json: String) -> Result<String, DataError> {
    common::on_small_stack(move || {
        let def = find_widget(widget).unwrap();
        (def.render)(&json, &MountOptions::default()).map(common::render)
    })
}

fn limit_error(widget: &'static str, json: String) -> DataError {
    let e = render(widget, json).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Limit, "{e}");
    e
}

/// A hiring process with one variant of `n` stages whose description is `description`.
fn hiring(n: usize, description: &str) -> String {
    let stage = serde_json::json!({ "title": "Call", "minutes": 30, "description": description });
    serde_json::json!({
        "title": "Big",
        "variants": [{ "id": "a", "label": "A", "stages": vec![stage; n] }]
    })
    .to_string()
}

/// A checklist whose one phase holds a chain of items `depth` deep.
fn chain(depth: usize) -> String {
    let mut item = serde_json::json!({ "text": format!("level {depth}") });
    for level in (1..depth).rev() {
        item = serde_json::json!({ "text": format!("level {level}"), "children": [item] });
    }
    serde_json::json!({
        "id": "deep", "title": "Deep",
        "phases": [{ "id": "p", "title": "P", "items": [item] }]
    })
    .to_string()
}

#[test]
fn nesting_up_to_the_limit_passes_the_scan_and_one_more_is_refused_where_it_starts() {
    let nested = |n: usize| format!("{{\"a\":\n{}1{}}}", "[".repeat(n - 1), "]".repeat(n - 1));
    assert!(check_limits(&nested(MAX_DEPTH), MAX_BYTES).is_ok());
    let e = check_limits(&nested(MAX_DEPTH + 1), MAX_BYTES).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Limit);
    assert_eq!(
        e.path.as_deref(),
        Some(format!("$.a{}", "[0]".repeat(MAX_DEPTH - 1)).as_str())
    );
    assert_eq!((e.line, e.column), (Some(2), Some(MAX_DEPTH)));
    assert!(e.message.contains("more than 64 levels"), "{e}");
    // Brackets inside strings are text, not nesting.
    let text = format!("{{\"a\": \"{}\"}}", "[{".repeat(10_000));
    assert!(check_limits(&text, MAX_BYTES).is_ok());
}

#[test]
fn a_million_brackets_are_refused_by_the_scan_not_by_a_stack_overflow() {
    let e = render(
        "owner-directory",
        format!("{{\"title\": {}", "[".repeat(1_000_000)),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Limit);
    assert!(e.path.unwrap().starts_with("$.title[0][0]"));
}

#[test]
fn an_overlong_string_names_its_field() {
    let json = hiring(3, &"x".repeat(MAX_STRING_CHARS + 1));
    let e = limit_error("hiring-timeline", json);
    assert_eq!(
        e.path.as_deref(),
        Some("$.variants[0].stages[0].description")
    );
    assert!(e.message.contains("100,001 characters"), "{e}");
    assert!(e.line.is_some() && e.column.is_some());
    // Characters, not bytes: 100,000 three-byte characters are within the limit.
    assert!(render("hiring-timeline", hiring(1, &"€".repeat(MAX_STRING_CHARS))).is_ok());
}

#[test]
fn data_over_ten_megabytes_is_refused_before_parsing() {
    let json = format!("{{\"title\": \"{}\"}}", " ".repeat(MAX_BYTES));
    let e = limit_error("owner-directory", json);
    assert_eq!(e.path.as_deref(), Some("$"));
    assert!(e.message.contains("at most 10.0 MB"), "{e}");
}

#[test]
fn five_megabytes_of_stages_is_refused_by_size_and_the_stage_count_names_the_list() {
    let json = hiring(28_000, "Some words about the stage.");
    assert!(json.len() > 2_000_000);
    let e = limit_error("hiring-timeline", json);
    assert_eq!(e.path.as_deref(), Some("$"));
    assert!(
        e.message.contains("this widget accepts at most 512 KB"),
        "{e}"
    );
    let e = limit_error("hiring-timeline", hiring(HIRING_STAGES + 1, ""));
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages"));
    assert!(
        e.message
            .contains("201 stages in one variant; the widget accepts at most 200"),
        "{e}"
    );
    assert!(render("hiring-timeline", hiring(HIRING_STAGES, "")).is_ok());
}

#[test]
fn checklist_items_nest_sixteen_deep_and_no_deeper() {
    let html = render("onboarding-checklist", chain(CHECKLIST_DEPTH)).unwrap();
    assert!(html.contains("level 16"));
    let e = limit_error("onboarding-checklist", chain(CHECKLIST_DEPTH + 1));
    let path = format!(
        "$.phases[0].items[0]{}.children",
        ".children[0]".repeat(CHECKLIST_DEPTH - 1)
    );
    assert_eq!(e.path.as_deref(), Some(path.as_str()));
    assert!(e.message.contains("more than 16 levels"), "{e}");
}

#[test]
fn sixty_levels_of_items_is_a_limit_error_not_a_parser_failure() {
    let e = limit_error("onboarding-checklist", chain(60));
    assert!(!e.message.contains("recursion limit"), "{e}");
    assert!(e
        .path
        .unwrap()
        .starts_with("$.phases[0].items[0].children[0]"));
}

#[test]
fn too_many_items_is_an_error_at_the_first_one_over() {
    let items: Vec<_> = (0..=CHECKLIST_ITEMS)
        .map(|i| serde_json::json!({ "text": format!("item {i}") }))
        .collect();
    let json = serde_json::json!({
        "id": "many", "title": "Many", "phases": [{ "id": "p", "title": "P", "items": items }]
    })
    .to_string();
    let e = limit_error("onboarding-checklist", json);
    assert_eq!(
        e.path,
        Some(format!("$.phases[0].items[{CHECKLIST_ITEMS}]"))
    );
}

#[test]
fn every_widget_names_its_count_limits() {
    let levels: Vec<_> = (0..=limits::LADDER_LEVELS)
        .map(|i| serde_json::json!({ "id": format!("l{i}"), "title": format!("L{i}") }))
        .collect();
    let e = limit_error(
        "level-comparison",
        serde_json::json!({ "title": "T", "levels": levels }).to_string(),
    );
    assert_eq!(e.path.as_deref(), Some("$.levels"));
    let items = vec!["x"; limits::LADDER_ITEMS + 1];
    let e = limit_error(
        "level-comparison",
        serde_json::json!({ "title": "T", "levels": [
            { "id": "a", "title": "A", "sections": [{ "title": "S", "items": items }] },
            { "id": "b", "title": "B" }
        ] })
        .to_string(),
    );
    assert_eq!(e.path.as_deref(), Some("$.levels[0].sections"));
    assert!(e.message.contains("501 items over all sections"), "{e}");
    let programs: Vec<_> = (0..=limits::DIRECTORY_PROGRAMS / 2)
        .map(|i| serde_json::json!({ "title": format!("P{i}") }))
        .collect();
    let e = limit_error(
        "owner-directory",
        serde_json::json!({ "title": "T", "people": [], "groups": [
            { "title": "G1", "programs": programs }, { "title": "G2", "programs": programs }
        ] })
        .to_string(),
    );
    assert_eq!(e.path.as_deref(), Some("$.groups"));
    assert!(e.message.contains("20,002 programs"), "{e}");
    let variants: Vec<_> = (0..=limits::HIRING_VARIANTS)
        .map(|i| serde_json::json!({ "id": format!("v{i}"), "label": "V", "stages": [{ "title": "S" }] }))
        .collect();
    let e = limit_error(
        "hiring-timeline",
        serde_json::json!({ "title": "T", "variants": variants }).to_string(),
    );
    assert_eq!(e.path.as_deref(), Some("$.variants"));
    // Every variant renders (print shows them all), so their stages count together.
    let stages = vec![serde_json::json!({ "title": "S" }); limits::HIRING_ALL_STAGES / 10 + 1];
    let variants: Vec<_> = (0..10)
        .map(|i| serde_json::json!({ "id": format!("v{i}"), "label": "V", "stages": stages }))
        .collect();
    let e = limit_error(
        "hiring-timeline",
        serde_json::json!({ "title": "T", "variants": variants }).to_string(),
    );
    assert!(e.message.contains("1,010 stages over all variants"), "{e}");
}

#[test]
fn a_syntax_error_at_the_top_level_has_a_position_not_a_question_mark() {
    let def = find_widget("hiring-timeline").unwrap();
    for text in [
        "{ title: 1 }",
        "{\"title\": \"T\" \"variants\": []}",
        "{\"title\": \"T\",\n  }",
    ] {
        let e = (def.render)(text, &MountOptions::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Malformed, "{text}: {e}");
        assert_eq!(e.path.as_deref(), Some("$"), "{text}: {e}");
        assert!(e.line.is_some() && e.column.is_some(), "{text}: {e}");
    }
}

/// Markdown rendered on a wasm-sized stack: the HTML and its deepest nesting.
fn deep_markdown(source: String) -> (String, usize) {
    let html = common::on_small_stack(move || common::render(markdown::block(&source)));
    let depth = common::max_depth(&html);
    (html, depth)
}

#[test]
fn a_list_nested_four_hundred_deep_shows_every_item_as_text() {
    let source: String = (0..400)
        .map(|i| format!("{}- item{i}\n", "  ".repeat(i)))
        .collect();
    let (html, depth) = deep_markdown(source);
    assert!(depth <= MARKDOWN_DEPTH, "depth {depth}");
    for i in [0, 11, 12, 200, 399] {
        assert!(html.contains(&format!("item{i}")), "item{i} missing");
    }
    // The shallow part keeps its structure.
    assert!(
        html.starts_with("<ul><li>item0<ul><li>item1"),
        "{}",
        &html[..80]
    );
}

#[test]
fn a_blockquote_nested_seven_hundred_deep_still_shows_its_text() {
    let (html, depth) = deep_markdown(format!("{} the quote", ">".repeat(700)));
    assert!(depth <= MARKDOWN_DEPTH, "depth {depth}");
    assert!(html.contains("the quote"));
}

#[test]
fn two_thousand_emphasis_markers_render_within_the_depth_limit() {
    for source in [
        "*".repeat(2000),
        format!("{}x{}", "*".repeat(1000), "*".repeat(1000)),
        format!("{}x{}", "_".repeat(1000), "_".repeat(1000)),
        "*a ".repeat(2000) + &"a* ".repeat(2000),
        "[".repeat(2000) + "x" + &"](y)".repeat(2000),
    ] {
        let (html, depth) = deep_markdown(source);
        assert!(depth <= MARKDOWN_DEPTH, "depth {depth}");
        assert!(!html.is_empty());
    }
    let (html, _) = deep_markdown(format!("{}x{}", "*".repeat(1000), "*".repeat(1000)));
    assert!(html.contains('x'));
}

#[test]
fn a_field_makes_at_most_two_thousand_elements_and_the_rest_is_text() {
    let source: String = (0..20_000).map(|i| format!("- i{i}\n")).collect();
    let html = common::on_small_stack(move || common::render(markdown::block(&source)));
    let elements = common::count(&html, "<") - common::count(&html, "</");
    assert!(elements <= MARKDOWN_ELEMENTS, "{elements} elements");
    assert!(elements >= MARKDOWN_ELEMENTS / 2, "{elements} elements");
    // The first items keep their structure; the last one is still there, as text.
    assert!(html.starts_with("<ul><li>i0</li><li>i1</li>"));
    assert!(html.contains("i19999"));
    // ... in one text node, not one per item.
    assert!(
        html.contains("i2000 i2001 i2002 "),
        "{}",
        &html[html.len() - 200..]
    );
    // Search marks count too.
    let marked = markdown::text_marked(&"ab ".repeat(50_000), "a");
    let html = common::render(marked);
    assert_eq!(common::count(&html, "<mark"), MARKDOWN_ELEMENTS);
    assert!(html.ends_with("ab ab "));
}

#[test]
fn sizes_read_as_kb_or_mb_without_floats() {
    use handbook_widgets::model::limits::size;
    assert_eq!(size(0), "0 KB");
    assert_eq!(size(1), "1 KB");
    assert_eq!(size(512 * 1024), "512 KB");
    assert_eq!(size(512 * 1024 + 1), "513 KB");
    assert_eq!(size(10 * 1024 * 1024), "10.0 MB");
    assert_eq!(size(5_452_595), "5.2 MB");
    assert!(size(usize::MAX).ends_with(" MB"));
}
