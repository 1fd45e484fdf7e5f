//! Generated input (proptest): Markdown made of markup characters, odd Unicode and long runs,
//! and data for every widget with every field, some of them wrong, missing, huge or deeply
//! nested, and some texts cut short or damaged. Each case parses and renders on a stack the
//! size of the wasm stack and must not panic, overflow or take more than a moment; what it
//! renders never holds live HTML from the data.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::time::{Duration, Instant};

use handbook_widgets::markdown;
use handbook_widgets::model::limits::MARKDOWN_DEPTH;
use handbook_widgets::widgets::{find_widget, MountOptions};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map, Value};

/// How long a case may take: far above what any case takes (milliseconds for most, about a
/// second per megabyte of text in a debug build), so only a runaway (quadratic or worse) case
/// comes near it, even on a busy CI machine.
fn bound(input_bytes: usize) -> Duration {
    Duration::from_secs(3) + Duration::from_micros(3 * input_bytes as u64)
}

/// `cases` cases from a fixed seed, so CI is repeatable; set `PROPTEST_RNG_SEED` (and
/// `PROPTEST_CASES`) to explore further.
fn config(cases: u32) -> Config {
    let defaults = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            cases
        },
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            defaults.rng_seed
        } else {
            proptest::test_runner::RngSeed::Fixed(0x4862_5769_6467)
        },
        failure_persistence: None,
        ..defaults
    }
}

// Text

/// Pieces text is made of: Markdown syntax, raw HTML, entities, URLs and odd Unicode.
const PIECES: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "> ",
    "- ",
    "* ",
    "1. ",
    "  ",
    "    ",
    "\n",
    "\n\n",
    "# ",
    "### ",
    "|",
    "| --- |",
    "---\n",
    "\\",
    "&amp;",
    "&#106;",
    "&#x6A;",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "JaVa\tScRiPt:x",
    "http://example.com",
    "mailto:a@b.c",
    "data:x",
    "[^1]",
    "[^1]: note",
    "$",
    "$$",
    "- [ ] ",
    "- [x] ",
    "word",
    " ",
    "é",
    "\u{202e}",
    "\u{200d}",
    "\u{0301}",
    "👩‍👩‍👧",
    "\u{fffd}",
    "\t",
    "\r",
    "\u{0}",
    "ﬃ",
    "İ",
    "ß",
];

/// Text from [`PIECES`]: a mix of them, or one run repeated up to 3,000 times.
fn text() -> impl Strategy<Value = String> {
    let piece = proptest::sample::select(PIECES);
    prop_oneof![
        3 => proptest::collection::vec(piece.clone(), 0..60).prop_map(|p| p.concat()),
        1 => (proptest::collection::vec(piece, 1..4), 1usize..3000)
            .prop_map(|(p, n)| p.concat().repeat(n)),
        1 => (1usize..800, proptest::sample::select(&["> ", "- ", "  - ", "* ", "1. "][..]))
            .prop_map(|(n, p)| (0..n).map(|i| format!("{}{p}x{i}\n", " ".repeat(i % 4))).collect()),
    ]
}

/// Renders Markdown the four ways the widgets do, on a small stack, checking time, depth and
/// that nothing from the text became live HTML.
fn check_markdown(source: String, query: String) {
    let (started, limit) = (Instant::now(), bound(source.len()));
    let outputs = common::on_small_stack(move || {
        [
            markdown::block(&source),
            markdown::inline(&source),
            markdown::block_marked(&source, &query),
            markdown::inline_marked(&source, &query),
        ]
        .map(common::render)
    });
    assert!(started.elapsed() < limit, "took {:?}", started.elapsed());
    for html in outputs {
        assert!(common::max_depth(&html) <= MARKDOWN_DEPTH, "too deep");
        assert_safe(&html);
    }
}

