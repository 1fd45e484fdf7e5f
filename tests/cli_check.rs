//! `handbook-widgets check` on a small handbook repository: Markdown and HTML pages with
//! mounts, data files named by `$schema`, by file name and by flag; positions, the three
//! output formats, the summary line and the exit status.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use handbook_widgets::widgets::PRESETS;

const BIN: &str = env!("CARGO_BIN_EXE_handbook-widgets");

/// A fresh handbook repository: Markdown under `content/`, data under `static/data/`, a built
/// page under `public/`.
fn repository(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("hb-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["content/team", "static/data", "public", "node_modules/x"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        manifest.join("assets/data/mattermost-pm-levels.json"),
        root.join("static/data/ladder.json"),
    )
    .unwrap();
    // Line 5, column 84 is the "fifty" in the inline JSON.
    write(
        "content/team/hiring.md",
        r#"# Hiring

<div data-hb-widget="hiring-timeline">
<script type="application/json">{ "title": "Hiring",
  "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": "fifty" }] }] }</script>
</div>

A mount written as an example, in code, is not checked:

```html
<div data-hb-widget="hiring-timeline" data-preset="no-such-preset"></div>
```

and neither is `<div data-hb-widget="nothing"></div>` in a code span.

<div data-hb-widget="level-comparison" data-src="/data/ladder.json"></div>

<div data-hb-widget="owner-directory" data-src="https://elsewhere.example.org/owners.json"></div>
"#,
    );
    // Valid, with a blank line that CommonMark would end the HTML block at.
    write(
        "content/team/onboarding.md",
        "# Onboarding\n\n<div data-hb-widget=\"onboarding-checklist\">\n<script type=\"application/json\">\n{ \"id\": \"c\", \"title\": \"C\",\n\n  \"phases\": [{ \"id\": \"p\", \"title\": \"P\", \"items\": [{ \"text\": \"Laptop\" }] }] }\n</script>\n</div>\n",
    );
    write(
        "public/index.html",
        r#"<!doctype html><html><body>
<div data-hb-widget="hiring-timeline" data-preset="flowfuse-pm-hiring"></div>
<div data-hb-widget="hiring-timelines"></div>
</body></html>
"#,
    );
    // Named by its file name; line 3, column 15 is the empty phases list.
    write(
        "static/data/plan.onboarding-checklist.json",
        "{\n  \"id\": \"plan\", \"title\": \"Plan\",\n  \"phases\": []\n}\n",
    );
    // Named by its $schema; valid.
    let owners =
        std::fs::read_to_string(manifest.join("assets/data/mattermost-program-management.json"))
            .unwrap();
    write(
        "static/data/owners.json",
        &owners.replacen(
            '{',
            "{ \"$schema\": \"https://handbook.example.com/widgets/schema/owner-directory.json\",",
            1,
        ),
    );
    // Not widget data: no "$schema", another tool's, and in a folder that is not searched.
    write("package.json", "{ \"name\": \"handbook\" }");
    write(
        "tsconfig.json",
        "{ \"$schema\": \"https://json.schemastore.org/tsconfig.json\", \"compilerOptions\": {} }",
    );
    write("node_modules/x/x.hiring-timeline.json", "{");
    root
}

fn check(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains("panicked"),
        "the command panicked: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    (output.status.code().unwrap(), stdout + &stderr)
}

#[test]
fn a_repository_is_checked_page_by_page_with_positions_and_a_summary() {
    let repo = repository("text");
    let (status, out) = check(&repo, &[".", "--root", "static"]);
    let lines: Vec<&str> = out.lines().collect();
    let expected = [
        "./content/team/hiring.md:5:84: The “hiring-timeline” widget could not be shown: Wrong data shape: invalid type: string \"fifty\", expected u32 (JSON path $.variants[0].stages[0].minutes, data inline JSON)",
        "./content/team/hiring.md:18:1: notice: the “owner-directory” widget's data-src is on another site and is not checked here (give --base-url and --root if it is this site)",
        "./content/team/onboarding.md:6:1: warning: a blank line inside a mount ends the HTML block in CommonMark Markdown (Hugo, GitHub, markdown-it, …), which then renders the rest of the JSON as Markdown: remove the blank lines",
        "./public/index.html:3:1: The “hiring-timelines” widget could not be shown: Unknown widget: there is no widget called \"hiring-timelines\"; available: hiring-timeline, level-comparison, owner-directory, onboarding-checklist",
        "./static/data/plan.onboarding-checklist.json:3:13: The “onboarding-checklist” widget could not be shown: Invalid data: a checklist needs at least one phase (JSON path $.phases)",
        "handbook-widgets check: 8 widgets in 6 files: 4 valid, 3 with errors, 1 left to the browser (data on another site); 1 warning",
    ];
    assert_eq!(lines, expected, "{out}");
    assert_eq!(status, 1);
}

