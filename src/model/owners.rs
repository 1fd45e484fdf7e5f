//! Program ownership: people, program groups, and finding who owns what and what nobody owns.

use std::collections::HashMap;
use std::rc::Rc;

use serde::Deserialize;

use super::error::DataError;
use super::json::{check_count, check_ids, check_text, Validate};
use super::limits::{DIRECTORY_PEOPLE, DIRECTORY_PROGRAMS};
use super::SourceLink;

/// A team's programs and their owners: what the `owner-directory` widget shows.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// Heading of the widget. Required.
    pub title: String,
    /// Where the directory is published. Default: none.
    #[serde(default)]
    pub source: Option<SourceLink>,
    /// Markdown shown under the title. Default: none.
    #[serde(default)]
    pub notes: Option<String>,
    /// Id of the person who leads the team. Default: none.
    #[serde(default)]
    pub lead: Option<String>,
    /// What the directory lists, in the data's words ("feature", "service"). Default:
    /// program, programs.
    #[serde(default)]
    pub noun: Option<Noun>,
    /// Everyone (people and teams) who owns or supports a program, in the page's order.
    /// Required (may be empty).
    pub people: Vec<Rc<Person>>,
    /// Program groups in the page's order. Required.
    pub groups: Vec<Rc<ProgramGroup>>,
}

/// The word for what the directory lists, singular and plural.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Noun {
    /// One of them: "feature". Required.
    pub one: String,
    /// Several: "features". Required.
    pub many: String,
}

/// An owner: a person of the team, or a team.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id, unique; programs name owners by it. Required.
    pub id: String,
    /// Full name, or the team's name. Required.
    pub name: String,
    /// Title or role (for a team, what it does). Default: none.
    #[serde(default)]
    pub title: Option<String>,
    /// Profile, chat handle, email, ... Default: none.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Whether this is a person or a team. Default: [`OwnerKind::Person`].
    #[serde(default)]
    pub kind: OwnerKind,
    /// A team's members: ids of people (not teams) in `people`. Default: none.
    #[serde(default)]
    pub members: Vec<String>,
}

/// Whether an owner is a person or a team.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum OwnerKind {
    /// One person.
    #[default]
    Person,
    /// A team; its members may be listed.
    Team,
}

impl Person {
    /// Whether this owner is a team.
    pub fn is_team(&self) -> bool {
        self.kind == OwnerKind::Team
    }
}

/// A labelled link.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link is. Required.
    pub label: String,
    /// Where it goes (http, https, mailto, tel or relative; others are dropped). Required.
    pub url: String,
}

/// A group of programs.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramGroup {
    /// The group's name. Required.
    pub title: String,
    /// Its programs, in order. Required.
    pub programs: Vec<Rc<Program>>,
}

/// A program and who owns it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// The program's name. Required.
    pub title: String,
    /// What it covers (Markdown). Default: none.
    #[serde(default)]
    pub description: Option<String>,
    /// Ids of its owners (people or teams); empty means unowned ("Owner TBD") unless the
    /// program is `shared`. Default: none.
    #[serde(default)]
    pub owners: Vec<String>,
    /// Whether the program is everyone's on purpose ("shared responsibility"): not unowned,
    /// and then it names no owners. Default: `false`.
    #[serde(default)]
    pub shared: bool,
    /// Labels to find it by: issue labels, chat channels ("~group::access", "#g_access").
    /// Default: none.
    #[serde(default)]
    pub labels: Vec<String>,
    /// Ids of the people who help ("with …"). Default: none.
    #[serde(default)]
    pub supporting: Vec<String>,
    /// Process documents and other resources. Default: none.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Whether its process is written down. Default: `documented`.
    #[serde(default)]
    pub process: ProcessStatus,
}

/// Whether a program's process is written down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProcessStatus {
    /// The process is documented (usually among the links).
    #[default]
    Documented,
    /// "Process to be added".
    ToBeAdded,
}

impl Program {
    /// Whether nobody owns the program (and it is not everyone's on purpose).
    pub fn is_unowned(&self) -> bool {
        self.owners.is_empty() && !self.shared
    }

    /// Whether the process is still to be added.
    pub fn lacks_process(&self) -> bool {
        self.process == ProcessStatus::ToBeAdded
    }
}

