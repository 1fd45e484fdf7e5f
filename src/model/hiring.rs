//! Hiring process data: variants (per role or level) of ordered stages, and their totals.

use std::rc::Rc;

use serde::Deserialize;

use super::error::DataError;
use super::json::{check_count, check_ids, check_text, Validate};
use super::length::Span;
use super::limits::{HIRING_ALL_STAGES, HIRING_STAGES, HIRING_VARIANTS};
use super::SourceLink;

pub use super::length::format_minutes;

/// A hiring process: what the `hiring-timeline` widget shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// The whole process in calendar time, as the handbook states it ("two to three weeks"
    /// is `"2-3 weeks"`), for every variant that does not state its own. Default: none.
    #[serde(default)]
    pub duration: Option<Span>,
    /// Calendar time before the first stage, such as a service level for every application
    /// ("within 5 business days"), for every variant that does not state its own; counted with
    /// the waits between stages. Default: none.
    #[serde(default)]
    pub wait: Option<Span>,
    /// What the candidate waits for before the first stage, such as "a reply" (inline
    /// Markdown), for every variant that does not state its own wait. Default: none.
    #[serde(default, rename = "waitFor")]
    pub wait_for: Option<String>,
    /// One or more variants (by role or level), shown as tabs when there are several. Required.
    pub variants: Vec<Rc<Variant>>,
}

/// One version of the process, for one role or level.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Stable id, unique in the process; other widgets link to it. Required.
    pub id: String,
    /// Tab label, such as "Director". Required.
    pub label: String,
    /// Markdown shown above this variant's stages. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// This variant's whole process in calendar time. Default: the process's `duration`.
    #[serde(default)]
    pub duration: Option<Span>,
    /// This variant's calendar time before its first stage. Default: the process's `wait`.
    #[serde(default)]
    pub wait: Option<Span>,
    /// What the candidate waits for before this variant's first stage (inline Markdown).
    /// Default: the process's `waitFor`, when the variant states no `wait` of its own.
    #[serde(default, rename = "waitFor")]
    pub wait_for: Option<String>,
    /// The stages in the order a candidate meets them; at least one. Required.
    pub stages: Vec<Rc<Stage>>,
}

/// One step of a hiring process.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Stage {
    /// Short name, such as "Screening interview". Required.
    pub title: String,
    /// How the stage happens. Default: [`Channel::Other`].
    #[serde(default)]
    pub channel: Channel,
    /// Length in minutes, when the handbook states one exactly. Default: none.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Length as the handbook words it, instead of `minutes`: a range, other units or an upper
    /// bound ("30-60 min", "1.5 h", "a full day", "up to 2 h"). Default: none (with no
    /// `minutes` either, shown as "length not stated").
    #[serde(default)]
    pub length: Option<Span>,
    /// Who runs the stage, such as "a recruiter" (Markdown, inline). Default: none.
    #[serde(default)]
    pub run_by: Option<String>,
    /// The people or roles a candidate meets (inline Markdown each): a panel when `pick` is
    /// not given. Default: none.
    #[serde(default)]
    pub interviewers: Vec<String>,
    /// How many of `interviewers` a candidate meets ("one of two people"), fewer than listed.
    /// Default: all of them.
    #[serde(default)]
    pub pick: Option<u32>,
    /// Details shown when the reader expands the stage (Markdown). Default: none, and then the
    /// stage does not expand.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether a candidate may skip or not be asked to this stage. Default: `false`.
    #[serde(default)]
    pub optional: bool,
    /// Whether the handbook strongly encourages the stage: part of the process a candidate
    /// normally goes through, counted with the required ones and named apart. Default:
    /// `false`.
    #[serde(default)]
    pub encouraged: bool,
    /// When the stage happens at all, as the handbook says ("engineering roles only"; inline
    /// Markdown), shown on the stage; counted with the optional ones. Default: none (always).
    #[serde(default)]
    pub condition: Option<String>,
    /// Calendar time after this stage before the next one, such as a service level ("up to 48
    /// h"), apart from interview time. Default: none.
    #[serde(default)]
    pub wait: Option<Span>,
    /// What the candidate waits for, such as "a decision" (inline Markdown). Default: none.
    #[serde(default)]
    pub wait_for: Option<String>,
    /// Name of the group this stage belongs to, such as "On-site day": stages next to each
    /// other with the same group are numbered as one step (4a, 4b, ...) and fold together.
    /// Default: none.
    #[serde(default)]
    pub group: Option<String>,
}

