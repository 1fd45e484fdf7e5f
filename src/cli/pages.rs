//! What `prerender` and `check` share: finding the widget mounts of HTML and Markdown pages,
//! reading each mount's data as the browser would, and saying where a problem is.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use handbook_widgets::components::error_title;
use handbook_widgets::model::limits::MAX_BYTES;
use handbook_widgets::model::{DataError, ErrorKind};
use handbook_widgets::runtime::placement::{placement, Placement};
use handbook_widgets::runtime::source::{missing_data, preset_json, widget};
use handbook_widgets::runtime::WIDGET_ATTR;
use handbook_widgets::widgets::{MountOptions, WidgetDef};
use html_escape::decode_html_entities;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::charset::{self, Charset};
use crate::files::{read_bytes, read_inside, Folders, PAGE_BYTES};
use crate::terminal::{self, clean};

/// One mount as found in a page.
#[derive(Default)]
pub struct Mount {
    /// Its attributes, in the page's order, character references decoded as the browser's
    /// parser decodes them (`hiring&#x2D;timeline` is `hiring-timeline`).
    pub attributes: Vec<(String, String)>,
    /// Byte offset of the mount's start tag.
    pub start: usize,
    /// Byte offset and text of its inline JSON, if it has any.
    pub inline: Option<(usize, String)>,
    /// Where the widget goes on its element (see [`placement`]).
    pub placement: Placement,
    /// Its element's name, in lower case.
    pub tag: String,
    /// The byte offset of the mount it is inside, whose widget hides it, if any.
    pub inside: Option<usize>,
    /// Whether it is a widget fence (```` ```hiring-timeline ````), and of what page.
    pub fenced: Fenced,
    /// A fence whose front matter (a directive whose options) cannot be read: where the text
    /// the error's line and column count from starts, and why.
    pub invalid: Option<(usize, DataError)>,
}

/// Whether a mount is a widget fence (see [`crate::fences`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fenced {
    /// A mount element (`data-hb-widget`).
    #[default]
    No,
    /// A fence of a source page: Markdown's, or reStructuredText's widget directive or
    /// `code-block`.
    Source,
    /// A fence as a built page holds it: its widget goes on the highlighter's wrapper that
    /// starts at [`Mount::start`], or, when `bare`, on a `div` before the `pre` that starts
    /// there.
    Html {
        /// No wrapper: the mount is the `pre` itself.
        bare: bool,
    },
}

impl Mount {
    /// The value of the attribute `name`, if the mount has it.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// The widget it names, trimmed ("" when none).
    pub fn widget_name(&self) -> String {
        self.attribute(WIDGET_ATTR)
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

/// Where a mount's data is, for messages and for positions in it.
pub enum Origin {
    /// Inline JSON starting at this byte offset of the page.
    Inline(usize),
    /// A file of the site.
    File(PathBuf),
    /// A preset of the bundle.
    Preset(String),
}

impl Origin {
    /// How the browser's error box names it: `inline JSON`, `preset "name"`; `None` for a file,
    /// whose own name starts the report.
    pub fn label(&self) -> Option<String> {
        match self {
            Self::Inline(_) => Some("inline JSON".to_owned()),
            Self::File(_) => None,
            Self::Preset(name) => Some(format!("preset \"{name}\"")),
        }
    }
}

/// The namespace of HTML elements, as lol_html names it.
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// How `data-src` addresses map to files, and which files may be read.
pub struct Site<'a> {
    /// The folder `data-src` paths starting with `/` are read from.
    pub root: PathBuf,
    /// The site's own address: a `data-src` starting with it is read from `root`.
    pub base_url: Option<&'a str>,
    /// The folders data files may be read from: `root`, the folder the command was pointed
    /// at, and those `--allow-data` names.
    pub folders: Folders,
}

/// What `prerender` and `check` are pointed at: the files and folders named, and how
/// `data-src` addresses map to files (`--root`, `--base-url`).
#[derive(Default)]
pub struct Inputs {
    /// The files and folders named, each of which exists.
    pub paths: Vec<PathBuf>,
    /// `--root`: where `data-src` paths starting with `/` are read from. Default: see
    /// [`Inputs::root_for`].
    pub root: Option<PathBuf>,
    /// `--base-url`: the site's own address, without a trailing `/`. Default: none.
    pub base_url: Option<String>,
    /// `--allow-data`: folders outside the site that data files may also be read from.
    /// Default: none.
    pub allowed: Vec<PathBuf>,
}

impl Inputs {
    /// Takes `arg` when it is `--root` or `--base-url` (and its value, from `rest`) or a path
    /// that exists; `Ok(false)` for any other option, which is the caller's to read.
    pub fn take<'a>(
        &mut self,
        arg: &str,
        rest: &mut impl Iterator<Item = &'a String>,
    ) -> Result<bool, String> {
        match arg {
            "--base-url" => {
                let url = rest.next().ok_or("--base-url needs a URL")?;
                self.base_url = Some(url.trim_end_matches('/').to_owned());
            }
            "--root" => {
                self.root = Some(PathBuf::from(rest.next().ok_or("--root needs a folder")?));
            }
            "--allow-data" => {
                let folder = PathBuf::from(rest.next().ok_or("--allow-data needs a folder")?);
                if !folder.is_dir() {
                    return Err(format!("--allow-data {}: no such folder", folder.display()));
                }
                self.allowed.push(folder);
            }
            flag if flag.starts_with('-') => return Ok(false),
            path => {
                let path = PathBuf::from(path);
                if !path.exists() {
                    return Err(format!("{} does not exist", path.display()));
                }
                self.paths.push(path);
            }
        }
        Ok(true)
    }

