//! `check` and `prerender` read pages as the browser does: data with a byte-order mark,
//! character references in attributes, nested mounts (each its own data; the inner one hidden,
//! so an error), mounts on elements that cannot show a widget (SVG, void, raw text, table
//! rows), mounts on elements that hold no shadow root (a list item: a `div.hb-host` inside),
//! an unclosed mount at the end of the page, and folder runs that pass over other JSON.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// The gallery's owner directory example, with `title`.
fn owners(title: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/feature-owners.json");
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    data["title"] = title.into();
    data.to_string()
}

/// A fresh site: `data/bom.json` (owners data after a UTF-8 byte-order mark) and the page
/// `p.html` with `body`.
fn site(name: &str, body: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("hb-pages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(
        root.join("data/bom.json"),
        format!("\u{feff}{}", owners("With a BOM")),
    )
    .unwrap();
    std::fs::write(
        root.join("p.html"),
        format!("<!doctype html>\n<html><head><meta charset=\"utf-8\"><script type=\"module\" src=\"/w/handbook-widgets.js\"></script></head><body>\n{body}"),
    )
    .unwrap();
    root
}

/// Runs the program; its exit code and what it printed (standard output, then error).
fn run(args: &[&str], root: &Path) -> (i32, String) {
    let out = Command::new(BIN).args(args).arg(root).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code().unwrap(), text)
}

/// The page's text from the mount with `id` to the next mount (or the end).
fn mount(page: &str, id: &str) -> String {
    let start = page.find(&format!("id=\"{id}\" data-hb-widget")).unwrap();
    let rest = &page[start + 20..];
    let end = rest.find(" data-hb-widget=").map_or(rest.len(), |e| e);
    page[start..start + 20 + end].to_owned()
}

#[test]
fn data_with_a_byte_order_mark_and_references_in_attributes_read_as_in_the_browser() {
    let root = site(
        "bom",
        "<div id=\"a\" data-hb-widget=\"owner&#x2D;directory\" data-src=\"data/bom&period;json\"></div>\n</body></html>\n",
    );
    let (code, text) = run(&["check"], &root);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("1 valid"), "{text}");
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 0, "{text}");
    let page = std::fs::read_to_string(root.join("p.html")).unwrap();
    assert!(page.contains("With a BOM"));
    // The attribute is left as the page wrote it.
    assert!(page.contains("data-hb-widget=\"owner&#x2D;directory\""));
}

#[test]
fn nested_mounts_each_read_their_own_data_and_the_hidden_one_is_an_error() {
    // The outer mount's script comes after the inner mount, as the browser allows.
    let root = site(
        "nested",
        &format!(
            "<div id=\"outer\" data-hb-widget=\"owner-directory\">\n<div id=\"inner\" data-hb-widget=\"owner-directory\"><script type=\"application/json\">{}</script></div>\n<script type=\"application/json\">{}</script>\n</div>\n</body></html>\n",
            owners("Inner"),
            owners("Outer")
        ),
    );
    let (code, text) = run(&["check"], &root);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("p.html:4:1: The “owner-directory” widget could not be shown: Mount in the wrong place: the mount is inside the mount at line 3, column 1, whose widget hides everything inside it; move it out"),
        "{text}"
    );
    assert!(text.contains("1 valid, 1 with errors"), "{text}");
    let (code, text) = run(&["prerender"], &root);
    assert_eq!(code, 0, "{text}");
    let page = std::fs::read_to_string(root.join("p.html")).unwrap();
    // The outer widget shows its own data; nothing is written into the hidden one.
    let outer = mount(&page, "outer");
    assert!(
        outer.contains("<template shadowrootmode=\"open\""),
        "{outer}"
    );
    assert!(outer.contains(">Outer<"), "{outer}");
    assert!(!outer.contains(">Inner<"), "{outer}");
    assert!(!mount(&page, "inner").contains("<template"));
}

