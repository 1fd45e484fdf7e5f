//! Hiring process data: variants (per role or level) of ordered stages, and their totals.

use std::rc::Rc;

use serde::Deserialize;

use super::error::DataError;
use super::json::{check_count, check_ids, check_text, Validate};
use super::limits::{HIRING_ALL_STAGES, HIRING_STAGES, HIRING_VARIANTS};
use super::SourceLink;

/// A hiring process: what the `hiring-timeline` widget shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HiringProcess {
    /// Heading of the widget. Required.
    pub title: String,
    /// Where the process is published. Default: none.
    #[serde(default)]
    pub source: Option<SourceLink>,
    /// Markdown shown under the title, for notes that hold for every variant. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// Markdown shown under the stages, for fine print. Default: none.
    #[serde(default)]
    pub footnotes: Option<String>,
    /// One or more variants (by role or level), shown as tabs when there are several. Required.
    pub variants: Vec<Rc<Variant>>,
}

/// One version of the process, for one role or level.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Stable id, unique in the process; other widgets link to it. Required.
    pub id: String,
    /// Tab label, such as "Director". Required.
    pub label: String,
    /// Markdown shown above this variant's stages. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// The stages in the order a candidate meets them; at least one. Required.
    pub stages: Vec<Rc<Stage>>,
}

/// One step of a hiring process.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Stage {
    /// Short name, such as "Screening interview". Required.
    pub title: String,
    /// How the stage happens. Default: [`Channel::Other`].
    #[serde(default)]
    pub channel: Channel,
    /// Length in minutes, when the handbook states one. Default: none (shown as "length not stated").
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Who runs the stage, such as "a recruiter" (Markdown, inline). Default: none.
    #[serde(default)]
    pub run_by: Option<String>,
    /// Details shown when the reader expands the stage (Markdown). Default: none, and then the
    /// stage does not expand.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether a candidate may skip or not be asked to this stage. Default: `false`.
    #[serde(default)]
    pub optional: bool,
}

/// How a stage happens; shown as a labelled badge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// The candidate applies or the team reviews an application or resume.
    Application,
    /// An email exchange.
    Email,
    /// A call whose medium the handbook does not state.
    Call,
    /// A phone call.
    PhoneCall,
    /// A video call.
    VideoCall,
    /// An interview whose medium the handbook does not state.
    Interview,
    /// An interview in person.
    InPerson,
    /// A try-out project or take-home assignment.
    Audition,
    /// The candidate presents to the team.
    Presentation,
    /// The offer.
    Offer,
    /// Anything else.
    #[default]
    Other,
}

impl Channel {
    /// The badge text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Application => "Application",
            Self::Email => "Email",
            Self::Call => "Call",
            Self::PhoneCall => "Phone call",
            Self::VideoCall => "Video call",
            Self::Interview => "Interview",
            Self::InPerson => "In person",
            Self::Audition => "Audition",
            Self::Presentation => "Presentation",
            Self::Offer => "Offer",
            Self::Other => "Other",
        }
    }

    /// The JSON name, also used as a `data-channel` value for styling.
    pub fn key(self) -> &'static str {
        match self {
            Self::Application => "application",
            Self::Email => "email",
            Self::Call => "call",
            Self::PhoneCall => "phone-call",
            Self::VideoCall => "video-call",
            Self::Interview => "interview",
            Self::InPerson => "in-person",
            Self::Audition => "audition",
            Self::Presentation => "presentation",
            Self::Offer => "offer",
            Self::Other => "other",
        }
    }
}

/// Counts and time of one variant, required and optional stages apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Stages every candidate goes through.
    pub required_stages: usize,
    /// Of those, the ones with a stated length: the interviews.
    pub required_timed: usize,
    /// Sum of the stated lengths of required stages, in minutes.
    pub required_minutes: u32,
    /// Stages marked optional.
    pub optional_stages: usize,
    /// Sum of the stated lengths of optional stages, in minutes.
    pub optional_minutes: u32,
}

impl Stage {
    /// Whether the stage has a description to show behind a disclosure.
    pub fn has_details(&self) -> bool {
        self.description
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
    }
}

impl Variant {
    /// Indices of the stages that have details (see [`Stage::has_details`]).
    pub fn stages_with_details(&self) -> Vec<usize> {
        self.stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.has_details())
            .map(|(i, _)| i)
            .collect()
    }

    /// Totals over this variant's stages.
    pub fn totals(&self) -> Totals {
        self.stages.iter().fold(Totals::default(), |mut t, s| {
            let minutes = s.minutes.unwrap_or(0);
            if s.optional {
                t.optional_stages += 1;
                t.optional_minutes = t.optional_minutes.saturating_add(minutes);
            } else {
                t.required_stages += 1;
                t.required_timed += usize::from(s.minutes.is_some());
                t.required_minutes = t.required_minutes.saturating_add(minutes);
            }
            t
        })
    }
}

impl HiringProcess {
    /// Index of the variant with `id`, if any.
    pub fn variant_index(&self, id: &str) -> Option<usize> {
        self.variants.iter().position(|v| v.id == id)
    }
}

impl Validate for HiringProcess {
    const MAX_BYTES: usize = super::limits::HIRING_BYTES;

    fn validate(&self) -> Result<(), DataError> {
        check_text(&self.title, "$.title")?;
        if self.variants.is_empty() {
            return Err(DataError::invalid_at(
                "$.variants",
                "a process needs at least one variant",
            ));
        }
        check_count(
            self.variants.len(),
            HIRING_VARIANTS,
            "$.variants",
            "variants",
        )?;
        check_ids(
            self.variants.iter().map(|v| v.id.as_str()),
            "$.variants",
            "id",
        )?;
        for (vi, variant) in self.variants.iter().enumerate() {
            check_text(&variant.label, format!("$.variants[{vi}].label"))?;
            if variant.stages.is_empty() {
                return Err(DataError::invalid_at(
                    format!("$.variants[{vi}].stages"),
                    format!("variant \"{}\" needs at least one stage", variant.id),
                ));
            }
            check_count(
                variant.stages.len(),
                HIRING_STAGES,
                &format!("$.variants[{vi}].stages"),
                "stages in one variant",
            )?;
            for (si, stage) in variant.stages.iter().enumerate() {
                check_text(&stage.title, format!("$.variants[{vi}].stages[{si}].title"))?;
            }
        }
        let all: usize = self.variants.iter().map(|v| v.stages.len()).sum();
        check_count(
            all,
            HIRING_ALL_STAGES,
            "$.variants",
            "stages over all variants",
        )?;
        Ok(())
    }
}

/// "4 h 30 min", "45 min", "1 h"; "0 min" for zero.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}
