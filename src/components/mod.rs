//! View pieces shared by every widget: error notice, tabs, headings, ids.

mod error_notice;
mod heading;
mod source_line;
pub mod tabs;
mod widget_header;

use yew::prelude::*;

pub use error_notice::{title as error_title, ErrorNotice, ErrorNoticeProps};
pub use heading::{Heading, HeadingProps};
pub use source_line::{SourceLine, SourceLineProps};
pub use tabs::{Tabs, TabsProps};
pub use widget_header::{WidgetHeader, WidgetHeaderProps};

/// The prefix of a widget's element ids (`aria-controls`, `aria-labelledby`): `hb-<kind>`.
/// Each mount renders into a shadow root of its own, where ids need only be unique, so the
/// prefix is the same in every render, in the browser and on the server alike (which
/// hydration needs).
pub fn id_prefix(kind: &'static str) -> AttrValue {
    AttrValue::from(format!("hb-{kind}"))
}
