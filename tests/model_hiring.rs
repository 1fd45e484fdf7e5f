//! The hiring-process model: every preset parses and says what its page says; bad input gives
//! the documented error, with its JSONPath, line and column.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use handbook_widgets::model::hiring::{format_minutes, Channel, Emphasis, HiringProcess, Totals};
use handbook_widgets::model::length::Span;
use handbook_widgets::model::{parse, DataError, ErrorKind};
use handbook_widgets::widgets::{hiring_timeline, PRESETS};

fn preset(name: &str) -> HiringProcess {
    parse(common::preset(name)).unwrap()
}

fn err(json: &str) -> DataError {
    parse::<HiringProcess>(json).unwrap_err()
}

#[test]
fn every_hiring_preset_parses() {
    let hiring: Vec<_> = PRESETS
        .iter()
        .filter(|p| p.widget == hiring_timeline::NAME)
        .collect();
    assert_eq!(hiring.len(), 3);
    for p in hiring {
        parse::<HiringProcess>(p.json).unwrap_or_else(|e| panic!("{}: {e}", p.name));
    }
}

#[test]
fn mattermost_has_nine_stages_with_the_stated_lengths_and_interviewers() {
    let process = preset("mattermost-pm-hiring");
    let stages = &process.variants[0].stages;
    assert_eq!(stages.len(), 9);
    let minutes: Vec<_> = stages.iter().map(|s| s.minutes).collect();
    assert_eq!(
        minutes,
        [
            None,
            Some(25),
            Some(50),
            Some(50),
            Some(50),
            None,
            Some(50),
            Some(45),
            None
        ]
    );
    let who: Vec<_> = stages.iter().map(|s| s.run_by.as_deref()).collect();
    assert_eq!(
        who,
        [
            None,
            Some("A recruiter"),
            Some("A Product Manager"),
            Some("A Lead Developer"),
            Some("Head of Product"),
            Some("Mattermost team members"),
            Some("A senior member of the team"),
            Some("The CTO"),
            None
        ]
    );
    assert_eq!(stages[5].channel, Channel::Audition);
    assert_eq!(stages[8].channel, Channel::Email);
    assert!(stages.iter().all(|s| !s.optional));
    assert_eq!(
        process.variants[0].totals(&process),
        Totals {
            required_stages: 9,
            required_timed: 6,
            required: Span::minutes(270),
            encouraged_stages: 0,
            optional_stages: 0,
            conditional_stages: 0,
            with_optional: Span::minutes(270),
            waits: Span::default(),
            duration: None,
        }
    );
    assert!(process
        .notes
        .as_deref()
        .unwrap()
        .contains("declined from the position at any stage"));
    let footnotes = process.footnotes.as_deref().unwrap();
    for country in ["Canada", "in the US", "outside the U.S. and Canada"] {
        assert!(footnotes.contains(country), "{country}");
    }
}

#[test]
fn flowfuse_has_eight_stages_one_optional() {
    let process = preset("flowfuse-pm-hiring");
    let stages = &process.variants[0].stages;
    assert_eq!(stages.len(), 8);
    let optional: Vec<_> = stages
        .iter()
        .filter(|s| s.optional)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(optional, ["Final Interview"]);
    let minutes: Vec<_> = stages.iter().map(|s| s.minutes).collect();
    assert_eq!(
        minutes,
        [
            None,
            Some(20),
            Some(45),
            Some(45),
            Some(30),
            None,
            None,
            None
        ]
    );
    assert_eq!(stages[4].run_by.as_deref(), Some("The VP of Sales"));
    assert_eq!(stages[0].run_by.as_deref(), Some("The hiring manager"));
    let t = process.variants[0].totals(&process);
    assert_eq!(
        (t.required_stages, t.required, t.optional_stages),
        (7, Span::minutes(140), 1)
    );
}

#[test]
fn gitlab_has_one_variant_per_leadership_level() {
    let process = preset("gitlab-pm-leadership-hiring");
    let ids: Vec<_> = process.variants.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "group-manager-product",
            "director-product-management",
            "senior-director-product-management",
            "vp-product-management",
            "vp-product-monetization"
        ]
    );
    let counts: Vec<_> = process.variants.iter().map(|v| v.stages.len()).collect();
    assert_eq!(counts, [6, 8, 8, 7, 7]);
    let minutes: Vec<_> = process
        .variants
        .iter()
        .map(|v| v.totals(&process).required.to_string())
        .collect();
    assert_eq!(
        minutes,
        [
            "4 h 30 min",
            "5 h 15 min",
            "5 h 15 min",
            "4 h 40 min",
            "4 h 40 min"
        ]
    );
    // "Finally, candidates may be asked to schedule a 50 minute final interview with our CEO".
    let director = &process.variants[1];
    let last = director.stages.last().unwrap();
    assert!(last.optional);
    assert_eq!(
        (last.minutes, last.run_by.as_deref()),
        (Some(50), Some("The CEO"))
    );
    assert_eq!(
        process.variants[0].stages[1].run_by.as_deref(),
        Some("A Director of Product")
    );
    assert_eq!(process.variant_index("vp-product-monetization"), Some(4));
}

