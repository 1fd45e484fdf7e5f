//! `handbook-widgets prerender` on a small built site: every data source, idempotence, the
//! error report and the strict exit status.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// A fresh copy of a small site: pages under `docs/`, data under `data/`.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("hb-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("docs/team")).unwrap();
    std::fs::create_dir_all(root.join("data")).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        manifest.join("assets/data/flowfuse-pm-hiring.json"),
        root.join("data/flowfuse.json"),
    )
    .unwrap();
    std::fs::write(
        root.join("data/broken.json"),
        "{\n  \"title\": \"B\",\n  \"variants\": []\n}",
    )
    .unwrap();
    std::fs::write(
        root.join("docs/team/index.html"),
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Team</title>
<script type="module" src="/widgets/v1/handbook-widgets.js"></script></head>
<body><main>
<h1>Team</h1>
<div id="preset" data-hb-widget="hiring-timeline" data-preset="mattermost-pm-hiring"></div>
<div id="relative" data-hb-widget="hiring-timeline" data-src="../../data/flowfuse.json"></div>
<div id="absolute" data-hb-widget="hiring-timeline" data-src="/data/flowfuse.json?v=2"></div>
<div id="site" data-hb-widget="hiring-timeline" data-src="https://handbook.example.com/data/flowfuse.json"></div>
<div id="inline" data-hb-widget="onboarding-checklist" data-heading-level="2">
  <script type="application/json">{ "id": "c", "title": "Inline <checklist>", "phases": [{ "id": "p", "title": "P", "items": [{ "text": "Say <\\/script> safely" }] }] }</script>
  <ul><li>Fallback</li></ul>
</div>
<div id="elsewhere" data-hb-widget="owner-directory" data-src="https://other.example.org/programs.json"></div>
</main></body></html>
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("docs/broken.html"),
        r#"<!doctype html>
<html><head><script type="module" src="https://cdn.example.com/hb/handbook-widgets.js"></script></head>
<body>
<div id="ok" data-hb-widget="hiring-timeline" data-preset="flowfuse-pm-hiring"></div>
<div id="bad" data-hb-widget="hiring-timeline">
  <script type="application/json">{ "title": "T",
    "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "x", "minutes": "fifty" }] }] }</script>
</div>
<div id="file" data-hb-widget="hiring-timeline" data-src="/data/broken.json"></div>
<div id="nothing" data-hb-widget="hiring-timeline"></div>
</body></html>
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("docs/plain.html"),
        "<!doctype html><p>No widgets here.</p>\n",
    )
    .unwrap();
    root
}

fn prerender(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN)
        .arg("prerender")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The mount with `id`, from its start tag to the next mount, `</main>` or the end marker.
fn mount<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<div id=\"{id}\" data-hb-widget"))
        .unwrap();
    let body = start + page[start..].find('>').unwrap();
    let rest = &page[body..];
    let end = [
        " data-hb-widget=",
        "</main>",
        "</body>",
        "<span id=\"hb-prerendered-end\"",
    ]
    .iter()
    .filter_map(|m| rest.find(m))
    .min()
    .unwrap();
    &page[start..body + end]
}

