//! The data model: serde types and pure functions, apart from any view.

pub mod checklist;
pub mod error;
pub mod fence;
pub mod hiring;
pub mod json;
pub mod length;
pub mod levels;
pub mod limits;
pub mod owners;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod tracked;

use serde::Deserialize;

pub use error::{DataError, ErrorKind};
pub use json::{parse, Validate};

/// A link to where a dataset's content is published.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceLink {
    /// Name of the source page, such as "GitLab job families: Product Management - Leadership". Required.
    pub title: String,
    /// Address of the source page. Default: none (the title shows as plain text).
    #[serde(default)]
    pub url: Option<String>,
}
