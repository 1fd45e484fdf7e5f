//! Onboarding checklists: the preset, derived ids that survive reorder and insert, progress with
//! N/A and nesting, the saved record, dates, and the Markdown export.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use handbook_widgets::model::checklist::{
    all_items, export_markdown, format_date, parse_date, phase_progress, progress, schedule, state,
    toggle, toggle_not_applicable, CheckState, Checklist, Mark, Record, Ticks, Timing, Unreadable,
};
use handbook_widgets::model::parse;

fn load(json: &str) -> Checklist {
    parse::<Checklist>(json)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_ids()
}

fn preset() -> Checklist {
    load(
        handbook_widgets::widgets::find_preset("mattermost-pm-onboarding")
            .unwrap()
            .json,
    )
}

const SMALL: &str = r#"{"id": "c", "title": "C", "phases": [
  {"id": "week", "title": "Week", "dueDay": 7, "items": [
    {"text": "Meet manager", "children": [{"text": "Org overview"}, {"text": "Set up 1-1"}]},
    {"text": "Meet buddy", "children": [{"text": "Set up 1-1"}]},
    {"text": "Read the docs"}
  ]},
  {"id": "month", "title": "Month", "dueDay": 30, "items": [{"text": "Ship something", "owner": "New hire"}]}
]}"#;

fn ids(c: &Checklist) -> Vec<(String, String)> {
    c.phases
        .iter()
        .flat_map(|p| all_items(&p.items))
        .map(|i| (i.text.clone(), i.key().to_owned()))
        .collect()
}

#[test]
fn the_preset_has_five_phases_with_every_activity() {
    let c = preset();
    let phases: Vec<_> = c
        .phases
        .iter()
        .map(|p| (p.title.as_str(), all_items(&p.items).len(), p.due_day))
        .collect();
    assert_eq!(
        phases,
        [
            ("First Day", 16, Some(0)),
            ("First Week", 34, Some(7)),
            ("First 30 Days", 105, Some(30)),
            ("First 60 Days", 11, Some(60)),
            ("First 90 Days", 3, Some(90))
        ]
    );
    assert_eq!(
        c.phases[1].objective.as_deref(),
        Some("Introduction to customers team members, resources, and make first contribution")
    );
    assert_eq!(c.phases[2].training.len(), 4);
    let all: Vec<_> = c.phases.iter().flat_map(|p| all_items(&p.items)).collect();
    assert!(all
        .iter()
        .any(|i| i.text == "Update this onboarding document!"));
    assert!(all.iter().any(|i| i.text.contains("[Salesforce](https://handbook.mattermost.com/operations/customer-success#logging-a-customer-feedback-in-salesforce)")));
    // Every id is unique, though "Set up 1-1 times and create 1-1 doc" appears twice on the first day.
    let keys: std::collections::HashSet<_> = all.iter().map(|i| i.key()).collect();
    assert_eq!(keys.len(), all.len());
}

#[test]
fn derived_ids_survive_reordering_and_inserting() {
    let before = load(SMALL);
    let reordered = load(
        &SMALL
            .replace(
                r#"{"text": "Read the docs"}"#,
                r#"{"text": "NEW first item"}, {"text": "Read the docs"}"#,
            )
            .replace(
                r#"{"text": "Org overview"}, {"text": "Set up 1-1"}"#,
                r#"{"text": "Set up 1-1"}, {"text": "Inserted"}, {"text": "Org overview"}"#,
            ),
    );
    let after: std::collections::HashMap<_, _> = ids(&reordered).into_iter().collect();
    for (text, id) in ids(&before) {
        if text != "Set up 1-1" {
            assert_eq!(after.get(&text), Some(&id), "{text}");
        }
    }
    // The two "Set up 1-1" items differ by their parents, and keep their ids too.
    let set_up = |c: &Checklist| {
        c.phases[0]
            .items
            .iter()
            .map(|p| {
                p.children
                    .iter()
                    .find(|i| i.text == "Set up 1-1")
                    .unwrap()
                    .key()
                    .to_owned()
            })
            .take(2)
            .collect::<Vec<_>>()
    };
    assert_eq!(set_up(&before), set_up(&reordered));
    assert_ne!(set_up(&before)[0], set_up(&before)[1]);
}

