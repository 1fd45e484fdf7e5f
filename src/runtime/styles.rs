//! The widgets' stylesheet: `handbook-widgets.css` (or a one-widget runtime's `hb-<widget>.css`)
//! beside the bundle (not in the wasm), given
//! to each mount's shadow root as one shared constructable stylesheet, which a strict
//! Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`) allows; a `<link>` to the
//! file where the browser has no constructable stylesheets.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// The CSS every widget shares.
#[cfg(not(target_arch = "wasm32"))]
const BASE_CSS: &str = include_str!("../../assets/styles/base.css");

/// Each widget's own CSS, by widget name, in the registry's order.
#[cfg(not(target_arch = "wasm32"))]
const WIDGET_CSS: &[(&str, &str)] = &[
    (
        crate::widgets::hiring_timeline::NAME,
        include_str!("../../assets/styles/hiring-timeline.css"),
    ),
    (
        crate::widgets::level_comparison::NAME,
        include_str!("../../assets/styles/level-comparison.css"),
    ),
    (
        crate::widgets::owner_directory::NAME,
        include_str!("../../assets/styles/owner-directory.css"),
    ),
    (
        crate::widgets::onboarding_checklist::NAME,
        include_str!("../../assets/styles/onboarding-checklist.css"),
    ),
];

/// The stylesheet for `widgets`: the shared rules, each one's own, then [`STATIC_CSS`] for
/// print. For every widget it is `handbook-widgets.css`; for one, `hb-<widget>.css`, the
/// stylesheet of that widget's runtime. (The command-line program writes them; they are not
/// compiled into the wasm.)
#[cfg(not(target_arch = "wasm32"))]
pub fn stylesheet(widgets: &[&str]) -> String {
    let mut css = String::from(BASE_CSS);
    for (_, own) in WIDGET_CSS.iter().filter(|(name, _)| widgets.contains(name)) {
        css.push_str(own);
    }
    css.push_str("@media print {\n");
    css.push_str(STATIC_CSS);
    css.push_str("}\n");
    compact(&css)
}

/// `css` without its comments, indentation and blank lines (the comments are for this
/// repository: about a fifth of the stylesheet, brotli-compressed). Quotes are respected.
#[cfg(not(target_arch = "wasm32"))]
pub fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    let mut compacted: String = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    compacted.push('\n');
    compacted
}

/// How a widget reads when it can only be read: printed, or pre-rendered with scripts off
/// (handbook-widgets-static.css).
#[cfg(not(target_arch = "wasm32"))]
pub const STATIC_CSS: &str = include_str!("../../assets/styles/static.css");

/// This runtime's stylesheet, beside the bundle: every widget's (`handbook-widgets.css`), or in
/// a one-widget runtime the shared rules and that widget's (`hb-<widget>.css`).
fn file() -> String {
    use crate::widgets::{WIDGETS, WIDGET_NAMES};
    match WIDGETS {
        [only] if WIDGET_NAMES.len() > 1 => format!("hb-{}.css", only.name),
        _ => "handbook-widgets.css".to_owned(),
    }
}

thread_local! {
    /// The one stylesheet every shadow root adopts, made on first use (empty until [`load`]
    /// fills it); `None` inside until then.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Fills the shared stylesheet: with the text the entry script fetched while the runtime loaded
/// (`handbookWidgets.styles(file)`, a promise of the text or null), else (a page without the
/// entry script, such as the gallery) by fetching it from beside the bundle. A stylesheet that
/// cannot be loaded is reported on the console; the widgets still work, unstyled.
pub async fn load() {
    let file = file();
    let url = super::beside_bundle(&file);
    let from_entry = match entry_styles(&file) {
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

/// The entry script's promise of the text of `file`, if the page has the entry script.
fn entry_styles(file: &str) -> Option<js_sys::Promise> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let api = js_sys::Reflect::get(&window, &"handbookWidgets".into()).ok()?;
    let styles: js_sys::Function = js_sys::Reflect::get(&api, &"styles".into())
        .ok()?
        .dyn_into()
        .ok()?;
    styles.call1(&api, &file.into()).ok()?.dyn_into().ok()
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
        link.set_attribute("href", &super::beside_bundle(&file()))
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
