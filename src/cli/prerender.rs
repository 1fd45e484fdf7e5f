//! `prerender`: writes into every `[data-hb-widget]` mount and widget fence of built HTML pages
//! the widget's server-rendered HTML, in a declarative shadow root with the stylesheet beside
//! the bundle, so that the page shows the widget before any script runs and without
//! JavaScript. Nothing else is added to a mount's light DOM, which a framework (React, Vue) may
//! hydrate. Running it again replaces its own output. A mount whose data is wrong is reported
//! and left as it was.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use handbook_widgets::model::fence;
use handbook_widgets::runtime::placement::Placement;
use handbook_widgets::runtime::WIDGET_ATTR;
use handbook_widgets::widgets::{preset_text, presets_used, WIDGET_NAMES};
use lol_html::html_content::ContentType;
use lol_html::{element, end, rewrite_str, RewriteStrSettings};

use crate::charset::{script_json, Charset};
use crate::pages::{
    check_mount, collect, files_of, hugo_dropped, is_html, read_page, Checked, Fenced, Inputs,
    Lines, Location, Mount, Origin, Site, HUGO_DROPPED_MESSAGE,
};
use crate::ssr::render_mount;
use crate::terminal::{self, clean};

const HELP: &str = "\
Usage: handbook-widgets prerender <folder or page>... [options]

