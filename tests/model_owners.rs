//! Program ownership: the preset says what the page says; unknown people are data errors;
//! counts, filters and the by-person view.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use handbook_widgets::model::owners::{program, Directory, Filter, ProcessStatus, SearchIndex};
use handbook_widgets::model::{parse, ErrorKind};

fn preset() -> Directory {
    parse(
        handbook_widgets::widgets::find_preset("mattermost-program-management")
            .unwrap()
            .json,
    )
    .unwrap()
}

fn titles(d: &Directory, f: &Filter) -> Vec<String> {
    let index = SearchIndex::new(d);
    index
        .programs(d, f)
        .into_iter()
        .map(|at| program(d, at).unwrap().title.clone())
        .collect()
}

#[test]
fn the_preset_is_the_team_and_its_thirteen_programs() {
    let d = preset();
    let people: Vec<_> = d
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.title.as_deref().unwrap()))
        .collect();
    assert_eq!(
        people,
        [
            ("Ian Tien", "Co-founder & CEO"),
            ("Jason Blais", "Director of Program Management"),
            ("Hanna Park", "Program Manager"),
            ("Vidhi Saini", "Program Coordinator"),
            (
                "John Combs",
                "Part-time Community Moderator (Agency Contractor)"
            )
        ]
    );
    assert_eq!(d.lead.as_deref(), Some("ian"));
    let groups: Vec<_> = d
        .groups
        .iter()
        .map(|g| (g.title.as_str(), g.programs.len()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Non-MME Customer Operations", 6),
            ("Company Operations", 4),
            ("Community Operations", 3)
        ]
    );
    let owners: Vec<_> = d
        .groups
        .iter()
        .flat_map(|g| &g.programs)
        .map(|p| p.owners.join("+"))
        .collect();
    assert_eq!(
        owners,
        [
            "vidhi", "", "", "", "hanna", "jason", "vidhi", "jason", "hanna", "vidhi", "john",
            "vidhi", "hanna"
        ]
    );
    let promotions = &d.groups[2].programs[1];
    assert_eq!(
        (promotions.title.as_str(), promotions.supporting.clone()),
        ("Community promotions", vec!["hanna".to_owned()])
    );
    let links: usize = d
        .groups
        .iter()
        .flat_map(|g| &g.programs)
        .map(|p| p.links.len())
        .sum();
    assert_eq!(links, 12);
    let c = d.counts();
    assert_eq!((c.programs, c.unowned, c.no_process), (13, 3, 7));
    assert_eq!(d.groups[0].programs[1].process, ProcessStatus::ToBeAdded);
}

#[test]
fn an_owner_who_is_not_a_person_is_a_data_error_naming_the_program() {
    let json = r#"{"title": "T", "people": [{"id": "a", "name": "A"}], "groups": [{"title": "G", "programs": [
        {"title": "Fine", "owners": ["a"]},
        {"title": "Payroll", "owners": ["a"], "supporting": ["zed"]}]}]}"#;
    let e = parse::<Directory>(json).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert_eq!(
        e.path.as_deref(),
        Some("$.groups[0].programs[1].supporting[0]")
    );
    assert!(
        e.message.contains("\"Payroll\"") && e.message.contains("\"zed\""),
        "{}",
        e.message
    );
    let e = parse::<Directory>(&json.replace("\"owners\": [\"a\"]}", "\"owners\": [\"b\"]}"))
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.groups[0].programs[0].owners[0]"));
    let e =
        parse::<Directory>(&json.replace("\"title\": \"T\"", "\"title\": \"T\", \"lead\": \"q\""))
            .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.lead"));
}

#[test]
fn what_does_hanna_own() {
    let d = preset();
    let f = Filter {
        person: Some("hanna".into()),
        ..Filter::default()
    };
    assert_eq!(
        titles(&d, &f),
        [
            "Channel partner operations",
            "Onboarding/Offboarding",
            "Community promotions",
            "Community event logistics"
        ]
    );
    let all = SearchIndex::new(&d).programs(&d, &Filter::default());
    let hanna = d
        .by_person(&all)
        .into_iter()
        .find(|p| p.person.id == "hanna")
        .unwrap();
    assert_eq!((hanna.owns.len(), hanna.supports.len()), (3, 1));
    // The lead comes first in the by-person view.
    assert_eq!(d.by_person(&all)[0].person.id, "ian");
}

#[test]
fn what_is_unowned_and_what_lacks_a_process() {
    let d = preset();
    let unowned = Filter {
        unowned: true,
        ..Filter::default()
    };
    assert_eq!(
        titles(&d, &unowned),
        [
            "Self-service operations",
            "Out-of-band non-MME requests",
            "Manual license key provisioning and administration"
        ]
    );
    let todo = Filter {
        no_process: true,
        ..Filter::default()
    };
    assert_eq!(titles(&d, &todo).len(), 7);
    // Filters combine.
    let both = Filter {
        person: Some("vidhi".into()),
        no_process: true,
        ..Filter::default()
    };
    assert_eq!(
        titles(&d, &both),
        ["Diversity, equity, and inclusion (DE&I)"]
    );
}

