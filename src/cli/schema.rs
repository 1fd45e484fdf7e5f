//! `schema`: prints a widget's JSON Schema, or writes every widget's into a folder.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use handbook_widgets::widgets::{find_widget, WIDGETS};

/// What `handbook-widgets schema --help` prints.
pub const HELP: &str = "\
Usage: handbook-widgets schema <widget>
       handbook-widgets schema --out <folder>

Prints the JSON Schema (draft 2020-12) of a widget's data: hiring-timeline, level-comparison,
owner-directory or onboarding-checklist. With --out, writes <folder>/<widget>.json for every
widget (./dev embed ships them as schema/ beside the bundle).

A data file that names its schema gets completion and checks in editors such as VS Code:
  { \"$schema\": \"https://example.com/widgets/schema/hiring-timeline.json\", \"title\": … }
";

/// Runs `handbook-widgets schema` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    match args {
        [flag] if flag == "-h" || flag == "--help" => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        [flag, folder] if flag == "--out" => write_all(&PathBuf::from(folder)),
        [name] => match find_widget(name) {
            Some(def) => {
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = writeln!(std::io::stdout(), "{}", pretty(&(def.schema)(def.name)));
                ExitCode::SUCCESS
            }
            None => usage(&format!("no widget is called `{name}`")),
        },
        _ => usage("name one widget, or give --out and a folder"),
    }
}

fn write_all(folder: &std::path::Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!(
            "handbook-widgets schema: {} cannot be made ({e})",
            folder.display()
        );
        return ExitCode::FAILURE;
    }
    for def in WIDGETS {
        let file = folder.join(format!("{}.json", def.name));
        if let Err(e) = std::fs::write(&file, pretty(&(def.schema)(def.name)) + "\n") {
            eprintln!(
                "handbook-widgets schema: {} cannot be written ({e})",
                file.display()
            );
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default()
}

fn usage(message: &str) -> ExitCode {
    let names: Vec<&str> = WIDGETS.iter().map(|w| w.name).collect();
    eprint!(
        "handbook-widgets schema: {} (widgets: {})\n\n{HELP}",
        crate::terminal::clean(message),
        names.join(", ")
    );
    ExitCode::from(2)
}