Pre-renders every [data-hb-widget] mount and every widget fence (```hiring-timeline, as the
site generator's highlighter wrote it) in the HTML pages of each folder (searched
recursively; run it on a site generator's output) or in each page named. Data comes from the
mount as in the browser: inline JSON or the fence's code, data-src (a path relative to the
page, or to the folder for one starting with /) or data-preset. The widget's HTML goes into a
declarative shadow root (on a fence's outermost wrapper) with a <link> to handbook-widgets.css
beside the page's handbook-widgets.js; data from data-src or a preset is copied into that
shadow root, so the browser does not fetch it again. Pages are rewritten in place; running it
twice gives the same pages.

Options:
  --base-url URL     the site's address: a data-src starting with it is read from the folder
  --root FOLDER      the site's folder, for data-src paths starting with / (default: each folder
                     named; for a page named on its own, the current folder)
  --allow-data FOLDER  one more folder data-src files may be read from; only regular files
                     inside the site's folder (--root, else the folder named) are read,
                     after every symbolic link is resolved
  --stylesheet URL   the stylesheet's address (default: beside the handbook-widgets.js script)
  --strict           exit with status 1 when any mount could not be pre-rendered
  -h, --help         this text

Each mount that cannot be pre-rendered is reported as `file:line:column: message`, in the
words of the browser's error box, and left as it was.
";

/// What the command line asked for.
struct Options {
    inputs: Inputs,
    stylesheet: Option<String>,
    strict: bool,
}

/// What became of one mount.
enum Outcome {
    /// Pre-rendered: what goes first into the mount.
    Rendered(String),
    /// Left as it was, with why (an error).
    Failed(String),
    /// Left as it was on purpose (a note): data from another site.
    Skipped(String),
}

/// Totals for the summary line.
#[derive(Default)]
struct Totals {
    pages: usize,
    changed: usize,
    rendered: usize,
    failed: usize,
    skipped: usize,
    /// Places where Hugo dropped raw HTML.
    dropped: usize,
}

/// Runs `handbook-widgets prerender` with the arguments after the subcommand.
pub fn run(args: &[String]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprint!("handbook-widgets prerender: {}\n\n{HELP}", clean(&message));
            return ExitCode::from(2);
        }
    };
    let mut totals = Totals::default();
    for input in &options.inputs.paths {
        let site = options.inputs.site_for(input);
        for page in files_of(input, is_html) {
            if let Err(message) = prerender_page(&page, &site, &options, &mut totals) {
                eprintln!("{}: {}", terminal::path(&page), clean(&message));
                totals.failed += 1;
            }
        }
    }
    let dropped = if totals.dropped > 0 {
        format!("; raw HTML dropped by Hugo in {} place(s)", totals.dropped)
    } else {
        String::new()
    };
    eprintln!(
        "handbook-widgets prerender: {} widget(s) pre-rendered in {} page(s), {} page(s) changed; {} could not be, {} left to the browser{dropped}",
        totals.rendered, totals.pages, totals.changed, totals.failed, totals.skipped
    );
    // No widget at all where Hugo dropped HTML: the mounts are what it dropped.
    let none = totals.rendered + totals.failed + totals.skipped == 0;
    if options.strict && (totals.failed > 0 || (none && totals.dropped > 0)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options {
        inputs: Inputs::default(),
        stylesheet: None,
        strict: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--strict" => options.strict = true,
            "--stylesheet" => {
                options.stylesheet = Some(args.next().ok_or("--stylesheet needs a URL")?.clone());
            }
            other => {
                if !options.inputs.take(other, &mut args)? {
                    return Err(format!("unknown option `{other}`"));
                }
            }
        }
    }
    if options.inputs.paths.is_empty() {
        return Err("name a folder or a page".to_owned());
    }
    Ok(Some(options))
}

fn prerender_page(
    page: &Path,
    site: &Site<'_>,
    options: &Options,
    totals: &mut Totals,
) -> Result<(), String> {
    let (html, charset) = read_page(page)?;
    let (mounts, script) = collect(&html).map_err(|e| format!("cannot be parsed ({e})"))?;
    let script = script.as_deref().map(str::to_owned);
    totals.pages += 1;
    let lines = Lines::new(&html);
    for offset in hugo_dropped(&html) {
        totals.dropped += 1;
        eprintln!(
            "{}: warning: {HUGO_DROPPED_MESSAGE}",
            Location::at_offset(page, &lines, offset)
        );
    }
    if mounts.is_empty() {
        return Ok(());
    }
    let stylesheet = match (&options.stylesheet, &script) {
        (Some(url), _) => url.clone(),
        (None, Some(src)) => beside(src, "handbook-widgets.css"),
        (None, None) => {
            return Err(
                "has widget mounts but no handbook-widgets.js script to find the stylesheet beside; give --stylesheet"
                    .to_owned(),
            )
        }
    };
    let outcomes: Vec<Outcome> = mounts
        .iter()
        .map(|mount| prerender_mount(mount, &lines, charset, page, site, &stylesheet))
        .collect();
    let mut printed = 0;
    for outcome in &outcomes {
        let message = match outcome {
            Outcome::Rendered(_) => {
                totals.rendered += 1;
                continue;
            }
            Outcome::Failed(report) => {
                totals.failed += 1;
                report
            }
            Outcome::Skipped(note) => {
                totals.skipped += 1;
                note
            }
        };
        printed += 1;
        if printed <= MESSAGES_PER_PAGE {
            eprintln!("{message}");
        }
    }
    if printed > MESSAGES_PER_PAGE {
        eprintln!(
            "{}: … and {} more mounts that could not be pre-rendered (the first {MESSAGES_PER_PAGE} of this page are above; `handbook-widgets check` lists them all)",
            terminal::path(page),
            printed - MESSAGES_PER_PAGE
        );
    }
    let head = outcomes
        .iter()
        .any(|o| matches!(o, Outcome::Rendered(_)))
        .then(|| head_links(&stylesheet, script.as_deref(), &runtime_for(&mounts)));
    let rewritten = rewrite(&html, &mounts, &outcomes, head.as_deref())
        .map_err(|e| format!("cannot be rewritten ({e})"))?;
    // Compared as bytes: in a page whose encoding lacks a character, the markup written
    // before holds a character reference where the new one holds the character.
    let bytes = charset.encode(&rewritten);
    if rewritten != html && bytes != charset.encode(&html) {
        std::fs::write(page, bytes).map_err(|e| format!("cannot be written ({e})"))?;
        totals.changed += 1;
    }
    Ok(())
}

/// The most messages printed for one page: a page of 100,000 broken mounts says so in 101
/// lines, not 24 MB.
const MESSAGES_PER_PAGE: usize = 100;

/// `url` with its last path segment replaced by `file`.
fn beside(url: &str, file: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(i) => format!("{}{file}", path.get(..=i).unwrap_or_default()),
        None => file.to_owned(),
    }
}

fn prerender_mount(
    mount: &Mount,
    lines: &Lines<'_>,
    charset: Charset,
    page: &Path,
    site: &Site<'_>,
    stylesheet: &str,
) -> Outcome {
    let (def, json, origin, mount_options) = match check_mount(mount, lines, page, site) {
        Checked::Valid {
            def,
            json,
            origin,
            options,
        } => (def, json, origin, options),
        Checked::Invalid(problem) => return Outcome::Failed(problem.to_string()),
        Checked::Elsewhere { location, widget } => {
            return Outcome::Skipped(format!(
                "{location}: note: the “{}” widget's data-src is on another site, so the browser fetches and renders it (give --base-url if it is this site)",
                clean(&widget)
            ))
        }
    };
    let shadow = match render_mount(def.name, &json, &mount_options) {
        Ok(shadow) => shadow,
        Err(e) => {
            let at_mount = Location::at_offset(page, lines, mount.start);
            return Outcome::Failed(format!(
                "{at_mount}: could not render ({})",
                clean(&e.to_string())
            ));
        }
    };
    // The data the page was rendered from travels with it, inside the shadow root (nothing is
    // added to the light DOM a framework may own): the browser reads it like inline JSON and
    // fetches nothing. So do the presets it was rendered with (a level's hiring process),
    // which the browser would otherwise fetch from beside the bundle before it could hydrate.
    let mut data = String::new();
    if !matches!(origin, Origin::Inline(_)) {
        let _ = write!(
            data,
            "<script type=\"application/json\" data-hb-prerendered>{}</script>",
            script_json(&json, charset)
        );
    }
    for preset in presets_used(def, &json) {
        if let Some(text) = preset_text(&preset) {
            let _ = write!(
                data,
                "<script type=\"application/json\" data-hb-preset=\"{}\" data-hb-prerendered>{}</script>",
                escape_attribute(&preset),
                script_json(&text, charset)
            );
        }
    }
    // The widget, with the build that rendered it and its shape, so that the browser hydrates
    // it only when its own build and the DOM it parsed agree; the static rules only when
    // scripts are off.
    // An element that cannot hold a shadow root (a list item, a table cell) gets it on a
    // `div.hb-host` inside it, where the runtime puts it too.
    let child = mount.placement == Placement::Child;
    let mut markup = String::new();
    if child {
        markup.push_str("<div class=\"hb-host\" data-hb-prerendered>");
    }
    let _ = write!(
        markup,
        "<template shadowrootmode=\"open\" data-hb-prerendered>{data}<link rel=\"stylesheet\" href=\"{}\"><noscript><link rel=\"stylesheet\" href=\"{}\"></noscript><div class=\"hb-mount\" data-hb-build=\"{}\" data-hb-shape=\"{}\">{shadow}</div></template>",
        escape_attribute(stylesheet),
        escape_attribute(&beside(stylesheet, "handbook-widgets-static.css")),
        handbook_widgets::BUILD,
        handbook_widgets::shape::of_html(&shadow),
    );
    if child {
        markup.push_str("</div>");
    }
    Outcome::Rendered(markup)
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Written at the end of the body of a page with pre-rendered widgets, outside any element a
/// framework owns (React's and Vue's roots find their DOM as they rendered it): the element the
/// head's `<link rel="expect" blocking="render">` names.
const END_MARKER: &str = "<span id=\"hb-prerendered-end\" hidden data-hb-prerendered></span>";

/// The runtime the entry script loads for these mounts (its `runtimeFor`): the one widget's
/// own when every mount is of that one kind, else `hb-core`, which has every widget.
fn runtime_for(mounts: &[Mount]) -> String {
    let mut names: Vec<String> = mounts.iter().map(Mount::widget_name).collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [only] if WIDGET_NAMES.contains(&only.as_str()) => format!("hb-{only}"),
        _ => "hb-core".to_owned(),
    }
}

/// What a page with pre-rendered widgets gets at the end of its head: the widgets' stylesheet,
/// render-blocking like the page's own, so that the first frame shows the page's text and the
/// widgets together and styled (the shadow roots' links to the same file find it loaded); and,
/// when the page has the entry script, preloads of the runtime it will load and its wasm,
/// which the entry script would otherwise ask for one round trip after another.
fn head_links(stylesheet: &str, script: Option<&str>, runtime: &str) -> String {
    // `rel="expect"` (Chromium) also holds the first frame until the parser has passed the
    // last widget, so that the text before it does not paint a frame ahead of the widgets.
    let mut links = format!(
        "<link rel=\"stylesheet\" href=\"{}\" data-hb-prerendered><link rel=\"expect\" href=\"#hb-prerendered-end\" blocking=\"render\" data-hb-prerendered>",
        escape_attribute(stylesheet)
    );
    if let Some(script) = script {
        let _ = write!(
            links,
            "<link rel=\"modulepreload\" href=\"{}\" data-hb-prerendered><link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin data-hb-prerendered>",
            escape_attribute(&beside(script, &format!("{runtime}.js"))),
            escape_attribute(&beside(script, &format!("{runtime}_bg.wasm"))),
        );
    }
    links
}

/// The page with each rendered mount's markup first inside it (a bare fence's before its
/// `pre`, which is hidden), `head` (if any) at the end of its head, and the pre-renderer's
/// earlier output in those mounts, in every fence and in the head removed. Failed and skipped
/// mount elements are left exactly as they were; a fence, whose code is its data, as the
/// generator wrote it.
fn rewrite(
    html: &str,
    mounts: &[Mount],
    outcomes: &[Outcome],
    head: Option<&str>,
) -> Result<String, lol_html::errors::RewritingError> {
    // Each mount by where its element starts, which the collecting pass read from this text.
    let by_start: HashMap<usize, (Fenced, &Outcome)> = mounts
        .iter()
        .zip(outcomes)
        .map(|(m, o)| (m.start, (m.fenced, o)))
        .collect();
    let at = |el: &lol_html::html_content::Element<'_, '_>| {
        by_start.get(&el.source_location().bytes().start).copied()
    };
    let rendered = Cell::new(false);
    let mount_child = Cell::new(false);
    let any = outcomes.iter().any(|o| matches!(o, Outcome::Rendered(_)));
    let widget_selector = format!("[{WIDGET_ATTR}]");
    let hosts = format!(
        "{}, pre, div.highlight",
        fence::marks_selector(WIDGET_NAMES)
    );
    let mount_output = format!("[{WIDGET_ATTR}] > template[data-hb-prerendered]");
    let earlier = format!(
        "[{WIDGET_ATTR}] > script[data-hb-prerendered], [{WIDGET_ATTR}] > div.hb-host[data-hb-prerendered]"
    );
    let body_marked = Rc::new(Cell::new(false));
    // Bound, so that the handlers are dropped before the cells they borrow.
    let rewritten = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!(widget_selector, |el| {
                    match at(el) {
                        Some((Fenced::No, Outcome::Rendered(markup))) => {
                            rendered.set(true);
                            el.prepend(markup, ContentType::Html);
                        }
                        _ => rendered.set(false),
                    }
                    Ok(())
                }),
                // Earlier output: a bare fence's `div` and the `hidden` on its `pre` (put back
                // below when it renders again).
                element!("div.hb-fence[data-hb-prerendered]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("pre[data-hb-hidden]", |el| {
                    el.remove_attribute("hidden");
                    el.remove_attribute("data-hb-hidden");
                    Ok(())
                }),
                element!(hosts, |el| {
                    match at(el) {
                        Some((Fenced::Html { bare: false }, Outcome::Rendered(markup))) => {
                            el.prepend(markup, ContentType::Html);
                        }
                        Some((Fenced::Html { bare: true }, Outcome::Rendered(markup))) => {
                            el.before(
                                &format!(
                                    "<div class=\"hb-fence\" data-hb-prerendered>{markup}</div>"
                                ),
                                ContentType::Html,
                            );
                            el.set_attribute("hidden", "")?;
                            el.set_attribute("data-hb-hidden", "")?;
                        }
                        _ => {}
                    }
                    Ok(())
                }),
                // Before the next one, which runs on the same elements after it.
                element!(mount_output, |_| {
                    mount_child.set(true);
                    Ok(())
                }),
                // A mount element's earlier widget goes when it has a new one; a fence's
                // always (its code is its data: a fence that no longer renders shows it).
                element!("template[data-hb-prerendered]", |el| {
                    if !mount_child.replace(false) || rendered.get() {
                        el.remove();
                    }
                    Ok(())
                }),
                element!(earlier, |el| {
                    if rendered.get() {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("span#hb-prerendered-end", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("head > link[data-hb-prerendered]", |el| {
                    if head.is_some() {
                        el.remove();
                    }
                    Ok(())
                }),
                element!("head", |el| {
                    if let Some(links) = head {
                        el.append(links, ContentType::Html);
                    }
                    Ok(())
                }),
                // What the head's `rel="expect"` waits for: the first frame comes once the
                // parser has passed every widget. Before the body's end tag; a page that leaves
                // it out gets it at its very end (below).
                element!("body", |el| {
                    if any {
                        if let Some(handlers) = el.end_tag_handlers() {
                            let marked = Rc::clone(&body_marked);
                            let before_end: lol_html::EndTagHandler<'static> =
                                Box::new(move |end| {
                                    end.before(END_MARKER, ContentType::Html);
                                    marked.set(true);
                                    Ok(())
                                });
                            handlers.push(before_end);
                        }
                    }
                    Ok(())
                }),
            ],
            document_content_handlers: vec![end!(|end| {
                if any && !body_marked.get() {
                    end.append(END_MARKER, ContentType::Html);
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    );
    rewritten
}
