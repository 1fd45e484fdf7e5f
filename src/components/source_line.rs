//! "Source: <title>" under a widget's heading.

use yew::prelude::*;

use crate::markdown;
use crate::model::SourceLink;

/// Props of [`SourceLine`].
#[derive(Properties, PartialEq)]
pub struct SourceLineProps {
    /// The source to name. Required.
    pub source: SourceLink,
}

/// "Source: <title>", linked when the URL is one [`markdown::safe_url`] allows.
#[component]
pub fn SourceLine(props: &SourceLineProps) -> Html {
    let source = &props.source;
    let href = source.url.as_deref().and_then(markdown::safe_url);
    html! {
        <p class="hb-source">
            <span class="hb-label">{ "Source: " }</span>
            if let Some(href) = href {
                <a href={href.clone()} rel={markdown::is_external(&href).then_some("noopener noreferrer")}>
                    { &source.title }
                </a>
            } else {
                <cite>{ &source.title }</cite>
            }
        </p>
    }
}
