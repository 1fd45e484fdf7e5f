//! `import`: draft widget data from a handbook page's Markdown, on standard output, with what
//! was guessed and what could not be read on standard error.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use handbook_widgets::import::{import, WIDGETS};

use crate::pages::read_page;
use crate::terminal::{clean, clean_json};

/// What `handbook-widgets import --help` prints.
pub const HELP: &str = "\
Usage: handbook-widgets import <widget> <page.md> [--section HEADING] [--fence]

Drafts a widget's data from a handbook page written in Markdown (or reStructuredText: a .rst
page, or a .txt one with RST titles) and prints the JSON on standard output:
  hiring-timeline       the stages of a hiring process, one per list item: the length, who
                        runs it, how it happens and whether it is optional, read from the
                        item's words (\"a 25-minute call with a recruiter\", \"for 45m\", \"may be
                        asked to\"); one variant per \"… Hiring Process\" section
  level-comparison      one level per heading under \"Levels\": its prose as the summary, its
                        sub-headings as sections, \"Job Grade\" as the grade, \"Career Ladder\" as
                        the next step, requirements that count years as the experience
  owner-directory       the team from a \"Who we are\" list (\"Name: Title\", \"led by Name\") and
                        the programs from a list (\"(Owner) Program: what it is\", nested links,
                        \"Process to be added\") or a table with an Owner column
  onboarding-checklist  one phase per heading under \"Onboarding\" (\"First Week\", \"Day 1\"): its
                        \"Objective:\", \"Training focus:\" and nested or task lists, a label
                        before a list (\"Team:\") as a parent item, \"Optionally …\" as optional,
                        \"Manager: …\" as the owner

It reads the section whose heading contains HEADING (any case); without --section, the
widget's usual headings (\"Hiring process\", \"Levels\", \"Programs\", \"Onboarding\", …), else
the whole page.

What it guessed and what it could not read are listed on standard error, for review. It never
writes what the page does not say: a stage whose length the page does not give has none, a
program whose owner it does not name has none. The draft passes the widget's own check
(handbook-widgets check) before it is printed.

--fence prints the draft as a fenced code block to paste into a Markdown page (```hiring-timeline
and the JSON), which the widgets' script renders where the page shows it.

  handbook-widgets import hiring-timeline content/hiring.md > data/hiring.hiring-timeline.json
  handbook-widgets import hiring-timeline content/hiring.md --fence >> content/hiring.md
";

/// Runs `handbook-widgets import` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let mut positional = Vec::new();
    let mut section = None;
    let mut fenced = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--fence" => fenced = true,
            "--section" => match args.next() {
                Some(heading) => section = Some(heading.clone()),
                None => return usage("--section needs a heading's words"),
            },
            flag if flag.starts_with('-') => return usage(&format!("unknown option `{flag}`")),
            other => positional.push(other.to_owned()),
        }
    }
    let [widget, page] = positional.as_slice() else {
        return usage("name a widget and a page");
    };
    if !WIDGETS.contains(&widget.as_str()) {
        return usage(&format!(
            "import drafts data for {}, not `{widget}`",
            WIDGETS.join(", ")
        ));
    }
    let text = match read_page(Path::new(page)) {
        Ok((text, _)) => text,
        Err(why) => {
            eprintln!("handbook-widgets import: {} {why}", clean(page));
            return ExitCode::FAILURE;
        }
    };
    let name = Path::new(page)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match import(widget, &name, &text, section.as_deref()) {
        Ok(draft) => {
            let mut err = String::new();
            for (heading, lines) in [
                ("guessed", &draft.notes.guessed),
                ("not read", &draft.notes.unread),
            ] {
                if !lines.is_empty() {
                    err.push_str(&format!("{}: {heading}:\n", clean(page)));
                    for line in lines {
                        err.push_str(&format!("  - {}\n", clean(line)));
                    }
                }
            }
            let _ = std::io::stderr().write_all(err.as_bytes());
            let pretty = serde_json::to_string_pretty(&draft.json).unwrap_or_default();
            let json = clean_json(&pretty);
            let out = if fenced {
                fence(widget, &json)
            } else {
                json.into_owned()
            };
            let _ = writeln!(std::io::stdout(), "{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!(
                "handbook-widgets import: {}: {}",
                clean(page),
                clean(&message)
            );
            ExitCode::FAILURE
        }
    }
}

/// `json` as a widget fence: longer backtick runs than any in the JSON, so none of them can
/// close it.
fn fence(widget: &str, json: &str) -> String {
    let longest = json
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let ticks = "`".repeat(longest.max(2) + 1);
    format!("{ticks}{widget}\n{json}\n{ticks}")
}

fn usage(message: &str) -> ExitCode {
    eprint!("handbook-widgets import: {}\n\n{HELP}", clean(message));
    ExitCode::from(2)
}
