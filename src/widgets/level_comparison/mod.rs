//! `level-comparison`: a career ladder with any two levels side by side.

mod ladder;
mod state;
mod table;

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::{id_prefix, Heading, WidgetHeader};
use crate::markdown;
use crate::model::hiring::{Emphasis, HiringProcess, Totals};
use crate::model::levels::{compare, Ladder, Section};
use crate::model::{parse, DataError, ErrorKind};
use crate::url_state::{key_of, use_fragment};
use crate::widgets::{find_preset, hiring_timeline, preset_text, MountOptions};

pub use ladder::{LadderStrip, LadderStripProps};
pub use state::{parse_pair, Action, PairState};
pub use table::{ComparisonTable, ComparisonTableProps, HiringSummary, SideCell};

/// The name a mount uses: `data-hb-widget="level-comparison"`.
pub const NAME: &str = "level-comparison";

/// A level's hiring process, read from the hiring-timeline preset it names.
#[derive(Clone, Debug, PartialEq)]
pub struct HiringInfo {
    /// Counts and time of the variant, when the level names a preset.
    pub totals: Option<Totals>,
    /// Each stage's title, minutes and whether it is optional.
    pub stages: Vec<(String, Option<crate::model::length::Span>, Emphasis)>,
    /// The page showing the process, if the data names one.
    pub url: Option<String>,
    /// A hiring-timeline mount on the same page and the variant to select there: (mount id,
    /// variant id). Default: none.
    pub mount: Option<(String, String)>,
}

/// Parses `json` as a [`Ladder`], resolves each level's hiring process, and renders the widget.
pub fn render(json: &str, options: &MountOptions) -> Result<Html, DataError> {
    let ladder = Rc::new(parse::<Ladder>(json)?);
    let mut processes = Processes::new();
    let hiring = ladder
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            level
                .hiring
                .as_ref()
                .map(|h| hiring_info(h, i, &mut processes))
                .transpose()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let key = options.key.clone().unwrap_or_else(|| key_of(&ladder.title));
    Ok(html! {
        <LevelComparison data={ladder} hiring={Rc::new(hiring)} state_key={AttrValue::from(key)}
            heading_level={options.heading_level} />
    })
}

