//! The widgets' stylesheet: `handbook-widgets.css` beside the bundle (not in the wasm), given
//! to each mount's shadow root as one shared constructable stylesheet, which a strict
//! Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`) allows; a `<link>` to the
//! file where the browser has no constructable stylesheets.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// Every widget's CSS, base first, then [`STATIC_CSS`] for print: the text of
/// `handbook-widgets.css` (the command-line program writes it; not compiled into the wasm).
#[cfg(not(target_arch = "wasm32"))]
pub const CSS: &str = concat!(
    include_str!("../../assets/styles/base.css"),
    include_str!("../../assets/styles/hiring-timeline.css"),
    include_str!("../../assets/styles/level-comparison.css"),
    include_str!("../../assets/styles/owner-directory.css"),
    include_str!("../../assets/styles/onboarding-checklist.css"),
    "@media print {\n",
    include_str!("../../assets/styles/static.css"),
    "}\n",
);

/// How a widget reads when it can only be read: printed, or pre-rendered with scripts off
/// (handbook-widgets-static.css).
#[cfg(not(target_arch = "wasm32"))]
pub const STATIC_CSS: &str = include_str!("../../assets/styles/static.css");

/// The stylesheet's file name, beside the bundle.
const FILE: &str = "handbook-widgets.css";

thread_local! {
    /// The one stylesheet every shadow root adopts, made on first use (empty until [`load`]
    /// fills it); `None` inside until then.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Fills the shared stylesheet: with the text the entry script fetched while the runtime loaded
/// (`handbookWidgets.styles`, a promise of the text or null), else (a page without the entry
/// script, such as the gallery) by fetching it from beside the bundle. A stylesheet that cannot
/// be loaded is reported on the console; the widgets still work, unstyled.
pub async fn load() {
    let url = super::beside_bundle(FILE);
    let from_entry = match entry_styles() {
        Some(promise) => Some(
            wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|text| text.as_string()),
        ),
        None => None,
    };
    let text = match from_entry {
        Some(text) => text.ok_or_else(|| "the request failed".to_owned()),
        None => super::source::fetch_text(&url, crate::model::limits::FETCH_SECONDS)
            .await
            .map_err(|e| e.message),
    };
    match (text, shared_sheet()) {
        (Ok(text), Some(sheet)) => {
            let _ = sheet.replace_sync(&text);
        }
        (Ok(_), None) => {}
        (Err(why), _) => web_sys::console::error_1(
            &format!("handbook-widgets: the stylesheet {url} could not be loaded ({why}); the widgets show unstyled").into(),
        ),
    }
}

/// The entry script's promise of the stylesheet's text, if the page has the entry script.
fn entry_styles() -> Option<js_sys::Promise> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let api = js_sys::Reflect::get(&window, &"handbookWidgets".into()).ok()?;
    js_sys::Reflect::get(&api, &"styles".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Gives `shadow` the widgets' styles: adopts the shared sheet where the browser can, else
/// appends a `<link>` to the stylesheet. `None` when neither works.
pub fn adopt(document: &Document, shadow: &ShadowRoot) -> Option<()> {
    let adopted = shared_sheet().is_some_and(|sheet| {
        js_sys::Reflect::has(shadow, &"adoptedStyleSheets".into()).unwrap_or(false)
            && js_sys::Reflect::set(
                shadow,
                &"adoptedStyleSheets".into(),
                &js_sys::Array::of1(&sheet),
            )
            .unwrap_or(false)
    });
    if !adopted {
        let link = document.create_element("link").ok()?;
        link.set_attribute("rel", "stylesheet").ok()?;
        link.set_attribute("href", &super::beside_bundle(FILE))
            .ok()?;
        shadow.append_child(&link).ok()?;
    }
    Some(())
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.try_borrow().ok()?.as_ref() {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(sheet.clone());
        }
        Some(sheet)
    })
}
