//! Career ladders: parsing, validation, and the comparison of two levels on crafted ladders.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use handbook_widgets::model::levels::{compare, normalize, sentences, Ladder, SectionRow};
use handbook_widgets::model::{parse, ErrorKind};

fn ladder(json: &str) -> Ladder {
    parse(json).unwrap_or_else(|e| panic!("{e}"))
}

fn marks(side: &Option<handbook_widgets::model::levels::Side>) -> Vec<(String, bool)> {
    side.as_ref()
        .map(|s| {
            s.pieces
                .iter()
                .map(|p| (p.text.clone(), p.only_here))
                .collect()
        })
        .unwrap_or_default()
}

fn section<'a>(rows: &'a [SectionRow], title: &str) -> &'a SectionRow {
    rows.iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no row {title}"))
}

const CRAFTED: &str = r#"{
  "title": "Crafted",
  "levels": [
    { "id": "a", "title": "A", "grade": "1", "track": "individual-contributor", "next": ["b"],
      "summary": "Does the work. Learns fast!",
      "sections": [
        { "title": "Responsibilities", "items": ["Ship features", "Fix bugs", "Write docs."] },
        { "title": "Only in A", "items": ["Something"] }
      ] },
    { "id": "b", "title": "B", "grade": "2", "track": "manager", "next": ["c"],
      "summary": "Does the work. Leads a team (of 2. or 3.) well.",
      "sections": [
        { "title": "  RESPONSIBILITIES ", "items": ["ship  *features*", "Hire people", "write docs"] },
        { "title": "Only in B", "text": "Prose only." }
      ] },
    { "id": "c", "title": "C", "grade": "2", "track": "manager",
      "summary": "Does the work. Leads a team (of 2. or 3.) well.",
      "sections": [
        { "title": "Responsibilities", "items": ["Ship features", "Hire people", "Write docs"] },
        { "title": "Only in B", "text": "Prose only." }
      ] },
    { "id": "d", "title": "D", "sections": [ { "title": "Other", "items": ["Nothing alike"] } ] }
  ]
}"#;

#[test]
fn items_present_on_both_sides_are_not_marked() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[0], &l.levels[1], &l);
    let r = section(&c.sections, "Responsibilities");
    assert_eq!(
        marks(&r.left),
        [
            ("Ship features".into(), false),
            ("Fix bugs".into(), true),
            ("Write docs.".into(), false)
        ]
    );
    assert_eq!(
        marks(&r.right),
        [
            ("ship  *features*".into(), false),
            ("Hire people".into(), true),
            ("write docs".into(), false)
        ]
    );
}

#[test]
fn sections_on_one_side_only_are_whole_rows_with_one_side_empty() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[0], &l.levels[1], &l);
    let titles: Vec<_> = c.sections.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Summary", "Responsibilities", "Only in A", "Only in B"]
    );
    let only_a = section(&c.sections, "Only in A");
    assert!(only_a.right.is_none());
    assert!(only_a
        .left
        .as_ref()
        .unwrap()
        .pieces
        .iter()
        .all(|p| p.only_here));
    let only_b = section(&c.sections, "Only in B");
    assert!(only_b.left.is_none());
    assert!(only_b.right.as_ref().unwrap().prose);
}

#[test]
fn prose_is_compared_sentence_by_sentence() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[0], &l.levels[1], &l);
    let s = section(&c.sections, "Summary");
    assert_eq!(
        marks(&s.left),
        [
            ("Does the work.".into(), false),
            ("Learns fast!".into(), true)
        ]
    );
    // A full stop inside parentheses does not end a sentence.
    assert_eq!(
        marks(&s.right),
        [
            ("Does the work.".into(), false),
            ("Leads a team (of 2. or 3.) well.".into(), true)
        ]
    );
}

