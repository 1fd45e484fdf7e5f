//! How `prerender`, `check` and `import` grow with their input: each case at 1x, 2x and 4x of
//! a large input, with the time and the factor from one size to the next (about 2 when the
//! cost is linear, 4 when it is quadratic). Figures, not assertions:
//! `cargo bench --bench cli_scale`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// A case: its name, what one unit of input is, and how to write `n` units into a folder,
/// returning the command's arguments.
struct Case {
    name: &'static str,
    unit: &'static str,
    base: usize,
    write: fn(&Path, usize) -> Vec<String>,
}

const HEAD: &str =
    "<!doctype html><html><head><meta charset=\"utf-8\"><script type=\"module\" src=\"/w/handbook-widgets.js\"></script></head><body>\n";

fn directory() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/feature-owners.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    value.to_string()
}

fn page(dir: &Path, name: &str, text: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file.to_string_lossy().into_owned()
}

fn valid_mounts(dir: &Path, n: usize) -> Vec<String> {
    let mount = format!(
        "<div data-hb-widget=\"owner-directory\"><script type=\"application/json\">{}</script></div>\n",
        directory()
    );
    let text = format!("{HEAD}{}</body></html>\n", mount.repeat(n));
    vec!["prerender".into(), page(dir, "valid.html", &text)]
}

fn failing_mounts(dir: &Path, n: usize) -> Vec<String> {
    let mount = "<div data-hb-widget=\"owner-directory\"><script type=\"application/json\">{\"title\": 5}</script></div>";
    let text = format!("{HEAD}{}</body></html>\n", mount.repeat(n));
    vec!["prerender".into(), page(dir, "failing.html", &text)]
}

fn check_failing(dir: &Path, n: usize) -> Vec<String> {
    let mut args = failing_mounts(dir, n);
    args[0] = "check".into();
    args
}

fn owner_sections(dir: &Path, n: usize) -> Vec<String> {
    let text: String = (0..n)
        .map(|i| format!("### Group {i}\n\n| Program | Owner |\n| --- | --- |\n| Program {i} | Person {i} |\n\n"))
        .collect();
    vec![
        "import".into(),
        "owner-directory".into(),
        page(dir, "owners.md", &format!("# Programs\n\n{text}")),
    ]
}

fn hiring_sections(dir: &Path, n: usize) -> Vec<String> {
    let text: String = (0..n)
        .map(|i| format!("## Team {i} Hiring Process\n\n1. A 30-minute call with a recruiter\n2. A 45-minute interview with the manager\n\n"))
        .collect();
    vec![
        "import".into(),
        "hiring-timeline".into(),
        page(dir, "hiring.md", &format!("# Hiring\n\n{text}")),
    ]
}

fn bracket_run(dir: &Path, n: usize) -> Vec<String> {
    vec![
        "import".into(),
        "hiring-timeline".into(),
        page(
            dir,
            "brackets.md",
            &format!("# Hiring\n\n- {}\n", "[".repeat(n)),
        ),
    ]
}

fn run(args: &[String]) -> Duration {
    let start = Instant::now();
    let out = Command::new(BIN).args(args).output().unwrap();
    let took = start.elapsed();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{args:?} panicked"
    );
    took
}

fn main() {
    let dir: PathBuf = std::env::temp_dir().join(format!("hb-cli-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        Case {
            name: "prerender, valid mounts in one page",
            unit: "mounts",
            base: 1_000,
            write: valid_mounts,
        },
        Case {
            name: "prerender, failing mounts on one line",
            unit: "mounts",
            base: 25_000,
            write: failing_mounts,
        },
        Case {
            name: "check, failing mounts on one line",
            unit: "mounts",
            base: 25_000,
            write: check_failing,
        },
        Case {
            name: "import owner-directory, sections",
            unit: "sections",
            base: 12_500,
            write: owner_sections,
        },
        Case {
            name: "import hiring-timeline, sections",
            unit: "sections",
            base: 12_500,
            write: hiring_sections,
        },
        Case {
            name: "import, a run of [",
            unit: "brackets",
            base: 100_000,
            write: bracket_run,
        },
    ];
    println!(
        "command-line programs at 1x, 2x and 4x of a large input (the factor: about 2 is linear)"
    );
    for case in cases {
        let mut line = format!("  {:<40}", case.name);
        let mut previous: Option<Duration> = None;
        for scale in [1, 2, 4] {
            let n = case.base * scale;
            let args = (case.write)(&dir, n);
            let bytes = std::fs::metadata(args.last().unwrap()).map_or(0, |m| m.len());
            let took = run(&args);
            line.push_str(&format!(
                "  {n} {} ({:.1} MB) {:.2}s",
                case.unit,
                bytes as f64 / 1e6,
                took.as_secs_f64()
            ));
            if let Some(p) = previous {
                line.push_str(&format!(
                    " x{:.1}",
                    took.as_secs_f64() / p.as_secs_f64().max(1e-6)
                ));
            }
            previous = Some(took);
        }
        println!("{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
