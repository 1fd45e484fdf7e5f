//! Saving progress in the browser's local storage, and hearing about saves from other tabs.
//! Every call can fail (private mode, blocked storage, sandboxed frame, quota): failures come
//! back as a reason to show the reader, never as a panic.

use crate::model::checklist::Record;

/// Reads the text saved under `key` (`None`: nothing saved); `Err` says why storage cannot be
/// used. The caller decides whether the text is a record it can read.
pub fn load(key: &str) -> Result<Option<String>, String> {
    local_storage()?
        .get_item(key)
        .map_err(|e| reason(&e, "reading is blocked"))
}

/// Saves `record` under `key`; `Err` says why it could not.
pub fn save(key: &str, record: &Record) -> Result<(), String> {
    local_storage()?
        .set_item(key, &record.write())
        .map_err(|e| reason(&e, "saving failed"))
}

/// Removes the record under `key`.
pub fn clear(key: &str) -> Result<(), String> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| reason(&e, "removing failed"))
}

fn local_storage() -> Result<web_sys::Storage, String> {
    if !cfg!(target_arch = "wasm32") {
        return Err("no browser storage here".to_owned());
    }
    let window = web_sys::window().ok_or_else(|| "no browser window".to_owned())?;
    window
        .local_storage()
        .map_err(|e| reason(&e, "storage is blocked"))?
        .ok_or_else(|| "this browser has no local storage".to_owned())
}

fn reason(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

/// Today as days since 1970-01-01 in the reader's time zone; `None` outside a browser.
pub fn today() -> Option<i64> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    crate::model::checklist::parse_date(&text)
}