#[test]
fn identical_levels_mark_nothing_and_show_no_changed_field_but_next_step() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[1], &l.levels[2], &l);
    for row in &c.sections {
        assert!(
            row.left
                .iter()
                .chain(row.right.iter())
                .flat_map(|s| &s.pieces)
                .all(|p| !p.only_here),
            "{row:?}"
        );
    }
    let changed: Vec<_> = c
        .fields
        .iter()
        .filter(|f| f.changed())
        .map(|f| f.name)
        .collect();
    assert_eq!(changed, ["Next step"]);
}

#[test]
fn disjoint_levels_mark_everything() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[0], &l.levels[3], &l);
    for row in &c.sections {
        for side in row.left.iter().chain(row.right.iter()) {
            assert!(side.pieces.iter().all(|p| p.only_here), "{row:?}");
        }
    }
    let grade = c.fields.iter().find(|f| f.name == "Grade").unwrap();
    assert_eq!(
        (
            grade.left.as_deref(),
            grade.right.as_deref(),
            grade.changed()
        ),
        (Some("1"), None, true)
    );
}

#[test]
fn fields_show_as_a_difference() {
    let l = ladder(CRAFTED);
    let c = compare(&l.levels[0], &l.levels[1], &l);
    let f: Vec<_> = c
        .fields
        .iter()
        .map(|f| (f.name, f.left.as_deref(), f.right.as_deref(), f.changed()))
        .collect();
    assert_eq!(
        f,
        [
            ("Grade", Some("1"), Some("2"), true),
            (
                "Track",
                Some("Individual contributor"),
                Some("Manager"),
                true
            ),
            ("Next step", Some("B"), Some("C"), true),
        ]
    );
}

#[test]
fn ladder_navigation() {
    let l = ladder(CRAFTED);
    assert_eq!(l.default_pair(), (0, 1));
    assert_eq!(l.pair_ending_at(0), (0, 1));
    assert_eq!(l.pair_ending_at(2), (1, 2)); // b's next step is c
    assert_eq!(l.pair_ending_at(3), (2, 3)); // nobody's next step: the one before
                                             // With two tracks, steps stay on each side's lane: a is the only individual contributor,
                                             // b and c are managers, d states no track (a lane of its own).
    assert_eq!(l.step((0, 1), 1), None);
    assert_eq!(l.step((1, 1), 1), Some((2, 2)));
    assert_eq!(l.step((2, 2), -1), Some((1, 1)));
    assert_eq!(l.step((1, 2), 1), None);
    assert_eq!(l.step((3, 3), 1), None);
    assert_eq!(l.index_of("c"), Some(2));
}

#[test]
fn normalize_ignores_case_spacing_emphasis_links_and_end_punctuation() {
    assert_eq!(
        normalize("  Use **GitLab**  [well](https://x.y/(a)).  "),
        "use gitlab well"
    );
    assert_eq!(normalize("Fix bugs;"), normalize("fix   bugs"));
}

#[test]
fn sentences_split_at_stops_and_paragraphs() {
    assert_eq!(
        sentences("One. Two! Three?\n\nFour [a. b](https://e.x/a.b) five. Six"),
        [
            "One.",
            "Two!",
            "Three?",
            "Four [a. b](https://e.x/a.b) five.",
            "Six"
        ]
    );
}

#[test]
fn bad_ladders_are_reported_where_they_are_wrong() {
    let e =
        parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a", "title": "A"}]}"#).unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::Invalid, Some("$.levels"))
    );
    let e = parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a", "title": "A", "next": ["zz"]}, {"id": "b", "title": "B"}]}"#)
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.levels[0].next[0]"));
    let e = parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a", "title": "A", "sections": [{"title": "S", "items": [], "text": "x"}]}, {"id": "b", "title": "B"}]}"#)
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.levels[0].sections[0]"));
    let e =
        parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a"}, {"id": "b", "title": "B"}]}"#)
            .unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.levels[0]"))
    );
    let e = parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a", "title": "A", "track": "wizard"}, {"id": "b", "title": "B"}]}"#)
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.levels[0].track"));
}

fn preset(name: &str) -> Ladder {
    ladder(handbook_widgets::widgets::find_preset(name).unwrap().json)
}

