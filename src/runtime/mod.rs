//! The mount runtime: finds `[data-hb-widget]` elements, mounts each once into its own shadow
//! root, watches the page for more, and keeps one element's failure to that element.

mod fences;
mod mount_view;
mod panic;
pub mod placement;
pub mod source;
mod styles;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, MutationObserver, MutationObserverInit, MutationRecord, Node, ShadowRoot,
};
use yew::{AppHandle, AttrValue};

pub use mount_view::{MountView, MountViewProps};
pub use source::{DataSource, Loaded};
#[cfg(not(target_arch = "wasm32"))]
pub use styles::{compact, stylesheet, STATIC_CSS};

use crate::widgets::MountOptions;

/// The attribute that marks a mount element.
pub const WIDGET_ATTR: &str = "data-hb-widget";
/// The attribute the runtime sets on a mount element it has mounted, so later passes skip it.
pub const MOUNTED_ATTR: &str = "data-hb-mounted";

thread_local! {
    /// Every live mount, to destroy its app when its element leaves the page.
    static MOUNTS: RefCell<Vec<(Element, AppHandle<MountView>)>> = const { RefCell::new(Vec::new()) };
}

/// Runs when the module is instantiated: installs the panic hook, publishes
/// `window.handbookWidgets`, and once the stylesheet is there (the entry script fetched it
/// alongside the runtime) mounts what is on the page and watches for more.
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    publish_api();
    wasm_bindgen_futures::spawn_local(async move {
        styles::load().await;
        mount_all(Some(document.clone().into()));
        observe(&document);
    });
}

/// Calls the entry script's `handbookWidgets.loadEvery()`, which loads the runtime with every
/// widget (once). Without the entry script (the gallery) every widget is in this runtime.
fn ask_for_every_widget() {
    let load = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"handbookWidgets".into()).ok())
        .and_then(|api| js_sys::Reflect::get(&api, &"loadEvery".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(load) = load {
        let _ = load.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// The address of `file` beside the bundle: in the folder `window.handbookWidgets.bundle`
/// names (set by the entry script), or, without it (the gallery), the page's own folder.
pub fn beside_bundle(file: &str) -> String {
    let bundle = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"handbookWidgets".into()).ok())
        .and_then(|api| js_sys::Reflect::get(&api, &"bundle".into()).ok())
        .and_then(|b| b.as_string())
        .or_else(|| web_sys::window()?.document()?.base_uri().ok()?);
    bundle
        .and_then(|base| web_sys::Url::new_with_base(file, &base).ok())
        .map_or_else(|| file.to_owned(), |u| u.href())
}

/// Mounts every not yet mounted `[data-hb-widget]` element in `root` (default: the document)
/// and returns how many it mounted.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all(root: Option<Node>) -> u32 {
    let root = root.or_else(|| web_sys::window()?.document().map(Into::into));
    let mut count = 0;
    if let Some(root) = root {
        if let Some(el) = root.dyn_ref::<Element>() {
            count += u32::from(mount(el.clone()));
        }
        for el in widget_elements(&root) {
            count += u32::from(mount(el));
        }
        for el in fences::candidates(&root) {
            count += u32::from(fences::mount(&el));
        }
    }
    count
}

/// Mounts one element, once: returns `false` if it is not a widget mount or already mounted.
/// Whatever is wrong with its data shows inside it; nothing is thrown. A widget this runtime
/// leaves out (a one-widget runtime, and a widget of another kind added later) is left
/// unmounted, and the entry script is asked for the runtime with every widget, which mounts it.
#[wasm_bindgen]
pub fn mount(element: Element) -> bool {
    if !element.has_attribute(WIDGET_ATTR) || element.has_attribute(MOUNTED_ATTR) {
        return false;
    }
    let name = element
        .get_attribute(WIDGET_ATTR)
        .unwrap_or_default()
        .trim()
        .to_owned();
    if crate::widgets::left_out(&name) {
        ask_for_every_widget();
        return false;
    }
    let html = element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
    if let placement::Placement::Refused(why) = placement::placement(&element.tag_name(), html) {
        // Nothing can show inside it, not even an error box: the console says why.
        let _ = element.set_attribute(MOUNTED_ATTR, "");
        let _ = element.set_attribute("data-hb-state", "error");
        web_sys::console::error_1(
            &format!(
                "handbook-widgets: the \u{201c}{name}\u{201d} mount <{}> cannot show a widget: {why}",
                element.tag_name().to_ascii_lowercase()
            )
            .into(),
        );
        return false;
    }
    let (source, options) = (data_source(&element), options(&element));
    start_app(element, name, source, options)
}

