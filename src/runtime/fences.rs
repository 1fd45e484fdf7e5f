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

use super::{prerendered_data, resolve_url, select_all, start_app, MOUNTED_ATTR};
use crate::model::fence;
use crate::runtime::DataSource;
use crate::widgets::{left_out, MountOptions, WIDGET_NAMES};

/// The attribute on a fence's host that names its widget.
pub const FENCE_ATTR: &str = "data-hb-fence";

thread_local! {
    /// The selector of the elements renderers mark with a fence's language.
    static SELECTOR: String = fence::marks_selector(WIDGET_NAMES);
}

/// The marked elements inside `root` (and `root` itself), in document order.
pub fn candidates(root: &Node) -> Vec<Element> {
    SELECTOR.with(|selector| {
        let own = root
            .dyn_ref::<Element>()
            .filter(|el| el.matches(selector).unwrap_or(false))
            .cloned();
        own.into_iter().chain(select_all(root, selector)).collect()
    })
}

/// The widget an element's language names.
fn widget_of(el: &Element) -> Option<&'static str> {
    fence::widget_of_marks(
        &el.get_attribute("class").unwrap_or_default(),
        el.get_attribute("data-lang").as_deref(),
        WIDGET_NAMES,
    )
}

/// Mounts the fence `el` belongs to, once; `false` when it is not a fence's block, is mounted
/// already, or this runtime leaves its widget out (the entry script then loads the one with
/// every widget). A fence `prerender` wrote its widget into is hydrated.
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
    let Some(target) = target_of(&host) else {
        return false;
    };
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
                    .map(|(_, v)| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
            };
            let source = match read.json {
                Some((_, json)) => DataSource::Inline(json.to_owned().into()),
                // The data `prerender` read from the file or preset travels with its widget.
                None => prerendered_data(&target).unwrap_or_else(|| {
                    match (attribute("data-src"), attribute("data-preset")) {
                        (Some(src), _) => DataSource::Url(resolve_url(&host, &src).into()),
                        (None, Some(preset)) => DataSource::Preset(preset.into()),
                        (None, None) => DataSource::Missing,
                    }
                }),
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
    let _ = target.set_attribute(FENCE_ATTR, name);
    if let Some((_, id)) = attributes.iter().find(|(a, _)| *a == "id") {
        if !target.has_attribute("id") {
            let _ = target.set_attribute("id", id);
        }
    }
    start_app(target, name.to_owned(), source, options)
}

/// Where a fence's widget goes: its highlighter's wrapper; for a bare `pre`, which cannot hold
/// a shadow root, the `div.hb-fence` just before it (the one `prerender` wrote, else a new one),
/// with the `pre` hidden and marked, so that no later pass mounts it again.
fn target_of(host: &Element) -> Option<Element> {
    if !host.tag_name().eq_ignore_ascii_case("pre") {
        return Some(host.clone());
    }
    let _ = host.set_attribute(FENCE_ATTR, "");
    if let Some(pre) = host.dyn_ref::<web_sys::HtmlElement>() {
        pre.set_hidden(true);
    }
    let written = host
        .previous_element_sibling()
        .filter(|d| d.matches(FENCE_DIV).unwrap_or(false) && !d.has_attribute(MOUNTED_ATTR));
    if written.is_some() {
        return written;
    }
    let div = host.owner_document()?.create_element("div").ok()?;
    div.set_class_name("hb-fence");
    host.before_with_node_1(&div).ok()?;
    Some(div)
}

/// The `div` `prerender` writes before a bare `pre` for its widget.
const FENCE_DIV: &str = "div.hb-fence[data-hb-prerendered]";

/// The outermost wrapper of a fence's `pre` that is its highlighter's (see
/// [`fence::is_wrapper`]); the `pre` itself when none is.
fn host_of(pre: &Element) -> Element {
    let mut host = pre.clone();
    let mut parent = pre.parent_element();
    for _ in 0..fence::WRAPPER_DEPTH {
        let Some(p) = parent else {
            break;
        };
        let wrapper = fence::is_wrapper(
            &p.tag_name(),
            &p.get_attribute("class").unwrap_or_default(),
            p.get_attribute("data-lang").as_deref(),
            p.child_element_count(),
            WIDGET_NAMES,
        );
        if wrapper {
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
