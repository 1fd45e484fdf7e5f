//! The widgets, one folder each, and the one registry that lists them and their presets.

pub mod hiring_timeline;
pub mod level_comparison;
pub mod onboarding_checklist;
pub mod owner_directory;

use yew::prelude::*;

use crate::model::DataError;

/// What the mount element says about how to show its widget, beyond the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    /// Level of the widget's title heading, from `data-heading-level` (2 to 5). Default: 3.
    pub heading_level: u8,
    /// Id of the variant to show first, from `data-variant` (hiring timeline). Default: none.
    pub variant: Option<String>,
    /// This widget's key in the URL fragment: the mount's `id`, else its `data-preset`. Default:
    /// none (the widget derives one from its title).
    pub key: Option<String>,
    /// Colour scheme, from `data-theme`: `light`, `dark`, or none to follow the reader's setting. Default: none.
    pub theme: Option<String>,
    /// Seconds a `data-src` fetch may take before it is stopped and reported, from
    /// `data-timeout` (1 to [`crate::model::limits::MAX_FETCH_SECONDS`]). Default:
    /// [`crate::model::limits::FETCH_SECONDS`] (15).
    pub timeout_seconds: u32,
}

impl Default for MountOptions {
    fn default() -> Self {
        Self {
            heading_level: 3,
            variant: None,
            key: None,
            theme: None,
            timeout_seconds: crate::model::limits::FETCH_SECONDS,
        }
    }
}

impl MountOptions {
    /// The options a mount element's attributes give (`attribute(name)` reads one), the same
    /// in the browser and in the pre-renderer.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let defaults = Self::default();
        Self {
            heading_level: attribute("data-heading-level")
                .and_then(|l| l.trim().parse::<u8>().ok())
                .map_or(defaults.heading_level, |l| l.clamp(2, 5)),
            variant: attribute("data-variant").filter(|v| !v.is_empty()),
            key: [attribute("id"), attribute("data-preset")]
                .into_iter()
                .map(|k| crate::url_state::key_of(&k.unwrap_or_default()))
                .find(|k| !k.is_empty()),
            theme: attribute("data-theme").filter(|t| matches!(t.as_str(), "light" | "dark")),
            timeout_seconds: attribute("data-timeout")
                .and_then(|t| t.trim().parse::<u32>().ok())
                .map_or(defaults.timeout_seconds, |t| {
                    t.clamp(1, crate::model::limits::MAX_FETCH_SECONDS)
                }),
        }
    }
}

/// A widget this bundle can mount.
pub struct WidgetDef {
    /// The `data-hb-widget` name.
    pub name: &'static str,
    /// Parses the JSON text and renders the widget, or says what is wrong with the data.
    pub render: fn(&str, &MountOptions) -> Result<Html, DataError>,
    /// The JSON Schema of its data (native only: `handbook-widgets schema`).
    #[cfg(not(target_arch = "wasm32"))]
    pub schema: fn(&str) -> serde_json::Value,
}

/// A dataset that ships with the bundle, mounted with `data-preset`. The browser fetches it
/// from `presets/<name>.json` beside the bundle when a page uses it (so a page pays only for
/// the presets it shows); the command-line program and native tests have it compiled in.
pub struct Preset {
    /// The `data-preset` name.
    pub name: &'static str,
    /// The widget the dataset is for.
    pub widget: &'static str,
    /// The JSON text, compiled in (not in the wasm: see [`preset_text`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub json: &'static str,
}

/// Every widget there is, by name: the one place a new widget is registered (here, in
/// [`WIDGETS`] and as a feature in Cargo.toml).
pub const WIDGET_NAMES: &[&str] = &[
    hiring_timeline::NAME,
    level_comparison::NAME,
    owner_directory::NAME,
    onboarding_checklist::NAME,
];