#[test]
fn malformed_json_reports_line_and_column() {
    let e = err("{\n  \"title\": \"x\",\n  \"variants\": [,]\n}");
    assert_eq!(e.kind, ErrorKind::Malformed);
    assert_eq!((e.line, e.column), (Some(3), Some(16)));
    assert!(
        !e.message.contains(" at line "),
        "position is reported apart: {}",
        e.message
    );
}

#[test]
fn unterminated_json_says_so() {
    let e = err("{\"title\": \"x\", \"variants\": [");
    assert_eq!(e.kind, ErrorKind::Malformed);
    assert!(e.message.contains("EOF"), "{}", e.message);
    assert!(e.line.is_some());
}

#[test]
fn wrong_type_reports_the_json_path() {
    let json = r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [
        {"title": "One", "minutes": 30},
        {"title": "Two", "minutes": "fifty"}
    ]}]}"#;
    let e = err(json);
    assert_eq!(e.kind, ErrorKind::WrongShape);
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[1].minutes"));
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("expected u32"), "{}", e.message);
}

#[test]
fn missing_required_field_names_it_and_where() {
    let e = err(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"minutes": 3}]}]}"#,
    );
    assert_eq!(e.kind, ErrorKind::MissingField);
    assert!(e.message.contains("`title`"), "{}", e.message);
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[0]"));
}

#[test]
fn unknown_fields_are_reported_not_ignored() {
    let e = err(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x", "minuts": 3}]}]}"#,
    );
    assert_eq!(e.kind, ErrorKind::WrongShape);
    assert!(
        e.message.contains("unknown field `minuts`"),
        "{}",
        e.message
    );
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[0].minuts"));
}

#[test]
fn unknown_channel_lists_the_known_ones() {
    let e = err(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x", "channel": "pigeon"}]}]}"#,
    );
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[0].channel"));
    assert!(e.message.contains("video-call"), "{}", e.message);
}

#[test]
fn wrong_root_type() {
    let e = err("\n  [1, 2]");
    assert_eq!(e.kind, ErrorKind::WrongShape);
    assert_eq!(e.path.as_deref(), Some("$"));
    assert_eq!((e.line, e.column), (Some(2), Some(3)));
    assert!(e.message.contains("found an array"), "{}", e.message);
    assert_eq!(err("   ").kind, ErrorKind::Malformed);
}

#[test]
fn trailing_text_is_malformed() {
    let e = err(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x"}]}]} extra"#,
    );
    assert_eq!(e.kind, ErrorKind::Malformed);
}

#[test]
fn rules_beyond_shape() {
    let e = err(r#"{"title": "T", "variants": []}"#);
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::Invalid, Some("$.variants"))
    );
    let e = err(r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": []}]}"#);
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages"));
    let e = err(r#"{"title": "T", "variants": [
        {"id": "a", "label": "A", "stages": [{"title": "x"}]},
        {"id": "a", "label": "B", "stages": [{"title": "y"}]}]}"#);
    assert_eq!(e.path.as_deref(), Some("$.variants[1].id"));
    assert!(e.message.contains("duplicate"), "{}", e.message);
    let e = err(
        r#"{"title": " ", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x"}]}]}"#,
    );
    assert_eq!(e.path.as_deref(), Some("$.title"));
}

#[test]
fn error_display_names_what_and_where() {
    let e = err("{\"title\": 5}").from_origin("inline JSON");
    assert_eq!(
        e.to_string(),
        "Wrong data shape: invalid type: integer `5`, expected a string (at $.title, line 1, column 11, in inline JSON)"
    );
}

#[test]
fn minutes_format() {
    assert_eq!(format_minutes(0), "0 min");
    assert_eq!(format_minutes(45), "45 min");
    assert_eq!(format_minutes(60), "1 h");
    assert_eq!(format_minutes(270), "4 h 30 min");
}

#[test]
fn a_syntax_error_inside_an_object_names_the_object() {
    let e = err(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x", }]}]}"#,
    );
    assert_eq!(e.kind, ErrorKind::Malformed);
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[0]"));
    assert!(e.message.contains("trailing comma"), "{}", e.message);
}

