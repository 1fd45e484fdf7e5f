//! `prerender`, `check` and `import` on pages anyone may have contributed: a `data-src` out of
//! the site (by `../`, by `/../`, by a symbolic link), a named pipe, `/dev/zero`, and data that
//! tries to forge lines of the output (a CI annotation, terminal escapes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// What a run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the program with `args` in `dir`, failing the test if it has not ended within 30 s
/// (a named pipe would block it for good).
fn run(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("handbook-widgets {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let run = Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A fresh folder with a site under `site/` and a file of secrets next to it, under
/// `outside/`, in the shape of widget data so that reading it would publish it.
fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hb-untrusted-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("site/docs/team")).unwrap();
    std::fs::create_dir_all(dir.join("site/data")).unwrap();
    std::fs::create_dir_all(dir.join("outside")).unwrap();
    let secret = r#"{ "title": "TOP-SECRET-TITLE", "variants": [{ "id": "a", "label": "A",
        "stages": [{ "title": "TOP-SECRET-STAGE", "TOP-SECRET-KEY": 1 }] }] }"#;
    std::fs::write(dir.join("outside/secret.json"), secret).unwrap();
    let valid = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/flowfuse-pm-hiring.json"),
    )
    .unwrap();
    std::fs::write(dir.join("site/data/ok.json"), valid).unwrap();
    dir
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// A built page whose mounts read `sources`, one `data-src` each, with ids `m0`, `m1`, ….
fn page(sources: &[&str]) -> String {
    let mounts: String = sources
        .iter()
        .enumerate()
        .map(|(i, src)| {
            format!(
                "<div id=\"m{i}\" data-hb-widget=\"hiring-timeline\" data-src=\"{src}\"></div>\n"
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html><head><script type=\"module\" src=\"/widgets/handbook-widgets.js\"></script></head><body>\n{mounts}</body></html>\n"
    )
}

#[cfg(unix)]
#[test]
fn prerender_reads_only_regular_files_inside_the_site() {
    let dir = workspace("prerender");
    let site = dir.join("site");
    std::os::unix::fs::symlink(dir.join("outside/secret.json"), site.join("data/link.json"))
        .unwrap();
    std::os::unix::fs::symlink(dir.join("outside"), site.join("data/linked-folder")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", site.join("data/zero.json")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", site.join("data/environ.json")).unwrap();
    std::os::unix::fs::symlink("ok.json", site.join("data/inside-link.json")).unwrap();
    mkfifo(&site.join("data/fifo.json"));
    let sources = [
        "../../../outside/secret.json",
        "/../outside/secret.json",
        "/data/../../outside/secret.json",
        "/data/link.json",
        "/data/linked-folder/secret.json",
        "/data/zero.json",
        "/data/environ.json",
        "/data/fifo.json",
        "/data",
        "/data/inside-link.json",
        "/data/ok.json",
    ];
    std::fs::write(site.join("docs/team/index.html"), page(&sources)).unwrap();
    let before = std::fs::read_to_string(site.join("docs/team/index.html")).unwrap();
    let out = run(&dir, &["prerender", "site", "--strict"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let after = std::fs::read_to_string(site.join("docs/team/index.html")).unwrap();
    assert!(
        !after.contains("TOP-SECRET"),
        "a file outside the site was published"
    );
    assert!(!out.stderr.contains("TOP-SECRET"), "{}", out.stderr);
    let report = |i: usize| {
        let at = format!("site/docs/team/index.html:{}:1: ", i + 3);
        out.stderr
            .lines()
            .find(|l| l.starts_with(&at))
            .unwrap_or_else(|| panic!("no report for {}: {}", sources[i], out.stderr))
            .to_owned()
    };
    for i in 0..3 {
        assert!(
            report(i).contains("is outside the site, and only files inside it are read"),
            "{}",
            report(i)
        );
    }
    for i in [3, 4, 5, 6] {
        assert!(
            report(i).contains("is a symbolic link to a file outside the site"),
            "{}",
            report(i)
        );
    }
    assert!(
        report(7).contains("is not a regular file (a named pipe)"),
        "{}",
        report(7)
    );
    assert!(
        report(8).contains("is not a regular file (a folder)"),
        "{}",
        report(8)
    );
    for (i, src) in sources.iter().enumerate().take(9) {
        assert!(report(i).contains(&format!("data-src {src}:")));
    }
    // A link that stays inside the site is followed; the good mounts are pre-rendered.
    assert!(
        out.stderr.contains("2 widget(s) pre-rendered"),
        "{}",
        out.stderr
    );
    assert_ne!(after, before);
    // One more folder, allowed on purpose: its files are read, its devices still are not.
    let out = run(
        &dir,
        &[
            "prerender",
            "site",
            "--allow-data",
            "outside",
            "--allow-data",
            "/dev",
        ],
    );
    assert!(
        out.stderr
            .contains("data/zero.json is not a regular file (a device)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("unknown field `TOP-SECRET-KEY`"),
        "an allowed folder is read: {}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn check_reads_only_regular_files_inside_the_site() {
    let dir = workspace("check");
    let site = dir.join("site");
    std::os::unix::fs::symlink(dir.join("outside/secret.json"), site.join("data/link.json"))
        .unwrap();
    mkfifo(&site.join("data/fifo.json"));
    std::fs::write(
        site.join("docs/team/index.md"),
        format!(
            "# Team\n\n{}",
            page(&[
                "../../../outside/secret.json",
                "/data/link.json",
                "/data/fifo.json"
            ])
        ),
    )
    .unwrap();
    for format in ["text", "json", "github"] {
        let out = run(&dir, &["check", "site", "--format", format]);
        assert_eq!(out.code, 1, "{}", out.stdout);
        assert!(!out.stdout.contains("TOP-SECRET"), "{}", out.stdout);
        assert!(out.stdout.contains("outside the site"), "{}", out.stdout);
        assert!(out.stdout.contains("a named pipe"), "{}", out.stdout);
    }
    // A named pipe named on the command line, as a data file or a page, is refused too.
    let out = run(
        &site,
        &["check", "data/fifo.json", "--widget", "hiring-timeline"],
    );
    assert!(
        out.stdout.contains("not a regular file (a named pipe)"),
        "{}",
        out.stdout
    );
    std::fs::rename(site.join("data/fifo.json"), site.join("data/fifo.md")).unwrap();
    let out = run(&site, &["check", "data/fifo.md"]);
    assert!(
        out.stdout.contains("not a regular file (a named pipe)"),
        "{}",
        out.stdout
    );
    let out = run(&site, &["import", "hiring-timeline", "data/fifo.md"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("not a regular file (a named pipe)"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_named_as_a_page_is_refused_at_the_size_limit() {
    let dir = workspace("zero");
    std::os::unix::fs::symlink("/dev/zero", dir.join("site/zero.html")).unwrap();
    let out = run(&dir, &["prerender", "site/zero.html"]);
    assert!(
        out.stderr.contains("not a regular file (a device)"),
        "{}",
        out.stderr
    );
    let out = run(&dir, &["check", "site/zero.html"]);
    assert!(
        out.stdout.contains("not a regular file (a device)"),
        "{}",
        out.stdout
    );
}

/// Fails when `output` has a control character other than a newline, or a line that a CI
/// system would run as a command other than those `allowed` to start it.
fn assert_unforged(output: &str, allowed: &[&str]) {
    for c in output.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "a raw control character {c:?} in:\n{output}"
        );
    }
    for line in output.lines() {
        let line = line.trim_start();
        if line.starts_with("::") {
            assert!(
                allowed.iter().any(|a| line.starts_with(a)),
                "a forged line: {line}"
            );
        }
    }
}

/// Data and file names that try to print a line of their own.
const FORGED: &str = "\n::error file=README.md,line=1::forged\u{1b}[31m\u{7}\r";

#[test]
fn data_cannot_forge_lines_of_the_output() {
    let dir = workspace("forged");
    let escaped_key = "a\\n::error file=README.md::forged\\u001b[2J\\u0007\\r";
    let page = format!(
        "# Team\n\n<div data-hb-widget=\"hiring-timeline{FORGED}\"></div>\n\n<div data-hb-widget=\"hiring-timeline\"><script type=\"application/json\">{{ \"title\": \"T\", \"variants\": [{{ \"id\": \"a\", \"label\": \"A\", \"stages\": [{{ \"title\": \"x\", \"{escaped_key}\": 1 }}] }}] }}</script></div>\n\n<div data-hb-widget=\"owner-directory\" data-src=\"https://elsewhere.example.org/{FORGED}\"></div>\n"
    );
    let site = dir.join("site");
    std::fs::write(site.join("docs/team/forged.md"), &page).unwrap();
    std::fs::write(
        site.join("docs/team/forged.html"),
        format!("<script type=\"module\" src=\"/w/handbook-widgets.js\"></script>{page}"),
    )
    .unwrap();
    // A file whose own name is a workflow command, as a shell glob would pass it.
    let named = "::error file=README.md::forged.hiring-timeline.json";
    std::fs::write(site.join(named), "{ \"title\": 1 }").unwrap();
    for format in ["text", "json", "github"] {
        let out = run(&site, &["check", ".", named, "--format", format]);
        assert_eq!(out.code, 1);
        let allowed: &[&str] = if format == "github" {
            &[
                "::error file=./docs/team/forged.",
                "::error file=%3A%3Aerror file=README.md%3A%3Aforged.hiring-timeline.json,",
                "::notice file=./docs/team/forged.",
            ]
        } else {
            &[]
        };
        assert_unforged(&out.stdout, allowed);
        assert_unforged(&out.stderr, &[]);
        assert!(out.stdout.contains("forged"), "{}", out.stdout);
        if format != "json" {
            // Three findings in each page, one in the data file, and the summary.
            assert_eq!(out.stdout.lines().count(), 8, "{}", out.stdout);
        }
    }
    let out = run(&site, &["prerender", "."]);
    assert_unforged(&out.stderr, &[]);
    assert_eq!(
        out.stderr.lines().count(),
        4,
        "one line for each of the three mounts of the HTML page, and the summary: {}",
        out.stderr
    );
    let out = run(&site, &["prerender", named]);
    assert_unforged(&out.stderr, &[]);
    // A page whose words become import's notes.
    std::fs::write(
        site.join("hiring.md"),
        format!("# Hiring process\n\n1. A call{FORGED} (optional)\n2. An offer{FORGED}\n"),
    )
    .unwrap();
    let out = run(&site, &["import", "hiring-timeline", "hiring.md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_unforged(&out.stdout, &[]);
    assert_unforged(&out.stderr, &[]);
    let draft: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(
        draft.to_string().contains("\\u001b"),
        "the data is kept, escaped"
    );
}
