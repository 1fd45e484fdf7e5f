//! One item: a real checkbox (mixed for a partly done parent), its text, owner, N/A switch,
//! and its children.

use std::rc::Rc;

use yew::prelude::*;

use crate::markdown;
use crate::model::checklist::{state_under, CheckState, Item, Ticks};

/// Props of [`ItemRow`].
#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    /// The item. Required.
    pub item: Rc<Item>,
    /// All marks. Required.
    pub ticks: Rc<Ticks>,
    /// The checkbox's element id, unique in the widget whatever the item ids are: its phase's
    /// prefix and its position (`…-item3-0-2`); children append theirs. Required.
    pub id: AttrValue,
    /// Whether a parent is marked not applicable (then this item is too). Default: `false`.
    #[prop_or_default]
    pub under_na: bool,
    /// Called with the item's id when its checkbox is clicked.
    pub ontoggle: Callback<String>,
    /// Called with the item's id when its N/A switch is pressed.
    pub onna: Callback<String>,
}

/// A list item with a checkbox and label; children nest below.
#[component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let item = &props.item;
    // Every tick re-renders every row; the item's Markdown is parsed once.
    let text = use_memo(item.text.clone(), |text| markdown::inline(text));
    let s = state_under(item, &props.ticks, props.under_na);
    let dom_id = props.id.clone();
    let key = item.key().to_owned();
    let onchange = props.ontoggle.reform({
        let key = key.clone();
        move |_: Event| key.clone()
    });
    let onna = props.onna.reform(move |_: MouseEvent| key.clone());
    let na = s == CheckState::NotApplicable;
    let plain = item
        .text
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '*' | '_' | '`'))
        .take(60)
        .collect::<String>();
    html! {
        <li class="hb-item" data-state={s.key()} data-item={item.key().to_owned()}>
            <div class="hb-item__row">
                <input type="checkbox" class="hb-item__check" id={dom_id.clone()}
                    checked={s == CheckState::Done} ~indeterminate={s == CheckState::Mixed}
                    aria-checked={(s == CheckState::Mixed).then_some("mixed")}
                    disabled={na} {onchange} />
                <label for={dom_id} class="hb-item__text hb-md">{ (*text).clone() }</label>
                if let Some(owner) = &item.owner {
                    <span class="hb-tag hb-item__owner">{ owner }</span>
                }
                <button type="button" class="hb-item__na" aria-pressed={na.to_string()} onclick={onna}
                    aria-label={format!("N/A (not applicable): {plain}")} title="Not applicable: leave out of the count">
                    { "N/A" }
                </button>
            </div>
            if !item.children.is_empty() {
                <ul class="hb-items">
                    { for item.children.iter().enumerate().map(|(i, child)| html! {
                        <ItemRow key={child.key().to_owned()} item={child.clone()} ticks={props.ticks.clone()} id={AttrValue::from(format!("{}-{i}", props.id))} under_na={na}
                            ontoggle={props.ontoggle.clone()} onna={props.onna.clone()} />
                    }) }
                </ul>
            }
        </li>
    }
}
