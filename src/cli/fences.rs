//! Widget fences of pages, as mounts: in Markdown sources (```` ```hiring-timeline ````), in
//! reStructuredText sources (the Sphinx integration's `.. hiring-timeline::` directives and
//! `.. code-block:: hiring-timeline`) and in built HTML pages, where each generator's renderer and highlighter wrote them; found by the
//! browser runtime's own rule ([`fence::is_wrapper`]), so that `prerender` writes each widget
//! where the runtime hydrates it.

use std::cell::RefCell;
use std::rc::Rc;

use handbook_widgets::model::{fence, DataError, ErrorKind};
use handbook_widgets::runtime::placement::Placement;
use handbook_widgets::runtime::WIDGET_ATTR;
use handbook_widgets::widgets::WIDGET_NAMES;
use html_escape::decode_html_entities;
use lol_html::{doc_text, element, rewrite_str, RewriteStrSettings};

use crate::pages::{Fenced, Mount};

/// The mount a fence of `widget` stands for, whose text `body` starts at byte `body_start` of
/// the page: its front matter's options as attributes and its JSON inline, at the JSON's own
/// offset; a front matter that cannot be read makes it invalid.
fn mount_of(
    widget: &'static str,
    start: usize,
    body: &str,
    body_start: usize,
    fenced: Fenced,
) -> Mount {
    let mut mount = Mount {
        attributes: vec![(WIDGET_ATTR.to_owned(), widget.to_owned())],
        start,
        placement: Placement::Host,
        tag: "pre".to_owned(),
        fenced,
        ..Mount::default()
    };
    match fence::read(body) {
        Ok(read) => {
            mount
                .attributes
                .extend(read.attributes.into_iter().map(|(a, v)| (a.to_owned(), v)));
            mount.inline = read
                .json
                .map(|(offset, json)| (body_start + offset, json.to_owned()));
        }
        Err(error) => mount.invalid = Some((body_start, error)),
    }
    mount
}

/// The widget fences of a Markdown page, in order.
pub fn in_markdown(markdown: &str) -> Vec<Mount> {
    use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
    let mut found = Vec::new();
    // The widget, the fence's start, and its text with where that starts.
    let mut open: Option<(&'static str, usize, String, Option<usize>)> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = fence::widget_of_info(&info, WIDGET_NAMES)
                    .map(|name| (name, range.start, String::new(), None));
            }
            Event::Text(text) => {
                if let Some((_, _, body, start)) = open.as_mut() {
                    start.get_or_insert(range.start);
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((name, at, body, start)) = open.take() {
                    let start = start.unwrap_or(at);
                    found.push(mount_of(name, at, &body, start, Fenced::Source));
                }
            }
            _ => {}
        }
    }
    found
}

