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
    let title = html! { { &source.title } };
    let linked = source
        .url
        .as_deref()
        .and_then(|url| markdown::link_to(url, title));
    html! {
        <p class="hb-source">
            <span class="hb-label">{ "Source: " }</span>
            { linked.unwrap_or_else(|| html! { <cite>{ &source.title }</cite> }) }
        </p>
    }
}
