//! The header every widget starts with: its title, where the content comes from, and notes.

use yew::prelude::*;

use super::{Heading, SourceLine};
use crate::markdown;
use crate::model::SourceLink;

/// Props of [`WidgetHeader`].
#[derive(Properties, PartialEq)]
pub struct WidgetHeaderProps {
    /// The widget's title. Required.
    pub title: AttrValue,
    /// Id of the title, for the widget's `aria-labelledby`. Required.
    pub title_id: AttrValue,
    /// Heading level of the title. Required.
    pub level: u8,
    /// Where the content is published. Default: none.
    #[prop_or_default]
    pub source: Option<SourceLink>,
    /// Markdown shown under the title. Default: none.
    #[prop_or_default]
    pub notes: Option<AttrValue>,
}

/// Title, "Source: …" line and notes.
#[component]
pub fn WidgetHeader(props: &WidgetHeaderProps) -> Html {
    html! {
        <header class="hb-widget__header">
            <Heading level={props.level} id={props.title_id.clone()} class="hb-widget__title">{ &props.title }</Heading>
            if let Some(source) = &props.source {
                <SourceLine source={source.clone()} />
            }
            if let Some(notes) = &props.notes {
                <div class="hb-notes hb-md">{ markdown::block(notes) }</div>
            }
        </header>
    }
}