#[test]
fn widget_fences_in_markdown_are_checked_at_the_lines_of_their_data() {
    let repo = repository("fences");
    // Line 17, column 84 is the "fifty"; line 22 the unknown option. A blank line inside a
    // fence is no problem (unlike inside an HTML block), and a `json` fence is not a widget.
    std::fs::write(
        repo.join("content/team/fences.md"),
        r#"# Fences

```hiring-timeline
---
preset: mattermost-pm-hiring
variant: pm
---
```

```json
{ "title": 5 }
```

```hiring-timeline
{ "title": "Hiring",

  "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": "fifty" }] }] }
```

```owner-directory
---
colour: red
---
{}
```
"#,
    )
    .unwrap();
    let (code, out) = check(&repo, &["content/team/fences.md"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "content/team/fences.md:17:84: The “hiring-timeline” widget could not be shown: Wrong data shape: invalid type: string \"fifty\", expected u32 (JSON path $.variants[0].stages[0].minutes, data inline JSON)\n\
         content/team/fences.md:22:1: The “owner-directory” widget could not be shown: Invalid data: `colour` is not an option of a widget fence; the options are id, variant, theme, heading-level, timeout, src, preset (data the fence's front matter)\n\
         handbook-widgets check: 3 widgets in 1 file: 1 valid, 2 with errors\n"
    );
}

#[test]
fn sphinx_widget_directives_and_code_blocks_are_checked_at_the_lines_of_their_data() {
    let repo = repository("rst");
    // Line 15, column 87 is the "fifty" (the JSON keeps its indentation, so columns are the
    // page's); line 18 the unknown option; line 26 a fence's unknown front-matter option; a
    // `json` code block and a directive of another name are not widgets.
    std::fs::write(
        repo.join("content/team/hiring.rst"),
        r#"Hiring
======

.. hiring-timeline::
   :preset: mattermost-pm-hiring
   :variant: pm

.. code-block:: json

   { "title": 5 }

.. hiring-timeline::

   { "title": "Hiring",
     "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": "fifty" }] }] }

.. owner-directory::
   :colour: red

   {}

.. code-block:: owner-directory
   :caption: Who runs what

   ---
   colour: red
   ---
   {}

.. note::

   Nothing here.
"#,
    )
    .unwrap();
    let (code, out) = check(&repo, &["content/team/hiring.rst"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "content/team/hiring.rst:15:87: The “hiring-timeline” widget could not be shown: Wrong data shape: invalid type: string \"fifty\", expected u32 (JSON path $.variants[0].stages[0].minutes, data inline JSON)\n\
         content/team/hiring.rst:18:4: The “owner-directory” widget could not be shown: Invalid data: `colour` is not an option of the owner-directory directive; the options are id, variant, theme, heading-level, timeout, src, preset (data the directive's options)\n\
         content/team/hiring.rst:26:1: The “owner-directory” widget could not be shown: Invalid data: `colour` is not an option of a widget fence; the options are id, variant, theme, heading-level, timeout, src, preset (data the fence's front matter)\n\
         handbook-widgets check: 4 widgets in 1 file: 1 valid, 3 with errors\n"
    );
}

