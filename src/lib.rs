//! handbook-widgets: interactive widgets for company handbook pages, mounted from plain HTML.
//!
//! - [`runtime`]: finds mount elements, loads their data, renders, keeps failures local.
//! - [`widgets`]: one folder per widget, and the registry of widgets and presets.
//! - [`model`]: the data formats and their pure logic, apart from any view.
//! - [`markdown`]: Markdown in data fields, rendered safely into Yew nodes.
//! - [`components`]: view pieces shared by the widgets.
//! - [`url_state`]: per-widget state in the URL fragment.

pub mod components;
pub mod markdown;
pub mod model;
pub mod runtime;
pub mod url_state;
pub mod widgets;
