//! `handbook-widgets`, the command-line program: the widgets' own model and components, run at
//! build time and in a handbook's CI. One subcommand a file: `check` (check.rs), `import`
//! (import.rs, over the library's import/), `prerender` (prerender.rs), `schema` (schema.rs), with what they share in pages.rs, files.rs (reading a site's files safely) and terminal.rs (printing what data says safely); `stylesheet` prints
//! the CSS.

mod charset;
mod check;
mod fences;
mod files;
mod import;
mod pages;
mod prerender;
mod schema;
mod ssr;
mod terminal;

use std::process::ExitCode;

const USAGE: &str = "\
handbook-widgets: interactive widgets for company handbooks, at build time.

Usage:
  handbook-widgets prerender <folder or page>... [--base-url URL] [--stylesheet URL] [--strict]
      Writes every [data-hb-widget] mount's rendered widget into the built HTML pages, so
      that it shows before any script runs and without JavaScript. Run it after the site
      generator, on its output folder. See `handbook-widgets prerender --help`.
  handbook-widgets check <file or folder>... [--widget NAME] [--format text|json|github]
      Checks widget data in JSON files and in the mounts of HTML and Markdown pages, and
      prints each problem as `file:line:column: message (JSON path)`; exits with status 1 on
      any error. See `handbook-widgets check --help`.
  handbook-widgets import <widget> <page.md> [--section HEADING]
      Drafts a widget's data from a handbook page's Markdown, saying on standard error what
      it guessed and what it could not read. See `handbook-widgets import --help`.
  handbook-widgets schema <widget> | --out <folder>
      Prints a widget's JSON Schema (draft 2020-12), for editors and other tools; with --out,
      writes every widget's into a folder.
  handbook-widgets stylesheet [--static | --widget NAME]
      Prints the widgets' stylesheet, handbook-widgets.css, which the runtime loads and
      pre-rendered pages link to; with --static, handbook-widgets-static.css, which they load
      when scripts are off; with --widget, hb-NAME.css, the stylesheet of that widget's own
      runtime (`./dev embed` writes them all beside the bundle).
  handbook-widgets --version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("check") => check::run(rest),
        Some("import") => import::run(rest),
        Some("prerender") => prerender::run(rest),
        Some("schema") => schema::run(rest),
        Some("stylesheet") => {
            use handbook_widgets::widgets::WIDGET_NAMES;
            match rest {
                [] => {
                    print!("{}", handbook_widgets::runtime::stylesheet(WIDGET_NAMES));
                    ExitCode::SUCCESS
                }
                [flag] if flag == "--static" => {
                    print!(
                        "{}",
                        handbook_widgets::runtime::compact(handbook_widgets::runtime::STATIC_CSS)
                    );
                    ExitCode::SUCCESS
                }
                [flag, name] if flag == "--widget" && WIDGET_NAMES.contains(&name.as_str()) => {
                    print!(
                        "{}",
                        handbook_widgets::runtime::stylesheet(&[name.as_str()])
                    );
                    ExitCode::SUCCESS
                }
                _ => {
                    eprint!(
                        "handbook-widgets stylesheet: takes --static, or --widget and one of {}\n\n{USAGE}",
                        WIDGET_NAMES.join(", ")
                    );
                    ExitCode::from(2)
                }
            }
        }
        Some("--version" | "-V") => {
            println!("handbook-widgets {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprint!(
                "handbook-widgets: unknown command `{}`\n\n{USAGE}",
                terminal::clean(other)
            );
            ExitCode::from(2)
        }
        None => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