#[test]
fn progress_counts_leaves_and_leaves_out_not_applicable() {
    let c = load(SMALL);
    let week = &c.phases[0];
    let mut t = Ticks::new();
    assert_eq!(
        progress(&week.items, &t, None),
        handbook_widgets::model::checklist::Progress { done: 0, total: 4 }
    );
    let manager = &week.items[0];
    t.insert(manager.children[0].key().to_owned(), Mark::Done);
    assert_eq!(state(manager, &t, None), CheckState::Mixed);
    assert_eq!(progress(&week.items, &t, None).done, 1);
    t.insert(manager.children[1].key().to_owned(), Mark::NotApplicable);
    assert_eq!(
        state(manager, &t, None),
        CheckState::Done,
        "the N/A child is left out, so the parent is done"
    );
    assert_eq!(progress(&week.items, &t, None).total, 3);
    // Marking a parent N/A leaves its whole subtree out.
    let t = toggle_not_applicable(&week.items[1], &t);
    assert_eq!(state(&week.items[1], &t, None), CheckState::NotApplicable);
    assert_eq!(progress(&week.items, &t, None).total, 2);
    let t = toggle_not_applicable(&week.items[1], &t);
    assert_eq!(progress(&week.items, &t, None).total, 3);
}

#[test]
fn clicking_a_parent_ticks_or_clears_its_subtree() {
    let c = load(SMALL);
    let manager = &c.phases[0].items[0];
    let t = toggle(manager, &Ticks::new(), None);
    assert_eq!(state(manager, &t, None), CheckState::Done);
    assert_eq!(t.len(), 2);
    let t = toggle(manager, &t, None);
    assert!(t.is_empty());
}

#[test]
fn the_record_is_versioned_and_round_trips() {
    let r = Record {
        version: 1,
        ticks: [
            ("a".to_owned(), Mark::Done),
            ("b".to_owned(), Mark::NotApplicable),
        ]
        .into(),
        start: Some("2026-01-05".into()),
        audience: None,
    };
    assert_eq!(Record::read(Some(&r.write())), Ok(r.clone()));
    assert!(r.write().contains("\"version\":1"));
    assert!(r.write().contains("\"not-applicable\""));
    assert_eq!(Record::read(None), Ok(Record::default()));
    assert_eq!(
        Record::read(Some("{\"version\": 1}")),
        Ok(Record::default())
    );
    // Ticks for items that no longer exist are ignored in every count.
    let c = load(SMALL);
    let t: Ticks = [("gone".to_owned(), Mark::Done)].into();
    assert_eq!(progress(&c.phases[0].items, &t, None).done, 0);
}