/// The widgets this build includes: every one by default (feature `all-widgets`). The embed
/// bundle also has a runtime per widget (`--no-default-features --features hiring-timeline`),
/// which a page whose widgets are all of that one kind loads instead (22 to 28% smaller).
pub const WIDGETS: &[WidgetDef] = &[
    #[cfg(feature = "hiring-timeline")]
    WidgetDef {
        name: hiring_timeline::NAME,
        render: hiring_timeline::render,
        #[cfg(not(target_arch = "wasm32"))]
        schema: crate::model::schema::of::<crate::model::hiring::HiringProcess>,
    },
    #[cfg(feature = "level-comparison")]
    WidgetDef {
        name: level_comparison::NAME,
        render: level_comparison::render,
        #[cfg(not(target_arch = "wasm32"))]
        schema: crate::model::schema::of::<crate::model::levels::Ladder>,
    },
    #[cfg(feature = "owner-directory")]
    WidgetDef {
        name: owner_directory::NAME,
        render: owner_directory::render,
        #[cfg(not(target_arch = "wasm32"))]
        schema: crate::model::schema::of::<crate::model::owners::Directory>,
    },
    #[cfg(feature = "onboarding-checklist")]
    WidgetDef {
        name: onboarding_checklist::NAME,
        render: onboarding_checklist::render,
        #[cfg(not(target_arch = "wasm32"))]
        schema: crate::model::schema::of::<crate::model::checklist::Checklist>,
    },
];

/// A [`Preset`] whose JSON is `assets/data/<name>.json`.
macro_rules! preset {
    ($name:literal, $widget:ident) => {
        Preset {
            name: $name,
            widget: $widget::NAME,
            #[cfg(not(target_arch = "wasm32"))]
            json: include_str!(concat!("../../assets/data/", $name, ".json")),
        }
    };
}

/// Every preset in this bundle, from `assets/data/`.
pub const PRESETS: &[Preset] = &[
    preset!("mattermost-pm-hiring", hiring_timeline),
    preset!("flowfuse-pm-hiring", hiring_timeline),
    preset!("gitlab-pm-leadership-hiring", hiring_timeline),
    preset!("mattermost-pm-levels", level_comparison),
    preset!("gitlab-pm-leadership-levels", level_comparison),
    preset!("mattermost-program-management", owner_directory),
    preset!("mattermost-pm-onboarding", onboarding_checklist),
];

/// The widget called `name`, if this build includes it.
pub fn find_widget(name: &str) -> Option<&'static WidgetDef> {
    WIDGETS.iter().find(|w| w.name == name)
}

/// Whether `name` is a widget that this build leaves out (another runtime of the bundle has
/// it).
pub fn left_out(name: &str) -> bool {
    WIDGET_NAMES.contains(&name) && find_widget(name).is_none()
}

/// The preset called `name`.
pub fn find_preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

thread_local! {
    /// Preset texts the browser has loaded: fetched, or carried by a pre-rendered mount.
    static LOADED: std::cell::RefCell<Vec<(String, std::rc::Rc<str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The JSON text of the preset `name` if it is at hand without the network: compiled in
/// (natively), or loaded before (in the browser, see [`store_preset`]).
pub fn preset_text(name: &str) -> Option<std::rc::Rc<str>> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(preset) = find_preset(name) {
        return Some(preset.json.into());
    }
    LOADED.with(|loaded| {
        loaded
            .try_borrow()
            .ok()?
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.clone())
    })
}

/// Keeps a preset's text for [`preset_text`]; the first text stored under a name stays.
pub fn store_preset(name: &str, text: std::rc::Rc<str>) {
    LOADED.with(|loaded| {
        if let Ok(mut loaded) = loaded.try_borrow_mut() {
            if !loaded.iter().any(|(n, _)| n == name) {
                loaded.push((name.to_owned(), text));
            }
        }
    });
}

/// The presets that rendering `json` with `def` reads besides the data. Only the level
/// comparison names any: each level's hiring process.
pub fn presets_used(def: &WidgetDef, json: &str) -> Vec<String> {
    // Only a build with the level comparison parses ladders (14 KB of wasm elsewhere).
    if cfg!(feature = "level-comparison") && def.name == level_comparison::NAME {
        level_comparison::hiring_presets(json)
    } else {
        Vec::new()
    }
}

/// The [`presets_used`] that are not at hand yet, to be loaded before rendering.
pub fn presets_needed(def: &WidgetDef, json: &str) -> Vec<String> {
    presets_used(def, json)
        .into_iter()
        .filter(|n| find_preset(n).is_some() && preset_text(n).is_none())
        .collect()
}
