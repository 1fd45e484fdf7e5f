//! `onboarding-checklist`: a phased onboarding plan a new hire ticks off, saved in the browser.

mod item;
mod phase;
mod state;
mod storage;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{id_prefix, WidgetHeader};
use crate::model::checklist::{
    export_markdown, parse_date, phase_progress, schedule, storage_key, Checklist, Progress, Record,
};
use crate::model::{parse, DataError};
use crate::widgets::MountOptions;

pub use item::{ItemRow, ItemRowProps, Reader};
pub use phase::{PhaseSection, PhaseSectionProps};
pub use state::{Action, ChecklistState};

/// The name a mount uses: `data-hb-widget="onboarding-checklist"`.
pub const NAME: &str = "onboarding-checklist";

/// Parses `json` as a [`Checklist`], fills in item ids, and renders the widget.
pub fn render(json: &str, options: &MountOptions) -> Result<Html, DataError> {
    let data = Rc::new(parse::<Checklist>(json)?.with_ids());
    Ok(html! { <OnboardingChecklist {data} heading_level={options.heading_level} /> })
}

/// Props of [`OnboardingChecklist`].
#[derive(Properties, PartialEq)]
pub struct OnboardingChecklistProps {
    /// The checklist, item ids filled in. Required.
    pub data: Rc<Checklist>,
    /// Level of the title heading. Default: 3.
    #[prop_or(3)]
    pub heading_level: u8,
}