#[test]
fn a_record_this_version_cannot_read_says_why() {
    assert_eq!(
        Record::read(Some(
            "{\"version\": 2, \"ticks\": {\"a\": \"done\"}, \"new\": []}"
        )),
        Err(Unreadable::Newer(2))
    );
    // Damaged or of another shape: the parser's reason, never an empty record.
    for (text, why) in [
        ("not json", "expected ident"),
        ("", "EOF"),
        (
            "[\"x\"]",
            "invalid type: sequence, expected struct Versioned",
        ),
        ("{\"ticks\": {}}", "missing field `version`"),
        ("{\"version\": 0}", "unknown record format 0"),
        (
            "{\"version\": 1, \"ticks\": {\"a\": \"half\"}}",
            "unknown variant `half`",
        ),
        ("{\"version\": 1, \"extra\": true}", "unknown field `extra`"),
        ("{\"version\": 1, \"ticks\": []}", "expected a map"),
    ] {
        match Record::read(Some(text)) {
            Err(Unreadable::Damaged(reason)) => assert!(reason.contains(why), "{text}: {reason}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    assert!(Unreadable::Newer(2).describe().contains("newer version"));
    assert!(Unreadable::Newer(2).describe().contains("format 2"));
}

#[test]
fn dates_and_phase_timing() {
    assert_eq!(parse_date("1970-01-01"), Some(0));
    assert_eq!(
        parse_date("2026-11-22").map(format_date).as_deref(),
        Some("2026-11-22")
    );
    assert_eq!(
        parse_date("2024-02-29")
            .map(|d| format_date(d + 1))
            .as_deref(),
        Some("2024-03-01")
    );
    assert_eq!(parse_date("2026-02-30"), None);
    assert_eq!(parse_date("soon"), None);
    let c = load(SMALL);
    let start = parse_date("2026-11-01");
    let day = |d: &str| parse_date(d).unwrap();
    let timing = |today: &str, t: &Ticks| {
        schedule(&c, t, None, start, day(today))
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        timing("2026-11-03", &Ticks::new()),
        [Timing::Current, Timing::Upcoming]
    );
    assert_eq!(
        timing("2026-11-20", &Ticks::new()),
        [Timing::Overdue, Timing::Current]
    );
    let all_week = toggle(
        &c.phases[0].items[2],
        &toggle(
            &c.phases[0].items[1],
            &toggle(&c.phases[0].items[0], &Ticks::new(), None),
            None,
        ),
        None,
    );
    assert_eq!(
        timing("2026-11-20", &all_week),
        [Timing::Complete, Timing::Current]
    );
    let due: Vec<_> = schedule(&c, &Ticks::new(), None, start, 0)
        .into_iter()
        .map(|(d, _)| d.map(format_date))
        .collect();
    assert_eq!(
        due,
        [Some("2026-11-08".to_owned()), Some("2026-12-01".to_owned())]
    );
    assert!(schedule(&c, &Ticks::new(), None, None, 0)
        .iter()
        .all(|(d, t)| d.is_none() && *t == Timing::Unscheduled));
}

#[test]
fn export_is_a_nested_task_list_with_phase_headings() {
    let c = load(SMALL);
    let week = &c.phases[0];
    let t = toggle(&week.items[0].children[0], &Ticks::new(), None);
    let t = toggle_not_applicable(&week.items[1], &t);
    assert_eq!(
        export_markdown(&c, &t, None),
        "# C\n\n## Week (1/3)\n\n- [ ] Meet manager\n  - [x] Org overview\n  - [ ] Set up 1-1\n- [ ] ~~Meet buddy~~ (not applicable)\n  - [ ] ~~Set up 1-1~~ (not applicable)\n- [ ] Read the docs\n\n## Month (0/1)\n\n- [ ] Ship something (New hire)\n"
    );
}

/// The gallery's example shaped like other companies' onboarding issues: roles, optional
/// items, "one of" groups and owners set on a phase.
fn example() -> Checklist {
    let json = std::fs::read_to_string("assets/examples/onboarding.json").unwrap();
    parse::<Checklist>(&json).unwrap().with_ids()
}

fn total(c: &Checklist, t: &Ticks, audience: Option<&str>) -> (usize, usize) {
    c.phases
        .iter()
        .map(|p| phase_progress(p, t, audience))
        .fold((0, 0), |(d, n), p| (d + p.done, n + p.total))
}

#[test]
fn items_for_other_roles_leave_the_count() {
    let c = example();
    let t = Ticks::new();
    // Every role: every required item, each "one of" group as one.
    assert_eq!(total(&c, &t, None), (0, 18));
    assert_eq!(total(&c, &t, Some("engineering")), (0, 15));
    assert_eq!(total(&c, &t, Some("design")), (0, 12));
    assert_eq!(total(&c, &t, Some("sales")), (0, 11));
    // A phase for engineering only is nothing to the others.
    let month = &c.phases[3];
    assert!(month.is_for(Some("engineering")) && !month.is_for(Some("sales")));
    assert_eq!(phase_progress(month, &t, Some("sales")).total, 0);
}

#[test]
fn optional_items_count_only_once_ticked() {
    let c = example();
    let week = &c.phases[2];
    let demo = &week.items[4];
    assert!(demo.optional);
    let before = progress(&week.items, &Ticks::new(), None);
    let t = toggle(demo, &Ticks::new(), None);
    let after = progress(&week.items, &t, None);
    assert_eq!(
        (after.done, after.total),
        (before.done + 1, before.total + 1)
    );
    // An optional parent makes its children optional; ticking it ticks them, as nothing
    // below is required.
    let nice = &week.items[5];
    assert_eq!(state(nice, &Ticks::new(), None), CheckState::Open);
    let t = toggle(nice, &Ticks::new(), None);
    assert_eq!(state(nice, &t, None), CheckState::Done);
    assert_eq!(progress(&week.items, &t, None).done, 2);
}

#[test]
fn a_one_of_group_is_done_when_any_child_is() {
    let c = example();
    let day = &c.phases[1];
    let pick = &day.items[3];
    assert!(pick.one_of);
    assert_eq!(
        progress(std::slice::from_ref(pick), &Ticks::new(), None).total,
        1
    );
    // Clicking the group itself picks nothing for the reader.
    assert_eq!(toggle(pick, &Ticks::new(), None), Ticks::new());
    let t = toggle(&pick.children[1], &Ticks::new(), None);
    assert_eq!(state(pick, &t, None), CheckState::Done);
    let p = progress(std::slice::from_ref(pick), &t, None);
    assert_eq!((p.done, p.total), (1, 1));
    // A second child done changes nothing; clicking the done group clears it.
    let t = toggle(&pick.children[2], &t, None);
    assert_eq!(progress(std::slice::from_ref(pick), &t, None).done, 1);
    assert!(toggle(pick, &t, None).is_empty());
}

#[test]
fn owners_set_on_a_phase_or_parent_apply_below_in_the_export() {
    let c = example();
    let md = export_markdown(&c, &Ticks::new(), Some("sales"));
    assert!(
        md.starts_with("# Northwind Labs: your first month\n\nFor: Sales\n"),
        "{md}"
    );
    assert!(md.contains("- [ ] Order a laptop and ship it to the new team member (Manager)\n"));
    assert!(md.contains(
        "- [ ] Ask someone on the team to be their onboarding buddy (Manager or team lead)\n"
    ));
    assert!(
        md.contains("  - [ ] Turn on disk encryption (New team member)\n"),
        "{md}"
    );
    assert!(md.contains("- [ ] Meet your buddy (Buddy)\n"));
    assert!(
        md.contains("- [ ] Join the Friday demo (optional, and fun) (New team member; optional)\n")
    );
    // Sales sees neither the engineering phase nor engineering items.
    assert!(!md.contains("First month: engineering"));
    assert!(!md.contains("Pick your first task"));
    assert!(md.contains("Request a CRM licence"));
    let all = export_markdown(&c, &Ticks::new(), None);
    assert!(all.contains("- [ ] Pick your first task (New team member; any one of these)\n"));
}

#[test]
fn audiences_and_one_of_are_checked() {
    let base = |phase: &str| {
        format!(
            r#"{{ "id": "c", "title": "C", "audiences": [{{ "id": "eng", "label": "Engineering" }}], "phases": [{phase}] }}"#
        )
    };
    for (phase, path, words) in [
        (
            r#"{ "id": "p", "title": "P", "for": ["ops"], "items": [] }"#,
            "$.phases[0].for[0]",
            "unknown audience \"ops\"; the checklist's audiences are eng",
        ),
        (
            r#"{ "id": "p", "title": "P", "items": [{ "text": "A", "children": [{ "text": "B", "for": ["eng", "x"] }] }] }"#,
            "$.phases[0].items[0].children[0].for[1]",
            "unknown audience \"x\"",
        ),
        (
            r#"{ "id": "p", "title": "P", "items": [{ "text": "A", "oneOf": true, "children": [{ "text": "B" }] }] }"#,
            "$.phases[0].items[0].oneOf",
            "at least two children",
        ),
    ] {
        let e = parse::<Checklist>(&base(phase)).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{e}");
        assert!(e.message.contains(words), "{e}");
    }
    let e = parse::<Checklist>(
        r#"{ "id": "c", "title": "C", "phases": [{ "id": "p", "title": "P", "items": [{ "text": "A", "for": ["eng"] }] }] }"#,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("list the roles in the checklist's `audiences` first"),
        "{e}"
    );
}

#[test]
fn the_record_keeps_the_readers_role_and_reads_records_without_one() {
    let r = Record {
        audience: Some("design".into()),
        ..Record::default()
    };
    assert!(r.write().contains("\"audience\":\"design\""));
    assert_eq!(Record::read(Some(&r.write())), Ok(r));
    assert!(!Record::default().write().contains("audience"));
}
