//! A heading whose level the host page chooses (`data-heading-level`).

use yew::prelude::*;

/// Props of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Heading level, clamped to 2..=6. Required.
    pub level: u8,
    /// Element id, for `aria-labelledby`. Default: none.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Classes. Default: none.
    #[prop_or_default]
    pub class: Classes,
    /// The heading text.
    #[prop_or_default]
    pub children: Html,
}

/// `<h2>` to `<h6>`, by `level`.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    let tag = match props.level.clamp(2, 6) {
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    };
    html! {
        <@{tag} id={props.id.clone()} class={props.class.clone()}>{ props.children.clone() }</@>
    }
}