#[test]
fn a_key_given_twice_is_an_error_where_the_second_one_is() {
    let e = err(
        "{\"title\": \"T\", \"variants\": [{\"id\": \"a\", \"label\": \"A\",\n  \"stages\": [{\"title\": \"x\", \"title\": \"y\"}]}]}",
    );
    assert_eq!(e.kind, ErrorKind::WrongShape);
    assert!(
        e.message.contains("duplicate field `title`"),
        "{}",
        e.message
    );
    assert_eq!(e.path.as_deref(), Some("$.variants[0].stages[0].title"));
    assert_eq!((e.line, e.column), (Some(2), Some(29)));
    // The same key in different objects is fine.
    assert!(handbook_widgets::model::parse::<HiringProcess>(
        r#"{"title": "T", "variants": [{"id": "a", "label": "A", "stages": [{"title": "x"}, {"title": "y"}]}]}"#
    )
    .is_ok());
}

/// One variant whose stages are `stages` (JSON objects, comma-separated).
fn with_stages(stages: &str) -> String {
    format!(
        r#"{{ "title": "T", "variants": [{{ "id": "v", "label": "V", "stages": [{stages}] }}] }}"#
    )
}

#[test]
fn the_example_from_another_handbook_reads_ranges_groups_emphasis_and_waits() {
    let process: HiringProcess = parse(&common::example("engineering-hiring.json")).unwrap();
    let engineer = &process.variants[0];
    let t = engineer.totals(&process);
    // The usual process has the two strongly encouraged stages; one optional, one conditional.
    assert_eq!(
        (
            t.required_stages,
            t.encouraged_stages,
            t.optional_stages,
            t.conditional_stages,
            t.required_timed
        ),
        (9, 2, 1, 1, 6)
    );
    assert_eq!(t.required.to_string(), "7 h 35 min – 9 h");
    assert_eq!(t.with_optional.to_string(), "about 9 h 20 min – 11 h");
    assert_eq!(t.duration.unwrap().to_string(), "2–3 weeks");
    assert_eq!(
        t.waits.to_string(),
        "up to 5 business days 96 h",
        "waits keep their units"
    );
    // The manager variant states its own calendar time.
    let manager = &process.variants[1];
    assert_eq!(
        manager.totals(&process).duration.unwrap().to_string(),
        "3–4 weeks"
    );
    // Steps: the SuperDay's five stages are one step, numbered 5a to 5e.
    let steps = engineer.steps();
    assert_eq!(steps.len(), 7);
    let day = &steps[4];
    assert_eq!(
        (day.number, day.group, day.start, day.end),
        (5, Some("SuperDay (a paid day of work)"), 4, 9)
    );
    let labels: Vec<_> = (day.start..day.end).map(|i| day.label(i)).collect();
    assert_eq!(labels, ["5a", "5b", "5c", "5d", "5e"]);
    assert_eq!(steps[5].label(9), "6");
    // Emphasis: a strongly encouraged stage is part of the usual process; a conditional one
    // is not.
    let founder = &engineer.stages[3];
    assert!(founder.encouraged && !founder.is_optional() && !founder.optional);
    assert_eq!(founder.emphasis(), Emphasis::Encouraged);
    assert_eq!((founder.interviewers.len(), founder.pick), (2, Some(1)));
    let design = &engineer.stages[6];
    assert_eq!(
        design.condition.as_deref(),
        Some("senior and staff roles only")
    );
    assert!(design.is_optional());
    assert_eq!(design.emphasis(), Emphasis::Conditional);
}

