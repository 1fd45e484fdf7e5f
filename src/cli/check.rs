//! `check`: validates widget data where a handbook keeps it (JSON files, and HTML or Markdown
//! pages with mounts) and reports each problem in the browser's words, as
//! `file:line:column: message (JSON path)`, as JSON, or as GitHub annotations.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use handbook_widgets::model::json::{locate_error, SCHEMA_KEY};
use handbook_widgets::model::limits::MAX_BYTES;
use handbook_widgets::model::{DataError, ErrorKind};
use handbook_widgets::widgets::{find_widget, MountOptions, WidgetDef, WIDGET_NAMES};
use serde_json::{json, Value};

use crate::files::{read_regular, Refusal};
use crate::pages::{
    check_mount, collect, files_of, has_extension, hugo_dropped, is_html, is_markdown, is_rst,
    markdown_without_code, read_page, Checked, Fenced, Inputs, Lines, Location, Origin, Problem,
    Site, HUGO_DROPPED_MESSAGE,
};
use crate::terminal::{clean, clean_json};

/// `writeln!` into a `String`, which cannot fail.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

/// What `handbook-widgets check --help` prints.
pub const HELP: &str = "\
Usage: handbook-widgets check <file or folder>... [options]

Checks widget data as the browser would read it, without a browser:
  - JSON files of widget data. The widget is the one --widget names, else the one the file's
    \"$schema\" names (…/schema/<widget>.json), else the one its name ends with
    (hiring.hiring-timeline.json, or hiring-timeline.json). Under a folder, JSON files that
    name no widget are not widget data and are passed over.
  - HTML and Markdown pages (.html, .htm, .md, .markdown, .mdx): every [data-hb-widget] mount
    and widget fence (```hiring-timeline), with its inline JSON, data-src file or data-preset.
    Mounts inside Markdown code are examples and are passed over.
  - reStructuredText pages (.rst, Sphinx's): every widget directive (.. hiring-timeline::) and
    code block in a widget's name (.. code-block:: hiring-timeline).
Folders are searched recursively (not hidden folders, node_modules or target).

Each problem is printed as `file:line:column: message (JSON path …)`, in the words of the
widget's error box, then a summary line. The exit status is 1 when any widget's data has an
error, 2 when the command line is wrong, else 0 (warnings and notes do not fail).

Options:
  --widget NAME      the widget of the JSON files named (hiring-timeline, level-comparison,
                     owner-directory, onboarding-checklist)
  --format FORMAT    text (default), json (one JSON document, for tools), or github (workflow
                     commands, which GitHub Actions shows as annotations on the lines)
  --root FOLDER      where data-src paths starting with / are read from (default: each folder
                     named; for a file named on its own, the current folder); for a Hugo site,
                     say, --root static
  --base-url URL     the site's address: a data-src starting with it is read from --root
  --allow-data FOLDER  one more folder data-src files may be read from; only regular files
                     inside --root or the folder named are read, after every symbolic link
                     is resolved
  -h, --help         this text

A data-src on another site is not fetched; it is noted and left to the browser. A relative
data-src in a Markdown page is read from beside the page's source file.
";

/// How findings are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Github,
}

/// What the command line asked for.
struct Options {
    inputs: Inputs,
    widget: Option<&'static WidgetDef>,
    format: Format,
}

/// How much a finding matters: only errors fail the check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    fn key(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "notice",
        }
    }
}

/// One thing to report.
struct Finding {
    severity: Severity,
    location: Location,
    /// The widget, when known.
    widget: Option<String>,
    /// The data error behind an error, for the JSON output.
    error: Option<DataError>,
    /// Where the data came from, when not from the file of `location`.
    data: Option<String>,
    /// The sentence printed after the location.
    text: String,
}

impl Finding {
    fn from_problem(problem: &Problem) -> Self {
        let place = problem.place();
        Self {
            severity: Severity::Error,
            location: problem.location.clone(),
            widget: Some(problem.widget.clone()),
            error: Some(problem.error.clone()),
            data: problem.data.clone(),
            text: if place.is_empty() {
                problem.headline()
            } else {
                format!("{} ({place})", problem.headline())
            },
        }
    }

    fn other(severity: Severity, location: Location, widget: Option<&str>, text: String) -> Self {
        Self {
            severity,
            location,
            widget: widget.map(str::to_owned),
            error: None,
            data: None,
            text,
        }
    }
}

/// What the check found, for the summary line.
#[derive(Default)]
struct Report {
    findings: Vec<Finding>,
    files: usize,
    widgets: usize,
    invalid: usize,
    elsewhere: usize,
    /// Files that could not be read, parsed or told apart.
    unchecked: usize,
}

impl Report {
    fn problem(&mut self, problem: &Problem) {
        self.invalid += 1;
        self.findings.push(Finding::from_problem(problem));
    }

    /// A file that cannot be checked at all, and why.
    fn unchecked(&mut self, file: &Path, why: String) {
        let at = Location {
            file: file.to_path_buf(),
            line: None,
            column: None,
        };
        self.unchecked_at(at, why);
    }

    /// A file that cannot be checked, for a reason at `at`.
    fn unchecked_at(&mut self, at: Location, why: String) {
        self.unchecked += 1;
        self.findings
            .push(Finding::other(Severity::Error, at, None, why));
    }

    /// Whether anything failed the check.
    fn failed(&self) -> bool {
        self.invalid + self.unchecked > 0
    }
}

/// Runs `handbook-widgets check` with the arguments after the subcommand; the exit status is 1
/// when any widget's data has an error.
pub fn run(args: &[String]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprint!("handbook-widgets check: {}\n\n{HELP}", clean(&message));
            return ExitCode::from(2);
        }
    };
    let mut report = Report::default();
    // Data files read through a page's data-src, not to be checked (and reported) again.
    let mut read = HashSet::new();
    let mut json_files = Vec::new();
    for input in &options.inputs.paths {
        let site = options.inputs.site_for(input);
        let named = !input.is_dir();
        for file in files_of(input, |p| {
            is_html(p) || is_markdown(p) || is_rst(p) || has_extension(p, &["json"])
        }) {
            if has_extension(&file, &["json"]) {
                json_files.push((file, named));
            } else {
                check_page(&file, &site, &mut report, &mut read);
            }
        }
    }
    // A file named on its own and found under a folder named too is checked once, as named.
    let mut once = HashSet::new();
    json_files.sort_by_key(|(_, named)| !named);
    json_files.retain(|(file, _)| once.insert(std::fs::canonicalize(file).unwrap_or(file.clone())));
    for (file, named) in json_files {
        let seen = std::fs::canonicalize(&file).is_ok_and(|f| read.contains(&f));
        if !seen {
            check_data_file(&file, named, options.widget, &mut report);
        }
    }
    // A closed pipe (`| head`) is no reason for a message.
    let _ = std::io::stdout().write_all(output(&report, options.format).as_bytes());
    if report.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        inputs: Inputs::default(),
        widget: None,
        format: Format::Text,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--widget" => {
                let name = args.next().ok_or("--widget needs a widget's name")?;
                options.widget = Some(find_widget(name).ok_or_else(|| {
                    format!(
                        "no widget is called `{name}` (widgets: {})",
                        WIDGET_NAMES.join(", ")
                    )
                })?);
            }
            "--format" => {
                options.format = match args.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("github") => Format::Github,
                    _ => return Err("--format takes text, json or github".to_owned()),
                };
            }
            other => {
                if !options.inputs.take(other, &mut args)? {
                    return Err(format!("unknown option `{other}`"));
                }
            }
        }
    }
    if options.inputs.paths.is_empty() {
        return Err("name the files or folders to check".to_owned());
    }
    Ok(Some(options))
}

/// Checks every mount of an HTML or Markdown page.
fn check_page(page: &Path, site: &Site<'_>, report: &mut Report, read: &mut HashSet<PathBuf>) {
    report.files += 1;
    let text = match read_page(page) {
        Ok((text, _)) => text,
        Err(why) => return report.unchecked(page, format!("the page {why}")),
    };
    let markdown = is_markdown(page);
    let rst = is_rst(page);
    // reStructuredText's widgets are its directives (HTML in it is only in raw directives).
    let scanned = if markdown {
        markdown_without_code(&text)
    } else if rst {
        String::new()
    } else {
        text.clone()
    };
    let mut mounts = match collect(&scanned) {
        Ok((mounts, _)) => mounts,
        Err(e) => {
            return report.unchecked(page, format!("the page cannot be parsed as HTML ({e})"))
        }
    };
    let first = report.findings.len();
    let mut data_files = Vec::new();
    let lines = Lines::new(&text);
    // Widgets written as fenced code blocks, their data at its place in the page.
    if markdown {
        mounts.extend(crate::fences::in_markdown(&text));
        mounts.sort_by_key(|m| m.start);
    } else if rst {
        mounts = crate::fences::in_rst(&text);
    }
    for mount in &mounts {
        report.widgets += 1;
        match check_mount(mount, &lines, page, site) {
            Checked::Valid { origin, .. } => {
                if let Origin::File(file) = origin {
                    data_files.push(file);
                }
            }
            Checked::Invalid(problem) => {
                if problem.location.file != page {
                    data_files.push(problem.location.file.clone());
                }
                report.problem(&problem);
            }
            Checked::Elsewhere { location, widget } => {
                report.elsewhere += 1;
                report.findings.push(Finding::other(
                    Severity::Note,
                    location,
                    Some(&widget),
                    format!("the “{widget}” widget's data-src is on another site and is not checked here (give --base-url and --root if it is this site)"),
                ));
            }
        }
        if let (true, Fenced::No, Some((offset, json))) = (markdown, mount.fenced, &mount.inline) {
            if let Some(blank) = blank_line(json) {
                report.findings.push(Finding::other(
                    Severity::Warning,
                    Location::at_offset(page, &lines, offset + blank),
                    Some(&mount.widget_name()),
                    "a blank line inside a mount ends the HTML block in CommonMark Markdown (Hugo, GitHub, markdown-it, …), which then renders the rest of the JSON as Markdown: remove the blank lines".to_owned(),
                ));
            }
        }
    }
    if !markdown && !rst {
        for offset in hugo_dropped(&text) {
            report.findings.push(Finding::other(
                Severity::Warning,
                Location::at_offset(page, &lines, offset),
                None,
                HUGO_DROPPED_MESSAGE.to_owned(),
            ));
        }
    }
    // Each data file read through a data-src counts once, and is not checked on its own again.
    for file in data_files {
        if std::fs::canonicalize(file).is_ok_and(|file| read.insert(file)) {
            report.files += 1;
        }
    }
    // The page's own findings in the order of its lines (a data file's come after them).
    if let Some(found) = report.findings.get_mut(first..) {
        found.sort_by_key(|f| (f.location.file != page, f.location.line, f.location.column));
    }
}

/// The byte offset of the first blank line inside `text` (not before or after its content).
fn blank_line(text: &str) -> Option<usize> {
    let content = text.trim();
    let start = text.find(content)?;
    let mut offset = start;
    for line in content.split_inclusive('\n') {
        if line.trim().is_empty() {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Checks a JSON file of widget data; `named` when it was named on the command line, so that
/// not knowing its widget is an error rather than a sign that it is some other JSON.
fn check_data_file(
    file: &Path,
    named: bool,
    flag: Option<&'static WidgetDef>,
    report: &mut Report,
) {
    let text = match read_regular(file, MAX_BYTES) {
        Ok(text) => text,
        // Under a folder, a file that names no widget and is too large or not UTF-8 for
        // widget data is some other data (an export, notes in Latin-1): passed over.
        Err(refusal)
            if !named
                && flag.is_none()
                && widget_by_name(file).is_none()
                && is_other_data(&refusal) =>
        {
            return
        }
        Err(refusal) => {
            report.files += 1;
            return report.unchecked(file, format!("{} {refusal}", file.display()));
        }
    };
    let def = match flag {
        Some(def) => def,
        None => match widget_of(file, &text) {
            Ok(Some(def)) => def,
            Ok(None) if !named => return,
            Ok(None) => {
                report.files += 1;
                report.unchecked(
                    file,
                    format!(
                        "which widget's data is this? Add \"$schema\": \"…/schema/<widget>.json\", name the file <name>.<widget>.json, or give --widget (widgets: {})",
                        WIDGET_NAMES.join(", ")
                    ),
                );
                return;
            }
            // Under a folder, a "$schema" far from any widget's is some other tool's file.
            Err((_, false)) if !named => return,
            Err((error, _)) => {
                report.files += 1;
                let at = Location::of_json_error(file, None, &error);
                return report.unchecked_at(at, error.message);
            }
        },
    };
    report.files += 1;
    report.widgets += 1;
    if let Err(error) = (def.render)(&text, &MountOptions::default()) {
        report.problem(&Problem {
            location: Location::of_json_error(file, None, &error),
            widget: def.name.to_owned(),
            error,
            data: None,
        });
    }
}

/// The widget a data file names in its `$schema`, else in its file name; `None` when it names
/// none; an error when its `$schema` names something that is not a widget's schema, with
/// whether that name is close to a widget's (a typo rather than another tool's schema).
fn widget_of(file: &Path, text: &str) -> Result<Option<&'static WidgetDef>, (DataError, bool)> {
    let schema = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get(SCHEMA_KEY)?.as_str().map(str::to_owned));
    if let Some(schema) = schema {
        let last = schema
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let name = last.strip_suffix(".json").unwrap_or(last);
        let name = name.strip_suffix(".schema").unwrap_or(name);
        let close = WIDGET_NAMES.iter().find(|w| distance(name, w) <= 3);
        return match find_widget(name) {
            Some(def) => Ok(Some(def)),
            None => Err((
                locate_error(
                    text,
                    DataError::new(
                        ErrorKind::Invalid,
                        match close {
                            Some(w) => format!(
                                "`$schema` \"{schema}\" is not a widget's schema: did you mean …/schema/{w}.json?"
                            ),
                            None => format!(
                                "`$schema` \"{schema}\" is not a widget's schema: it should end in /schema/<widget>.json, one of {}",
                                WIDGET_NAMES.join(", ")
                            ),
                        },
                    )
                    .at("$.$schema"),
                ),
                close.is_some(),
            )),
        };
    }
    Ok(widget_by_name(file))
}

/// The widget a data file's name ends with (`hiring.hiring-timeline.json`), if any; a name
/// that is not UTF-8 is read with its undecodable bytes replaced, so it is not passed over.
fn widget_by_name(file: &Path) -> Option<&'static WidgetDef> {
    let stem = file.file_stem()?.to_string_lossy();
    WIDGET_NAMES
        .iter()
        .find(|name| stem == **name || stem.ends_with(&format!(".{name}")))
        .and_then(|name| find_widget(name))
}

/// Whether a file was not read for being too large or not UTF-8 (rather than outside the
/// site, not a regular file, or unreadable): what other JSON of a site may be.
fn is_other_data(refusal: &Refusal) -> bool {
    match refusal {
        Refusal::TooLarge(_) => true,
        Refusal::Io(e) => e.kind() == std::io::ErrorKind::InvalidData,
        _ => false,
    }
}

/// The edit distance between two short names (Levenshtein, by characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or_default();
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or_default();
            let left = row.get(j).copied().unwrap_or_default();
            let value = (above + 1)
                .min(left + 1)
                .min(previous + usize::from(ca != *cb));
            previous = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(report: &Report) -> String {
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let valid = report
        .widgets
        .saturating_sub(report.invalid + report.elsewhere);
    let mut line = format!(
        "handbook-widgets check: {} in {}: {} valid, {} with errors",
        plural(report.widgets, "widget", "widgets"),
        plural(report.files, "file", "files"),
        valid,
        report.invalid
    );
    if report.elsewhere > 0 {
        line.push_str(&format!(
            ", {} left to the browser (data on another site)",
            report.elsewhere
        ));
    }
    if report.unchecked > 0 {
        line.push_str(&format!(
            "; {} could not be checked",
            plural(report.unchecked, "file", "files")
        ));
    }
    if warnings > 0 {
        line.push_str(&format!("; {}", plural(warnings, "warning", "warnings")));
    }
    line
}

/// Everything printed on standard output: the findings and the summary line, as `format` asks.
fn output(report: &Report, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text => {
            for f in &report.findings {
                match f.severity {
                    Severity::Error => outln!(out, "{}: {}", f.location, clean(&f.text)),
                    other => {
                        outln!(out, "{}: {}: {}", f.location, other.key(), clean(&f.text))
                    }
                }
            }
            outln!(out, "{}", summary(report));
        }
        Format::Github => {
            for f in &report.findings {
                let mut properties = vec![format!(
                    "file={}",
                    property(&clean(&f.location.file.display().to_string()))
                )];
                if let Some(line) = f.location.line {
                    properties.push(format!("line={line}"));
                }
                if let Some(column) = f.location.column {
                    properties.push(format!("col={column}"));
                }
                if let Some(widget) = &f.widget {
                    properties.push(format!(
                        "title={}",
                        property(&format!("handbook-widgets: {}", clean(widget)))
                    ));
                }
                outln!(
                    out,
                    "::{} {}::{}",
                    f.severity.key(),
                    properties.join(","),
                    message(&clean(&f.text))
                );
            }
            outln!(out, "{}", summary(report));
        }
        Format::Json => {
            let findings: Vec<Value> = report.findings.iter().map(finding_json).collect();
            let valid = report
                .widgets
                .saturating_sub(report.invalid + report.elsewhere);
            let document = json!({
                "files": report.files,
                "widgets": report.widgets,
                "valid": valid,
                "invalid": report.invalid,
                "elsewhere": report.elsewhere,
                "unchecked": report.unchecked,
                "findings": findings,
                "summary": summary(report),
            });
            let document = serde_json::to_string_pretty(&document).unwrap_or_default();
            outln!(out, "{}", clean_json(&document));
        }
    }
    out
}

fn finding_json(f: &Finding) -> Value {
    let mut out = json!({
        "severity": f.severity.key(),
        "file": f.location.file.display().to_string(),
        "line": f.location.line,
        "column": f.location.column,
        "widget": f.widget,
        "message": f.text,
    });
    if let (Some(map), Some(error)) = (out.as_object_mut(), &f.error) {
        map.insert("kind".into(), json!(error.kind.key()));
        map.insert("headline".into(), json!(error.kind.headline()));
        map.insert("detail".into(), json!(error.message));
        map.insert("path".into(), json!(error.path));
        map.insert("data".into(), json!(f.data));
    }
    out
}

/// A GitHub workflow command's message, escaped.
fn message(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A GitHub workflow command's property value, escaped.
fn property(text: &str) -> String {
    message(text).replace(':', "%3A").replace(',', "%2C")
}