#[test]
fn search_looks_in_titles_descriptions_and_names() {
    let d = preset();
    let q = |q: &str| {
        titles(
            &d,
            &Filter {
                query: q.into(),
                ..Filter::default()
            },
        )
    };
    assert_eq!(q("HANNA").len(), 4);
    assert_eq!(q("swag"), ["Community promotions"]);
    assert_eq!(
        q("  renewals "),
        [
            "Non-commercial account management",
            "Self-service operations"
        ]
    );
    assert!(q("zzz").is_empty());
    assert_eq!(q("").len(), 13);
    let index = SearchIndex::new(&d);
    assert!(index.person_matches("john", "moderator"));
    assert!(!index.person_matches("john", "hanna"));
}

/// The gallery's example shaped like other companies' "features by team" pages: teams with
/// members, shared responsibility, labels, its own noun.
fn example() -> Directory {
    let json = std::fs::read_to_string("assets/examples/feature-owners.json").unwrap();
    parse::<Directory>(&json).unwrap()
}

#[test]
fn teams_shared_responsibility_labels_and_nouns() {
    let d = example();
    assert_eq!(d.nouns(), ("feature", "features"));
    assert!(d.has_teams());
    // Shared responsibility is its own state: never counted or filtered as unowned.
    let c = d.counts();
    assert_eq!(
        (c.programs, c.unowned, c.shared, c.no_process),
        (10, 1, 2, 0)
    );
    let index = SearchIndex::new(&d);
    let unowned = index.programs(
        &d,
        &Filter {
            unowned: true,
            ..Filter::default()
        },
    );
    assert_eq!(unowned, [(0, 3)], "only Data export");
    // A person's filter finds what their team owns too; a team's finds its own.
    let titles = |f: Filter| -> Vec<String> {
        index
            .programs(&d, &f)
            .into_iter()
            .map(|at| program(&d, at).unwrap().title.clone())
            .collect()
    };
    assert_eq!(
        titles(Filter {
            person: Some("mei".into()),
            ..Filter::default()
        }),
        [
            "Single sign-on",
            "Invoices and payment methods",
            "Audit log"
        ]
    );
    assert_eq!(
        titles(Filter {
            person: Some("growth".into()),
            ..Filter::default()
        }),
        ["Sign-up flow", "In-product onboarding tour"]
    );
    assert_eq!(
        titles(Filter {
            label: Some("~group::auth".into()),
            ..Filter::default()
        }),
        ["Single sign-on", "Audit log"]
    );
    // Labels are found by search too, and listed once each in the order of first use.
    assert_eq!(
        titles(Filter {
            query: "#g_growth".into(),
            ..Filter::default()
        }),
        ["Sign-up flow"]
    );
    assert_eq!(
        d.labels(),
        [
            "~group::auth",
            "#g_auth",
            "~group::billing",
            "~group::growth",
            "#g_growth",
            "~docs"
        ]
    );
    let members: Vec<&str> = d.teams_of("lee").map(|t| t.name.as_str()).collect();
    assert_eq!(members, ["Growth team"]);
}

#[test]
fn teams_and_shared_programs_are_checked() {
    let base = |people: &str, programs: &str| {
        format!(
            r#"{{ "title": "T", "people": [{people}], "groups": [{{ "title": "G", "programs": [{programs}] }}] }}"#
        )
    };
    for (json, path, words) in [
        (
            base(
                r#"{ "id": "a", "name": "A", "members": ["b"] }, { "id": "b", "name": "B" }"#,
                "",
            ),
            "$.people[0].members",
            "has members but is not a team",
        ),
        (
            base(
                r#"{ "id": "t", "name": "T", "kind": "team", "members": ["x"] }"#,
                "",
            ),
            "$.people[0].members[0]",
            "lists \"x\" as a member, who is not a person",
        ),
        (
            base(
                r#"{ "id": "t", "name": "T", "kind": "team", "members": ["u"] }, { "id": "u", "name": "U", "kind": "team" }"#,
                "",
            ),
            "$.people[0].members[0]",
            "who is not a person",
        ),
        (
            base(
                r#"{ "id": "a", "name": "A" }"#,
                r#"{ "title": "P", "owners": ["a"], "shared": true }"#,
            ),
            "$.groups[0].programs[0].shared",
            "shared by everyone and also names owners",
        ),
        (
            base("", r#"{ "title": "P", "labels": [""] }"#),
            "$.groups[0].programs[0].labels[0]",
            "must not be empty",
        ),
    ] {
        let e = parse::<Directory>(&json).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{e}");
        assert!(e.message.contains(words), "{e}");
    }
    let e = parse::<Directory>(r#"{ "title": "T", "people": [{ "id": "a", "name": "A", "kind": "robot" }], "groups": [] }"#).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.people[0].kind"));
}
