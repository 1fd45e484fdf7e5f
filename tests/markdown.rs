//! Markdown rendering: structure, and hostile input that must never become live HTML.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use handbook_widgets::markdown::{block, inline, is_external, label, safe_url};

fn md(source: &str) -> String {
    common::render(block(source))
}

#[test]
fn renders_common_structure() {
    let html = md("Some **bold** and *em* and `code`.\n\n- one\n- two\n\n3. three\n4. four");
    assert_eq!(
        html,
        "<p>Some <strong>bold</strong> and <em>em</em> and <code>code</code>.</p>\
         <ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>"
    );
}

#[test]
fn inline_drops_the_lone_paragraph() {
    assert_eq!(common::render(inline("A *b*")), "A <em>b</em>");
    // Two paragraphs are two lines: a heading or a sentence may hold no <p>.
    assert_eq!(common::render(inline("a\n\nb")), "a<br>b");
}

/// Block Markdown in a one-line field becomes lines of inline content, never an element the
/// HTML parser would move out of a `p` or a heading (which would break hydration).
#[test]
fn inline_renders_blocks_as_lines() {
    let cases = [
        ("- a recruiter\n- the *manager*", "• a recruiter<br>• the <em>manager</em>"),
        ("3. first\n4. second", "3. first<br>4. second"),
        ("> quoted\n>\n> twice", "quoted<br>twice"),
        ("# Heading\ntext", "Heading<br>text"),
        ("```\nlet x = 1;\n```", "<code>let x = 1;\n</code>"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a | b<br>1 | 2"),
        ("above\n\n---\n\nbelow", "above<br>below"),
        ("- [x] done\n- [ ] not", "• <span class=\"hb-md-task\" role=\"img\" aria-label=\"done\">☑ </span>done<br>• <span class=\"hb-md-task\" role=\"img\" aria-label=\"not done\">☐ </span>not"),
        ("- a\n  - nested\n- b", "• a<br>• nested<br>• b"),
        ("<div>raw</div>", "&lt;div&gt;raw&lt;/div&gt;"),
    ];
    for (source, expected) in cases {
        let html = common::render(inline(source));
        assert_eq!(html, expected, "{source:?}");
        for block in [
            "<p",
            "<ul",
            "<ol",
            "<li",
            "<blockquote",
            "<h",
            "<pre",
            "<table",
            "<hr",
            "<div",
        ] {
            assert!(!html.contains(block), "{source:?}: {html}");
        }
    }
    // A control's label keeps a link's text only.
    assert_eq!(
        common::render(label("See [the guide](https://example.com) ![x](a.png)")),
        "See the guide x"
    );
}

#[test]
fn tables_get_header_cells() {
    let html = md("| a | b |\n|---|---|\n| 1 | 2 |");
    assert!(
        html.contains("<thead><tr><th scope=\"col\">a</th><th scope=\"col\">b</th></tr></thead>"),
        "{html}"
    );
    assert!(html.contains("<td>1</td>"), "{html}");
    // Body rows in a tbody, where the HTML parser would put them (hydration compares shapes).
    assert!(
        html.contains("</thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"),
        "{html}"
    );
}

#[test]
fn headings_start_below_the_widget_title() {
    assert_eq!(md("# Big"), "<h4>Big</h4>");
    assert_eq!(md("### Small"), "<h6>Small</h6>");
}

#[test]
fn script_tags_become_text() {
    let html = md("<script>alert(1)</script>");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn inline_html_with_handlers_becomes_text() {
    let html = md("Look: <img src=x onerror=alert(1)> <b onclick=\"x()\">b</b>");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b "), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

#[test]
fn javascript_links_lose_their_href_but_keep_their_text() {
    for target in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "java%73cript:alert(1)",
        "%6Aavascript:alert(1)",
        " javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,x",
        "file:///etc/passwd",
    ] {
        let html = md(&format!("[click me]({target})"));
        assert!(!html.contains("href"), "{target} kept a link: {html}");
        assert!(html.contains("click me"), "{target} lost its text: {html}");
    }
}

#[test]
fn tab_and_newline_inside_the_scheme_do_not_help() {
    assert_eq!(safe_url("java\tscript:alert(1)"), None);
    assert_eq!(safe_url("java\nscript:alert(1)"), None);
    assert_eq!(safe_url("\u{1}javascript:alert(1)"), None);
}

#[test]
fn autolinks_are_checked_too() {
    let html = md("<javascript:alert(1)> and <https://example.com/a> and <team@example.com>");
    assert!(!html.contains("javascript:alert(1)\""), "{html}");
    assert!(html.contains("href=\"https://example.com/a\""), "{html}");
    assert!(html.contains("href=\"mailto:team@example.com\""), "{html}");
}

#[test]
fn allowed_targets_are_kept() {
    for url in [
        "https://example.com",
        "HTTP://example.com",
        "mailto:a@b.c",
        "tel:+1555",
        "/handbook/x",
        "../x",
        "x.html",
        "#anchor",
        "?q=1",
        "//cdn.example.com/x",
    ] {
        assert_eq!(safe_url(url).as_deref(), Some(url), "{url}");
    }
}

#[test]
fn external_links_get_noopener_noreferrer() {
    let html = md("[a](https://example.com) [b](/local)");
    assert!(
        html.contains("<a rel=\"noopener noreferrer\" href=\"https://example.com\">a</a>")
            || html.contains("<a href=\"https://example.com\" rel=\"noopener noreferrer\">a</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"/local\">b</a>"), "{html}");
    assert!(is_external("//cdn.example.com"));
    assert!(!is_external("/x"));
}

#[test]
fn images_become_links_and_never_load() {
    let html = md("![chart](https://example.com/c.png) ![x](javascript:alert(1))");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("href=\"https://example.com/c.png\""),
        "{html}"
    );
    assert!(!html.contains("javascript"), "{html}");
}

#[test]
fn link_titles_and_text_are_escaped() {
    let html = md("[x\" onmouseover=\"y](/a \"t\\\"itle\")");
    assert!(!html.contains("onmouseover=\"y\""), "{html}");
}

#[test]
fn html_blocks_become_text() {
    let html = md("<div onclick=\"x()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>");
    assert!(!html.contains("<div"), "{html}");
    assert!(!html.contains("<iframe"), "{html}");
    assert!(html.contains("&lt;iframe"), "{html}");
}

#[test]
fn task_markers_are_labelled_marks_not_inputs() {
    let html = md("- [x] done\n- [ ] open");
    assert!(!html.contains("<input"), "{html}");
    assert!(html.contains("aria-label=\"done\""), "{html}");
    assert!(html.contains("aria-label=\"not done\""), "{html}");
}

#[test]
fn query_matches_are_marked_in_text_only() {
    let html = common::render(handbook_widgets::markdown::inline_marked(
        "Ask **Hanna** or [hanna](https://x.y/hanna)",
        "HANNA",
    ));
    assert_eq!(
        html,
        "Ask <strong><mark class=\"hb-match\">Hanna</mark></strong> or \
         <a rel=\"noopener noreferrer\" href=\"https://x.y/hanna\"><mark class=\"hb-match\">hanna</mark></a>"
    );
    // Markup in the data still cannot sneak in through a match.
    let html = common::render(handbook_widgets::markdown::inline_marked("<b>x</b>", "b"));
    assert!(!html.contains("<b>"), "{html}");
    assert_eq!(
        common::render(handbook_widgets::markdown::text_marked("abc", "")),
        "abc"
    );
}
