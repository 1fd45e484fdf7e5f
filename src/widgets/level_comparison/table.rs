//! The comparison table: one column per level, a row per field and per section.

use std::rc::Rc;

use yew::prelude::*;

use implicit_clone::unsync::IArray;

use super::HiringInfo;
use crate::markdown;
use crate::model::hiring::Emphasis;
use crate::model::levels::{Comparison, FieldRow, Level, Piece, Side};
use crate::url_state::{encode, follow};

/// Props of [`ComparisonTable`].
#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    /// The left level. Required.
    pub left: Rc<Level>,
    /// The right level. Required.
    pub right: Rc<Level>,
    /// What differs between them. Required.
    pub comparison: Rc<Comparison>,
    /// Their hiring processes, where they have one. Default: none.
    #[prop_or_default]
    pub hiring: (Option<Rc<HiringInfo>>, Option<Rc<HiringInfo>>),
    /// Indices of the left and right levels in the ladder. Required.
    pub pair: (usize, usize),
    /// Every level's short label, by index (for the levels a field links). Required.
    pub labels: IArray<AttrValue>,
    /// Called with a new pair when the reader follows a linked level (reports to, equivalent).
    pub onpair: Callback<(usize, usize)>,
}

/// A real table with column and row headers; what one side has and the other lacks is marked
/// with words ("Only in …"), not colour alone. Explicit ARIA roles keep the table semantics
/// when narrow containers stack the cells.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let (a, b) = (&props.left, &props.right);
    let c = &props.comparison;
    let header = |level: &Level| {
        html! {
            <th scope="col" role="columnheader" class="hb-compare__level">
                <span class="hb-compare__level-title">{ &level.title }</span>
                if let Some(grade) = &level.grade {
                    <span class="hb-compare__level-grade">{ format!("Grade {grade}") }</span>
                }
            </th>
        }
    };
    // A field's value: its Markdown, then a button per level it names, which compares this
    // level with that one.
    let cell = |f: &FieldRow, right: bool, label: &str, changed: bool| {
        let (value, links, this) = if right {
            (&f.right, &f.right_links, props.pair.1)
        } else {
            (&f.left, &f.left_links, props.pair.0)
        };
        if value.is_none() && links.is_empty() {
            return html! { <td role="cell" data-level={label.to_owned()} class="hb-absent">{ "Not stated" }</td> };
        }
        html! {
            <td role="cell" data-level={label.to_owned()} data-changed={changed.to_string()}>
                if let Some(v) = value { { markdown::inline(v) }{ " " } }
                { for links.iter().map(|&other| {
                    let name = props.labels.get(other).cloned().unwrap_or_default();
                    let onclick = props.onpair.reform(move |_: MouseEvent| (this, other));
                    html! {
                        <button type="button" class="hb-level-link" data-level-index={other.to_string()} {onclick}
                            title={format!("Compare {label} with {name}")}>{ name.clone() }</button>
                    }
                }) }
                if changed {
                    <span class="hb-changed">{ "differs" }</span>
                }
            </td>
        }
    };
    let hiring_cell = |info: &Option<Rc<HiringInfo>>, label: &str, side: &'static str| match info {
        Some(info) => {
            html! { <td role="cell" data-level={label.to_owned()}><HiringSummary info={info.clone()} id={format!("hb-hiring-{side}")} /></td> }
        }
        None => {
            html! { <td role="cell" data-level={label.to_owned()} class="hb-absent">{ "Not stated" }</td> }
        }
    };

    html! {
        <table class="hb-compare" role="table">
            <caption class="hb-compare__caption">
                { format!("{} compared with {}", a.title, b.title) }
            </caption>
            <thead role="rowgroup">
                <tr role="row">
                    <td class="hb-compare__corner"></td>
                    { header(a) }
                    { header(b) }
                </tr>
            </thead>
            <tbody role="rowgroup">
                { for c.fields.iter().map(|f| html! {
                    <tr role="row" class="hb-compare__field" data-changed={f.changed().to_string()}>
                        <th scope="row" role="rowheader">{ f.name }</th>
                        { cell(f, false, a.label(), false) }
                        { cell(f, true, b.label(), f.changed()) }
                    </tr>
                }) }
                { for c.sections.iter().map(|row| html! {
                    <tr role="row" class="hb-compare__section">
                        <th scope="row" role="rowheader">{ &row.title }</th>
                        <SideCell side={row.left.clone()} label={AttrValue::from(a.label().to_owned())} />
                        <SideCell side={row.right.clone()} label={AttrValue::from(b.label().to_owned())} />
                    </tr>
                }) }
                if props.hiring.0.is_some() || props.hiring.1.is_some() {
                    <tr role="row" class="hb-compare__hiring">
                        <th scope="row" role="rowheader">{ "Hiring process" }</th>
                        { hiring_cell(&props.hiring.0, a.label(), "left") }
                        { hiring_cell(&props.hiring.1, b.label(), "right") }
                    </tr>
                }
            </tbody>
        </table>
    }
}

/// Props of [`SideCell`].
#[derive(Properties, PartialEq)]
pub struct SideCellProps {
    /// The level's content in this section; `None` when it lacks the section.
    pub side: Option<Side>,
    /// The level's short label, for "Only in …". Required.
    pub label: AttrValue,
}

