//! The root component of every mount: loading, the widget, or the error notice.

use std::rc::Rc;

use yew::prelude::*;

use super::source::{load, resolve, DataSource, Loaded};
use crate::components::ErrorNotice;
use crate::widgets::MountOptions;

/// Props of [`MountView`].
#[derive(Properties, PartialEq)]
pub struct MountViewProps {
    /// The `data-hb-widget` name as written. Required.
    pub widget: AttrValue,
    /// Where the data comes from. Required.
    pub source: DataSource,
    /// How to show the widget. Default: [`MountOptions::default`].
    #[prop_or_default]
    pub options: Rc<MountOptions>,
    /// The mount element, which gets `data-hb-state`. Default: none (tests).
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
}

/// Shows the widget once its data is there; fetches `data-src` data and presets itself.
#[component]
pub fn MountView(props: &MountViewProps) -> Html {
    // State
    let loaded = {
        let (widget, source, options) = (
            props.widget.clone(),
            props.source.clone(),
            props.options.clone(),
        );
        use_state(move || resolve(&widget, &source, &options))
    };

    // Effects
    {
        let loaded = loaded.clone();
        let (widget, source, options) = (
            props.widget.clone(),
            props.source.clone(),
            props.options.clone(),
        );
        let loading = matches!(*loaded, Loaded::Loading(_));
        use_effect_with(loading, move |loading| {
            if *loading {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(load(&widget, &source, &options).await);
                });
            }
        });
    }
    {
        let host = props.host.clone();
        use_effect_with(loaded.state(), move |state| {
            if let Some(host) = host {
                let _ = host.set_attribute("data-hb-state", state);
            }
        });
    }

    // View
    let content = match &*loaded {
        Loaded::Loading(url) => html! {
            <p class="hb-loading" role="status">{ "Loading " }<span class="hb-loading__url">{ url }</span>{ "…" }</p>
        },
        Loaded::Ready(widget) => widget.clone(),
        Loaded::Failed(error) => {
            html! { <ErrorNotice error={error.clone()} widget={props.widget.clone()} /> }
        }
    };
    html! {
        <div class="hb-root" data-widget={props.widget.clone()} data-state={loaded.state()}
            data-theme={props.options.theme.clone()} aria-busy={matches!(*loaded, Loaded::Loading(_)).then_some("true")}>
            { content }
        </div>
    }
}
