//! One item: a real checkbox (mixed for a partly done parent), its text, owner, audience and
//! optional tags, N/A switch, and its children.

use std::rc::Rc;

use yew::prelude::*;

use crate::markdown;
use crate::model::checklist::{state_under, CheckState, Item, Ticks};

/// What every row of a checklist needs to know about the reader: their role, whether items
/// for other roles show, and the roles' labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reader {
    /// Id of the audience picked. Default: none (every role).
    pub audience: Option<AttrValue>,
    /// Whether items for other roles show. Default: `false`.
    pub show_others: bool,
    /// Label of each audience, by id. Default: none.
    pub labels: Rc<[(AttrValue, AttrValue)]>,
}

impl Reader {
    /// "For Engineers, Designers": the tag of something for `ids`.
    pub fn for_tag(&self, ids: &[String]) -> String {
        let names: Vec<&str> = ids
            .iter()
            .map(|id| {
                self.labels
                    .iter()
                    .find(|(k, _)| k.as_str() == id)
                    .map_or(id.as_str(), |(_, label)| label.as_str())
            })
            .collect();
        format!("For {}", names.join(", "))
    }
}

/// Props of [`ItemRow`].
#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    /// The item. Required.
    pub item: Rc<Item>,
    /// All marks. Required.
    pub ticks: Rc<Ticks>,
    /// The reader's role and what shows. Required.
    pub reader: Rc<Reader>,
    /// The checkbox's element id, unique in the widget whatever the item ids are: its phase's
    /// prefix and its position (`…-item3-0-2`); children append theirs. Required.
    pub id: AttrValue,
    /// Whether a parent is marked not applicable (then this item is too). Default: `false`.
    #[prop_or_default]
    pub under_na: bool,
    /// Whether a parent (or the phase) is for other roles only. Default: `false`.
    #[prop_or_default]
    pub under_other: bool,
    /// Whether a parent is optional (then this item is too). Default: `false`.
    #[prop_or_default]
    pub under_optional: bool,
    /// The owner this item inherits from its parent or phase. Default: none.
    #[prop_or_default]
    pub inherited_owner: Option<AttrValue>,
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
    let reader = &props.reader;
    let audience = reader.audience.as_deref();
    let other = props.under_other || !item.is_for(audience);
    if other && !reader.show_others {
        return html! {};
    }
    let s = state_under(item, &props.ticks, audience, props.under_na);
    let dom_id = props.id.clone();
    let key = item.key().to_owned();
    let onchange = props.ontoggle.reform({
        let key = key.clone();
        move |_: Event| key.clone()
    });
    let onna = props.onna.reform(move |_: MouseEvent| key.clone());
    let na = s == CheckState::NotApplicable;
    let optional = props.under_optional || item.optional;
    let owner = item
        .owner
        .clone()
        .map(AttrValue::from)
        .or_else(|| props.inherited_owner.clone());
    let hint_id = format!("{dom_id}-hint");
    let plain = item
        .text
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '*' | '_' | '`'))
        .take(60)
        .collect::<String>();
    html! {
        <li class="hb-item" data-state={s.key()} data-item={item.key().to_owned()}
            data-other={other.then_some("true")} data-optional={optional.then_some("true")}
            data-one-of={item.one_of.then_some("true")}>
            <div class="hb-item__row">
                <input type="checkbox" class="hb-item__check" id={dom_id.clone()}
                    checked={s == CheckState::Done} ~indeterminate={s == CheckState::Mixed}
                    aria-checked={(s == CheckState::Mixed).then_some("mixed")}
                    aria-describedby={item.one_of.then(|| hint_id.clone())}
                    disabled={na || item.one_of} {onchange} />
                <label for={dom_id} class="hb-item__text hb-md">{ (*text).clone() }</label>
                if item.one_of {
                    <span class="hb-item__hint" id={hint_id}>{ "Any one of these counts" }</span>
                }
                if let Some(owner) = item.owner.as_ref() {
                    <span class="hb-tag hb-item__owner">{ owner }</span>
                }
                if item.optional {
                    <span class="hb-tag hb-tag--optional">{ "Optional" }</span>
                }
                if !item.audiences.is_empty() {
                    <span class="hb-tag hb-item__for">{ reader.for_tag(&item.audiences) }</span>
                }
                <button type="button" class="hb-item__na" aria-pressed={na.to_string()} onclick={onna}
                    aria-label={format!("N/A (not applicable): {plain}")} title="Not applicable: leave out of the count">
                    { "N/A" }
                </button>
            </div>
            if !item.children.is_empty() {
                <ul class="hb-items">
                    { for item.children.iter().enumerate().map(|(i, child)| html! {
                        <ItemRow key={child.key().to_owned()} item={child.clone()} ticks={props.ticks.clone()}
                            reader={props.reader.clone()} id={AttrValue::from(format!("{}-{i}", props.id))}
                            under_na={na} under_other={other} under_optional={optional} inherited_owner={owner.clone()}
                            ontoggle={props.ontoggle.clone()} onna={props.onna.clone()} />
                    }) }
                </ul>
            }
        </li>
    }
}