/// The onboarding checklist widget.
#[component]
pub fn OnboardingChecklist(props: &OnboardingChecklistProps) -> Html {
    // State
    let data = &props.data;
    let key = storage_key(&data.id);
    let state = {
        let data = data.clone();
        use_reducer_eq(move || ChecklistState::new(data))
    };
    let id = id_prefix("checklist");
    let export_open = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<&'static str>);
    let level = props.heading_level.clamp(2, 5);

    // Effects: read what is saved (after the first render, which is the server's too); save
    // every change (never over a record this version cannot read); take changes saved by
    // another tab.
    {
        let (dispatcher, key) = (state.dispatcher(), key.clone());
        use_effect_with(key, move |key| {
            let read = storage::load(key).map(|text| Record::read(text.as_deref()));
            dispatcher.dispatch(Action::Loaded(read));
        });
    }
    {
        let (dispatcher, key) = (state.dispatcher(), key.clone());
        let record = state.record();
        use_effect_with((record, state.can_save()), move |(record, can_save)| {
            if *can_save {
                // Another tab may have saved a format this version cannot read before its
                // storage event reached this one: look first, and never write over it.
                if let Ok(Some(text)) = storage::load(&key) {
                    if let Err(unreadable) = Record::read(Some(&text)) {
                        dispatcher.dispatch(Action::Load(Err(unreadable)));
                        return;
                    }
                }
                let saved = if record == &Record::default() {
                    storage::clear(&key)
                } else {
                    storage::save(&key, record)
                };
                if let Err(reason) = saved {
                    dispatcher.dispatch(Action::SaveStatus(Some(reason)));
                }
            }
        });
    }
    {
        let (dispatcher, key) = (state.dispatcher(), key.clone());
        use_effect_with(key, move |key| {
            let key = key.clone();
            let listener = web_sys::window()
                .filter(|_| cfg!(target_arch = "wasm32"))
                .map(|w| {
                    gloo::events::EventListener::new(&w, "storage", move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        if e.key().as_deref() == Some(key.as_str()) {
                            dispatcher
                                .dispatch(Action::Load(Record::read(e.new_value().as_deref())));
                        }
                    })
                });
            move || drop(listener)
        });
    }

    // Callbacks
    let dispatch = |make: fn(String) -> Action| {
        let d = state.dispatcher();
        Callback::from(move |id: String| d.dispatch(make(id)))
    };
    let (ontoggle, onna) = (
        dispatch(Action::Toggle),
        dispatch(Action::ToggleNotApplicable),
    );
    let on = |action: Action| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
    };
    // Resetting deletes what is stored first, a record this version cannot read included,
    // which saving never writes over.
    let onconfirmreset = {
        let (d, key) = (state.dispatcher(), key.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(reason) = storage::clear(&key) {
                d.dispatch(Action::SaveStatus(Some(reason)));
            }
            d.dispatch(Action::ConfirmReset);
        })
    };
    let onstart = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            d.dispatch(Action::Start(parse_date(&value).map(|_| value)));
        })
    };
    let onaudience = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            d.dispatch(Action::Audience(Some(value).filter(|v| !v.is_empty())));
        })
    };
    let audience = state.audience.as_deref();
    let markdown_text = export_markdown(data, &state.ticks, audience);
    let onexport = {
        let open = export_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let oncopy = {
        let (text, copied) = (markdown_text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, copied) = (text.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(if copy(&text).await {
                    "Copied"
                } else {
                    "Copying is blocked here: select the text and copy it"
                }));
            });
        })
    };
    let ondownload = {
        let (text, name) = (markdown_text.clone(), format!("{}.md", data.id));
        Callback::from(move |_: MouseEvent| download(&name, &text))
    };

    // View
    let ticks = Rc::new(state.ticks.clone());
    let reader = Rc::new(Reader {
        audience: state.audience.clone().map(AttrValue::from),
        show_others: state.show_others,
        labels: data
            .audiences
            .iter()
            .map(|a| {
                (
                    AttrValue::from(a.id.clone()),
                    AttrValue::from(a.label.clone()),
                )
            })
            .collect(),
    });
    let total = data.phases.iter().fold(Progress::default(), |acc, p| {
        let q = phase_progress(p, &ticks, audience);
        Progress {
            done: acc.done + q.done,
            total: acc.total + q.total,
        }
    });
    let start = state.start.as_deref().and_then(parse_date);
    let plan = schedule(
        data,
        &ticks,
        audience,
        start,
        storage::today().unwrap_or(i64::MIN),
    );
    html! {
        <section class="hb-widget hb-checklist" aria-labelledby={format!("{id}-title")}
            data-hide-done={state.hide_done.to_string()} data-saving={if state.can_save() { "on" } else { "off" }}>
            <WidgetHeader title={data.title.clone()} title_id={AttrValue::from(format!("{id}-title"))} {level}
                source={data.source.clone()} notes={data.notes.clone().map(AttrValue::from)} />
            if let Some(reason) = &state.unsaved_reason {
                <p class="hb-notice" role="status" data-notice="unsaved">
                    <strong>{ "Progress will not be saved. " }</strong>
                    { format!("This browser does not let the page store it ({reason}); your ticks last until you leave or reload.") }
                </p>
            } else if let Some(why) = &state.unreadable {
                <p class="hb-notice" role="status" data-notice="unreadable">
                    <strong>{ "Saved progress is not shown. " }</strong>
                    { format!("This browser holds progress for this checklist that cannot be read here: {}. It is left as it is, and ticks made now will not be saved; \u{201c}Reset progress\u{2026}\u{201d} deletes it and starts afresh.", why.describe()) }
                </p>
            }
            <div class="hb-checklist__overview">
                <div class="hb-progress" role="status" data-progress={format!("{}/{}", total.done, total.total)}>
                    <span class="hb-progress__text">{ format!("{} of {} done ({}%)", total.done, total.total, total.percent()) }</span>
                    <progress class="hb-progress__bar" max={total.total.to_string()} value={total.done.to_string()}
                        aria-label="Overall progress"></progress>
                </div>
                if !data.audiences.is_empty() {
                    <label class="hb-field hb-checklist__role">
                        <span class="hb-label">{ "Your role" }</span>
                        <select class="hb-input hb-checklist__audience" onchange={onaudience}>
                            <option value="" selected={audience.is_none()}>{ "Every role" }</option>
                            { for data.audiences.iter().map(|a| html! {
                                <option value={a.id.clone()} selected={audience == Some(a.id.as_str())}>{ &a.label }</option>
                            }) }
                        </select>
                    </label>
                }
                <label class="hb-field">
                    <span class="hb-label">{ "Start date" }</span>
                    <input type="date" class="hb-input hb-input--date" value={state.start.clone().unwrap_or_default()} onchange={onstart} />
                </label>
            </div>
            <div class="hb-checklist__tools">
                <button type="button" class="hb-button" data-action="hide-done" aria-pressed={state.hide_done.to_string()}
                    onclick={on(Action::ToggleHideDone)}>{ "Hide done items" }</button>
                if audience.is_some() {
                    <button type="button" class="hb-button" data-action="show-others" aria-pressed={state.show_others.to_string()}
                        onclick={on(Action::ToggleShowOthers)}>{ "Show other roles' items" }</button>
                }
                <button type="button" class="hb-button" data-action="expand" onclick={on(Action::ExpandAll)}>{ "Expand all" }</button>
                <button type="button" class="hb-button" data-action="collapse" onclick={on(Action::CollapseAll)}>{ "Collapse all" }</button>
                <button type="button" class="hb-button" data-action="export" aria-expanded={export_open.to_string()}
                    aria-controls={format!("{id}-export")} onclick={onexport}>{ "Export as Markdown" }</button>
                <button type="button" class="hb-button" data-action="reset" onclick={on(Action::AskReset)}>{ "Reset progress…" }</button>
            </div>
            if state.confirming_reset {
                <div class="hb-confirm" role="alertdialog" aria-labelledby={format!("{id}-confirm")}>
                    <p id={format!("{id}-confirm")}>
                        { "Reset all progress and the start date for this checklist? This cannot be undone." }
                        if state.unreadable.is_some() {
                            { " The saved progress this page cannot read is deleted too." }
                        }
                    </p>
                    <button type="button" class="hb-button" data-action="confirm-reset" onclick={onconfirmreset}>{ "Reset" }</button>
                    <button type="button" class="hb-button" data-action="cancel-reset" onclick={on(Action::CancelReset)}>{ "Keep my progress" }</button>
                </div>
            }
            <div id={format!("{id}-export")} class="hb-export" hidden={!*export_open}>
                <p>{ "Paste into a GitLab or GitHub onboarding issue:" }</p>
                <textarea class="hb-export__text" readonly=true rows="10" aria-label="Progress as a Markdown task list"
                    value={markdown_text.clone()} />
                <div class="hb-export__buttons">
                    <button type="button" class="hb-button" data-action="copy" onclick={oncopy}>{ "Copy" }</button>
                    <button type="button" class="hb-button" data-action="download" onclick={ondownload}>{ "Download .md" }</button>
                    <span role="status" class="hb-export__status">{ copied.unwrap_or_default() }</span>
                </div>
            </div>
            { for data.phases.iter().zip(plan).enumerate().map(|(pi, (phase, (due, timing)))| {
                let ontogglephase = {
                    let (d, pid) = (state.dispatcher(), phase.id.clone());
                    Callback::from(move |()| d.dispatch(Action::TogglePhase(pid.clone())))
                };
                html! {
                    <PhaseSection key={phase.id.clone()} phase={phase.clone()} ticks={ticks.clone()} reader={reader.clone()} {due} {timing}
                        open={!state.collapsed.contains(&phase.id)} id={AttrValue::from(format!("{id}-phase{pi}"))} level={level + 1}
                        {ontogglephase} ontoggle={ontoggle.clone()} onna={onna.clone()} />
                }
            }) }
        </section>
    }
}

/// Writes `text` to the clipboard; `false` where the browser refuses.
async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let Ok(promise) = write
        .call1(&clipboard, &text.into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a file download called `name`.
fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