#[test]
fn valid_data_passes_and_each_preset_checks_with_the_flag() {
    let repo = repository("valid");
    let (status, out) = check(
        &repo,
        &["content/team/onboarding.md", "static/data/owners.json"],
    );
    assert_eq!(status, 0, "{out}");
    assert!(
        out.ends_with(
            "handbook-widgets check: 2 widgets in 2 files: 2 valid, 0 with errors; 1 warning\n"
        ),
        "{out}"
    );
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for preset in PRESETS {
        let file = format!("assets/data/{}.json", preset.name);
        let (status, out) = check(manifest, &[&file, "--widget", preset.widget]);
        assert_eq!(status, 0, "{}: {out}", preset.name);
        // The wrong widget for it fails, on its first unknown field.
        let other = if preset.widget == "hiring-timeline" {
            "owner-directory"
        } else {
            "hiring-timeline"
        };
        let (status, out) = check(manifest, &[&file, "--widget", other]);
        assert_eq!(status, 1, "{}: {out}", preset.name);
    }
}

#[test]
fn the_readme_mounts_are_examples_in_code() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (status, out) = check(manifest, &["README.md"]);
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        out,
        "handbook-widgets check: 0 widgets in 1 file: 0 valid, 0 with errors\n"
    );
}

#[test]
fn a_json_file_must_say_which_widget_it_is_for() {
    let repo = repository("unknown");
    let (status, out) = check(&repo, &["package.json"]);
    assert_eq!(status, 1);
    assert!(
        out.starts_with("package.json: which widget's data is this? Add \"$schema\""),
        "{out}"
    );
    assert!(out.contains("1 file could not be checked"), "{out}");
    std::fs::write(
        repo.join("named.json"),
        "{\n  \"$schema\": \"https://example.com/schema/hiring.json\",\n  \"title\": \"T\"\n}",
    )
    .unwrap();
    let (status, out) = check(&repo, &["named.json"]);
    assert_eq!(status, 1);
    assert!(
        out.starts_with("named.json:2:14: `$schema` \"https://example.com/schema/hiring.json\" is not a widget's schema"),
        "{out}"
    );
    // A near miss is a typo, even under a folder.
    std::fs::create_dir_all(repo.join("typo")).unwrap();
    std::fs::write(
        repo.join("typo/data.json"),
        "{ \"$schema\": \"../schema/hiring-timline.json\", \"title\": \"T\" }",
    )
    .unwrap();
    let (status, out) = check(&repo, &["typo"]);
    assert_eq!(status, 1);
    assert!(
        out.starts_with("typo/data.json:1:14: `$schema` \"../schema/hiring-timline.json\" is not a widget's schema: did you mean …/schema/hiring-timeline.json?"),
        "{out}"
    );
    let (status, out) = check(&repo, &["named.json", "--widget", "hiring-timeline"]);
    assert_eq!(status, 1);
    assert!(out.starts_with("named.json:1:1: The “hiring-timeline” widget could not be shown: Missing required field: missing field `variants`"), "{out}");
}

#[test]
fn json_output_has_every_finding_with_its_parts() {
    let repo = repository("json");
    let (status, out) = check(&repo, &["content", "--root", "static", "--format", "json"]);
    assert_eq!(status, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["files"], 3);
    assert_eq!(report["widgets"], 4);
    assert_eq!(report["valid"], 2);
    assert_eq!(report["invalid"], 1);
    assert_eq!(report["elsewhere"], 1);
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/team/hiring.md");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(84))
    );
    assert_eq!(first["widget"], "hiring-timeline");
    assert_eq!(first["kind"], "wrong-shape");
    assert_eq!(first["path"], "$.variants[0].stages[0].minutes");
    assert_eq!(
        first["detail"],
        "invalid type: string \"fifty\", expected u32"
    );
    assert_eq!(first["data"], "inline JSON");
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["error", "notice", "warning"]);
}

#[test]
fn github_output_is_workflow_commands() {
    let repo = repository("github");
    let (status, out) = check(&repo, &["content/team/hiring.md", "--format", "github"]);
    assert_eq!(status, 1);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=content/team/hiring.md,line=5,col=84,title=handbook-widgets%3A hiring-timeline::The “hiring-timeline” widget could not be shown: Wrong data shape"),
        "{first}"
    );
}

#[test]
fn a_wrong_command_line_exits_with_2() {
    let repo = repository("usage");
    for args in [
        &[][..],
        &["--format", "xml", "."],
        &["--widget", "timeline", "."],
        &["no-such-folder"],
    ] {
        let (status, out) = check(&repo, args);
        assert_eq!(status, 2, "{args:?}: {out}");
        assert!(
            out.contains("Usage: handbook-widgets check"),
            "{args:?}: {out}"
        );
    }
}
