//! A last line of defence: if a panic ever happens, every mount says so in place.

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use super::MOUNTED_ATTR;

const NOTICE: &str = "Something went wrong inside the handbook widgets, and they stopped. \
Reload the page to try again; the handbook text is not affected.";

/// Installs the hook (Yew then keeps it instead of its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("handbook-widgets: {info}").into());
        paint_notices();
    }));
}

fn paint_notices() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(mounts) = document.query_selector_all(&format!("[{MOUNTED_ATTR}]")) else {
        return;
    };
    for i in 0..mounts.length() {
        let Some(el) = mounts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let _ = el.set_attribute("data-hb-state", "error");
        if let Some(root) = shadow_of(&el) {
            let _ = paint(&document, &root);
        }
    }
}

fn shadow_of(el: &Element) -> Option<ShadowRoot> {
    el.shadow_root().or_else(|| {
        el.query_selector(":scope > .hb-host")
            .ok()
            .flatten()
            .and_then(|h| h.shadow_root())
    })
}

fn paint(document: &web_sys::Document, root: &ShadowRoot) -> Result<(), wasm_bindgen::JsValue> {
    let notice = document.create_element("p")?;
    notice.set_class_name("hb-error");
    notice.set_attribute("role", "alert")?;
    notice.set_text_content(Some(NOTICE));
    root.append_child(&notice)?;
    Ok(())
}