impl Validate for Directory {
    fn validate(&self) -> Result<(), DataError> {
        check_text(&self.title, "$.title")?;
        check_ids(self.people.iter().map(|p| p.id.as_str()), "$.people", "id")?;
        for (i, person) in self.people.iter().enumerate() {
            check_text(&person.name, format!("$.people[{i}].name"))?;
        }
        check_count(self.people.len(), DIRECTORY_PEOPLE, "$.people", "people")?;
        let programs: usize = self.groups.iter().map(|g| g.programs.len()).sum();
        check_count(programs, DIRECTORY_PROGRAMS, "$.groups", "programs")?;
        let people: std::collections::HashSet<&str> =
            self.people.iter().map(|p| p.id.as_str()).collect();
        let known = |id: &str| people.contains(id);
        if let Some(noun) = &self.noun {
            check_text(&noun.one, "$.noun.one")?;
            check_text(&noun.many, "$.noun.many")?;
        }
        for (i, owner) in self.people.iter().enumerate() {
            if !owner.members.is_empty() && !owner.is_team() {
                return Err(DataError::invalid_at(
                    format!("$.people[{i}].members"),
                    format!(
                        "\"{}\" has members but is not a team: add \"kind\": \"team\"",
                        owner.name
                    ),
                ));
            }
            for (m, id) in owner.members.iter().enumerate() {
                let member = self.person(id);
                if member.is_none_or(|p| p.is_team()) {
                    return Err(DataError::invalid_at(
                        format!("$.people[{i}].members[{m}]"),
                        format!("team \"{}\" lists \"{id}\" as a member, who is not a person in `people`", owner.name),
                    ));
                }
            }
        }
        if let Some(lead) = self.lead.as_deref().filter(|l| !known(l)) {
            return Err(DataError::invalid_at(
                "$.lead",
                format!("the lead \"{lead}\" is not the id of a person in `people`"),
            ));
        }
        for (gi, group) in self.groups.iter().enumerate() {
            check_text(&group.title, format!("$.groups[{gi}].title"))?;
            for (pi, program) in group.programs.iter().enumerate() {
                let at = format!("$.groups[{gi}].programs[{pi}]");
                check_text(&program.title, format!("{at}.title"))?;
                if program.shared && !program.owners.is_empty() {
                    return Err(DataError::invalid_at(
                        format!("{at}.shared"),
                        format!("program \"{}\" is shared by everyone and also names owners: give one or the other", program.title),
                    ));
                }
                for (l, label) in program.labels.iter().enumerate() {
                    check_text(label, format!("{at}.labels[{l}]"))?;
                }
                for (field, ids) in [
                    ("owners", &program.owners),
                    ("supporting", &program.supporting),
                ] {
                    if let Some((i, id)) = ids.iter().enumerate().find(|(_, id)| !known(id)) {
                        return Err(DataError::invalid_at(
                            format!("{at}.{field}[{i}]"),
                            format!("program \"{}\" names \"{id}\" in `{field}`, who is not in `people`", program.title),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

// Finding

/// A program's place: (group index, program index).
pub type ProgramRef = (usize, usize);

/// What the reader filters by; every part that is set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Text to find in titles, descriptions and people's names (case ignored). Default: empty.
    pub query: String,
    /// Only programs this person or team owns or supports (for a person, also through a team
    /// they are a member of). Default: none.
    pub person: Option<String>,
    /// Only programs with this label. Default: none.
    pub label: Option<String>,
    /// Only unowned programs. Default: `false`.
    pub unowned: bool,
    /// Only programs whose process is to be added. Default: `false`.
    pub no_process: bool,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.person.is_none()
            && self.label.is_none()
            && !self.unowned
            && !self.no_process
    }
}

/// Lower-cased search text of every program and person, built once per dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIndex {
    programs: Vec<(ProgramRef, String)>,
    people: HashMap<String, String>,
}

impl SearchIndex {
    /// Builds the index: each program's title, description and its people's names.
    pub fn new(directory: &Directory) -> Self {
        let names: HashMap<&str, &str> = directory
            .people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        let programs = directory
            .groups
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| {
                let names = &names;
                g.programs.iter().enumerate().map(move |(pi, p)| {
                    let people = p
                        .owners
                        .iter()
                        .chain(&p.supporting)
                        .filter_map(|id| names.get(id.as_str()).copied());
                    let text = [
                        p.title.as_str(),
                        p.description.as_deref().unwrap_or_default(),
                    ]
                    .into_iter()
                    .chain(p.labels.iter().map(String::as_str))
                    .chain(people)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .to_lowercase();
                    ((gi, pi), text)
                })
            })
            .collect();
        let people = directory
            .people
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    format!("{}\n{}", p.name, p.title.as_deref().unwrap_or_default())
                        .to_lowercase(),
                )
            })
            .collect();
        Self { programs, people }
    }

    /// The programs that pass `filter`, in the page's order.
    pub fn programs(&self, directory: &Directory, filter: &Filter) -> Vec<ProgramRef> {
        let query = filter.query.trim().to_lowercase();
        // The filtered owner, and the teams a filtered person is a member of.
        let owners: Vec<&str> = filter.person.as_deref().map_or_else(Vec::new, |id| {
            std::iter::once(id)
                .chain(directory.teams_of(id).map(|t| t.id.as_str()))
                .collect()
        });
        self.programs
            .iter()
            .filter(|(at, text)| {
                let Some(p) = program(directory, *at) else {
                    return false;
                };
                (query.is_empty() || text.contains(&query))
                    && (owners.is_empty()
                        || p.owners
                            .iter()
                            .chain(&p.supporting)
                            .any(|o| owners.contains(&o.as_str())))
                    && filter.label.as_ref().is_none_or(|l| p.labels.contains(l))
                    && (!filter.unowned || p.is_unowned())
                    && (!filter.no_process || p.lacks_process())
            })
            .map(|(at, _)| *at)
            .collect()
    }

    /// Whether a person's name or title contains the query (always true for an empty query).
    pub fn person_matches(&self, id: &str, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        query.is_empty() || self.people.get(id).is_some_and(|t| t.contains(&query))
    }
}

/// The program at `at`.
pub fn program(directory: &Directory, (g, p): ProgramRef) -> Option<&Rc<Program>> {
    directory.groups.get(g)?.programs.get(p)
}

/// Programs in all, unowned, shared, and with the process to be added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// All programs.
    pub programs: usize,
    /// Programs nobody owns.
    pub unowned: usize,
    /// Programs that are everyone's on purpose.
    pub shared: usize,
    /// Programs whose process is to be added.
    pub no_process: usize,
}