    /// The folder `data-src` paths starting with `/` are read from for `path`, one of
    /// [`Inputs::paths`]: `--root`, else the folder itself, else the current folder.
    pub fn root_for(&self, path: &Path) -> PathBuf {
        match &self.root {
            Some(root) => root.clone(),
            None if path.is_dir() => path.to_path_buf(),
            None => PathBuf::from("."),
        }
    }

    /// How `data-src` addresses map to files for `path`, one of [`Inputs::paths`], and which
    /// files may be read: under its root ([`Inputs::root_for`]), the folder itself and the
    /// folders `--allow-data` names.
    pub fn site_for(&self, path: &Path) -> Site<'_> {
        let root = self.root_for(path);
        let own = path.is_dir().then_some(path);
        let folders = Folders::new(
            std::iter::once(root.as_path())
                .chain(own)
                .chain(self.allowed.iter().map(PathBuf::as_path)),
        );
        Site {
            root,
            base_url: self.base_url.as_deref(),
            folders,
        }
    }
}

/// The files of `path` that `wanted` accepts when it is a folder ([`files_under`]), else
/// `path` itself.
pub fn files_of(path: &Path, wanted: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    if path.is_dir() {
        files_under(path, wanted)
    } else {
        vec![path.to_path_buf()]
    }
}

/// A file and, when known, a line and column in it (1-based, columns in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file, as named on the command line or found under a folder named there.
    pub file: PathBuf,
    /// The line, when known.
    pub line: Option<usize>,
    /// The column, when known.
    pub column: Option<usize>,
}

/// A page's text with where each of its lines starts, so that the lines and columns of any
/// number of offsets cost one pass over it (a page of 100,000 mounts, or of 100,000 on one
/// line, is not read 100,000 times).
pub struct Lines<'a> {
    text: &'a str,
    /// The byte offset of each line's start.
    starts: Vec<usize>,
    /// The last offset asked for and its column: the next one on the same line, further on,
    /// counts the characters from there.
    last: Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    /// The lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or_default();
        let (last, last_column) = self.last.get();
        let (from, column) = if last >= start && last <= offset {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = column + self.text.get(from..offset).map_or(0, |t| t.chars().count());
        self.last.set((offset, column));
        (line, column)
    }
}