/// Renders (or hydrates, when `element` holds this build's pre-rendered widget) widget `name`
/// from `source` into `element`'s shadow root, and keeps the app to release it later.
fn start_app(element: Element, name: String, source: DataSource, options: MountOptions) -> bool {
    let prerendered = prerendered_root(&element);
    let root = match &prerendered {
        Some(root) => root.clone(),
        None => match prepare_root(&element) {
            Some(root) => root,
            None => {
                web_sys::console::error_1(
                    &"handbook-widgets: could not create a place to render into".into(),
                );
                return false;
            }
        },
    };
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    let props = MountViewProps {
        widget: AttrValue::from(name),
        source,
        options: Rc::new(options),
        host: Some(element.clone()),
    };
    let renderer = yew::Renderer::<MountView>::with_root_and_props(root, props);
    let app = if prerendered.is_some() {
        renderer.hydrate()
    } else {
        renderer.render()
    };
    MOUNTS.with(|m| {
        if let Ok(mut mounts) = m.try_borrow_mut() {
            mounts.push((element, app));
        }
    });
    true
}

/// Reads the data source: inline script, then the data `prerender` copied, then `data-src`,
/// then `data-preset`.
fn data_source(el: &Element) -> DataSource {
    let inline = el
        .query_selector(
            ":scope > script[type=\"application/json\"]:not([data-hb-preset]):not([data-hb-prerendered])",
        )
        .ok()
        .flatten();
    if let Some(script) = inline {
        return DataSource::Inline(script.text_content().unwrap_or_default().into());
    }
    if let Some(copied) = prerendered_data(el) {
        return copied;
    }
    if let Some(src) = el
        .get_attribute("data-src")
        .filter(|s| !s.trim().is_empty())
    {
        return DataSource::Url(resolve_url(el, src.trim()).into());
    }
    match el
        .get_attribute("data-preset")
        .filter(|s| !s.trim().is_empty())
    {
        Some(name) => DataSource::Preset(name.trim().to_owned().into()),
        None => DataSource::Missing,
    }
}

/// The data `prerender` read from a file or a preset and wrote beside the widget in its shadow
/// root (`<script type="application/json" data-hb-prerendered>`), so that hydrating it
/// fetches nothing; the presets it was rendered with (`data-hb-preset="name"`) are kept for
/// rendering. Pages pre-rendered by earlier builds hold them in the mount's light DOM: read
/// there too.
fn prerendered_data(el: &Element) -> Option<DataSource> {
    const SCRIPTS: &str = "script[type=\"application/json\"][data-hb-prerendered]";
    let mut scripts = select_all(el, &format!(":scope > {SCRIPTS}"));
    // The shadow root's own children (`:scope` matches nothing in a shadow root).
    if let Some(shadow) = shadow_of(el) {
        let children = shadow.children();
        scripts.extend(
            (0..children.length())
                .filter_map(|i| children.item(i))
                .filter(|c| c.matches(SCRIPTS).unwrap_or(false)),
        );
    }
    let mut data = None;
    for script in scripts {
        let text = script.text_content().unwrap_or_default();
        match script.get_attribute("data-hb-preset") {
            Some(name) => crate::widgets::store_preset(name.trim(), text.into()),
            None => data = data.or(Some(DataSource::Inline(text.into()))),
        }
    }
    data
}

/// `data-src` resolved against the page's base URL, so errors can name the full address.
fn resolve_url(el: &Element, src: &str) -> String {
    el.base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new_with_base(src, &base).ok())
        .map_or_else(|| src.to_owned(), |u| u.href())
}

fn options(el: &Element) -> MountOptions {
    MountOptions::from_attributes(|name| el.get_attribute(name))
}

/// The pre-rendered widget inside `element`'s shadow root, when it can be hydrated: rendered by
/// this very build, and parsed by the browser into the shape the pre-renderer wrote (no
/// minifier took Yew's markers out, no parser moved an element). Otherwise `None`, and the
/// widget is rendered afresh in its place.
fn prerendered_root(element: &Element) -> Option<Element> {
    let root = shadow_of(element)?
        .query_selector(".hb-mount[data-hb-build]")
        .ok()??;
    let build = root.get_attribute("data-hb-build").unwrap_or_default();
    let reason = if build != crate::BUILD {
        format!(
            "it was pre-rendered by another build ({build}; this is {})",
            crate::BUILD
        )
    } else if root.get_attribute("data-hb-shape").as_deref() != Some(&crate::shape::of_dom(&root)) {
        "the page changed it after pre-rendering (a minifier or an edit)".to_owned()
    } else {
        return Some(root);
    };
    web_sys::console::warn_1(
        &format!("handbook-widgets: rendering a widget afresh, because {reason}").into(),
    );
    None
}

