//! Where a mount's data comes from, and turning it into a rendered widget or an error.

use std::cell::Cell;
use std::rc::Rc;

use yew::{AttrValue, Html};

use crate::model::limits::{size, MAX_BYTES};
use crate::model::{DataError, ErrorKind};
use crate::widgets::{self, MountOptions, WidgetDef, WIDGET_NAMES};

/// The data a mount element names; the first of these that is present wins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// JSON text from a child `<script type="application/json">`.
    Inline(AttrValue),
    /// A URL from `data-src`, already resolved against the page.
    Url(AttrValue),
    /// A dataset that ships with the bundle, from `data-preset`.
    Preset(AttrValue),
    /// The mount gives no data.
    Missing,
    /// The mount itself is wrong, as this says (a fence whose front matter cannot be read).
    Invalid(Rc<DataError>),
}

/// What a mount shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// The data is being fetched from this URL.
    Loading(AttrValue),
    /// The widget, rendered.
    Ready(Html),
    /// What went wrong.
    Failed(Rc<DataError>),
}

impl Loaded {
    /// The `data-hb-state` value: `loading`, `ready` or `error`.
    pub fn state(&self) -> &'static str {
        match self {
            Self::Loading(_) => "loading",
            Self::Ready(_) => "ready",
            Self::Failed(_) => "error",
        }
    }

    fn from_result(result: Result<Html, DataError>) -> Self {
        match result {
            Ok(html) => Self::Ready(html),
            Err(err) => Self::Failed(Rc::new(err)),
        }
    }
}

/// The widget called `name`, or an error naming the widgets this bundle has.
pub fn widget(name: &str) -> Result<&'static WidgetDef, DataError> {
    if let Some(def) = widgets::find_widget(name) {
        return Ok(def);
    }
    let known = WIDGET_NAMES;
    let message = if name.trim().is_empty() {
        format!("data-hb-widget is empty; name one of: {}", known.join(", "))
    } else {
        format!(
            "there is no widget called \"{name}\"; available: {}",
            known.join(", ")
        )
    };
    Err(DataError::new(ErrorKind::UnknownWidget, message))
}

/// Everything that can be done without the network: data and presets at hand are parsed and
/// rendered; otherwise [`Loaded::Loading`] with the first address to fetch, to be finished by
/// [`load`].
pub fn resolve(name: &str, source: &DataSource, options: &MountOptions) -> Loaded {
    let def = match widget(name) {
        Ok(def) => def,
        Err(err) => return Loaded::Failed(Rc::new(err)),
    };
    match source {
        DataSource::Inline(text) => with_presets(def, text, "inline JSON", options),
        DataSource::Url(url) => Loaded::Loading(url.clone()),
        DataSource::Preset(preset) => match preset_json(def, preset) {
            Ok(Some(json)) => with_presets(def, &json, &preset_origin(preset), options),
            Ok(None) => Loaded::Loading(preset_url(preset).into()),
            Err(err) => Loaded::Failed(Rc::new(err)),
        },
        DataSource::Missing => Loaded::Failed(Rc::new(missing_data())),
        DataSource::Invalid(err) => Loaded::Failed(Rc::clone(err)),
    }
}

/// The widget rendered from `text` if every preset it needs is at hand, else loading the first.
fn with_presets(def: &WidgetDef, text: &str, origin: &str, options: &MountOptions) -> Loaded {
    match widgets::presets_needed(def, text).first() {
        Some(preset) => Loaded::Loading(preset_url(preset).into()),
        None => Loaded::from_result(render_text(def, text, origin, options)),
    }
}

/// Fetches what [`resolve`] could not find at hand (the `data-src`, the preset, the presets the
/// data names), then renders; or says what could not be loaded, from where.
pub async fn load(name: &str, source: &DataSource, options: &MountOptions) -> Loaded {
    let def = match widget(name) {
        Ok(def) => def,
        Err(err) => return Loaded::Failed(Rc::new(err)),
    };
    let seconds = options.timeout_seconds;
    let (text, origin): (Rc<str>, String) = match source {
        DataSource::Inline(text) => (text.as_str().into(), "inline JSON".to_owned()),
        DataSource::Url(url) => match fetch_text(url, seconds).await {
            Ok(text) => (text.into(), url.to_string()),
            Err(err) => return Loaded::Failed(Rc::new(err.from_origin(url.as_str()))),
        },
        DataSource::Preset(preset) => match preset_json(def, preset) {
            Ok(Some(json)) => (json, preset_origin(preset)),
            Ok(None) => match fetch_preset(preset, seconds).await {
                Ok(json) => (json, preset_origin(preset)),
                Err(err) => return Loaded::Failed(Rc::new(err)),
            },
            Err(err) => return Loaded::Failed(Rc::new(err)),
        },
        DataSource::Missing => return Loaded::Failed(Rc::new(missing_data())),
        DataSource::Invalid(err) => return Loaded::Failed(Rc::clone(err)),
    };
    for preset in widgets::presets_needed(def, &text) {
        if let Err(err) = fetch_preset(&preset, seconds).await {
            return Loaded::Failed(Rc::new(err));
        }
    }
    Loaded::from_result(render_text(def, &text, &origin, options))
}