/// No element or attribute from the data is live: no tag or attribute that runs or loads
/// anything, and only safe link targets. Text and attribute values come escaped, so every
/// `<` in the output starts a tag the renderer made.
fn assert_safe(html: &str) {
    const TAGS: [&str; 8] = [
        "script", "img", "iframe", "svg", "style", "object", "embed", "math",
    ];
    for tag in html.split('<').skip(1) {
        let tag = tag.trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            !TAGS.contains(&name.to_lowercase().as_str()),
            "<{name}> in {html}"
        );
        // Attributes: name="value" pairs up to the closing `>`.
        let mut rest = &tag[name.len()..];
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
                break;
            }
            let attr: String = rest
                .chars()
                .take_while(|c| !matches!(c, '=' | ' ' | '>'))
                .collect();
            let lower = attr.to_lowercase();
            assert!(
                !lower.starts_with("on") && lower != "style" && lower != "src",
                "{attr} in {html}"
            );
            rest = &rest[attr.len()..];
            if let Some(value) = rest.strip_prefix("=\"") {
                let end = value.find('"').unwrap();
                if lower == "href" {
                    let target = decode(&value[..end]);
                    assert!(
                        markdown::safe_url(&target).is_some(),
                        "unsafe href {target}"
                    );
                }
                rest = &value[end + 1..];
            }
        }
    }
}

/// The few entities the HTML writer produces.
fn decode(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn markdown_never_panics_overflows_or_goes_live(source in text(), query in "[a-z*_ ]{0,3}") {
        check_markdown(source, query);
    }
}

// Data

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Arrays (or objects) nested `depth` deep around a value, built without recursion.
fn deep(depth: usize, object: bool) -> Value {
    let mut v = json!("bottom");
    for _ in 0..depth {
        v = if object {
            json!({ "children": [v] })
        } else {
            json!([v])
        };
    }
    v
}

/// A field's value: usually a valid one, sometimes of another type, sometimes nested far
/// beyond any limit, sometimes absent (`None`).
fn field(valid: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![
        12 => valid.prop_map(Some),
        1 => Just(None),
        1 => any_json().prop_map(Some),
        1 => (1usize..300, any::<bool>()).prop_map(|(d, o)| Some(deep(d, o))),
    ]
    .boxed()
}

fn string() -> BoxedStrategy<Value> {
    text().prop_map(Value::String).boxed()
}

fn id() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => "[a-z]{1,3}".prop_map(Value::String),
        1 => "[A-Za-z0-9 ._#:\"<>-]{0,6}".prop_map(Value::String),
    ]
    .boxed()
}

fn list(item: BoxedStrategy<Value>, max: usize) -> BoxedStrategy<Value> {
    proptest::collection::vec(item, 0..max)
        .prop_map(Value::Array)
        .boxed()
}

fn one_of(values: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        4 => proptest::sample::select(values).prop_map(Value::from),
        1 => "[a-z-]{0,12}".prop_map(Value::String),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (0u32..600).prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| json!(f)),
    ]
    .boxed()
}

/// An object of the given fields, each through [`field`], now and then with an unknown one.
fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let (names, values): (Vec<_>, Vec<_>) = fields
        .into_iter()
        .map(|(name, valid)| (name, field(valid)))
        .unzip();
    (values, proptest::option::weighted(0.05, "[a-z]{1,6}"))
        .prop_map(move |(values, extra)| {
            let mut map = Map::new();
            for (name, value) in names.iter().zip(values) {
                if let Some(value) = value {
                    map.insert((*name).to_owned(), value);
                }
            }
            if let Some(extra) = extra {
                map.insert(extra, json!(true));
            }
            Value::Object(map)
        })
        .boxed()
}

fn source() -> BoxedStrategy<Value> {
    object(vec![("title", string()), ("url", string())])
}

fn link() -> BoxedStrategy<Value> {
    object(vec![("label", string()), ("url", string())])
}

/// A length as handbooks word them, or any text.
fn length() -> BoxedStrategy<Value> {
    prop_oneof![
        one_of(&[
            "30-60 min",
            "1.5 h",
            "a full day",
            "up to 48 h",
            "2–3 weeks",
            "half a day - 1 day",
            "60-30 min",
            "0 min",
        ]),
        string(),
    ]
    .boxed()
}

fn hiring() -> BoxedStrategy<Value> {
    let channels = &[
        "application",
        "email",
        "call",
        "phone-call",
        "video-call",
        "interview",
        "in-person",
        "audition",
        "presentation",
        "offer",
        "other",
    ];
    let stage = object(vec![
        ("title", string()),
        ("channel", one_of(channels)),
        ("minutes", number()),
        ("runBy", string()),
        ("description", string()),
        ("optional", any::<bool>().prop_map(Value::Bool).boxed()),
        ("length", length()),
        ("interviewers", list(string(), 6)),
        ("pick", number()),
        ("encouraged", any::<bool>().prop_map(Value::Bool).boxed()),
        ("condition", string()),
        ("wait", length()),
        ("waitFor", string()),
        ("group", one_of(&["Round 1", "On-site day", ""])),
    ]);
    let variant = object(vec![
        ("id", id()),
        ("label", string()),
        ("notes", string()),
        ("duration", length()),
        ("stages", list(stage, 12)),
    ]);
    object(vec![
        ("title", string()),
        ("source", source()),
        ("notes", string()),
        ("footnotes", string()),
        ("duration", length()),
        ("variants", list(variant, 5)),
    ])
}