fn section_items(l: &handbook_widgets::model::levels::Level, title: &str) -> usize {
    l.sections
        .iter()
        .find(|s| s.title == title)
        .and_then(|s| s.items.as_ref())
        .map_or(0, Vec::len)
}

#[test]
fn mattermost_levels_are_the_five_pm_levels_in_order() {
    let l = preset("mattermost-pm-levels");
    let ids: Vec<_> = l.levels.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        ids,
        [
            "Product Manager I",
            "Product Manager II",
            "Senior Product Manager",
            "Lead Product Manager",
            "Principal Product Manager"
        ]
    );
    // Prose only, as the page gives them; paragraphs kept.
    let paragraphs: Vec<_> = l
        .levels
        .iter()
        .map(|l| l.summary.as_deref().unwrap().split("\n\n").count())
        .collect();
    assert_eq!(paragraphs, [4, 4, 4, 3, 1]);
    assert!(l.levels[0]
        .summary
        .as_deref()
        .unwrap()
        .ends_with("Gets things done, doesn’t drop the ball."));
    // Only the Lead level says it manages people; the page states no grades and no ladder steps.
    let tracks: Vec<_> = l.levels.iter().map(|l| l.track.as_deref()).collect();
    assert_eq!(tracks, [None, None, None, Some("manager"), None]);
    assert!(l
        .levels
        .iter()
        .all(|l| l.grade.is_none() && l.next.is_empty()));
}

#[test]
fn gitlab_levels_carry_grades_reports_to_experience_and_steps() {
    let l = preset("gitlab-pm-leadership-levels");
    let grades: Vec<_> = l
        .levels
        .iter()
        .map(|l| l.grade.as_deref().unwrap())
        .collect();
    assert_eq!(grades, ["9.5", "10", "11", "12", "12"]);
    let next: Vec<_> = l.levels.iter().map(|l| l.next.clone()).collect();
    assert_eq!(
        next,
        [
            vec!["director-product-management".to_owned()],
            vec!["senior-director-product-management".to_owned()],
            vec!["vp-product-management".to_owned()],
            vec![],
            vec![]
        ]
    );
    let resp: Vec<_> = l
        .levels
        .iter()
        .map(|l| section_items(l, "Responsibilities"))
        .collect();
    assert_eq!(resp, [13, 10, 3, 9, 6]);
    let req: Vec<_> = l
        .levels
        .iter()
        .map(|l| section_items(l, "Requirements"))
        .collect();
    assert_eq!(req, [1, 6, 4, 4, 4]);
    let spec: Vec<_> = l
        .levels
        .iter()
        .map(|l| section_items(l, "Specialties"))
        .collect();
    assert_eq!(spec, [3, 3, 3, 0, 0]);
    assert_eq!(
        l.levels[0].experience.as_deref(),
        Some("1-3 years experience managing others; 4-6 years of experience in product management")
    );
    assert!(l.levels[1]
        .experience
        .as_deref()
        .unwrap()
        .starts_with("Ten to twelve years"));
    assert!(l.levels[3]
        .experience
        .as_deref()
        .unwrap()
        .starts_with("18 years+"));
    assert!(l.levels[2]
        .reports_to
        .as_deref()
        .unwrap()
        .contains("VP of Product Management"));
    assert!(l.levels[4]
        .reports_to
        .as_deref()
        .unwrap()
        .contains("Chief Product Officer"));
    let hiring: Vec<_> = l
        .levels
        .iter()
        .map(|l| l.hiring.as_ref().unwrap().variant.as_deref().unwrap())
        .collect();
    assert_eq!(
        hiring,
        [
            "group-manager-product",
            "director-product-management",
            "senior-director-product-management",
            "vp-product-management",
            "vp-product-monetization"
        ]
    );
    let shared: Vec<_> = l.shared.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        shared,
        [
            "References",
            "Responsibilities",
            "Requirements",
            "Performance Indicators"
        ]
    );
}