#[test]
fn mounts_where_no_widget_can_show_are_refused_and_nothing_is_written_into_them() {
    let cases = [
        ("svg", "<svg><g id=\"svg\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"></g></svg>", "a <g> element, so no widget can show in it: it is an SVG or MathML element"),
        ("img", "<img id=\"img\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\">", "a <img> element, so no widget can show in it: it is a void element"),
        ("textarea", "<textarea id=\"textarea\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"></textarea>", "a <textarea> element, so no widget can show in it: its content is text"),
        ("tr", "<table><tr id=\"tr\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"><td>x</td></tr></table>", "a <tr> element, so no widget can show in it: the browser's parser moves or drops"),
    ];
    for (name, html, message) in cases {
        let original = format!("{html}\n</body></html>\n");
        let root = site(name, &original);
        let (code, text) = run(&["check"], &root);
        assert_eq!(code, 1, "{name}: {text}");
        assert!(
            text.contains(&format!("Mount in the wrong place: the mount is {message}")),
            "{name}: {text}"
        );
        let before = std::fs::read_to_string(root.join("p.html")).unwrap();
        let (code, text) = run(&["prerender", "--strict"], &root);
        assert_eq!(code, 1, "{name}: {text}");
        assert!(text.contains(message), "{name}: {text}");
        assert_eq!(
            std::fs::read_to_string(root.join("p.html")).unwrap(),
            before,
            "{name}: the page is left as it was"
        );
    }
}

#[test]
fn a_list_item_mount_gets_its_shadow_root_on_a_host_inside_it() {
    let root = site(
        "li",
        "<ul><li id=\"li\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"></li></ul>\n</body></html>\n",
    );
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 0, "{text}");
    let page = std::fs::read_to_string(root.join("p.html")).unwrap();
    let li = mount(&page, "li");
    assert!(
        li.contains("<div class=\"hb-host\" data-hb-prerendered><template shadowrootmode=\"open\""),
        "{li}"
    );
    // Run again: the same page, not a second host.
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 0, "{text}");
    let again = std::fs::read_to_string(root.join("p.html")).unwrap();
    assert_eq!(again.matches("class=\"hb-host\"").count(), 1);
}

#[test]
fn an_unclosed_mount_at_the_end_of_the_page_gets_the_end_marker() {
    let root = site(
        "unclosed",
        "<div id=\"first\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"></div>\n<div id=\"last\" data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\">\n",
    );
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 0, "{text}");
    let page = std::fs::read_to_string(root.join("p.html")).unwrap();
    let marker = "<span id=\"hb-prerendered-end\" hidden data-hb-prerendered></span>";
    assert_eq!(page.matches(marker).count(), 1, "{page}");
    assert!(
        page.find(marker) > page.rfind("</template>"),
        "after the last widget"
    );
    let (_, _) = run(&["prerender", "--strict"], &root);
    let again = std::fs::read_to_string(root.join("p.html")).unwrap();
    assert_eq!(
        again.matches(marker).count(),
        1,
        "still one after a second run"
    );
}

#[test]
fn a_folder_run_passes_over_other_json_and_reports_files_whatever_their_names() {
    let root = site("folder", "<p>No widgets.</p>\n</body></html>\n");
    // A 12 MB export and notes in Latin-1: JSON of the site that names no widget.
    std::fs::write(
        root.join("data/export.json"),
        format!("{{\"rows\": [{}1]}}", "1,".repeat(6 * 1024 * 1024)),
    )
    .unwrap();
    std::fs::write(root.join("data/notes.json"), b"{\"note\": \"caf\xe9\"}").unwrap();
    let (code, text) = run(&["check"], &root);
    assert_eq!(code, 0, "{text}");
    // The same files named on the command line are checked, and fail.
    let (code, text) = run(&["check"], &root.join("data/notes.json"));
    assert_eq!(code, 1, "{text}");
    // Widget data whose file name is not UTF-8 is checked, not skipped.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.owner-directory.json");
        std::fs::write(root.join("data").join(name), "{ \"title\": 5 }").unwrap();
        let (code, text) = run(&["check"], &root);
        assert_eq!(code, 1, "{text}");
        assert!(
            text.contains("caf\u{fffd}.owner-directory.json:1:"),
            "{text}"
        );
        assert!(text.contains("0 valid, 1 with errors"), "{text}");
    }
}

#[test]
fn where_hugo_dropped_raw_html_check_warns_and_prerender_strict_fails_with_no_widget_left() {
    // What Hugo 0.111 writes for an HTML mount in Markdown without unsafe = true.
    let root = site(
        "hugo",
        "<h1>Hiring</h1>\n<!-- raw HTML omitted -->\n<p>After.</p>\n</body></html>\n",
    );
    let (code, text) = run(&["check"], &root);
    assert_eq!(code, 0, "a warning, not an error: {text}");
    assert!(
        text.contains("p.html:4:1: warning: Hugo left out raw HTML here"),
        "{text}"
    );
    assert!(
        text.contains("0 widgets in 1 file: 0 valid, 0 with errors; 1 warning"),
        "{text}"
    );
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("raw HTML dropped by Hugo in 1 place(s)"),
        "{text}"
    );
    // With a widget on the site after all (a fence, say), only the warning stays.
    std::fs::write(
        root.join("q.html"),
        "<!doctype html><script type=\"module\" src=\"/w/handbook-widgets.js\"></script><div data-hb-widget=\"owner-directory\" data-src=\"data/bom.json\"></div>\n",
    )
    .unwrap();
    let (code, text) = run(&["prerender", "--strict"], &root);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("warning: Hugo left out raw HTML"), "{text}");
}