#[test]
fn every_data_source_is_rendered_into_a_declarative_shadow_root() {
    let root = site("sources");
    let (code, log) = prerender(&[
        root.to_str().unwrap(),
        "--base-url",
        "https://handbook.example.com/",
    ]);
    assert_eq!(code, 0, "{log}");
    let page = read(root.join("docs/team/index.html"));
    for id in ["preset", "relative", "absolute", "site", "inline"] {
        let m = mount(&page, id);
        assert_eq!(
            common::count(m, "<template shadowrootmode=\"open\" data-hb-prerendered>"),
            1,
            "{id}: {m}"
        );
        // The stylesheet beside the page's bundle script.
        assert!(
            m.contains("<link rel=\"stylesheet\" href=\"/widgets/v1/handbook-widgets.css\">"),
            "{id}"
        );
        assert!(m.contains("class=\"hb-root\""), "{id}");
    }
    assert!(mount(&page, "preset").contains("Mattermost: Product Manager hiring process"));
    assert!(mount(&page, "relative").contains("FlowFuse"));
    assert!(mount(&page, "absolute").contains("FlowFuse"));
    assert!(mount(&page, "site").contains("FlowFuse"));
    // Data from a preset or a file travels with the page; inline data is there already.
    for id in ["preset", "relative", "absolute", "site"] {
        assert_eq!(
            common::count(
                mount(&page, id),
                "<script type=\"application/json\" data-hb-prerendered>"
            ),
            1,
            "{id}"
        );
    }
    let inline = mount(&page, "inline");
    // Its shadow root only (no copy of the data).
    assert_eq!(common::count(inline, "data-hb-prerendered>"), 1, "{inline}");
    // Nothing is added to a mount's light DOM (a framework's hydration would find its DOM
    // changed): the data copies are inside the shadow roots, and the end marker the head's
    // `rel="expect"` waits for is at the end of the body, once on the page.
    assert_eq!(common::count(&page, "id=\"hb-prerendered-end\""), 1);
    assert!(
        page.contains("<span id=\"hb-prerendered-end\" hidden data-hb-prerendered></span></body>")
    );
    for id in ["preset", "relative", "absolute", "site", "inline"] {
        let m = mount(&page, id);
        let light = m.split("</template>").nth(1).unwrap_or_default();
        assert!(!light.contains("data-hb-prerendered"), "{id}: {light}");
        assert!(
            m.contains("data-hb-prerendered><script type=\"application/json\"") || id == "inline",
            "{id}: {m}"
        );
    }
    assert!(inline.contains("<h2"), "data-heading-level is honoured");
    assert!(inline.contains("Inline &lt;checklist&gt;"));
    assert!(
        inline.contains("<ul><li>Fallback</li></ul>"),
        "light DOM is kept"
    );
    // The inline script is not ended early by the text inside it.
    assert_eq!(common::count(inline, "</script>"), 1);
    // On another site: left to the browser, and said so.
    let elsewhere = mount(&page, "elsewhere");
    assert!(!elsewhere.contains("template"), "{elsewhere}");
    assert!(
        log.contains("index.html:") && log.contains("another site"),
        "{log}"
    );
    // The head loads the stylesheet (render-blocking, so widgets and text paint together)
    // and preloads the runtime and its wasm from beside the bundle script.
    let head = page.split("</head>").next().unwrap();
    for link in [
        "<link rel=\"stylesheet\" href=\"/widgets/v1/handbook-widgets.css\" data-hb-prerendered>",
        "<link rel=\"expect\" href=\"#hb-prerendered-end\" blocking=\"render\" data-hb-prerendered>",
        "<link rel=\"modulepreload\" href=\"/widgets/v1/hb-core.js\" data-hb-prerendered>",
        "<link rel=\"preload\" href=\"/widgets/v1/hb-core_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin data-hb-prerendered>",
    ] {
        assert_eq!(common::count(head, link), 1, "{head}");
    }
    // A page whose widgets are all of one kind preloads that widget's runtime, as the entry
    // script will load it.
    let one_kind = read(root.join("docs/broken.html"));
    assert!(
        one_kind.contains("<link rel=\"modulepreload\" href=\"https://cdn.example.com/hb/hb-hiring-timeline.js\" data-hb-prerendered>"),
        "{one_kind}"
    );
    // A page without mounts is not touched.
    assert_eq!(
        read(root.join("docs/plain.html")),
        "<!doctype html><p>No widgets here.</p>\n"
    );
}

