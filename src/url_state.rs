//! Widget state in the URL fragment, one entry per widget, so links and the back button work.
//!
//! The fragment holds `hb-<key>=<value>` entries joined by `&`; anything else in it (an anchor
//! of the host page) is kept as it is. Each widget reads and writes only its own entry.

use std::rc::Rc;

use yew::prelude::*;

const PREFIX: &str = "hb-";

/// Turns any text into a fragment key: lower-case letters, digits and `-`.
pub fn key_of(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    key.trim_end_matches('-').to_owned()
}

/// The value of the entry `key` in `hash` (with or without its leading `#`).
pub fn get(hash: &str, key: &str) -> Option<String> {
    let name = format!("{PREFIX}{key}=");
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(name.as_str()))
        .map(decode)
}

/// `hash` with the entry `key` set to `value` (or removed for `None`), other parts unchanged.
/// Returns the fragment with its `#`, or an empty string when nothing is left.
pub fn set(hash: &str, key: &str, value: Option<&str>) -> String {
    let name = format!("{PREFIX}{key}=");
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(name.as_str()))
        .map(str::to_owned)
        .collect();
    if let Some(value) = value {
        parts.push(format!("{name}{}", encode(value)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// Percent-encodes all but unreserved characters (and `,` `:` `;` `=`, safe inside an entry).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b','
            | b':'
            | b';'
            | b'=' => char::from(b).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Undoes [`encode`]; invalid escapes stay as they are.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|h| char::from(*h).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Sets another widget's entry `key` to `value` in the page's fragment, keeping every other
/// entry (this widget's among them) and the page's own anchor, as a new history entry that
/// fires `hashchange`, which that widget follows. For links from one widget to another: a
/// plain `href="#hb-…"` would replace the whole fragment.
pub fn follow(key: &str, value: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window
            .location()
            .set_hash(&set(&current_hash(), key, Some(value)));
    }
}

/// A widget's entry in the fragment, kept in step with the address bar.
#[derive(Clone)]
pub struct FragmentHandle {
    /// The entry's value now; `None` when the fragment has no entry for this widget.
    pub value: Option<String>,
    set: Rc<dyn Fn(Option<String>, bool)>,
}

impl FragmentHandle {
    /// Writes the entry as a new history entry (so the back button returns to the previous value).
    pub fn push(&self, value: Option<String>) {
        (self.set)(value, true);
    }

    /// Writes the entry in place of the current history entry (for typing: the back button
    /// should not replay every keystroke).
    pub fn replace(&self, value: Option<String>) {
        (self.set)(value, false);
    }
}

/// The page's fragment; empty outside a browser (server-side rendering in tests), where the
/// web-sys globals are not available.
fn current_hash() -> String {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    } else {
        String::new()
    }
}

/// Reads the entry `key` from the fragment, follows back/forward and hash changes, and pushes
/// new values with `history.pushState` (no scrolling, no `hashchange`). The first render sees
/// no entry, in the browser as on the server, so that a pre-rendered widget hydrates without
/// a mismatch; the entry is read straight after (before the browser paints). Outside a
/// browser the value is always `None`.
#[hook]
pub fn use_fragment(key: AttrValue) -> FragmentHandle {
    let value = use_state(|| None::<String>);
    {
        let (value, key) = (value.setter(), key.clone());
        use_effect_with(key, move |key| {
            let key = key.clone();
            value.set(get(&current_hash(), &key));
            let on_change = move |_: &web_sys::Event| value.set(get(&current_hash(), &key));
            let listeners = web_sys::window().map(|w| {
                let on_change = Rc::new(on_change);
                let (a, b) = (on_change.clone(), on_change);
                [
                    gloo::events::EventListener::new(&w, "popstate", move |e| a(e)),
                    gloo::events::EventListener::new(&w, "hashchange", move |e| b(e)),
                ]
            });
            move || drop(listeners)
        });
    }
    let set = {
        let (value, key) = (value.setter(), key);
        Rc::new(move |next: Option<String>, push: bool| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let hash = set(&current_hash(), &key, next.as_deref());
            let Ok(href) = window.location().href() else {
                return;
            };
            let base = href.split('#').next().unwrap_or_default();
            let url = if hash.is_empty() {
                base.to_owned()
            } else {
                format!("{base}{hash}")
            };
            if let Ok(history) = window.history() {
                let state = wasm_bindgen::JsValue::NULL;
                let _ = if push {
                    history.push_state_with_url(&state, "", Some(&url))
                } else {
                    history.replace_state_with_url(&state, "", Some(&url))
                };
            }
            value.set(next);
        })
    };
    FragmentHandle {
        value: (*value).clone(),
        set,
    }
}
