//! `handbook-widgets`, the command-line program: the widgets' own model and components, run at
//! build time. One subcommand a file: `prerender` (prerender.rs); `stylesheet` prints the CSS.

mod prerender;
mod ssr;

use std::process::ExitCode;

const USAGE: &str = "\
handbook-widgets: interactive widgets for company handbooks, at build time.

Usage:
  handbook-widgets prerender <folder or page>... [--base-url URL] [--stylesheet URL] [--strict]
      Writes every [data-hb-widget] mount's rendered widget into the built HTML pages, so
      that it shows before any script runs and without JavaScript. Run it after the site
      generator, on its output folder. See `handbook-widgets prerender --help`.
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
        Some("prerender") => prerender::run(rest),
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
            eprint!("handbook-widgets: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