/// One level's items (a list) or sentences (prose), each marked when the other level lacks it.
///
/// When every piece is missing on the other side, one "Only in …" tag marks the whole cell.
/// Otherwise list items get their own tag; sentences in prose are underlined (dashed), with one
/// note per cell saying so and the words "only in …" for screen readers on each sentence.
#[component]
pub fn SideCell(props: &SideCellProps) -> Html {
    let label = &props.label;
    let Some(side) = &props.side else {
        return html! { <td role="cell" data-level={label.clone()} class="hb-absent">{ "Not stated" }</td> };
    };
    if side.tbd {
        return html! {
            <td role="cell" data-level={label.clone()} data-state="tbd" class="hb-absent">
                <span class="hb-tag hb-tag--tbd">{ "Not yet written (TBD)" }</span>
            </td>
        };
    }
    let all_only = side.pieces.iter().all(|p| p.only_here);
    let any_only = side.pieces.iter().any(|p| p.only_here);
    let tag = html! { <span class="hb-only">{ format!("Only in {label}") }</span> };
    let mark = |only_here: bool| match (only_here && !all_only, side.prose) {
        (false, _) => html! {},
        (true, false) => tag.clone(),
        (true, true) => {
            html! { <span class="hb-visually-hidden">{ format!("(only in {label}) ") }</span> }
        }
    };
    let content = if side.prose {
        html! {
            <p class="hb-prose">
                { for side.pieces.iter().map(|p| html! {
                    <>
                        <span class="hb-piece" data-only={p.only_here.to_string()} data-paired={p.diff.is_some().then_some("true")}>
                            { mark(p.only_here) }{ piece_text(p) }
                        </span>
                        { " " }
                    </>
                }) }
            </p>
        }
    } else {
        html! {
            <ul class="hb-cell-items">
                { for side.pieces.iter().map(|p| html! {
                    <li class="hb-piece hb-md" data-only={p.only_here.to_string()} data-paired={p.diff.is_some().then_some("true")}>
                        { mark(p.only_here) }{ piece_text(p) }
                    </li>
                }) }
            </ul>
        }
    };
    let state = match (all_only, any_only) {
        (true, _) => "all-only",
        (false, true) => "some-only",
        (false, false) => "shared",
    };
    html! {
        <td role="cell" data-level={label.clone()} data-state={state}>
            if all_only {
                <p class="hb-cell-note">{ tag.clone() }{ "all of it" }</p>
            } else if any_only && side.prose {
                <p class="hb-cell-note">{ format!("Underlined: only in {label}") }</p>
            }
            { content }
        </td>
    }
}

/// A piece's text: its Markdown, or, when it is paired with a similar piece of the other
/// level, its words with the ones that change marked (in words too, for screen readers).
fn piece_text(p: &Piece) -> Html {
    let Some(words) = &p.diff else {
        return markdown::inline(&p.text);
    };
    // Runs of words that change, or not, each as one piece of text.
    let mut runs: Vec<(bool, String)> = Vec::new();
    for w in words {
        match runs.last_mut() {
            Some((changed, text)) if *changed == w.changed => {
                text.push(' ');
                text.push_str(&w.text);
            }
            _ => runs.push((w.changed, w.text.clone())),
        }
    }
    html! {
        { for runs.into_iter().enumerate().map(|(i, (changed, text))| html! {
            <>
                if i > 0 { { " " } }
                if changed {
                    <mark class="hb-word-changed"><span class="hb-visually-hidden">{ "[changed: " }</span>{ text }<span class="hb-visually-hidden">{ "]" }</span></mark>
                } else {
                    { text }
                }
            </>
        }) }
    }
}

/// Props of [`HiringSummary`].
#[derive(Properties, PartialEq)]
pub struct HiringSummaryProps {
    /// The level's hiring process. Required.
    pub info: Rc<HiringInfo>,
    /// Id of the list of stages, unique in the widget (`hb-hiring-left`). Required.
    pub id: AttrValue,
}

/// Stage count and interview time of a level's hiring process, its stages behind a disclosure.
#[component]
pub fn HiringSummary(props: &HiringSummaryProps) -> Html {
    let open = use_state_eq(|| false);
    let id = props.id.clone();
    let info = &props.info;
    let t = info.totals;
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // A hiring timeline on this page: its fragment entry selects the level's tab there. The
    // click sets it beside the entries already in the fragment (this comparison's pair), which
    // the plain link, for a new tab or a copied address, would replace.
    let on_page = info.mount.as_ref().map(|(mount, variant)| {
        let href = format!("#hb-{}={}", encode(mount), encode(variant));
        let (mount, variant) = (mount.clone(), variant.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                follow(&mount, &variant);
            }
        });
        (href, onclick)
    });
    html! {
        <div class="hb-hiring">
            if let Some(t) = t {
                <p class="hb-hiring__totals">
                    { format!("{} stages, {} of interviews", t.required_stages, t.required) }
                    if t.outside_stages() > 0 {
                        { format!(" (+{} {})", t.outside_stages(), t.outside_words()) }
                    }
                </p>
                <button type="button" class="hb-button hb-button--quiet" aria-expanded={open.to_string()}
                    aria-controls={id.clone()} {onclick}>
                    { if *open { "Hide the stages" } else { "Show the stages" } }
                </button>
                <ol id={id} class="hb-hiring__stages" hidden={!*open}>
                    { for info.stages.iter().map(|(title, minutes, emphasis)| html! {
                        <li>
                            { markdown::inline(title) }
                            if let Some(span) = minutes { { format!(" ({span})") } }
                            { match emphasis {
                                Emphasis::Required => "",
                                Emphasis::Encouraged => " (strongly encouraged)",
                                Emphasis::Optional => " (optional)",
                                Emphasis::Conditional => " (conditional)",
                            } }
                        </li>
                    }) }
                </ol>
            }
            if let Some((href, onclick)) = on_page {
                <p><a class="hb-hiring__on-page" {href} {onclick}>{ "This level's hiring process, on this page" }</a></p>
            }
            if let Some(link) = info.url.as_deref().and_then(|url| markdown::link_to(url, html! { "The full hiring process" })) {
                <p>{ link }</p>
            }
        </div>
    }
}