#[test]
fn director_versus_group_manager_in_one_glance() {
    let l = preset("gitlab-pm-leadership-levels");
    let c = compare(&l.levels[0], &l.levels[1], &l);
    let grade = c.fields.iter().find(|f| f.name == "Grade").unwrap();
    assert_eq!(
        (grade.left.as_deref(), grade.right.as_deref()),
        (Some("9.5"), Some("10"))
    );
    let new_at_director: Vec<_> = section(&c.sections, "Responsibilities")
        .right
        .as_ref()
        .unwrap()
        .pieces
        .iter()
        .filter(|p| p.only_here)
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(new_at_director.len(), 10);
    assert!(new_at_director[0].starts_with("Perform all non-IC responsibilities"));
    // Sections only the Group Manager has are rows with nothing on the Director's side.
    assert!(section(&c.sections, "Activities").right.is_none());
}

/// The gallery's example shaped like other companies' engineering ladders: two tracks side by
/// side, equivalents, reports-to levels, differently worded items, a TBD section.
fn example() -> Ladder {
    ladder(&std::fs::read_to_string("assets/examples/engineering-ladder.json").unwrap())
}

#[test]
fn several_tracks_are_lanes_by_grade_and_steps_stay_on_the_track() {
    let l = example();
    assert!(l.has_lanes());
    let all = l.lanes();
    let lanes: Vec<(Option<&str>, Vec<usize>)> = all
        .iter()
        .map(|lane| (lane.track.as_deref(), lane.levels.clone()))
        .collect();
    assert_eq!(
        lanes,
        [
            (Some("individual-contributor"), vec![0, 1, 2, 3]),
            (Some("manager"), vec![4, 5]),
            (Some("executive"), vec![6]),
        ]
    );
    // Grades 4 to 8 are columns 0 to 4: Staff Engineer and Engineering Manager share one.
    assert_eq!(l.columns(), [0, 1, 2, 3, 2, 3, 4]);
    // One level up from (Senior Engineer, Engineering Manager) stays on each track.
    assert_eq!(l.step((1, 4), 1), Some((2, 5)));
    assert_eq!(l.step((3, 5), 1), None, "Principal is the top of its track");
    assert_eq!(l.track_label("executive"), "Executive");
}

#[test]
fn a_level_without_a_grade_first_on_its_lane_follows_the_levels_whose_step_it_is() {
    // Shaped like GitLab's engineering job families: 7 individual-contributor levels (grades
    // 5 to 11), 5 manager levels (8 to 12), and the CTO, without a grade, on the executive
    // track: the VP of Development's next step.
    let l = ladder(
        &std::fs::read_to_string("tests/fixtures/data/gitlab-engineering-ladder.json").unwrap(),
    );
    let lanes: Vec<usize> = l.lanes().iter().map(|lane| lane.levels.len()).collect();
    assert_eq!(lanes, [7, 5, 1]);
    assert_eq!(
        l.columns(),
        [0, 1, 2, 3, 4, 5, 6, 3, 4, 5, 6, 7, 8],
        "grades 5 to 12 are columns 0 to 7; the CTO comes after the VP, not first"
    );
}

#[test]
fn equivalents_and_reports_to_levels_are_fields_with_links() {
    let l = example();
    let c = compare(&l.levels[2], &l.levels[4], &l);
    let field = |name: &str| c.fields.iter().find(|f| f.name == name).unwrap();
    let eq = field("Equivalent");
    assert_eq!(
        (eq.left_links.clone(), eq.right_links.clone()),
        (vec![4], vec![2])
    );
    let reports = field("Reports to");
    assert_eq!(reports.left_links, [5, 6]);
    assert_eq!(
        reports.right.as_deref(),
        Some("or the VP of Engineering in a small organisation")
    );
    assert_eq!(
        field("Track").left.as_deref(),
        Some("Individual contributor")
    );
}

