//! Widgets written as fenced code blocks (```` ```hiring-timeline ````), found as each site
//! generator's Markdown renderer and highlighter leaves them: `pre > code.language-…`
//! (markdown-it, Goldmark, Python-Markdown), Hugo's Chroma `div.highlight`, Material's and
//! Jekyll's `div.language-… highlight`, Docusaurus's Prism and VitePress's Shiki wrappers, and
//! Sphinx's `div.highlight-…`. The code's text is read (never its HTML), and the widget goes in
//! a shadow root on the outermost wrapper, which hides the code without changing a node of it,
//! so that a framework that owns the page (React, Vue) finds its DOM as it left it. A bare
//! `pre` cannot hold a shadow root: the widget goes on a `div` just before it, and the `pre`
//! is hidden.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::{resolve_url, select_all, start_app, MOUNTED_ATTR};
use crate::model::fence;
use crate::runtime::DataSource;
use crate::widgets::{left_out, MountOptions, WIDGET_NAMES};

/// The attribute on a fence's host that names its widget.
pub const FENCE_ATTR: &str = "data-hb-fence";

/// The selector of the elements renderers mark with a fence's language.
fn selector() -> String {
    WIDGET_NAMES
        .iter()
        .flat_map(|w| {
            [
                format!(".language-{w}"),
                format!(".highlight-{w}"),
                format!("[data-lang=\"{w}\"]"),
            ]
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The marked elements inside `root` (and `root` itself), in document order.
pub fn candidates(root: &Node) -> Vec<Element> {
    let selector = selector();
    let own = root
        .dyn_ref::<Element>()
        .filter(|el| el.matches(&selector).unwrap_or(false))
        .cloned();
    own.into_iter().chain(select_all(root, &selector)).collect()
}

/// The widget an element's language names.
fn widget_of(el: &Element) -> Option<&'static str> {
    let classes = el.class_list();
    let lang = el.get_attribute("data-lang").unwrap_or_default();
    WIDGET_NAMES.iter().copied().find(|w| {
        classes.contains(&format!("language-{w}"))
            || classes.contains(&format!("highlight-{w}"))
            || lang == *w
    })
}

/// Mounts the fence `el` belongs to, once; `false` when it is not a fence's block, is mounted
/// already, or this runtime leaves its widget out (the entry script then loads the one with
/// every widget).
pub fn mount(el: &Element) -> bool {
    let Some(name) = widget_of(el) else {
        return false;
    };
    // The code: the element itself, the `pre` around it, or the `pre` inside the wrapper.
    let pre = if el.tag_name().eq_ignore_ascii_case("pre") {
        Some(el.clone())
    } else {
        el.closest("pre")
            .ok()
            .flatten()
            .or_else(|| el.query_selector("pre").ok().flatten())
    };
    let Some(pre) = pre else {
        return false;
    };
    let host = host_of(&pre);
    if host.has_attribute(MOUNTED_ATTR) || host.has_attribute(FENCE_ATTR) {
        return false;
    }
    if left_out(name) {
        super::ask_for_every_widget();
        return false;
    }
    // The text of the code element when there is one (a table of line numbers beside it is
    // not the data), else of the `pre`.
    let code = if el.tag_name().eq_ignore_ascii_case("code") {
        el.clone()
    } else {
        pre.query_selector("code")
            .ok()
            .flatten()
            .unwrap_or_else(|| pre.clone())
    };
    let text = text_of(&code);
    let (source, attributes) = match fence::read(&text) {
        Ok(read) => {
            let attribute = |name: &str| {
                read.attributes
                    .iter()
                    .find(|(a, _)| *a == name)
                    .map(|(_, v)| v.clone())
            };
            let source = match (read.json, attribute("data-src"), attribute("data-preset")) {
                (Some((_, json)), _, _) => DataSource::Inline(json.to_owned().into()),
                (None, Some(src), _) if !src.trim().is_empty() => {
                    DataSource::Url(resolve_url(&host, src.trim()).into())
                }
                (None, _, Some(preset)) if !preset.trim().is_empty() => {
                    DataSource::Preset(preset.trim().to_owned().into())
                }
                _ => DataSource::Missing,
            };
            (source, read.attributes)
        }
        Err(error) => (
            DataSource::Invalid(std::rc::Rc::new(
                error.from_origin("the fence's front matter"),
            )),
            Vec::new(),
        ),
    };
    let options = MountOptions::from_attributes(|name| {
        attributes
            .iter()
            .find(|(a, _)| *a == name)
            .map(|(_, v)| v.clone())
    });
    // Where the widget goes: the wrapper, or a `div` before a bare `pre`.
    let target = if host.tag_name().eq_ignore_ascii_case("pre") {
        let Some(div) = host
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
        else {
            return false;
        };
        if host.before_with_node_1(&div).is_err() {
            return false;
        }
        if let Some(pre) = host.dyn_ref::<web_sys::HtmlElement>() {
            pre.set_hidden(true);
        }
        div
    } else {
        host
    };
    let _ = target.set_attribute(FENCE_ATTR, name);
    if let Some((_, id)) = attributes.iter().find(|(a, _)| *a == "id") {
        if !target.has_attribute("id") {
            let _ = target.set_attribute("id", id);
        }
    }
    start_app(target, name.to_owned(), source, options)
}

/// The outermost wrapper of a fence's `pre` that is the highlighter's: the furthest of its
/// nearest four ancestors marked with the fence's language or a `div.highlight` around it alone (Docusaurus
/// puts an unmarked `div` between its marked one and the `pre`); the `pre` itself when none is.
fn host_of(pre: &Element) -> Element {
    let selector = selector();
    let mut host = pre.clone();
    let mut parent = pre.parent_element();
    for _ in 0..4 {
        let Some(p) = parent else {
            break;
        };
        let marked = p.matches(&selector).unwrap_or(false);
        // Hugo's and Sphinx's inner wrapper holds the code and nothing else (a callout box
        // called "highlight" around a paragraph and a fence is not one).
        let highlight = p.tag_name().eq_ignore_ascii_case("div")
            && p.class_list().contains("highlight")
            && p.child_element_count() == 1;
        if marked || highlight {
            host = p.clone();
        }
        parent = p.parent_element();
    }
    host
}

/// The text of `root`, with a line break for each `br` (Prism writes each line as a span
/// ending in one), walked without recursion.
fn text_of(root: &Element) -> String {
    let mut text = String::new();
    let mut node: Option<Node> = root.first_child();
    while let Some(current) = node {
        match current.node_type() {
            Node::TEXT_NODE => text.push_str(&current.node_value().unwrap_or_default()),
            Node::ELEMENT_NODE if current.node_name().eq_ignore_ascii_case("br") => text.push('\n'),
            _ => {}
        }
        // Depth first: the first child, else the next sibling of the nearest ancestor with one.
        node = current.first_child().or_else(|| {
            let mut up = Some(current);
            while let Some(n) = up {
                if n.is_same_node(Some(root.as_ref())) {
                    return None;
                }
                if let Some(next) = n.next_sibling() {
                    return Some(next);
                }
                up = n.parent_node();
            }
            None
        });
    }
    text
}