/// A shadow root with the stylesheet (see [`styles::adopt`]) and an empty element to render into. The shadow root
/// goes on the mount element itself where the platform allows (its light-DOM children, such as
/// the JSON script or a fallback list, then stop showing); elsewhere on a new child `div`.
fn prepare_root(element: &Element) -> Option<Element> {
    let document = element.owner_document()?;
    let shadow = match shadow_of(element) {
        Some(existing) => {
            clear(&existing);
            existing
        }
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()
            .or_else(|| {
                let host = document.create_element("div").ok()?;
                host.set_class_name("hb-host");
                element.append_child(&host).ok()?;
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                    .ok()
            })?,
    };
    styles::adopt(&document, &shadow)?;
    let root = document.create_element("div").ok()?;
    root.set_class_name("hb-mount");
    shadow.append_child(&root).ok()?;
    Some(root)
}

/// The shadow root the widget of `element` lives in, if it has one yet: on the element, or on
/// its `.hb-host` child (where `prerender` writes it for an element that cannot hold one).
fn shadow_of(element: &Element) -> Option<ShadowRoot> {
    element.shadow_root().or_else(|| {
        element
            .query_selector(":scope > .hb-host")
            .ok()??
            .shadow_root()
    })
}

fn clear(root: &ShadowRoot) {
    while let Some(child) = root.first_child() {
        if root.remove_child(&child).is_err() {
            break;
        }
    }
}

fn widget_elements(root: &Node) -> Vec<Element> {
    select_all(root, &format!("[{WIDGET_ATTR}]:not([{MOUNTED_ATTR}])"))
}

/// The elements inside `root` (an element or a document) that match `selector`.
fn select_all(root: &Node, selector: &str) -> Vec<Element> {
    let list = match root.dyn_ref::<Element>() {
        Some(el) => el.query_selector_all(selector),
        None => match root.dyn_ref::<Document>() {
            Some(doc) => doc.query_selector_all(selector),
            None => return Vec::new(),
        },
    };
    let Ok(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Mounts widgets added later (client-side routing) and frees those removed from the page.
fn observe(document: &Document) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
        let mut removed = false;
        for record in records
            .iter()
            .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
        {
            let added = record.added_nodes();
            for i in 0..added.length() {
                if let Some(node) = added
                    .item(i)
                    .filter(|n| n.node_type() == Node::ELEMENT_NODE)
                {
                    mount_all(Some(node));
                }
            }
            removed |= record.removed_nodes().length() > 0;
        }
        if removed {
            release_detached();
        }
    });
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    if let Some(root) = document.document_element() {
        let _ = observer.observe_with_options(&root, &init);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Destroys the apps of mounts no longer in the page and unmarks them, so that an element put
/// back later mounts afresh.
fn release_detached() {
    let detached = MOUNTS.with(|m| {
        let Ok(mut mounts) = m.try_borrow_mut() else {
            return Vec::new();
        };
        let (gone, kept) = std::mem::take(&mut *mounts)
            .into_iter()
            .partition(|(el, _)| !el.is_connected());
        *mounts = kept;
        gone
    });
    for (el, app) in detached {
        app.destroy();
        let _ = el.remove_attribute(MOUNTED_ATTR);
        let _ = el.remove_attribute("data-hb-state");
    }
}

/// `window.handbookWidgets = { mountAll, mount }`, unless the embed entry already set its own
/// (which waits for the wasm), for pages that load the wasm some other way (the gallery).
fn publish_api() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if js_sys::Reflect::has(&window, &"handbookWidgets".into()).unwrap_or(false) {
        return;
    }
    let api = js_sys::Object::new();
    let mount_all_fn = Closure::<dyn Fn(Option<Node>) -> u32>::new(mount_all).into_js_value();
    let mount_fn = Closure::<dyn Fn(Element) -> bool>::new(mount).into_js_value();
    let _ = js_sys::Reflect::set(&api, &"mountAll".into(), &mount_all_fn);
    let _ = js_sys::Reflect::set(&api, &"mount".into(), &mount_fn);
    let _ = js_sys::Reflect::set(&window, &"handbookWidgets".into(), &api);
}