#[test]
fn similar_items_and_sentences_pair_up_with_the_changed_words_marked() {
    let l = example();
    let c = compare(&l.levels[1], &l.levels[2], &l);
    let scope = c.sections.iter().find(|s| s.title == "Scope").unwrap();
    let left = scope.left.as_ref().unwrap();
    let right = scope.right.as_ref().unwrap();
    let changed = |p: &handbook_widgets::model::levels::Piece| -> Vec<String> {
        p.diff
            .as_ref()
            .unwrap()
            .iter()
            .filter(|w| w.changed)
            .map(|w| w.text.clone())
            .collect()
    };
    // "moderate scope and complexity" -> "high scope and complexity across teams".
    assert!(!left.pieces[0].only_here && !right.pieces[0].only_here);
    assert_eq!(changed(&left.pieces[0]), ["moderate"]);
    assert_eq!(changed(&right.pieces[0]), ["high", "across", "teams"]);
    // "Mentors engineers on the team" -> "Mentors engineers across teams".
    assert_eq!(changed(&left.pieces[2]), ["on", "the", "team"]);
    assert_eq!(changed(&right.pieces[1]), ["across", "teams"]);
    // What has no counterpart stays "only in".
    assert!(left.pieces[1].only_here && left.pieces[1].diff.is_none());
    // Sentences of prose pair up too.
    let impact = c.sections.iter().find(|s| s.title == "Impact").unwrap();
    let l1 = &impact.left.as_ref().unwrap().pieces[1];
    assert_eq!(
        l1.text,
        "Fixes the bugs they find and the causes behind them."
    );
    assert!(l1.diff.is_some());
}

#[test]
fn a_section_not_yet_written_says_so() {
    let l = example();
    let c = compare(&l.levels[3], &l.levels[5], &l);
    let mentorship = c.sections.iter().find(|s| s.title == "Mentorship").unwrap();
    assert!(mentorship.left.as_ref().unwrap().tbd);
    assert!(mentorship.left.as_ref().unwrap().pieces.is_empty());
    let e = parse::<Ladder>(r#"{"title": "T", "levels": [{"id": "a", "title": "A", "sections": [{"title": "S", "tbd": true, "items": ["x"]}]}, {"id": "b", "title": "B"}]}"#).unwrap_err();
    assert!(e.message.contains("marked `tbd`"), "{e}");
}

#[test]
fn new_ladder_fields_are_checked() {
    for (json, path, words) in [
        (
            r#"{"title": "T", "levels": [{"id": "a", "title": "A", "track": "wizard"}, {"id": "b", "title": "B"}]}"#,
            "$.levels[0].track",
            "unknown track \"wizard\"",
        ),
        (
            r#"{"title": "T", "tracks": [{"id": "wizard", "label": "Wizards"}], "levels": [{"id": "a", "title": "A", "equivalent": ["z"]}, {"id": "b", "title": "B"}]}"#,
            "$.levels[0].equivalent[0]",
            "equivalent level \"z\"",
        ),
        (
            r#"{"title": "T", "levels": [{"id": "a", "title": "A", "reportsToLevels": ["z"]}, {"id": "b", "title": "B"}]}"#,
            "$.levels[0].reportsToLevels[0]",
            "level it reports to \"z\"",
        ),
        (
            r#"{"title": "T", "levels": [{"id": "a", "title": "A", "hiring": {}}, {"id": "b", "title": "B"}]}"#,
            "$.levels[0].hiring",
            "needs a `preset`, a `url` or a `mount`",
        ),
        (
            r#"{"title": "T", "levels": [{"id": "a", "title": "A", "hiring": {"mount": "h"}}, {"id": "b", "title": "B"}]}"#,
            "$.levels[0].hiring",
            "give the `variant`",
        ),
    ] {
        let e = parse::<Ladder>(json).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{e}");
        assert!(e.message.contains(words), "{e}");
    }
    // A named track is a track.
    let l = ladder(
        r#"{"title": "T", "tracks": [{"id": "wizard", "label": "Wizards"}], "levels": [{"id": "a", "title": "A", "track": "wizard"}, {"id": "b", "title": "B", "track": "manager"}]}"#,
    );
    assert_eq!(l.track_label("wizard"), "Wizards");
    assert_eq!(l.lanes().len(), 2);
}