/// The distinct hiring-timeline presets the ladder in `json` names, in order; none when the
/// ladder cannot be parsed (rendering then says why).
pub fn hiring_presets(json: &str) -> Vec<String> {
    let Ok(ladder) = parse::<Ladder>(json) else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for name in ladder
        .levels
        .iter()
        .filter_map(|l| l.hiring.as_ref()?.preset.as_ref())
    {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// The hiring-timeline presets parsed so far while rendering one ladder, by preset name.
type Processes = std::collections::HashMap<&'static str, Rc<HiringProcess>>;

fn hiring_info(
    h: &crate::model::levels::HiringRef,
    level: usize,
    processes: &mut Processes,
) -> Result<Rc<HiringInfo>, DataError> {
    let at = format!("$.levels[{level}].hiring");
    let mount = h.mount.clone().zip(h.variant.clone());
    let (Some(name), Some(variant_id)) = (h.preset.as_ref(), h.variant.as_ref()) else {
        return Ok(Rc::new(HiringInfo {
            totals: None,
            stages: Vec::new(),
            url: h.url.clone(),
            mount,
        }));
    };
    let preset = find_preset(name)
        .filter(|p| p.widget == hiring_timeline::NAME)
        .ok_or_else(|| {
            DataError::new(
                ErrorKind::Invalid,
                format!("\"{}\" is not a hiring-timeline preset", name),
            )
            .at(format!("{at}.preset"))
        })?;
    let process = match processes.get(preset.name) {
        Some(p) => p.clone(),
        None => {
            let json = preset_text(preset.name).ok_or_else(|| {
                DataError::new(
                    ErrorKind::Source,
                    format!(
                        "the hiring-timeline preset \"{}\" could not be loaded",
                        name
                    ),
                )
                .at(format!("{at}.preset"))
            })?;
            let p = Rc::new(
                parse::<HiringProcess>(&json)
                    .map_err(|e| e.from_origin(format!("preset \"{}\"", name)))?,
            );
            processes.insert(preset.name, p.clone());
            p
        }
    };
    let variant = process
        .variants
        .iter()
        .find(|v| v.id == *variant_id)
        .ok_or_else(|| {
            DataError::new(
                ErrorKind::Invalid,
                format!("preset \"{}\" has no variant \"{}\"", name, variant_id),
            )
            .at(format!("{at}.variant"))
        })?;
    Ok(Rc::new(HiringInfo {
        totals: Some(variant.totals(&process)),
        stages: variant
            .stages
            .iter()
            .map(|s| (s.title.clone(), s.span(), s.emphasis()))
            .collect(),
        url: h.url.clone(),
        mount,
    }))
}

/// Props of [`LevelComparison`].
#[derive(Properties, PartialEq)]
pub struct LevelComparisonProps {
    /// The ladder. Required.
    pub data: Rc<Ladder>,
    /// Each level's hiring process, by level index. Default: none.
    #[prop_or_default]
    pub hiring: Rc<Vec<Option<Rc<HiringInfo>>>>,
    /// This widget's key in the URL fragment (`#hb-<key>=left~right`). Default: `levels`.
    #[prop_or(AttrValue::Static("levels"))]
    pub state_key: AttrValue,
    /// Level of the title heading. Default: 3.
    #[prop_or(3)]
    pub heading_level: u8,
}

/// The level comparison widget.
#[component]
pub fn LevelComparison(props: &LevelComparisonProps) -> Html {
    // State
    let data = &props.data;
    let fragment = use_fragment(props.state_key.clone());
    let state = {
        let (ladder, value) = (data.clone(), fragment.value.clone());
        use_reducer_eq(move || PairState::from_fragment(ladder, value.as_deref()))
    };
    let id = id_prefix("levels");
    let shared_open = use_state_eq(|| false);
    let level = props.heading_level.clamp(2, 5);

    // Effects: the fragment follows the pair, and the pair follows the fragment (back button,
    // a shared link). What this widget wrote itself is not read back: coming back a render
    // later, it would undo a pick made in between.
    let written = use_mut_ref(|| None::<String>);
    {
        let (dispatcher, ladder, written) = (state.dispatcher(), data.clone(), written.clone());
        use_effect_with(fragment.value.clone(), move |value| {
            if *written.borrow() == *value {
                return;
            }
            *written.borrow_mut() = value.clone();
            let (l, r) = value
                .as_deref()
                .and_then(|v| parse_pair(&ladder, v))
                .unwrap_or_else(|| ladder.default_pair());
            dispatcher.dispatch(Action::Set(l, r));
        });
    }
    {
        let (fragment, pair) = (fragment.clone(), (*state).clone());
        use_effect_with((state.left, state.right), move |_| {
            let wanted = pair.fragment();
            if !(fragment.value.is_none() && pair.is_default()) && wanted != fragment.value {
                *written.borrow_mut() = wanted.clone();
                fragment.push(wanted);
            }
        });
    }

    // Callbacks
    let dispatch = |action: fn(usize) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let index = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| s.value().parse::<usize>().ok());
            if let Some(index) = index {
                dispatcher.dispatch(action(index));
            }
        })
    };
    let (onpickleft, onpickright) = (dispatch(Action::PickLeft), dispatch(Action::PickRight));
    let on = |action: Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action))
    };
    let (onswap, ondown, onup) = (on(Action::Swap), on(Action::Step(-1)), on(Action::Step(1)));
    let onfocus = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Focus(i)))
    };
    let onpair = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(l, r): (usize, usize)| dispatcher.dispatch(Action::Set(l, r)))
    };
    let labels: implicit_clone::unsync::IArray<AttrValue> = data
        .levels
        .iter()
        .map(|l| AttrValue::from(l.label().to_owned()))
        .collect();
    let ontoggleshared = {
        let open = shared_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };

    // View
    let (Some(left), Some(right)) = (data.levels.get(state.left), data.levels.get(state.right))
    else {
        return html! {};
    };
    let comparison = Rc::new(compare(left, right, data));
    let hiring = (
        props.hiring.get(state.left).cloned().flatten(),
        props.hiring.get(state.right).cloned().flatten(),
    );
    let can_step = |delta| data.step((state.left, state.right), delta).is_some();
    let options = |selected: usize| {
        data.levels
            .iter()
            .enumerate()
            .map(|(i, l)| html! { <option value={i.to_string()} selected={i == selected}>{ &l.title }</option> })
            .collect::<Html>()
    };
    html! {
        <section class="hb-widget hb-levels" aria-labelledby={format!("{id}-title")}
            data-left={left.id.clone()} data-right={right.id.clone()}>
            <WidgetHeader title={data.title.clone()} title_id={AttrValue::from(format!("{id}-title"))} level={level}
                source={data.source.clone()} notes={data.notes.clone().map(AttrValue::from)} />
            <LadderStrip ladder={data.clone()} left={state.left} right={state.right} {onfocus} />
            <div class="hb-levels__controls">
                <label class="hb-field">
                    <span class="hb-label">{ "Compare" }</span>
                    <select class="hb-select" data-side="left" onchange={onpickleft}>{ options(state.left) }</select>
                </label>
                <label class="hb-field">
                    <span class="hb-label">{ "with" }</span>
                    <select class="hb-select" data-side="right" onchange={onpickright}>{ options(state.right) }</select>
                </label>
                <div class="hb-levels__buttons">
                    <button type="button" class="hb-button" data-action="swap" onclick={onswap}>{ "⇄ Swap sides" }</button>
                    <button type="button" class="hb-button" data-action="down" onclick={ondown}
                        aria-disabled={(!can_step(-1)).to_string()}>{ "↓ One level down" }</button>
                    <button type="button" class="hb-button" data-action="up" onclick={onup}
                        aria-disabled={(!can_step(1)).to_string()}>{ "↑ One level up" }</button>
                </div>
            </div>
            <p class="hb-visually-hidden" role="status">{ format!("Comparing {} with {}", left.title, right.title) }</p>
            <p class="hb-levels__legend">
                <span class="hb-only">{ "Only in …" }</span>
                { " marks what one level has and the other lacks." }
            </p>
            <div class="hb-compare-wrap">
                <ComparisonTable left={left.clone()} right={right.clone()} {comparison} {hiring}
                    pair={(state.left, state.right)} {labels} {onpair} />
            </div>
            if !data.shared.is_empty() {
                <div class="hb-levels__shared">
                    <button type="button" class="hb-button hb-button--quiet" aria-expanded={shared_open.to_string()}
                        aria-controls={format!("{id}-shared")} onclick={ontoggleshared}>
                        { "What every level shares" }
                    </button>
                    <div id={format!("{id}-shared")} class="hb-md" hidden={!*shared_open}>
                        { for data.shared.iter().map(|s| shared_section(s, level + 1)) }
                    </div>
                </div>
            }
        </section>
    }
}

fn shared_section(section: &Section, level: u8) -> Html {
    html! {
        <>
            <Heading {level} class="hb-levels__shared-title">{ &section.title }</Heading>
            if let Some(items) = &section.items {
                <ul>{ for items.iter().map(|i| html! { <li>{ markdown::inline(i) }</li> }) }</ul>
            }
            if let Some(text) = &section.text {
                { markdown::block(text) }
            }
        </>
    }
}