impl Location {
    /// Byte `offset` of the text of `file`.
    pub fn at_offset(file: &Path, lines: &Lines<'_>, offset: usize) -> Self {
        let (line, column) = lines.line_column(offset);
        Self {
            file: file.to_path_buf(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// Where `error`'s line and column (counted in the JSON text) fall in `file`, when the
    /// JSON text is `file` itself (`start` is `None`) or starts at a byte offset of `file`,
    /// the page that holds it.
    pub fn of_json_error(
        file: &Path,
        start: Option<(&Lines<'_>, usize)>,
        error: &DataError,
    ) -> Self {
        let Some((lines, start)) = start else {
            return Self {
                file: file.to_path_buf(),
                line: error.line,
                column: error.line.and(error.column),
            };
        };
        let at = Self::at_offset(file, lines, start);
        let (Some(line), Some(column)) = (at.line, at.column) else {
            return at;
        };
        match (error.line, error.column) {
            (Some(1), Some(c)) => Self {
                column: Some(column + c - 1),
                ..at
            },
            (Some(l), c) => Self {
                line: Some(line + l - 1),
                column: c,
                ..at
            },
            _ => at,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", terminal::path(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// A mount whose widget cannot be shown, and why, in the browser's words.
pub struct Problem {
    /// Where: the value at fault, else the mount.
    pub location: Location,
    /// The widget the mount names.
    pub widget: String,
    /// What is wrong (its `origin` unset: see `data`).
    pub error: DataError,
    /// Where the data came from, when not from the file of `location`: `inline JSON`,
    /// `preset "name"`.
    pub data: Option<String>,
}

impl fmt::Display for Problem {
    /// `location: The “x” widget could not be shown: Headline: message (JSON path $.a, data
    /// inline JSON)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, clean(&self.headline()))?;
        let place = self.place();
        if !place.is_empty() {
            write!(f, " ({})", clean(&place))?;
        }
        Ok(())
    }
}

impl Problem {
    /// `The “x” widget could not be shown: Headline: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}: {}: {}",
            error_title(Some(&self.widget)),
            self.error.kind.headline(),
            self.error.message
        )
    }

    /// `JSON path $.a, data inline JSON`, or what part of it is known.
    pub fn place(&self) -> String {
        self.error
            .path
            .iter()
            .map(|p| format!("JSON path {p}"))
            .chain(self.data.iter().map(|o| format!("data {o}")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What became of checking one mount.
pub enum Checked {
    /// Its data renders: what it renders from.
    Valid {
        /// The widget.
        def: &'static WidgetDef,
        /// Its data.
        json: String,
        /// Where the data came from.
        origin: Origin,
        /// The mount's options.
        options: MountOptions,
    },
    /// It shows an error box in the browser.
    Invalid(Box<Problem>),
    /// Its `data-src` is on another site, which only the browser reads.
    Elsewhere {
        /// The mount.
        location: Location,
        /// The widget it names.
        widget: String,
    },
}

/// Reads `mount`'s data as the browser would (inline JSON, then `data-src`, then
/// `data-preset`) and renders its widget, natively, to see whether the browser would show an
/// error box instead. `html` is the text of `page`, where the mount is.
pub fn check_mount(mount: &Mount, lines: &Lines<'_>, page: &Path, site: &Site<'_>) -> Checked {
    let name = mount.widget_name();
    let at_mount = || Location::at_offset(page, lines, mount.start);
    let problem = |location: Location, error: DataError, data: Option<String>| {
        Checked::Invalid(Box::new(Problem {
            location,
            widget: name.clone(),
            error,
            data,
        }))
    };
    let def = match widget(&name) {
        Ok(def) => def,
        Err(e) => return problem(at_mount(), e, None),
    };
    if let Some((start, error)) = &mount.invalid {
        return problem(
            Location::of_json_error(page, Some((lines, *start)), error),
            error.clone(),
            Some(
                error
                    .origin
                    .clone()
                    .unwrap_or_else(|| "the fence's front matter".to_owned()),
            ),
        );
    }
    if let Placement::Refused(why) = mount.placement {
        let message = format!(
            "the mount is a <{}> element, so no widget can show in it: {why}",
            mount.tag
        );
        return problem(
            at_mount(),
            DataError::new(ErrorKind::Placement, message),
            None,
        );
    }
    if let Some(outer) = mount.inside {
        let at = Location::at_offset(page, lines, outer);
        let message = format!(
            "the mount is inside the mount at line {}, column {}, whose widget hides everything inside it; move it out",
            at.line.unwrap_or_default(),
            at.column.unwrap_or_default()
        );
        return problem(
            at_mount(),
            DataError::new(ErrorKind::Placement, message),
            None,
        );
    }
    let options = MountOptions::from_attributes(|a| mount.attribute(a));
    let (json, origin) = match data(mount, page, site) {
        Ok(Some(found)) => found,
        Ok(None) => {
            return Checked::Elsewhere {
                location: at_mount(),
                widget: name,
            }
        }
        Err(e) => return problem(at_mount(), e, None),
    };
    let json = match &origin {
        Origin::Preset(preset) => match preset_json(def, preset) {
            Ok(json) => json.as_deref().unwrap_or_default().to_owned(),
            Err(e) => return problem(at_mount(), e, None),
        },
        _ => json,
    };
    if let Err(e) = (def.render)(&json, &options) {
        let location = match &origin {
            Origin::Inline(offset) => Location::of_json_error(page, Some((lines, *offset)), &e),
            Origin::File(file) => Location::of_json_error(file, None, &e),
            Origin::Preset(_) => at_mount(),
        };
        return problem(location, e, origin.label());
    }
    Checked::Valid {
        def,
        json,
        origin,
        options,
    }
}

/// The mount's JSON text and where it came from; `None` when it is on another site.
fn data(
    mount: &Mount,
    page: &Path,
    site: &Site<'_>,
) -> Result<Option<(String, Origin)>, DataError> {
    if let Some((offset, text)) = &mount.inline {
        return Ok(Some((text.clone(), Origin::Inline(*offset))));
    }
    if let Some(src) = mount.attribute("data-src").filter(|s| !s.trim().is_empty()) {
        let src = src.trim();
        let local = match site.base_url {
            Some(base) if src.starts_with(base) => {
                Some(src.get(base.len()..).unwrap_or_default().to_owned())
            }
            _ if src.contains("://") || src.starts_with("//") => None,
            _ => Some(src.to_owned()),
        };
        let Some(local) = local else {
            return Ok(None);
        };
        let path = local.split(['?', '#']).next().unwrap_or_default();
        let file = match path.strip_prefix('/') {
            Some(from_root) => site.root.join(from_root),
            None => page.parent().unwrap_or(&site.root).join(path),
        };
        let text = read_inside(&file, &site.folders, MAX_BYTES).map_err(|refusal| {
            DataError::new(
                ErrorKind::Source,
                format!("data-src {src}: {} {refusal}", file.display()),
            )
        })?;
        return Ok(Some((text, Origin::File(file))));
    }
    match mount
        .attribute("data-preset")
        .filter(|s| !s.trim().is_empty())
    {
        Some(preset) => Ok(Some((
            String::new(),
            Origin::Preset(preset.trim().to_owned()),
        ))),
        None => Err(missing_data()),
    }
}

/// The text of a page named on the command line or found in a folder, if it is a regular file
/// of at most [`PAGE_BYTES`] in an encoding it declares or UTF-8, and that encoding, to write
/// it back in; otherwise why not (`cannot be read (…)`, `is not valid UTF-8 …`).
pub fn read_page(page: &Path) -> Result<(String, Charset), String> {
    let bytes = read_bytes(page, PAGE_BYTES).map_err(|refusal| refusal.to_string())?;
    charset::decode(&bytes, !is_markdown(page))
}

/// The page's mounts (elements and widget fences), in document order, and the `src` of its
/// handbook-widgets.js script.
/// Each mount's inline JSON is the first JSON script that is its own child, as the browser
/// runtime reads it, also when mounts are nested.
pub fn collect(
    html: &str,
) -> Result<(Vec<Mount>, Option<String>), lol_html::errors::RewritingError> {
    let mounts = RefCell::new(Vec::<Mount>::new());
    // The mounts open at this point of the page, innermost last; and whether the element the
    // handlers are at is inside a mount (lol_html's own reading of the page's nesting, which
    // knows the parser's implied end tags).
    let open = Rc::new(RefCell::new(Vec::<usize>::new()));
    let nested = Cell::new(false);
    let script = RefCell::new(None::<String>);
    let reading = Cell::new(None::<usize>);
    let widget_selector = format!("[{WIDGET_ATTR}]");
    let nested_selector = format!("[{WIDGET_ATTR}] [{WIDGET_ATTR}]");
    let inline_selector =
        format!("[{WIDGET_ATTR}] > script[type=\"application/json\"]:not([data-hb-prerendered])");
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                // Before the next one, which runs on the same elements after it.
                element!(nested_selector, |_| {
                    nested.set(true);
                    Ok(())
                }),
                element!(widget_selector, |el| {
                    let is_nested = nested.replace(false);
                    if !is_nested {
                        // Not inside a mount: any mount still taken as open was closed by an
                        // end tag the page left to the parser.
                        open.borrow_mut().clear();
                    }
                    let mut all = mounts.borrow_mut();
                    let index = all.len();
                    let outer = open.borrow().last().copied().or(index.checked_sub(1));
                    let inside = outer
                        .filter(|_| is_nested)
                        .and_then(|o| all.get(o))
                        .map(|m| m.start);
                    let tag = el.tag_name();
                    let html_namespace = el.namespace_uri() == HTML_NAMESPACE;
                    all.push(Mount {
                        attributes: el
                            .attributes()
                            .iter()
                            .map(|a| (a.name(), decode_html_entities(&a.value()).into_owned()))
                            .collect(),
                        start: el.source_location().bytes().start,
                        inline: None,
                        placement: placement(&tag, html_namespace),
                        tag,
                        inside,
                        ..Mount::default()
                    });
                    if let Some(handlers) = el.end_tag_handlers() {
                        open.borrow_mut().push(index);
                        let open = Rc::clone(&open);
                        let closed: lol_html::EndTagHandler<'static> = Box::new(move |_| {
                            open.borrow_mut().retain(|i| *i != index);
                            Ok(())
                        });
                        handlers.push(closed);
                    }
                    Ok(())
                }),
                element!(inline_selector, |_| {
                    // The script's parent is the innermost open mount; only its first inline
                    // script counts, as in the browser.
                    let parent = open.borrow().last().copied();
                    let mut all = mounts.borrow_mut();
                    let first = parent
                        .and_then(|p| all.get_mut(p))
                        .filter(|m| m.inline.is_none());
                    reading.set(first.is_some().then_some(parent).flatten());
                    if let Some(mount) = first {
                        mount.inline = Some((usize::MAX, String::new()));
                    }
                    Ok(())
                }),
                text!(inline_selector, |t| {
                    if let Some(parent) = reading.get() {
                        if let Some((offset, text)) = mounts
                            .borrow_mut()
                            .get_mut(parent)
                            .and_then(|m| m.inline.as_mut())
                        {
                            *offset = (*offset).min(t.source_location().bytes().start);
                            text.push_str(t.as_str());
                        }
                    }
                    Ok(())
                }),
                element!("script[src]", |el| {
                    if let Some(src) = el.get_attribute("src") {
                        if src
                            .split(['?', '#'])
                            .next()
                            .is_some_and(|p| p.ends_with("handbook-widgets.js"))
                        {
                            script.borrow_mut().get_or_insert(src);
                        }
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )?;
    let mut mounts = mounts.into_inner();
    let fences = crate::fences::in_html(html)?;
    if !fences.is_empty() {
        mounts.extend(fences);
        mounts.sort_by_key(|m| m.start);
    }
    Ok((mounts, script.into_inner()))
}

/// What Hugo's Markdown renderer writes where it drops raw HTML (its default, without
/// `markup.goldmark.renderer.unsafe = true`): a mount written as HTML in the source is gone.
pub const HUGO_DROPPED: &str = "<!-- raw HTML omitted -->";

/// The message for a built page where Hugo dropped raw HTML.
pub const HUGO_DROPPED_MESSAGE: &str = "Hugo left out raw HTML here (its Markdown renderer drops it unless markup.goldmark.renderer.unsafe = true), so a widget mount written as HTML in the source is not on this page: write the widget as a fence (```hiring-timeline) or allow raw HTML";

/// The byte offsets in a built page where Hugo dropped raw HTML.
pub fn hugo_dropped(html: &str) -> Vec<usize> {
    html.match_indices(HUGO_DROPPED).map(|(i, _)| i).collect()
}

/// Markdown text with its code (fenced and indented blocks, code spans) blanked out, byte for
/// byte and keeping line breaks, so that the HTML mounts in it can be found by [`collect`] at
/// their own offsets, and mounts shown as examples in code are not taken for real ones.
pub fn markdown_without_code(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut bytes = markdown.as_bytes().to_vec();
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
            for byte in bytes.get_mut(range).into_iter().flatten() {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
        }
    }
    // Only ASCII bytes were written over whole ranges of the text, so it stays UTF-8; were it
    // not, the page would be read with its code.
    String::from_utf8(bytes).unwrap_or_else(|_| markdown.to_owned())
}

/// Whether `path` is a Markdown page, by its extension.
pub fn is_markdown(path: &Path) -> bool {
    has_extension(path, &["md", "markdown", "mdx"])
}

/// Whether `path` is a reStructuredText page (Sphinx's), by its extension.
pub fn is_rst(path: &Path) -> bool {
    has_extension(path, &["rst"])
}

/// Whether `path` is an HTML page, by its extension.
pub fn is_html(path: &Path) -> bool {
    has_extension(path, &["html", "htm"])
}

/// Whether `path`'s extension is one of `extensions` (ASCII case ignored).
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Every file under `folder` that `wanted` accepts, in a stable order, without following
/// links and without entering hidden folders, `node_modules` or `target`.
pub fn files_under(folder: &Path, wanted: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                if !name.starts_with('.') && name != "node_modules" && name != "target" {
                    pending.push(path);
                }
            } else if kind.is_file() && wanted(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