/// A plan shaped like Sourcegraph's: eleven stages, five of them strongly encouraged and three
/// optional. The encouraged ones are the process a candidate normally goes through.
#[test]
fn strongly_encouraged_stages_count_with_the_required_ones() {
    let stage = |title: &str, minutes: u32, extra: &str| {
        format!(r#"{{ "title": "{title}", "minutes": {minutes}{extra} }}"#)
    };
    let mut stages = Vec::new();
    for i in 0..3 {
        stages.push(stage(&format!("Required {i}"), 30, ""));
    }
    for i in 0..5 {
        stages.push(stage(
            &format!("Encouraged {i}"),
            45,
            r#", "encouraged": true"#,
        ));
    }
    for i in 0..3 {
        stages.push(stage(&format!("Optional {i}"), 60, r#", "optional": true"#));
    }
    // Both marks: strongly encouraged wins over optional; a condition over both.
    stages.push(stage(
        "Both",
        15,
        r#", "optional": true, "encouraged": true"#,
    ));
    stages.push(stage(
        "Only some",
        20,
        r#", "encouraged": true, "condition": "senior roles""#,
    ));
    let process: HiringProcess = parse(&with_stages(&stages.join(","))).unwrap();
    let t = process.variants[0].totals(&process);
    assert_eq!(t.all_stages(), 13);
    assert_eq!(
        (
            t.required_stages,
            t.encouraged_stages,
            t.optional_stages,
            t.conditional_stages
        ),
        (9, 6, 3, 1)
    );
    assert_eq!(
        t.breakdown(),
        ["6 strongly encouraged", "3 optional", "1 conditional"]
    );
    assert_eq!(t.outside_words(), "optional and conditional");
    // 3 × 30 + 5 × 45 + 15 minutes: the plan a candidate normally goes through.
    assert_eq!(t.required.to_string(), "5 h 30 min");
    assert_eq!(t.with_optional.to_string(), "8 h 50 min");
}

#[test]
fn a_large_group_is_numbered_with_points() {
    let stage = r#"{ "title": "S", "group": "Loop" }"#;
    let json = with_stages(&[stage; 30].join(","));
    let process: HiringProcess = parse(&json).unwrap();
    let steps = process.variants[0].steps();
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].label(0), steps[0].label(29)),
        ("1.1".into(), "1.30".into())
    );
}

#[test]
fn new_fields_refuse_what_they_cannot_mean() {
    for (stages, path, words) in [
        (
            r#"{ "title": "A", "minutes": 30, "length": "30 min" }"#,
            "$.variants[0].stages[0].length",
            "give `minutes` or `length`, not both",
        ),
        (
            r#"{ "title": "A", "length": "a while" }"#,
            "$.variants[0].stages[0].length",
            "\"a while\" is not a length we can read",
        ),
        (
            r#"{ "title": "A", "wait": "soon" }"#,
            "$.variants[0].stages[0].wait",
            "\"soon\" is not a length we can read",
        ),
        (
            r#"{ "title": "A", "interviewers": ["X", "Y"], "pick": 2 }"#,
            "$.variants[0].stages[0].pick",
            "from 1 to 1",
        ),
        (
            r#"{ "title": "A", "pick": 1 }"#,
            "$.variants[0].stages[0].pick",
            "how many of the 0 interviewers",
        ),
        (
            r#"{ "title": "A", "interviewers": ["X", " "] }"#,
            "$.variants[0].stages[0].interviewers[1]",
            "must not be empty",
        ),
        (
            r#"{ "title": "A", "condition": "" }"#,
            "$.variants[0].stages[0].condition",
            "must not be empty",
        ),
        (
            r#"{ "title": "A", "group": "G" }, { "title": "B" }, { "title": "C", "group": "G" }"#,
            "$.variants[0].stages[2].group",
            "the stages of group \"G\" must be next to each other",
        ),
    ] {
        let e = err(&with_stages(stages));
        assert_eq!(e.path.as_deref(), Some(path), "{stages}: {e}");
        assert!(e.message.contains(words), "{stages}: {e}");
        assert!(e.line.is_some(), "{stages}: located");
    }
    let e = err(r#"{ "title": "T", "duration": "forever", "variants": [] }"#);
    assert_eq!(e.path.as_deref(), Some("$.duration"));
}

/// A service level before the first stage (Sourcegraph: "every applicant is advanced or
/// declined within 5 business days"): calendar time, counted with the waits; a variant may
/// state its own.
#[test]
fn a_wait_before_the_first_stage_is_calendar_time() {
    let json = r#"{ "title": "T", "wait": "within 5 business days", "waitFor": "a decision on the application",
        "variants": [
          { "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": 30, "wait": "up to 48 h" }] },
          { "id": "b", "label": "B", "wait": "within 2 weeks", "stages": [{ "title": "Call", "minutes": 30 }] }
        ] }"#;
    let process: HiringProcess = parse(json).unwrap();
    let [a, b] = [&process.variants[0], &process.variants[1]];
    let (wait, what) = a.first_wait(&process).unwrap();
    assert_eq!(
        (wait.to_string().as_str(), what),
        (
            "up to 5 business days",
            Some("a decision on the application")
        )
    );
    let t = a.totals(&process);
    assert_eq!(t.waits.to_string(), "up to 5 business days 48 h");
    assert_eq!(t.required.to_string(), "30 min", "interview time is apart");
    // The variant's own wait, without the process's words for another wait.
    let (wait, what) = b.first_wait(&process).unwrap();
    assert_eq!((wait.to_string().as_str(), what), ("up to 2 weeks", None));
    // Blank words are refused where they are.
    let e =
        parse::<HiringProcess>(&json.replace("a decision on the application", " ")).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.waitFor"));
}