#[test]
fn running_it_again_gives_the_same_pages() {
    let root = site("twice");
    prerender(&[root.to_str().unwrap()]);
    let first = [
        read(root.join("docs/team/index.html")),
        read(root.join("docs/broken.html")),
    ];
    let (_, log) = prerender(&[root.to_str().unwrap()]);
    let second = [
        read(root.join("docs/team/index.html")),
        read(root.join("docs/broken.html")),
    ];
    assert_eq!(first, second);
    assert!(log.contains("0 page(s) changed"), "{log}");
    assert_eq!(
        common::count(&first[0], "<link rel=\"modulepreload\""),
        1,
        "the head links are replaced, not added again"
    );
    assert_eq!(common::count(&first[0], "id=\"hb-prerendered-end\""), 1);
    // A changed data file is picked up by the next run, not shadowed by the copy in the page.
    std::fs::write(
        root.join("data/flowfuse.json"),
        read(root.join("data/flowfuse.json")).replace("FlowFuse", "FlowFused"),
    )
    .unwrap();
    prerender(&[root.to_str().unwrap()]);
    let page = read(root.join("docs/team/index.html"));
    assert!(mount(&page, "relative").contains("FlowFused"));
    assert_eq!(common::count(mount(&page, "relative"), "<template"), 1);
}

