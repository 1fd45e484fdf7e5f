//! The in-place notice a mount shows when its widget cannot be shown.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DataError;

/// Props of [`ErrorNotice`].
#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What went wrong and where. Required.
    pub error: Rc<DataError>,
    /// The widget name the mount asked for, as written. Default: none.
    #[prop_or_default]
    pub widget: Option<AttrValue>,
}

/// The notice's first words: "The “hiring-timeline” widget could not be shown" (also what
/// the command-line program prints).
pub fn title(widget: Option<&str>) -> String {
    match widget {
        Some(name) if !name.is_empty() => format!("The “{name}” widget could not be shown"),
        _ => "This widget could not be shown".to_owned(),
    }
}

/// A `role="alert"` box naming the problem, the JSON path, line and column, and the data's
/// origin; the line and column are also in `data-line` and `data-column`, for tools (the
/// gallery's playground goes to them).
#[component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    let error = &props.error;
    let what = title(props.widget.as_deref());
    html! {
        <div class="hb-error" role="alert" data-error-kind={error.kind.key()}
            data-line={error.line.map(|l| l.to_string())}
            data-column={error.line.and(error.column).map(|c| c.to_string())}>
            <p class="hb-error__title"><strong>{ what }</strong>{ ": " }{ error.kind.headline() }</p>
            <p class="hb-error__message">{ &error.message }</p>
            if error.path.is_some() || error.line.is_some() || error.origin.is_some() {
                <dl class="hb-error__where">
                    if let Some(path) = &error.path {
                        <div><dt>{ "JSON path" }</dt><dd><code>{ path }</code></dd></div>
                    }
                    if let Some(position) = error.position() {
                        <div><dt>{ "Position" }</dt><dd>{ position }</dd></div>
                    }
                    if let Some(origin) = &error.origin {
                        <div><dt>{ "Data" }</dt><dd>{ origin }</dd></div>
                    }
                </dl>
            }
        </div>
    }
}