impl Directory {
    /// Counts over every program.
    pub fn counts(&self) -> Counts {
        self.groups
            .iter()
            .flat_map(|g| &g.programs)
            .fold(Counts::default(), |mut c, p| {
                c.programs += 1;
                c.unowned += usize::from(p.is_unowned());
                c.shared += usize::from(p.shared);
                c.no_process += usize::from(p.lacks_process());
                c
            })
    }

    /// The person (or team) with `id`.
    pub fn person(&self, id: &str) -> Option<&Rc<Person>> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The teams person `id` is a member of.
    pub fn teams_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Rc<Person>> + 'a {
        self.people
            .iter()
            .filter(move |t| t.is_team() && t.members.iter().any(|m| m == id))
    }

    /// Whether any owner is a team.
    pub fn has_teams(&self) -> bool {
        self.people.iter().any(|p| p.is_team())
    }

    /// Every label, each once, in the order programs first use them.
    pub fn labels(&self) -> Vec<&str> {
        // Seen labels as a sorted list (few labels; no hash set of its own in the wasm).
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for label in self
            .groups
            .iter()
            .flat_map(|g| &g.programs)
            .flat_map(|p| &p.labels)
        {
            if let Err(at) = seen.binary_search(&label.as_str()) {
                seen.insert(at, label);
                out.push(label.as_str());
            }
        }
        out
    }

    /// The words for one and several of what the directory lists.
    pub fn nouns(&self) -> (&str, &str) {
        self.noun.as_ref().map_or(("program", "programs"), |n| {
            (n.one.as_str(), n.many.as_str())
        })
    }

    /// For each person (lead first, then in the data's order): the programs they own and support,
    /// among `programs`. One pass over the programs, whatever the number of people.
    pub fn by_person(&self, programs: &[ProgramRef]) -> Vec<PersonPrograms> {
        let slot: HashMap<&str, usize> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut owns = vec![Vec::new(); self.people.len()];
        let mut supports = vec![Vec::new(); self.people.len()];
        for at in programs {
            let Some(p) = program(self, *at) else {
                continue;
            };
            for (ids, lists) in [(&p.owners, &mut owns), (&p.supporting, &mut supports)] {
                for id in ids {
                    if let Some(list) = slot.get(id.as_str()).and_then(|i| lists.get_mut(*i)) {
                        list.push(*at);
                    }
                }
            }
        }
        let mut out: Vec<PersonPrograms> = self
            .people
            .iter()
            .zip(owns.into_iter().zip(supports))
            .map(|(person, (owns, supports))| PersonPrograms {
                person: person.clone(),
                owns,
                supports,
            })
            .collect();
        out.sort_by_key(|pp| Some(&pp.person.id) != self.lead.as_ref());
        out
    }
}

/// One person's programs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonPrograms {
    /// The person.
    pub person: Rc<Person>,
    /// Programs they own.
    pub owns: Vec<ProgramRef>,
    /// Programs they support.
    pub supports: Vec<ProgramRef>,
}