fn ladder() -> BoxedStrategy<Value> {
    let section = object(vec![
        ("title", string()),
        ("items", list(string(), 8)),
        ("text", string()),
        ("tbd", any::<bool>().prop_map(Value::Bool).boxed()),
    ]);
    let hiring_ref = object(vec![
        (
            "preset",
            one_of(&["gitlab-pm-leadership-hiring", "mattermost-pm-hiring"]),
        ),
        (
            "variant",
            one_of(&["group-manager-product", "director-product", "pm"]),
        ),
        ("url", string()),
        ("mount", one_of(&["hiring", "gl"])),
    ]);
    let level = object(vec![
        ("id", id()),
        ("title", string()),
        ("short", string()),
        ("grade", string()),
        (
            "track",
            one_of(&["individual-contributor", "manager", "executive", "wizard"]),
        ),
        ("equivalent", list(id(), 2)),
        ("reportsTo", string()),
        ("reportsToLevels", list(id(), 2)),
        ("experience", string()),
        ("summary", string()),
        ("sections", list(section.clone(), 5)),
        ("next", list(id(), 3)),
        ("hiring", hiring_ref),
    ]);
    object(vec![
        ("title", string()),
        ("source", source()),
        ("notes", string()),
        ("shared", list(section, 3)),
        (
            "tracks",
            list(
                object(vec![
                    ("id", one_of(&["wizard", "ops"])),
                    ("label", string()),
                ]),
                2,
            ),
        ),
        ("levels", list(level, 6)),
    ])
}

fn directory() -> BoxedStrategy<Value> {
    let person = object(vec![
        ("id", id()),
        ("name", string()),
        ("title", string()),
        ("links", list(link(), 3)),
        ("kind", one_of(&["person", "team"])),
        ("members", list(id(), 3)),
    ]);
    let program = object(vec![
        ("title", string()),
        ("description", string()),
        ("owners", list(id(), 3)),
        ("supporting", list(id(), 3)),
        ("links", list(link(), 3)),
        ("process", one_of(&["documented", "to-be-added"])),
        ("shared", any::<bool>().prop_map(Value::Bool).boxed()),
        ("labels", list(string(), 3)),
    ]);
    let group = object(vec![("title", string()), ("programs", list(program, 8))]);
    object(vec![
        ("title", string()),
        ("source", source()),
        ("notes", string()),
        ("noun", object(vec![("one", string()), ("many", string())])),
        ("lead", id()),
        ("people", list(person, 8)),
        ("groups", list(group, 4)),
    ])
}

fn checklist() -> BoxedStrategy<Value> {
    let roles = || list(one_of(&["eng", "design", "sales"]), 2);
    let flag = || any::<bool>().prop_map(Value::Bool).boxed();
    let leaf = object(vec![
        ("id", id()),
        ("text", string()),
        ("owner", string()),
        ("for", roles()),
        ("optional", flag()),
    ]);
    let item = leaf.prop_recursive(6, 40, 4, move |inner| {
        object(vec![
            ("id", id()),
            ("text", string()),
            ("owner", string()),
            ("for", roles()),
            ("optional", flag()),
            ("oneOf", flag()),
            ("children", list(inner, 4)),
        ])
    });
    let audience = object(vec![
        ("id", one_of(&["eng", "design", "sales"])),
        ("label", string()),
    ]);
    let phase = object(vec![
        ("id", id()),
        ("title", string()),
        ("objective", string()),
        ("training", list(string(), 3)),
        ("notes", string()),
        ("dueDay", number()),
        ("for", list(one_of(&["eng", "design", "sales"]), 2)),
        ("owner", string()),
        ("items", list(item.boxed(), 6)),
    ]);
    object(vec![
        ("id", id()),
        ("title", string()),
        ("source", source()),
        ("notes", string()),
        ("audiences", list(audience, 3)),
        ("phases", list(phase, 4)),
    ])
}

