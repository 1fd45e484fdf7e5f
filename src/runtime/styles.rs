//! The widgets' stylesheet, compiled into the bundle and given to each mount's shadow root as
//! one shared constructable stylesheet, which a strict Content-Security-Policy (`style-src
//! 'self'`, no `'unsafe-inline'`) allows; a `<style>` element only where the browser has no
//! constructable stylesheets.

use std::cell::RefCell;

use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// Every widget's CSS, base first, then [`STATIC_CSS`] for print.
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
pub const STATIC_CSS: &str = include_str!("../../assets/styles/static.css");

thread_local! {
    /// The one stylesheet every shadow root adopts, made on first use; `None` inside until then.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Gives `shadow` the widgets' styles: adopts the shared sheet where the browser can, else
/// appends a `<style>` element. `None` when neither works.
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
        let style = document.create_element("style").ok()?;
        style.set_text_content(Some(CSS));
        shadow.append_child(&style).ok()?;
    }
    Some(())
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.try_borrow().ok()?.as_ref() {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(CSS).ok()?;
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(sheet.clone());
        }
        Some(sheet)
    })
}
