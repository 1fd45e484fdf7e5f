//! handbook-widgets: interactive widgets for company handbook pages, mounted from plain HTML.
//!
//! - [`runtime`]: finds mount elements, loads their data, renders, keeps failures local.
//! - [`widgets`]: one folder per widget, and the registry of widgets and presets.
//! - [`model`]: the data formats and their pure logic, apart from any view.
//! - [`markdown`]: Markdown in data fields, rendered safely into Yew nodes.
//! - [`components`]: view pieces shared by the widgets.
//! - [`url_state`]: per-widget state in the URL fragment.
//! - [`shape`]: the shape of rendered HTML, to hydrate only what was pre-rendered as expected.

pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod markdown;
pub mod model;
pub mod runtime;
pub mod shape;
pub mod url_state;
pub mod widgets;

/// This build's identity: a hash of the sources, styles, presets and locked dependencies (see
/// `build.rs`). Pre-rendered pages carry the build they were rendered by.
pub const BUILD: &str = env!("HB_BUILD");