/// Renders JSON text for a widget; errors say the text came from `origin`.
pub fn render_text(
    def: &WidgetDef,
    text: &str,
    origin: &str,
    options: &MountOptions,
) -> Result<Html, DataError> {
    (def.render)(text, options).map_err(|e| e.from_origin(origin))
}

fn preset_origin(name: &str) -> String {
    format!("preset \"{name}\"")
}

/// The JSON of the preset `name` for `def` if it is at hand (`None`: to be fetched from
/// [`preset_url`]), or an error naming the presets `def` has.
pub fn preset_json(def: &WidgetDef, name: &str) -> Result<Option<Rc<str>>, DataError> {
    let Some(preset) = widgets::find_preset(name) else {
        let known: Vec<&str> = widgets::PRESETS
            .iter()
            .filter(|p| p.widget == def.name)
            .map(|p| p.name)
            .collect();
        return Err(DataError::new(
            ErrorKind::UnknownPreset,
            format!(
                "there is no preset called \"{name}\"; presets for {}: {}",
                def.name,
                known.join(", ")
            ),
        ));
    };
    if preset.widget != def.name {
        return Err(DataError::new(
            ErrorKind::UnknownPreset,
            format!(
                "preset \"{name}\" is data for the {} widget, not {}",
                preset.widget, def.name
            ),
        ));
    }
    Ok(widgets::preset_text(name))
}

/// Where the browser fetches the preset `name`: `presets/<name>.json` beside the bundle.
pub fn preset_url(name: &str) -> String {
    super::beside_bundle(&format!("presets/{name}.json"))
}

/// Fetches the preset `name` and keeps it for [`widgets::preset_text`].
async fn fetch_preset(name: &str, seconds: u32) -> Result<Rc<str>, DataError> {
    let url = preset_url(name);
    let text: Rc<str> = fetch_text(&url, seconds)
        .await
        .map_err(|err| err.from_origin(format!("preset \"{name}\" ({url})")))?
        .into();
    widgets::store_preset(name, text.clone());
    Ok(text)
}

/// Why a mount without data cannot show anything (in the browser and in the pre-renderer).
pub fn missing_data() -> DataError {
    DataError::new(
        ErrorKind::Source,
        "the mount gives no data: add a child <script type=\"application/json\">, a data-src URL or a data-preset name",
    )
}

/// The body of `url` as text, within `seconds` and [`MAX_BYTES`]. The request is stopped, and
/// reported, when headers and body have not all arrived in time, or when the body is over
/// [`MAX_BYTES`] (announced, or once read, before it is copied into wasm).
pub(crate) async fn fetch_text(url: &str, seconds: u32) -> Result<String, DataError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let source = |message: String| DataError::new(ErrorKind::Source, message);
    let too_big = |bytes: usize| {
        DataError::new(
            ErrorKind::Limit,
            format!(
                "the file is {}; the widgets accept at most {}",
                size(bytes),
                size(MAX_BYTES)
            ),
        )
    };
    let window = web_sys::window().ok_or_else(|| source("there is no browser window".into()))?;
    // The timer aborts the request (headers or body, whichever is under way) when it fires.
    let controller = web_sys::AbortController::new().map_err(|e| source(failed(&e)))?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo::timers::callback::Timeout::new(seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let why = |e: wasm_bindgen::JsValue| {
        if timed_out.get() {
            source(format!(
                "the server took longer than {seconds} s to send the data, so the request was stopped"
            ))
        } else {
            source(failed(&e))
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(&why)?
        .dyn_into()
        .map_err(&why)?;
    if !response.ok() {
        controller.abort();
        return Err(source(format!(
            "the server answered HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|b| *b > MAX_BYTES) {
        controller.abort();
        return Err(too_big(bytes));
    }
    let body = JsFuture::from(response.text().map_err(&why)?)
        .await
        .map_err(&why)?;
    let body: js_sys::JsString = body.dyn_into().map_err(&why)?;
    // UTF-16 units: never more than the UTF-8 bytes the text becomes.
    let units = body.length() as usize;
    if units > MAX_BYTES {
        return Err(too_big(units));
    }
    Ok(String::from(body))
}

/// "the request failed (…)", with what the browser said.
fn failed(error: &wasm_bindgen::JsValue) -> String {
    let detail = js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".to_owned());
    format!("the request failed ({detail})")
}
