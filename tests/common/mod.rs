//! Helpers shared by the native test files: server-side rendering of any `Html` to a string.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WrapProps {
    pub html: Html,
}

#[component]
fn Wrap(props: &WrapProps) -> Html {
    props.html.clone()
}

/// Renders `html` the way Yew's server renderer writes it (no hydration markers).
pub fn render(html: Html) -> String {
    let renderer =
        yew::LocalServerRenderer::<Wrap>::with_props(WrapProps { html }).hydratable(false);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(tokio::task::LocalSet::new().run_until(renderer.render()))
}

/// The preset JSON text called `name`.
pub fn preset(name: &str) -> &'static str {
    handbook_widgets::widgets::find_preset(name)
        .unwrap_or_else(|| panic!("no preset {name}"))
        .json
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every start tag (`<li ...>`) in `html` that contains all of `parts`, in any attribute order.
pub fn tags<'a>(html: &'a str, parts: &[&str]) -> Vec<&'a str> {
    html.split('<')
        .filter(|t| !t.starts_with('/'))
        .filter_map(|t| t.split('>').next())
        .filter(|t| parts.iter().all(|p| t.contains(p)))
        .collect()
}

/// Runs `f` on a thread with a 1 MiB stack, the size of the wasm stack, and returns its
/// result; a stack overflow aborts the test run, a panic fails the test.
pub fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The deepest nesting of elements in serialised HTML (void elements do not nest).
pub fn max_depth(html: &str) -> usize {
    const VOID: [&str; 8] = ["br", "hr", "input", "img", "meta", "link", "col", "wbr"];
    let (mut depth, mut max) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The JSON text of a gallery example shaped like another company's page: `assets/examples/<file>`.
pub fn example(file: &str) -> String {
    std::fs::read_to_string(format!("assets/examples/{file}")).unwrap()
}

/// The gallery examples in `assets/examples/` and the widget each is for.
pub const EXAMPLES: [(&str, &str); 4] = [
    ("engineering-hiring.json", "hiring-timeline"),
    ("engineering-ladder.json", "level-comparison"),
    ("feature-owners.json", "owner-directory"),
    ("onboarding.json", "onboarding-checklist"),
];

/// Every ```json block of the README and the widget it is for: the widget whose section
/// (`## …: \`name\``) holds it, else the one its fields belong to.
pub fn readme_examples() -> Vec<(&'static str, String)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut found = Vec::new();
    for section in readme.split("\n## ") {
        let heading = section.lines().next().unwrap_or_default();
        let named = heading
            .rsplit(": `")
            .next()
            .and_then(|n| n.strip_suffix('`'))
            .and_then(handbook_widgets::widgets::find_widget)
            .map(|def| def.name);
        for block in section
            .split("```json\n")
            .skip(1)
            .filter_map(|b| b.split("\n```").next())
        {
            let widget = named.unwrap_or(if block.contains("\"levels\"") {
                "level-comparison"
            } else if block.contains("\"phases\"") {
                "onboarding-checklist"
            } else if block.contains("\"groups\"") {
                "owner-directory"
            } else {
                "hiring-timeline"
            });
            found.push((widget, block.to_owned()));
        }
    }
    found
}

/// A gallery example (see [`example`]) rendered by `widget`, as the server renders it.
pub fn render_example(widget: &str, file: &str) -> String {
    let def = handbook_widgets::widgets::find_widget(widget).unwrap();
    render(
        (def.render)(
            &example(file),
            &handbook_widgets::widgets::MountOptions::default(),
        )
        .unwrap(),
    )
}