/// How a stage happens; shown as a labelled badge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// How much a stage belongs to the process a candidate normally goes through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Every candidate goes through it.
    Required,
    /// Strongly encouraged: part of the usual process, which a candidate may still skip.
    Encouraged,
    /// A candidate may skip it or not be asked to it.
    Optional,
    /// It happens only when its condition holds ("engineering roles only").
    Conditional,
}

impl Emphasis {
    /// The key in the HTML (`data-emphasis`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Encouraged => "encouraged",
            Self::Optional => "optional",
            Self::Conditional => "conditional",
        }
    }
}

/// Counts and time of one variant: the usual process (required and strongly encouraged
/// stages) apart from the optional and the conditional stages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Stages of the usual process: the required and the strongly encouraged ones.
    pub required_stages: usize,
    /// Of those, the strongly encouraged ones.
    pub encouraged_stages: usize,
    /// Of those, the ones with a stated length: the interviews.
    pub required_timed: usize,
    /// Interview time of the usual process: the sum of its stages' stated lengths.
    pub required: Span,
    /// Optional stages.
    pub optional_stages: usize,
    /// Conditional stages (those with a condition, whatever else they say).
    pub conditional_stages: usize,
    /// Interview time of every stage, the optional and conditional ones included.
    pub with_optional: Span,
    /// Calendar time waited between stages (the sum of the stated waits).
    pub waits: Span,
    /// The whole process in calendar time, as stated.
    pub duration: Option<Span>,
}

impl Totals {
    /// Every stage.
    pub fn all_stages(&self) -> usize {
        self.required_stages + self.optional_stages + self.conditional_stages
    }

    /// Stages outside the usual process: the optional and the conditional ones.
    pub fn outside_stages(&self) -> usize {
        self.optional_stages + self.conditional_stages
    }

    /// What the stages are beyond required, in words: `["5 strongly encouraged", "3
    /// optional", "1 conditional"]`, leaving out what there is none of.
    pub fn breakdown(&self) -> Vec<String> {
        [
            (self.encouraged_stages, "strongly encouraged"),
            (self.optional_stages, "optional"),
            (self.conditional_stages, "conditional"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, words)| format!("{n} {words}"))
        .collect()
    }

    /// The stages outside the usual process, named: "optional", "conditional" or "optional
    /// and conditional".
    pub fn outside_words(&self) -> &'static str {
        match (self.optional_stages > 0, self.conditional_stages > 0) {
            (true, true) => "optional and conditional",
            (false, true) => "conditional",
            _ => "optional",
        }
    }
}

impl Stage {
    /// Whether the stage has a description to show behind a disclosure.
    pub fn has_details(&self) -> bool {
        self.description
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
    }

    /// The stated length: `length`, or `minutes` as an exact length.
    pub fn span(&self) -> Option<Span> {
        self.length.or(self.minutes.map(Span::minutes))
    }

    /// Its emphasis: a condition counts first, then "strongly encouraged", then "optional".
    pub fn emphasis(&self) -> Emphasis {
        if self.condition.is_some() {
            Emphasis::Conditional
        } else if self.encouraged {
            Emphasis::Encouraged
        } else if self.optional {
            Emphasis::Optional
        } else {
            Emphasis::Required
        }
    }

    /// Whether it is outside the usual process: optional or conditional (a strongly
    /// encouraged stage is part of it).
    pub fn is_optional(&self) -> bool {
        matches!(self.emphasis(), Emphasis::Optional | Emphasis::Conditional)
    }
}

/// A run of stages in a variant: one stage, or a named group of stages next to each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step<'a> {
    /// 1-based number of the step in the variant.
    pub number: usize,
    /// The group's name; `None` for a stage on its own.
    pub group: Option<&'a str>,
    /// Index of its first stage.
    pub start: usize,
    /// Index after its last stage.
    pub end: usize,
}

