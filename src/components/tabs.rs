//! WAI-ARIA tabs with automatic activation: arrow keys, Home and End move and select.

use implicit_clone::unsync::IArray;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Id of tab `index` under `prefix`.
pub fn tab_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-tab-{index}")
}

/// Id of the panel of tab `index` under `prefix`.
pub fn panel_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-panel-{index}")
}

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Id prefix shared with the panels (see [`tab_id`], [`panel_id`]). Required.
    pub id: AttrValue,
    /// Accessible name of the tab list. Required.
    pub label: AttrValue,
    /// Tab labels, in order. Required.
    pub tabs: IArray<AttrValue>,
    /// Index of the selected tab. Required.
    pub selected: usize,
    /// Called with the index of the tab the reader selects.
    pub onselect: Callback<usize>,
}

/// The tab list; the caller renders the panels with [`panel_id`] ids and `aria-labelledby`.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let list = use_node_ref();
    let count = props.tabs.len();

    // Callbacks
    let onkeydown = {
        let (list, onselect, selected) = (list.clone(), props.onselect.clone(), props.selected);
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (selected + 1) % count.max(1),
                "ArrowLeft" | "ArrowUp" => (selected + count.max(1) - 1) % count.max(1),
                "Home" => 0,
                "End" => count.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            onselect.emit(next);
            let tab = list
                .cast::<HtmlElement>()
                .and_then(|l| l.children().item(u32::try_from(next).ok()?))
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(t).ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        })
    };

    // View
    html! {
        <div class="hb-tabs" role="tablist" aria-label={props.label.clone()} ref={list} {onkeydown}>
            { for props.tabs.iter().enumerate().map(|(i, label)| {
                let selected = i == props.selected;
                let onclick = props.onselect.reform(move |_: MouseEvent| i);
                html! {
                    <button type="button" role="tab" class="hb-tabs__tab"
                        id={tab_id(&props.id, i)}
                        aria-selected={selected.to_string()}
                        aria-controls={panel_id(&props.id, i)}
                        tabindex={if selected { "0" } else { "-1" }}
                        {onclick}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