/// The JSON text of `value`, sometimes damaged: cut short, or a character replaced by one
/// that matters to JSON.
fn damaged(value: BoxedStrategy<Value>) -> impl Strategy<Value = String> {
    (
        value,
        0u8..10,
        any::<prop::sample::Index>(),
        proptest::sample::select(&['"', '{', '[', ']', '}', ',', ':', '\\'][..]),
    )
        .prop_map(|(value, how, at, c)| {
            let text = value.to_string();
            let cut = at.index(text.len().max(1));
            let cut = (0..=cut)
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            match how {
                0 => text[..cut].to_owned(),
                1 => format!("{}{c}{}", &text[..cut], &text[cut..]),
                _ => text,
            }
        })
}

/// Parses and renders `text` as `widget` on a small stack: never a panic or an overflow; an
/// error always says what and where in the data, and is itself a failure if `must_render`.
fn check_widget(widget: &'static str, text: String, must_render: bool) {
    let (started, limit) = (Instant::now(), bound(text.len()));
    let result = common::on_small_stack(move || {
        let def = find_widget(widget).unwrap();
        (def.render)(&text, &MountOptions::default()).map(common::render)
    });
    assert!(started.elapsed() < limit, "took {:?}", started.elapsed());
    match result {
        Ok(html) => {
            assert!(html.contains("hb-widget"), "{html}");
            assert_safe(&html);
        }
        Err(e) => {
            assert!(!must_render, "{e}");
            assert!(!e.message.is_empty());
            assert!(e.path.as_deref().is_none_or(|p| p.starts_with('$')), "{e}");
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn hiring_timeline_data(text in damaged(hiring())) {
        check_widget("hiring-timeline", text, false);
    }

    #[test]
    fn level_comparison_data(text in damaged(ladder())) {
        check_widget("level-comparison", text, false);
    }

    #[test]
    fn owner_directory_data(text in damaged(directory())) {
        check_widget("owner-directory", text, false);
    }

    #[test]
    fn onboarding_checklist_data(text in damaged(checklist())) {
        check_widget("onboarding-checklist", text, false);
    }
}

// Real data, hostile text

/// Keys whose strings are ids or keywords, not text a maintainer writes: left as they are.
const NOT_TEXT: [&str; 10] = [
    "id",
    "channel",
    "track",
    "preset",
    "variant",
    "process",
    "lead",
    "owners",
    "supporting",
    "next",
];

/// `value` with every text string replaced, in turn, by one of `texts` (prefixed so that it
/// is never blank), walking the tree without recursion.
fn with_texts(mut value: Value, texts: &[String]) -> Value {
    let mut n = 0usize;
    let mut next_text = || {
        n += 1;
        let text: String = texts[n % texts.len()].chars().take(2_000).collect();
        Value::String(format!("T {text}"))
    };
    let mut stack = vec![&mut value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    match child {
                        _ if NOT_TEXT.contains(&key.as_str()) => {}
                        Value::String(_) => *child = next_text(),
                        _ => stack.push(child),
                    }
                }
            }
            Value::Array(items) => {
                for child in items.iter_mut() {
                    match child {
                        Value::String(_) => *child = next_text(),
                        _ => stack.push(child),
                    }
                }
            }
            _ => {}
        }
    }
    value
}

/// The presets of `widget`, their texts replaced by generated ones.
fn presets_with_texts(widget: &'static str) -> impl Strategy<Value = String> {
    let presets: Vec<Value> = handbook_widgets::widgets::PRESETS
        .iter()
        .filter(|p| p.widget == widget)
        .map(|p| serde_json::from_str(p.json).unwrap())
        .collect();
    (
        proptest::sample::select(presets),
        proptest::collection::vec(text(), 1..40),
    )
        .prop_map(|(preset, texts)| with_texts(preset, &texts).to_string())
}

proptest! {
    #![proptest_config(config(24))]

    #[test]
    fn hiring_timeline_with_any_text(text in presets_with_texts("hiring-timeline")) {
        check_widget("hiring-timeline", text, true);
    }

    #[test]
    fn level_comparison_with_any_text(text in presets_with_texts("level-comparison")) {
        check_widget("level-comparison", text, true);
    }

    #[test]
    fn owner_directory_with_any_text(text in presets_with_texts("owner-directory")) {
        check_widget("owner-directory", text, true);
    }

    #[test]
    fn onboarding_checklist_with_any_text(text in presets_with_texts("onboarding-checklist")) {
        check_widget("onboarding-checklist", text, true);
    }
}
