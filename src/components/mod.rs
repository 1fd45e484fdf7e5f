//! View pieces shared by every widget: error notice, tabs, headings, ids.

mod error_notice;
mod heading;
mod source_line;
pub mod tabs;
mod widget_header;

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

pub use error_notice::{title as error_title, ErrorNotice, ErrorNoticeProps};
pub use heading::{Heading, HeadingProps};
pub use source_line::{SourceLine, SourceLineProps};
pub use tabs::{Tabs, TabsProps};
pub use widget_header::{WidgetHeader, WidgetHeaderProps};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A prefix for element ids (`aria-controls`, `aria-labelledby`) unique to this component
/// instance, stable across its renders.
#[hook]
pub fn use_id_prefix(kind: &'static str) -> AttrValue {
    (*use_memo((), move |()| {
        let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        AttrValue::from(format!("hb-{kind}-{n}"))
    }))
    .clone()
}