/// The widgets of a reStructuredText page, in order: each widget's directive (its options as
/// the mount's, its content the JSON), and `code-block`, `code` or `sourcecode` directives in a
/// widget's name, read as fences. The data's text keeps its indentation, which JSON and the
/// front matter allow, so its lines and columns are the page's.
pub fn in_rst(rst: &str) -> Vec<Mount> {
    let mut found = Vec::new();
    let mut lines = rst
        .split_inclusive('\n')
        .scan(0usize, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .peekable();
    while let Some((start, line)) = lines.next() {
        let indent = line.len() - line.trim_start().len();
        let Some(rest) = line.trim().strip_prefix(".. ") else {
            continue;
        };
        let Some((name, argument)) = rest.split_once("::") else {
            continue;
        };
        let argument = argument.trim();
        let (widget, is_code) = match name.trim() {
            "code-block" | "code" | "sourcecode" => {
                (fence::widget_of_info(argument, WIDGET_NAMES), true)
            }
            name if argument.is_empty() => (fence::widget_of_info(name, WIDGET_NAMES), false),
            _ => (None, false),
        };
        let Some(widget) = widget else { continue };
        // The directive's block: the lines indented deeper than it, and blank lines between.
        let mut block: Vec<(usize, &str)> = Vec::new();
        while let Some(&(at, next)) = lines.peek() {
            let blank = next.trim().is_empty();
            if !blank && next.len() - next.trim_start().len() <= indent {
                break;
            }
            block.push((at, next));
            lines.next();
        }
        // Its options: the field list at the top of the block, up to the first blank line.
        let options = block
            .iter()
            .take_while(|(_, l)| l.trim_start().starts_with(':'))
            .count();
        let mut attributes = vec![(WIDGET_ATTR.to_owned(), widget.to_owned())];
        let mut invalid = None;
        for &(at, option) in block.iter().take(options) {
            let field = option.trim().trim_start_matches(':');
            let (key, value) = field.split_once(':').unwrap_or((field, ""));
            match fence::OPTIONS.iter().find(|(k, _)| *k == key) {
                Some((_, attribute)) if !is_code => {
                    attributes.push(((*attribute).to_owned(), value.trim().to_owned()));
                }
                // A code block's options are Sphinx's own (:caption:, :linenos: ...).
                _ if is_code => {}
                _ => {
                    let column = option.len() - option.trim_start().len();
                    invalid.get_or_insert((
                        at + column,
                        DataError {
                            line: Some(1),
                            column: Some(1),
                            ..DataError::new(
                                ErrorKind::Invalid,
                                format!(
                                    "`{key}` is not an option of the {widget} directive; the options are {}",
                                    fence::OPTIONS.map(|(k, _)| k).join(", ")
                                ),
                            )
                        }
                        .from_origin("the directive's options"),
                    ));
                }
            }
        }
        let body: Vec<&(usize, &str)> = block.iter().skip(options).collect();
        let body_start = body
            .iter()
            .find(|(_, l)| !l.trim().is_empty())
            .map_or(start, |(at, _)| *at);
        let text: String = body
            .iter()
            .skip_while(|(at, _)| *at < body_start)
            .map(|(_, l)| *l)
            .collect();
        let mut mount = if is_code {
            mount_of(widget, start, &text, body_start, Fenced::Source)
        } else {
            Mount {
                attributes,
                start,
                placement: Placement::Host,
                tag: "div".to_owned(),
                fenced: Fenced::Source,
                inline: (!text.trim().is_empty()).then(|| (body_start, text.clone())),
                ..Mount::default()
            }
        };
        if mount.invalid.is_none() {
            mount.invalid = invalid;
        }
        found.push(mount);
    }
    found
}

/// One element of a built page, as far as finding fences needs it.
struct Element {
    start: usize,
    tag: String,
    class: String,
    data_lang: Option<String>,
    /// Its element children (a `template` `prerender` wrote is a shadow root, not a child).
    children: u32,
}

/// A `pre` being read.
struct Pre {
    /// The `pre`'s element index.
    id: usize,
    /// Its nearest ancestors' indexes, nearest first (at most [`fence::WRAPPER_DEPTH`]).
    ancestors: Vec<usize>,
    /// The widget its marks name: an ancestor's, its own or a descendant's.
    widget: Option<&'static str>,
    /// Its text (with a line break for each `br`) and where that starts.
    text: String,
    text_start: Option<usize>,
    /// Its first `code` element's index (`None` until one starts), text and that text's start.
    code: Option<usize>,
    code_open: bool,
    code_text: String,
    code_start: Option<usize>,
}

/// What the scan of a page keeps.
#[derive(Default)]
struct Scan {
    elements: Vec<Element>,
    /// The elements open at this point, innermost last.
    open: Vec<usize>,
    pre: Option<Pre>,
    done: Vec<Pre>,
    /// Inside a `template` `prerender` wrote: not the page's own markup.
    template: Option<usize>,
}

impl Scan {
    /// Closes element `id` and any left open inside it (end tags the page left to the parser).
    fn close(&mut self, id: usize) {
        let Some(at) = self.open.iter().rposition(|i| *i == id) else {
            return;
        };
        let closed = self.open.split_off(at);
        if self.template.is_some_and(|t| closed.contains(&t)) {
            self.template = None;
        }
        if let Some(pre) = self.pre.as_mut() {
            if pre.code.is_some_and(|c| closed.contains(&c)) {
                pre.code_open = false;
            }
            if closed.contains(&pre.id) {
                self.done.extend(self.pre.take());
            }
        }
    }

    fn text(&mut self, chunk: &str, at: usize) {
        if self.template.is_some() {
            return;
        }
        if let Some(pre) = self.pre.as_mut() {
            pre.text_start.get_or_insert(at);
            pre.text.push_str(chunk);
            if pre.code_open {
                pre.code_start.get_or_insert(at);
                pre.code_text.push_str(chunk);
            }
        }
    }
}

/// The widget fences of a built HTML page, in order: each `pre` whose marks (its own, a
/// descendant's or a wrapper's) name a widget, at its outermost wrapper, or, with none, at the
/// `pre` itself (`bare`: the widget goes on a `div` before it).
pub fn in_html(html: &str) -> Result<Vec<Mount>, lol_html::errors::RewritingError> {
    if !WIDGET_NAMES.iter().any(|w| html.contains(w)) {
        return Ok(Vec::new());
    }
    let scan = Rc::new(RefCell::new(Scan::default()));
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![element!("*", |el| {
                let mut s = scan.borrow_mut();
                if s.template.is_some() {
                    return Ok(());
                }
                let id = s.elements.len();
                let tag = el.tag_name();
                let ours = tag == "template" && el.has_attribute("data-hb-prerendered");
                if !ours {
                    if let Some(parent) = s.open.last().copied() {
                        if let Some(parent) = s.elements.get_mut(parent) {
                            parent.children += 1;
                        }
                    }
                }
                let class = el.get_attribute("class").unwrap_or_default();
                let data_lang = el.get_attribute("data-lang");
                let marks = fence::widget_of_marks(&class, data_lang.as_deref(), WIDGET_NAMES);
                let start = el.source_location().bytes().start;
                let ancestors: Vec<usize> = s
                    .open
                    .iter()
                    .rev()
                    .take(fence::WRAPPER_DEPTH)
                    .copied()
                    .collect();
                if let Some(pre) = s.pre.as_mut() {
                    pre.widget = pre.widget.or(marks);
                    if tag == "code" && pre.code.is_none() {
                        pre.code = Some(id);
                        pre.code_open = true;
                    }
                    if tag == "br" {
                        pre.text.push('\n');
                        if pre.code_open {
                            pre.code_text.push('\n');
                        }
                    }
                } else if tag == "pre" {
                    // The outermost marked wrapper names the widget, as the runtime reads the
                    // first marked element in document order.
                    let wrapper = ancestors
                        .iter()
                        .rev()
                        .filter_map(|a| s.elements.get(*a))
                        .find_map(|a| {
                            fence::widget_of_marks(&a.class, a.data_lang.as_deref(), WIDGET_NAMES)
                        });
                    s.pre = Some(Pre {
                        id,
                        ancestors,
                        widget: wrapper.or(marks),
                        text: String::new(),
                        text_start: None,
                        code: None,
                        code_open: false,
                        code_text: String::new(),
                        code_start: None,
                    });
                }
                s.elements.push(Element {
                    start,
                    tag,
                    class,
                    data_lang,
                    children: 0,
                });
                if let Some(handlers) = el.end_tag_handlers() {
                    s.open.push(id);
                    if ours {
                        s.template = Some(id);
                    }
                    let scan = Rc::clone(&scan);
                    let closed: lol_html::EndTagHandler<'static> = Box::new(move |_| {
                        scan.borrow_mut().close(id);
                        Ok(())
                    });
                    handlers.push(closed);
                }
                Ok(())
            })],
            document_content_handlers: vec![doc_text!(|t| {
                scan.borrow_mut()
                    .text(t.as_str(), t.source_location().bytes().start);
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )?;
    let mut scan = scan.take();
    if let Some(pre) = scan.pre.take() {
        scan.done.push(pre);
    }
    let mut hosts = Vec::new();
    let mut found = Vec::new();
    for pre in scan.done {
        let Some(widget) = pre.widget else {
            continue;
        };
        // The furthest wrapper (ancestors are nearest first).
        let host = pre
            .ancestors
            .iter()
            .rfind(|a| {
                scan.elements.get(**a).is_some_and(|e| {
                    fence::is_wrapper(
                        &e.tag,
                        &e.class,
                        e.data_lang.as_deref(),
                        e.children,
                        WIDGET_NAMES,
                    )
                })
            })
            .copied();
        let bare = host.is_none();
        let Some(host) = scan.elements.get(host.unwrap_or(pre.id)) else {
            continue;
        };
        // One widget a wrapper: the runtime mounts the first of its fences.
        if hosts.contains(&host.start) {
            continue;
        }
        hosts.push(host.start);
        let (text, start) = match pre.code {
            Some(_) => (pre.code_text, pre.code_start),
            None => (pre.text, pre.text_start),
        };
        let text = decode_html_entities(&text);
        let mut mount = mount_of(
            widget,
            host.start,
            &text,
            start.unwrap_or(host.start),
            Fenced::Html { bare },
        );
        mount.tag.clone_from(&host.tag);
        found.push(mount);
    }
    Ok(found)
}
