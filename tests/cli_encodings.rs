//! `prerender` and `check` on pages in the encoding they declare: windows-1252 by `<meta
//! charset>` or `http-equiv`, UTF-16 and UTF-8 with a byte-order mark. The page is written back
//! in its encoding, byte for byte where it was not changed; characters the encoding lacks
//! become character references, and JSON in scripts ASCII. What cannot be read is said.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use encoding_rs::WINDOWS_1252;

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// The data a page fetches: an owner directory whose title has characters windows-1252 has
/// (ë) and lacks (→, 日本).
const TITLE: &str = "Owners → 日本 Zoë";

/// A fresh site with `data/owners.json` and the page `docs/page.html` holding `bytes`.
fn site(name: &str, bytes: &[u8]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("hb-encodings-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::create_dir_all(root.join("data")).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/feature-owners.json");
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    data["title"] = TITLE.into();
    std::fs::write(root.join("data/owners.json"), data.to_string()).unwrap();
    std::fs::write(root.join("docs/page.html"), bytes).unwrap();
    root
}

/// A page declaring `head` (a `<meta>`, or nothing), with a paragraph of `paragraph` and a
/// mount of the owners data.
fn page(head: &str, paragraph: &str) -> String {
    format!(
        "<!doctype html>\n<html><head>{head}<title>Team</title>\n<script type=\"module\" src=\"/widgets/v1/handbook-widgets.js\"></script></head>\n<body><p>{paragraph}</p>\n<div id=\"owners\" data-hb-widget=\"owner-directory\" data-src=\"../data/owners.json\"></div>\n</body></html>\n"
    )
}

/// Runs the program with `args`; its exit code and what it printed (standard output, then
/// standard error).
fn run(args: &[&Path]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    let stderr = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap(), stderr)
}

fn prerender(root: &Path) -> (i32, String) {
    run(&[Path::new("prerender"), root, Path::new("--strict")])
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The text of each pre-rendered data script in `html`.
fn scripts(html: &str) -> Vec<&str> {
    html.split("<script type=\"application/json\" data-hb-prerendered>")
        .skip(1)
        .filter_map(|s| s.split("</script>").next())
        .collect()
}

#[test]
fn a_windows_1252_page_is_written_back_in_windows_1252() {
    let paragraph = "Café – “naïve” €";
    let html = page(r#"<meta charset="windows-1252">"#, paragraph);
    let (original, _, unmappable) = WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    let root = site("1252", &original);
    let (code, stderr) = prerender(&root);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1 page(s) changed"), "{stderr}");
    let out = std::fs::read(root.join("docs/page.html")).unwrap();
    // What was not pre-rendered is the same bytes: the paragraph in windows-1252.
    assert!(contains(&out, b"<p>Caf\xe9 \x96 \x93na\xefve\x94 \x80</p>"));
    // The widget's text in windows-1252, and what it lacks as character references: no UTF-8.
    assert!(contains(&out, b"Owners &#8594; &#26085;&#26412; Zo\xeb"));
    assert!(!contains(&out, "→".as_bytes()) && !contains(&out, "ë".as_bytes()));
    // The data travels as ASCII JSON, which reads back as the same title.
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(&out);
    let json = scripts(&text);
    assert_eq!(json.len(), 1);
    assert!(json[0].is_ascii());
    let data: serde_json::Value = serde_json::from_str(json[0]).unwrap();
    assert_eq!(data["title"], TITLE);
    // Idempotent: a second run writes nothing.
    let (code, stderr) = prerender(&root);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 page(s) changed"), "{stderr}");
    assert_eq!(std::fs::read(root.join("docs/page.html")).unwrap(), out);
    // check reads it too.
    let (code, stderr) = run(&[Path::new("check"), &root]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn an_http_equiv_declaration_counts_and_iso_8859_1_means_windows_1252() {
    let head = r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
    let html = page(head, "it’s déjà vu");
    let (original, _, _) = WINDOWS_1252.encode(&html);
    let root = site("http-equiv", &original);
    let (code, stderr) = prerender(&root);
    assert_eq!(code, 0, "{stderr}");
    let out = std::fs::read(root.join("docs/page.html")).unwrap();
    // ’ is 0x92 in windows-1252, which browsers read ISO-8859-1 pages as.
    assert!(contains(&out, b"<p>it\x92s d\xe9j\xe0 vu</p>"));
    assert!(contains(&out, b"Zo\xeb"));
}

#[test]
fn utf_16_pages_keep_their_byte_order_mark_and_their_characters() {
    for (name, bom, big) in [("le", [0xff, 0xfe], false), ("be", [0xfe, 0xff], true)] {
        let html = page("", "Café – naïve");
        let units = html.encode_utf16();
        let mut original = bom.to_vec();
        for u in units {
            original.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        let root = site(&format!("utf16{name}"), &original);
        let (code, stderr) = prerender(&root);
        assert_eq!(code, 0, "{name}: {stderr}");
        let out = std::fs::read(root.join("docs/page.html")).unwrap();
        assert_eq!(out[..2], bom, "{name}");
        let units: Vec<u16> = out[2..]
            .chunks(2)
            .map(|c| {
                if big {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16(&units).unwrap();
        assert!(text.contains("<p>Café – naïve</p>"), "{name}");
        assert!(text.contains("<template shadowrootmode=\"open\""), "{name}");
        assert!(
            text.contains("Owners → 日本 Zoë"),
            "{name}: Unicode needs no references"
        );
        assert!(scripts(&text)[0].contains(TITLE), "{name}");
    }
}

#[test]
fn a_utf_8_byte_order_mark_is_kept() {
    let mut original = b"\xef\xbb\xbf".to_vec();
    original.extend(page(r#"<meta charset="utf-8">"#, "Café").as_bytes());
    let root = site("utf8bom", &original);
    let (code, stderr) = prerender(&root);
    assert_eq!(code, 0, "{stderr}");
    let out = std::fs::read(root.join("docs/page.html")).unwrap();
    assert!(out.starts_with(b"\xef\xbb\xbf<!doctype html>"));
    assert!(contains(&out, TITLE.as_bytes()));
}

#[test]
fn what_cannot_be_read_is_said_and_left_as_it_was() {
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "undeclared",
            {
                let mut b = page("", "x").into_bytes();
                b.extend(b"<p>caf\xe9</p>");
                b
            },
            "is not valid UTF-8 (at byte",
        ),
        (
            "unknown",
            page(r#"<meta charset="klingon">"#, "x").into_bytes(),
            "declares the encoding \"klingon\", which is not one browsers know",
        ),
        (
            "wrong",
            {
                let mut b = page(r#"<meta charset="utf-8">"#, "x").into_bytes();
                b.extend(b"<p>caf\xe9</p>");
                b
            },
            "is not valid UTF-8, the encoding it declares (at byte",
        ),
    ];
    for (name, bytes, message) in cases {
        let root = site(name, &bytes);
        let (code, stderr) = prerender(&root);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert_eq!(
            std::fs::read(root.join("docs/page.html")).unwrap(),
            bytes,
            "{name}"
        );
        let (code, stderr) = run(&[Path::new("check"), &root]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
}