#[test]
fn wrong_data_is_reported_where_it_is_and_left_as_it_was() {
    let root = site("errors");
    let before = read(root.join("docs/broken.html"));
    let (code, log) = prerender(&[root.to_str().unwrap()]);
    assert_eq!(
        code, 0,
        "without --strict, errors are reported but do not fail"
    );
    let page = read(root.join("docs/broken.html"));
    assert!(
        mount(&page, "ok").contains("<template"),
        "{}",
        mount(&page, "ok")
    );
    for id in ["bad", "file", "nothing"] {
        assert_eq!(
            mount(&page, id),
            mount(&before, id),
            "{id} is left as it was"
        );
    }
    // file:line:column: the browser's words (JSON path ...)
    let broken = root.join("docs/broken.html");
    assert!(
        log.contains(&format!(
            "{}:7:83: The “hiring-timeline” widget could not be shown: Wrong data shape: invalid type: string \"fifty\", expected u32 (JSON path $.variants[0].stages[0].minutes, data inline JSON)",
            broken.display()
        )),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "{}:3:15: The “hiring-timeline” widget could not be shown: Invalid data: a process needs at least one variant (JSON path $.variants)",
            root.join("data/broken.json").display()
        )),
        "{log}"
    );
    assert!(
        log.contains(&format!("{}:10:1: The “hiring-timeline” widget could not be shown: Data could not be loaded: the mount gives no data", broken.display())),
        "{log}"
    );
    assert!(log.contains("3 could not be"), "{log}");
    let (code, _) = prerender(&["--strict", root.to_str().unwrap()]);
    assert_eq!(code, 1, "--strict fails the build");
    // One page on its own, with the site's folder for paths from the root.
    let page = root.join("docs/team/index.html");
    let (code, log) = prerender(&[
        "--strict",
        page.to_str().unwrap(),
        "--root",
        root.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{log}");
}

#[test]
fn bad_arguments_say_what_is_wrong() {
    let (code, log) = prerender(&[]);
    assert_eq!(code, 2);
    assert!(log.contains("name a folder or a page"));
    let (code, log) = prerender(&["/no/such/folder"]);
    assert_eq!(code, 2);
    assert!(log.contains("does not exist"));
    let (code, log) = prerender(&["--frobnicate", "."]);
    assert_eq!(code, 2);
    assert!(log.contains("unknown option `--frobnicate`"));
}

/// `page` without what `prerender` writes: its templates, a bare fence's `div` and the hiding
/// of its `pre`, the end marker and the head links.
fn without_prerendered(page: &str) -> String {
    let mut out = page.to_owned();
    while let Some(start) = out.find("<template shadowrootmode=\"open\" data-hb-prerendered>") {
        let end = start + out[start..].find("</template>").unwrap() + "</template>".len();
        out.replace_range(start..end, "");
    }
    for written in [
        "<div class=\"hb-fence\" data-hb-prerendered></div>",
        " hidden=\"\" data-hb-hidden=\"\"",
        "<span id=\"hb-prerendered-end\" hidden data-hb-prerendered></span>",
    ] {
        out = out.replace(written, "");
    }
    while let Some(start) = out.find("<link rel=\"") {
        let end = start + out[start..].find('>').unwrap() + 1;
        assert!(
            out[start..end].contains("data-hb-prerendered"),
            "{}",
            &out[start..end]
        );
        out.replace_range(start..end, "");
    }
    out
}

#[test]
fn fences_in_built_pages_are_pre_rendered_on_their_highlighters_wrapper_and_nothing_else_changes() {
    let root = std::env::temp_dir().join(format!("hb-prerender-fences-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = read(manifest.join("tests/fixtures/host/product/fences.html"));
    std::fs::write(root.join("fences.html"), &original).unwrap();
    let (code, log) = prerender(&[root.to_str().unwrap()]);
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("6 widget(s) pre-rendered in 1 page(s), 1 page(s) changed; 1 could not be"),
        "{log}"
    );
    // The broken fence's front matter, at its line in the built page.
    assert!(log.contains("fences.html:96:1: The “owner-directory” widget could not be shown: Invalid data: `colour` is not an option of a widget fence"), "{log}");
    let page = read(root.join("fences.html"));
    // Each generator's outermost wrapper holds the widget in a declarative shadow root, which
    // hides the code without changing a node of it (what React or Vue hydrates is as it was).
    for (section, host) in [
        ("hugo", "<div class=\"highlight\">"),
        ("material", "<div class=\"language-level-comparison highlight\">"),
        ("docusaurus", "<div class=\"language-onboarding-checklist theme-code-block codeBlockContainer_Ckt0\">"),
        ("vitepress", "<div class=\"language-hiring-timeline vp-adaptive-theme\">"),
        ("sphinx", "<div class=\"highlight-hiring-timeline notranslate\">"),
    ] {
        let at = page.find(&format!("<section id=\"{section}\">")).unwrap();
        let section_html = &page[at..at + page[at..].find("</section>").unwrap()];
        assert!(
            section_html.contains(&format!("{host}<template shadowrootmode=\"open\" data-hb-prerendered>")),
            "{section}: {section_html}"
        );
        assert_eq!(common::count(section_html, "<template"), 1, "{section}");
        assert!(section_html.contains("class=\"hb-root\""), "{section}");
    }
    // The data as the code's text, entities decoded and never as HTML.
    assert!(page.contains("Call with &lt;b&gt;us&lt;/b&gt;"));
    // The preset a fence names travels with its widget, inside the shadow root.
    let material = &page[page.find("<section id=\"material\">").unwrap()..];
    assert!(material.starts_with("<section id=\"material\"><div class=\"language-level-comparison highlight\"><template shadowrootmode=\"open\" data-hb-prerendered><script type=\"application/json\" data-hb-prerendered>"));
    // A bare `pre` cannot hold a shadow root: the widget goes on a `div` before it, and the
    // code is hidden.
    assert!(page.contains("<section id=\"plain\"><div class=\"hb-fence\" data-hb-prerendered><template shadowrootmode=\"open\" data-hb-prerendered>"));
    assert!(page.contains("</template></div><pre hidden=\"\" data-hb-hidden=\"\"><code class=\"language-hiring-timeline\">"));
    // The broken fence and the json block are left as they were; so is everything else.
    assert_eq!(without_prerendered(&page), original);
    // Again: the same page.
    let (_, log) = prerender(&[root.to_str().unwrap()]);
    assert!(log.contains("0 page(s) changed"), "{log}");
    assert_eq!(read(root.join("fences.html")), page);
    // A fence that no longer renders shows its code again: nothing of the earlier run stays.
    let broken = page.replace("\"title\": \"Fence hiring\",", "\"title\": 5,");
    std::fs::write(root.join("fences.html"), &broken).unwrap();
    let (_, log) = prerender(&[root.to_str().unwrap()]);
    assert!(log.contains("5 widget(s) pre-rendered"), "{log}");
    let page = read(root.join("fences.html"));
    assert!(page.contains("<section id=\"plain\"><pre><code class=\"language-hiring-timeline\">{\n  \"title\": 5,"), "{page}");
    assert_eq!(
        without_prerendered(&page),
        original.replace("\"title\": \"Fence hiring\",", "\"title\": 5,")
    );
}