impl Step<'_> {
    /// The label of the stage at `index` in this step: "4" alone, "4a" to "4z" in a group of up
    /// to 26, "4.1" and on in a larger one.
    pub fn label(&self, index: usize) -> String {
        let k = index.saturating_sub(self.start);
        match (self.group, self.end - self.start) {
            (None, _) => self.number.to_string(),
            (Some(_), len) if len <= 26 => {
                let letter = char::from(b'a'.saturating_add(u8::try_from(k).unwrap_or(25)));
                format!("{}{letter}", self.number)
            }
            _ => format!("{}.{}", self.number, k + 1),
        }
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

    /// The variant's steps: its stages, with each group's stages as one step.
    pub fn steps(&self) -> Vec<Step<'_>> {
        let mut steps: Vec<Step<'_>> = Vec::new();
        for (i, stage) in self.stages.iter().enumerate() {
            let group = stage.group.as_deref();
            match steps.last_mut() {
                Some(last) if group.is_some() && last.group == group => last.end = i + 1,
                _ => steps.push(Step {
                    number: steps.len() + 1,
                    group,
                    start: i,
                    end: i + 1,
                }),
            }
        }
        steps
    }

    /// Totals over this variant's stages, with the wait before its first stage among the
    /// waits; `process` gives the calendar time and that wait to a variant without its own.
    pub fn totals(&self, process: &HiringProcess) -> Totals {
        self.totals_with(
            process.duration,
            self.first_wait(process).map(|(wait, _)| wait),
        )
    }

    /// [`Variant::totals`], given the process's calendar time and the wait before the first
    /// stage as [`Variant::first_wait`] resolved it.
    pub fn totals_with(&self, duration: Option<Span>, first_wait: Option<Span>) -> Totals {
        let mut t = totals(&self.stages, self.duration.or(duration));
        if let Some(wait) = first_wait {
            t.waits = wait.plus(t.waits);
        }
        t
    }

    /// The wait before the first stage and what it is for: the variant's own, else the
    /// process's.
    pub fn first_wait<'a>(&'a self, process: &'a HiringProcess) -> Option<(Span, Option<&'a str>)> {
        match self.wait {
            Some(wait) => Some((wait, self.wait_for.as_deref())),
            None => process.wait.map(|wait| {
                (
                    wait,
                    self.wait_for.as_deref().or(process.wait_for.as_deref()),
                )
            }),
        }
    }
}

/// Totals over `stages`, with `duration` as the stated calendar time.
pub fn totals(stages: &[Rc<Stage>], duration: Option<Span>) -> Totals {
    stages.iter().fold(
        Totals {
            duration,
            ..Totals::default()
        },
        |mut t, s| {
            let span = s.span().unwrap_or_default();
            t.with_optional = t.with_optional.plus(span);
            match s.emphasis() {
                Emphasis::Optional => t.optional_stages += 1,
                Emphasis::Conditional => t.conditional_stages += 1,
                emphasis => {
                    t.required_stages += 1;
                    t.encouraged_stages += usize::from(emphasis == Emphasis::Encouraged);
                    t.required_timed += usize::from(s.span().is_some());
                    t.required = t.required.plus(span);
                }
            }
            if let Some(wait) = s.wait {
                t.waits = t.waits.plus(wait);
            }
            t
        },
    )
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
        if let Some(text) = &self.wait_for {
            check_text(text, "$.waitFor")?;
        }
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
            if let Some(text) = &variant.wait_for {
                check_text(text, format!("$.variants[{vi}].waitFor"))?;
            }
            for (si, stage) in variant.stages.iter().enumerate() {
                stage.validate(&format!("$.variants[{vi}].stages[{si}]"))?;
            }
            let steps = variant.steps();
            for (k, step) in steps.iter().enumerate() {
                let Some(name) = step.group else { continue };
                if steps.iter().take(k).any(|s| s.group == Some(name)) {
                    return Err(DataError::invalid_at(
                        format!("$.variants[{vi}].stages[{}].group", step.start),
                        format!("the stages of group \"{name}\" must be next to each other"),
                    ));
                }
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

impl Stage {
    /// The stage's own rules; `at` is its JSONPath.
    fn validate(&self, at: &str) -> Result<(), DataError> {
        check_text(&self.title, format!("{at}.title"))?;
        if self.minutes.is_some() && self.length.is_some() {
            return Err(DataError::invalid_at(
                format!("{at}.length"),
                "give `minutes` or `length`, not both",
            ));
        }
        for (i, who) in self.interviewers.iter().enumerate() {
            check_text(who, format!("{at}.interviewers[{i}]"))?;
        }
        if let Some(pick) = self.pick {
            let listed = self.interviewers.len();
            if pick == 0 || usize::try_from(pick).map_or(true, |p| p >= listed) {
                return Err(DataError::invalid_at(
                    format!("{at}.pick"),
                    format!("`pick` is how many of the {listed} interviewers a candidate meets: from 1 to {}", listed.saturating_sub(1)),
                ));
            }
        }
        for (text, field) in [
            (&self.condition, "condition"),
            (&self.wait_for, "waitFor"),
            (&self.group, "group"),
        ] {
            if let Some(text) = text {
                check_text(text, format!("{at}.{field}"))?;
            }
        }
        Ok(())
    }
}
