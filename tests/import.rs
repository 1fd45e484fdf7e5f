//! `import` on the real handbook pages behind the presets (tests/fixtures/seeds/): the draft
//! has the preset's stages, lengths and optional marks. Where a preset was edited by hand
//! beyond what the page says, the difference is listed here with the reason.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::process::Command;

use handbook_widgets::import::import;
use handbook_widgets::import::outline::{self, Block};
use serde_json::Value;

fn seed(file: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/seeds/{file}")).unwrap()
}

fn preset(name: &str) -> Value {
    serde_json::from_str(common::preset(name)).unwrap()
}

/// Every difference between the stages of `draft` and `preset`, as "variant/stage: field:
/// draft vs preset", for the fields an import reads.
fn stage_differences(draft: &Value, preset: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let (dv, pv) = (
        draft["variants"].as_array().unwrap(),
        preset["variants"].as_array().unwrap(),
    );
    assert_eq!(dv.len(), pv.len(), "variants");
    for (d, p) in dv.iter().zip(pv) {
        let (ds, ps) = (
            d["stages"].as_array().unwrap(),
            p["stages"].as_array().unwrap(),
        );
        assert_eq!(ds.len(), ps.len(), "stages of {}", p["id"]);
        for (i, (a, b)) in ds.iter().zip(ps).enumerate() {
            for field in ["title", "channel", "minutes", "length", "runBy", "optional"] {
                let (x, y) = (&a[field], &b[field]);
                let same =
                    x == y || (field == "optional" && x.is_null() && *y == Value::Bool(false));
                if !same {
                    out.push(format!(
                        "{}/{}: {field}: {x} vs {y}",
                        p["id"].as_str().unwrap(),
                        i + 1
                    ));
                }
            }
        }
    }
    out
}

/// The fields a test may not accept any difference in: lengths and optional marks.
fn assert_lengths_and_marks_match(differences: &[String]) {
    let wrong: Vec<&String> = differences
        .iter()
        .filter(|d| {
            d.contains(": minutes:") || d.contains(": length:") || d.contains(": optional:")
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "lengths or optional marks differ: {wrong:#?}"
    );
}

#[test]
fn mattermost_hiring_from_restructured_text() {
    let draft = import(
        "hiring-timeline",
        "000_01fed9cc1fc546a9.txt",
        &seed("000_01fed9cc1fc546a9.txt"),
        None,
    )
    .unwrap();
    let preset = preset("mattermost-pm-hiring");
    assert_eq!(draft.json["notes"], preset["notes"]);
    let differences = stage_differences(&draft.json, &preset);
    assert_lengths_and_marks_match(&differences);
    assert_eq!(
        differences,
        [
            // The preset writes the team from the reader's side ("the team", "The CTO").
            "product-manager/7: runBy: \"A senior member of our team\" vs \"A senior member of the team\"",
            "product-manager/8: runBy: \"Our CTO\" vs \"The CTO\"",
        ],
        "{:#}", draft.json
    );
    // The intro and the notes after the list are kept, as Markdown.
    assert!(draft.json["footnotes"]
        .as_str()
        .unwrap()
        .starts_with("Notes:\n\n- Product Managers in Canada"));
    assert_eq!(draft.json["variants"][0]["label"], "Product Managers");
    assert!(draft
        .notes
        .guessed
        .iter()
        .any(|g| g.contains("“Hiring Process”")));
}

#[test]
fn flowfuse_hiring_plan_from_a_numbered_list() {
    let draft = import(
        "hiring-timeline",
        "002_773cc00b0a39e08f.txt",
        &seed("002_773cc00b0a39e08f.txt"),
        None,
    )
    .unwrap();
    let differences = stage_differences(&draft.json, &preset("flowfuse-pm-hiring"));
    assert_lengths_and_marks_match(&differences);
    assert_eq!(
        differences,
        [
            // "Done by recruiter.": the preset adds the article.
            "product-manager/2: runBy: \"Recruiter\" vs \"A recruiter\"",
            // The preset reads who runs these from their titles ("CEO Interview"); the page
            // does not say it in words, so the import leaves it out.
            "product-manager/3: runBy: null vs \"The CEO\"",
            "product-manager/4: runBy: null vs \"The CTO\"",
            // "The company will discuss and judge this": a reading, not a stated interviewer.
            "product-manager/6: runBy: null vs \"The company\"",
            // "Offer: Extend an offer": the preset names the channel from the title alone
            // too; here both agree. "GTM Interview … Done by the VP of Sales": a video call is
            // not stated, so both say interview.
        ],
        "{:#}",
        draft.json
    );
    let optional: Vec<&str> = draft.json["variants"][0]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["optional"] == true)
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(optional, ["Final Interview"]);
    assert!(
        draft
            .notes
            .guessed
            .iter()
            .any(|g| g
                .contains("stage 7 (“Final Interview”) is optional: the page says “(optional)”"))
    );
}

#[test]
fn gitlab_hiring_one_variant_per_level() {
    let draft = import(
        "hiring-timeline",
        "003_a6693679931841a2.txt",
        &seed("003_a6693679931841a2.txt"),
        None,
    )
    .unwrap();
    let preset = preset("gitlab-pm-leadership-hiring");
    let labels: Vec<&str> = draft.json["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["label"].as_str().unwrap())
        .collect();
    // The preset shortens the labels for its tabs ("Director"); the page's headings are longer.
    assert_eq!(
        labels,
        [
            "Group Manager, Product (GMP)",
            "Director of Product Management",
            "Senior Director of Product Management",
            "VP of Product Management",
            "VP of Product Monetization"
        ]
    );
    let differences = stage_differences(&draft.json, &preset);
    assert_lengths_and_marks_match(&differences);
    assert_eq!(
        differences,
        [
            // "with our CEO": the preset says "The CEO".
            "director-product-management/8: runBy: \"Our CEO\" vs \"The CEO\"",
            "senior-director-product-management/8: runBy: \"Our CEO\" vs \"The CEO\"",
            // "Apply on the GitLab Jobs [page]": the preset shortens the title.
            "vp-product-management/1: title: \"Apply on the GitLab Jobs page\" vs \"Apply\"",
            // Two interviews with "Director, Product": the preset numbers the second.
            "vp-product-management/6: title: \"Director, Product interview\" vs \"Second Director, Product interview\"",
            "vp-product-monetization/1: title: \"Apply on the GitLab Jobs page\" vs \"Apply\"",
        ],
        "{:#}", draft.json
    );
}

#[test]
fn prose_lengths_interviewers_and_marks() {
    let page = "# Jobs\n\n## Interview process\n\n\
        1. A 25-minute call with a recruiter\n\
        2. 45 minute interview with the CTO\n\
        3. You may be asked to do a 2-3 hour take-home assignment\n\
        4. A full-day on-site with the team\n\
        5. Reference checks\n\
        6. Our plan for your first 90 days\n\
        7. Chat (30 min)\n";
    let draft = import("hiring-timeline", "jobs.md", page, None).unwrap();
    let stages = draft.json["variants"][0]["stages"].as_array().unwrap();
    let got: Vec<String> = stages
        .iter()
        .map(|s| {
            format!(
                "{} | {} | {} | {} | {}",
                s["title"],
                s["channel"],
                s.get("minutes").or(s.get("length")).unwrap_or(&Value::Null),
                s["runBy"],
                s["optional"]
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // A bare "call" or "interview" is named after who runs it.
            "\"A recruiter call\" | \"call\" | 25 | \"A recruiter\" | null",
            "\"The CTO interview\" | \"interview\" | 45 | \"The CTO\" | null",
            "\"Take-home assignment\" | \"audition\" | \"2-3 h\" | null | true",
            "\"On-site\" | \"in-person\" | \"a full day\" | \"The team\" | null",
            "\"Reference checks\" | null | null | null | null",
            // "the first 90 days" is not the stage's length.
            "\"Our plan for your first 90 days\" | null | null | null | null",
            "\"Chat\" | null | 30 | null | null",
        ],
        "{:#}",
        draft.json
    );
    assert!(
        draft
            .notes
            .unread
            .iter()
            .any(|u| u.contains("stage 5 (“Reference checks”): how it happens is not stated")),
        "{:?}",
        draft.notes
    );
}

#[test]
fn facts_in_nested_items_belong_to_their_stage() {
    let page = "## Hiring process\n\n1. Technical interview\n   - 60 minutes, with two engineers\n   - Optional for interns\n2. Offer\n";
    let draft = import("hiring-timeline", "p.md", page, None).unwrap();
    let stage = &draft.json["variants"][0]["stages"][0];
    assert_eq!(stage["title"], "Technical interview");
    assert_eq!(stage["minutes"], 60);
    assert_eq!(stage["runBy"], "Two engineers");
    assert_eq!(stage["optional"], true);
    assert_eq!(
        stage["description"],
        "- 60 minutes, with two engineers\n- Optional for interns"
    );
}

#[test]
fn a_section_is_picked_by_heading_and_a_missing_one_is_named() {
    let page = "# Team\n\n## Hiring\n\n- Call\n\n## Interns\n\n- Chat (30 min)\n";
    let draft = import("hiring-timeline", "p.md", page, Some("interns")).unwrap();
    assert_eq!(draft.json["variants"][0]["stages"][0]["minutes"], 30);
    assert_eq!(draft.json["title"], "Team: Interns");
    let error = import("hiring-timeline", "p.md", page, Some("onsite")).unwrap_err();
    assert_eq!(
        error,
        "no heading contains “onsite”; the page's headings: “Team”, “Hiring”, “Interns”"
    );
    let error = import("hiring-timeline", "p.md", "# Team\n\nNo list here.\n", None).unwrap_err();
    assert!(
        error.starts_with("found no list of stages under"),
        "{error}"
    );
}

#[test]
fn the_command_prints_json_and_notes_apart() {
    let output = Command::new(env!("CARGO_BIN_EXE_handbook-widgets"))
        .args([
            "import",
            "hiring-timeline",
            "tests/fixtures/seeds/002_773cc00b0a39e08f.txt",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["variants"][0]["stages"].as_array().unwrap().len(), 8);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("guessed:\n  - read the section “Hiring Plan”"),
        "{stderr}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_handbook-widgets"))
        .args([
            "import",
            "hiring-timeline",
            "tests/fixtures/seeds/002_773cc00b0a39e08f.txt",
            "--section",
            "nothing",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[test]
fn the_draft_as_a_fence_is_the_same_data_and_a_widget_check_accepts() {
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_handbook-widgets"))
            .args([
                "import",
                "hiring-timeline",
                "tests/fixtures/seeds/002_773cc00b0a39e08f.txt",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let plain = run(&[]);
    let fenced = run(&["--fence"]);
    assert!(fenced.status.success());
    let text = String::from_utf8(fenced.stdout).unwrap();
    let body = text
        .strip_prefix("```hiring-timeline\n")
        .and_then(|t| t.strip_suffix("\n```\n"))
        .unwrap_or_else(|| panic!("not a fence: {text}"));
    let from_fence: Value = serde_json::from_str(body).unwrap();
    let from_plain: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(from_fence, from_plain);
    // Pasted into a Markdown page, `check` reads it as the widget it is.
    let dir = std::env::temp_dir().join(format!("hb-import-fence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("hiring.md"), format!("# Hiring\n\n{text}")).unwrap();
    let check = Command::new(env!("CARGO_BIN_EXE_handbook-widgets"))
        .args(["check"])
        .arg(dir.join("hiring.md"))
        .output()
        .unwrap();
    let out = String::from_utf8(check.stdout).unwrap() + &String::from_utf8(check.stderr).unwrap();
    assert!(check.status.success(), "{out}");
    assert!(out.contains("1 widget in 1 file: 1 valid"), "{out}");
}

// The page outline the importers read.

#[test]
fn lists_nest_and_keep_their_markdown() {
    let blocks = outline::outline(
        "# T\n\nIntro *here*.\n\n- [ ] One [a](b)\n  - [x] Two\n    more\n- Three\n",
        false,
    )
    .blocks;
    let [Block::Heading { level: 1, .. }, Block::Paragraph { markdown, .. }, Block::List { items, .. }] =
        blocks.as_slice()
    else {
        panic!("{blocks:?}");
    };
    assert_eq!(markdown, "Intro *here*.");
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first.markdown, "One [a](b)");
    assert_eq!(first.text, "One a");
    assert_eq!(first.task, Some(false));
    assert_eq!(first.children[0].markdown, "Two more");
    assert_eq!(first.children[0].task, Some(true));
    assert_eq!(items[1].text, "Three");
}

#[test]
fn rst_titles_become_headings() {
    let rst =
        "=====\nTitle\n=====\n\nText with `a link <https://x.y/>`_.\n\nPart\n----\n\n- item\n";
    assert!(outline::looks_like_rst("page.txt", rst));
    let blocks = outline::outline(rst, true).blocks;
    assert_eq!(
        blocks[0],
        Block::Heading {
            level: 1,
            text: "Title".into()
        }
    );
    assert!(
        matches!(&blocks[1], Block::Paragraph { markdown, .. } if markdown == "Text with [a link](https://x.y/).")
    );
    assert_eq!(
        blocks[2],
        Block::Heading {
            level: 2,
            text: "Part".into()
        }
    );
}

#[test]
fn tables_and_front_matter() {
    let md = "---\ntitle: x\n---\n| Program | Owner |\n| --- | --- |\n| [A](u) | Ann |\n";
    let blocks = outline::outline(md, false).blocks;
    let [Block::Table { header, rows }] = blocks.as_slice() else {
        panic!("{blocks:?}");
    };
    assert_eq!(header[1].text, "Owner");
    assert_eq!(rows[0][0].markdown, "[A](u)");
    assert_eq!(rows[0][1].text, "Ann");
}

#[test]
fn mattermost_program_owners_from_nested_lists() {
    let draft = import(
        "owner-directory",
        "004_bf466acef695e6b0.txt",
        &seed("004_bf466acef695e6b0.txt"),
        None,
    )
    .unwrap();
    let preset = preset("mattermost-program-management");
    // The team, its lead ("led by Ian Tien, co-founder & CEO"), every group and program with
    // its owners, helpers, description, links and "Process to be added" are the preset's.
    assert_eq!(draft.json["people"], preset["people"]);
    assert_eq!(draft.json["lead"], preset["lead"]);
    let documented = |mut groups: Value| {
        // "documented" is the default the preset writes out.
        for group in groups.as_array_mut().unwrap() {
            for program in group["programs"].as_array_mut().unwrap() {
                let map = program.as_object_mut().unwrap();
                if map.get("process") == Some(&Value::from("documented")) {
                    map.remove("process");
                }
            }
        }
        groups
    };
    assert_eq!(
        documented(draft.json["groups"].clone()),
        documented(preset["groups"].clone())
    );
    // The preset's title and notes add the company's name and the "Where to find us" line.
    assert_eq!(draft.json["title"], "Program management");
    assert!(preset["notes"]
        .as_str()
        .unwrap()
        .starts_with(draft.json["notes"].as_str().unwrap()));
}

#[test]
fn owners_from_a_table_and_words_for_no_owner() {
    let page = "# Features\n\n## Ownership\n\n\
        | Feature | Owner | Backup | Description | Process |\n\
        | --- | --- | --- | --- | --- |\n\
        | [Search](https://x.example/search) | Ann Lee | Bo | Finding things | [doc](https://x.example/p) |\n\
        | Billing | TBD | | Invoices | to be added |\n\
        | Docs | Shared | | Everyone writes | |\n";
    let draft = import("owner-directory", "f.md", page, None).unwrap();
    let programs = &draft.json["groups"][0]["programs"];
    assert_eq!(draft.json["groups"][0]["title"], "Ownership");
    assert_eq!(programs[0]["title"], "Search");
    assert_eq!(programs[0]["owners"], serde_json::json!(["ann"]));
    assert_eq!(programs[0]["supporting"], serde_json::json!(["bo"]));
    assert_eq!(programs[0]["links"].as_array().unwrap().len(), 2);
    assert_eq!(programs[1]["owners"], serde_json::json!([]));
    assert_eq!(programs[1]["process"], "to-be-added");
    assert_eq!(programs[2]["shared"], true);
    // Owners not in a team list are added, with no title, and said so.
    assert_eq!(
        draft.json["people"],
        serde_json::json!([{ "id": "ann", "name": "Ann Lee" }, { "id": "bo", "name": "Bo" }])
    );
    assert!(draft
        .notes
        .guessed
        .iter()
        .any(|g| g == "“Ann Lee” owns a program but is not in a team list: added with no title"));
}

/// Each level's (title, grade, reports to, experience, next steps by title, section titles),
/// text compared without case, Markdown escapes or links.
fn level_facts(ladder: &Value) -> Vec<String> {
    let levels = ladder["levels"].as_array().unwrap();
    let title_of = |id: &Value| {
        levels
            .iter()
            .find(|l| l["id"] == *id)
            .map(|l| l["title"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let plain = |v: &Value| {
        let text = v
            .as_str()
            .unwrap_or_default()
            .to_lowercase()
            .replace('\\', "");
        handbook_widgets::import::prose::plain(&text)
    };
    levels
        .iter()
        .map(|l| {
            let next: Vec<String> = l["next"].as_array().map(|n| n.iter().map(title_of).collect()).unwrap_or_default();
            let sections: Vec<&str> = l["sections"]
                .as_array()
                .map(|s| s.iter().map(|s| s["title"].as_str().unwrap()).collect())
                .unwrap_or_default();
            format!(
                "{} | grade {} | reports to {} | experience {} | next {next:?} | sections {sections:?}",
                l["title"].as_str().unwrap(),
                l["grade"],
                plain(&l["reportsTo"]),
                plain(&l["experience"]),
            )
        })
        .collect()
}

#[test]
fn mattermost_levels_from_a_heading_per_level() {
    let draft = import(
        "level-comparison",
        "001_0d0926c03af2f7b0.txt",
        &seed("001_0d0926c03af2f7b0.txt"),
        None,
    )
    .unwrap();
    let preset = preset("mattermost-pm-levels");
    assert_eq!(level_facts(&draft.json), level_facts(&preset));
    // Each level's prose is its summary, paragraph for paragraph.
    for (d, p) in draft.json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .zip(preset["levels"].as_array().unwrap())
    {
        assert_eq!(
            d["summary"].as_str().unwrap().replace('\\', ""),
            p["summary"],
            "{}",
            p["title"]
        );
    }
}

#[test]
fn gitlab_levels_with_grades_next_steps_and_experience() {
    let draft = import(
        "level-comparison",
        "003_a6693679931841a2.txt",
        &seed("003_a6693679931841a2.txt"),
        None,
    )
    .unwrap();
    let facts = level_facts(&draft.json);
    let expected: Vec<String> = level_facts(&preset("gitlab-pm-leadership-levels"))
        .into_iter()
        .map(|f| {
            // The preset adds sections from elsewhere on the page (the Group Manager's
            // performance indicators) and sets the Responsibilities' closing note apart; the
            // page's own sections are read as they stand.
            f.replace(", \"Notes\"", "")
                .replace(", \"Activities\", \"Performance Indicators\"", "")
        })
        .collect();
    assert_eq!(facts, expected);
    // The sections' items, and the hiring processes left to `import hiring-timeline`.
    let gmp = &draft.json["levels"][0];
    assert_eq!(
        gmp["sections"][2]["items"].as_array().unwrap().len(),
        3,
        "specialties"
    );
    assert_eq!(
        draft
            .notes
            .unread
            .iter()
            .filter(|u| u.contains("is a hiring process"))
            .count(),
        5
    );
}

/// Each item of a checklist's phase as an indented line, Markdown escapes and entities undone,
/// with "[optional]" and "[owner: …]" marks.
fn checklist_lines(phase: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending: Vec<(usize, &Value)> = phase["items"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|i| (0, i))
        .collect();
    while let Some((depth, item)) = pending.pop() {
        let text = item["text"]
            .as_str()
            .unwrap()
            .replace('\\', "")
            .replace("&gt;", ">");
        let mut line = format!("{}{text}", "  ".repeat(depth));
        if item["optional"] == true {
            line.push_str(" [optional]");
        }
        if let Some(owner) = item["owner"].as_str() {
            line.push_str(&format!(" [owner: {owner}]"));
        }
        out.push(line);
        if let Some(children) = item["children"].as_array() {
            pending.extend(children.iter().rev().map(|c| (depth + 1, c)));
        }
    }
    out
}

#[test]
fn mattermost_onboarding_phases_items_and_training() {
    let draft = import(
        "onboarding-checklist",
        "001_0d0926c03af2f7b0.txt",
        &seed("001_0d0926c03af2f7b0.txt"),
        None,
    )
    .unwrap();
    let preset = preset("mattermost-pm-onboarding");
    let (dp, pp) = (
        draft.json["phases"].as_array().unwrap(),
        preset["phases"].as_array().unwrap(),
    );
    assert_eq!(dp.len(), pp.len());
    for (d, p) in dp.iter().zip(pp) {
        for field in ["id", "title", "objective", "dueDay"] {
            assert_eq!(d[field], p[field], "{}: {field}", p["title"]);
        }
        let training: Vec<String> = d["training"]
            .as_array()
            .map(|t| {
                t.iter()
                    .map(|t| t.as_str().unwrap().replace('\\', ""))
                    .collect()
            })
            .unwrap_or_default();
        let expected: Vec<String> = p["training"]
            .as_array()
            .map(|t| t.iter().map(|t| t.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        assert_eq!(training, expected, "{}: training", p["title"]);
        let mut expected = checklist_lines(p);
        if p["id"] == "first-day" {
            // The page says "Optionally"; the preset, written before items could be optional,
            // counts it like the others.
            for line in &mut expected {
                if line.trim_start().starts_with("Optionally") {
                    line.push_str(" [optional]");
                }
            }
        }
        assert_eq!(checklist_lines(d), expected, "{}: items", p["title"]);
    }
    // The 169 items the preset counts, every one of them.
    let count: usize = dp.iter().map(|p| checklist_lines(p).len()).sum();
    assert_eq!(count, 169);
}

#[test]
fn task_lists_owners_optional_items_and_days() {
    let page = "# Onboarding\n\n## Day 1\n\n- [ ] Manager: order a laptop\n- [ ] New hire: sign the contract\n  - [ ] Optional: read the history page\n\n## Week 2\n\nTasks:\n\n1. [x] Ship a change\n\n## Background\n\nNothing to do here.\n";
    let draft = import("onboarding-checklist", "o.md", page, None).unwrap();
    let phases = draft.json["phases"].as_array().unwrap();
    assert_eq!(phases.len(), 2);
    assert_eq!(phases[0]["dueDay"], 0);
    assert_eq!(phases[1]["dueDay"], 14);
    assert_eq!(
        checklist_lines(&phases[0]),
        [
            "order a laptop [owner: Manager]",
            "sign the contract [owner: New hire]",
            "  read the history page [optional]"
        ]
    );
    assert_eq!(checklist_lines(&phases[1]), ["Ship a change"]);
    assert!(draft
        .notes
        .unread
        .iter()
        .any(|u| u == "“Background” has no list of things to do"));
}

#[test]
fn odd_pages_give_a_draft_or_a_reason_never_a_panic() {
    let deep: String = (0..40)
        .map(|d| format!("{}- level {d}\n", "  ".repeat(d)))
        .collect();
    let long: String = (0..6000)
        .map(|i| format!("- (Ann) Item {i}: a 30 minute call\n"))
        .collect();
    let pages = [
        String::new(),
        "# Only a title\n".to_owned(),
        "## Onboarding\n\n### Day 1\n\n".to_owned() + &deep,
        "## Hiring process\n\n".to_owned() + &deep,
        "## Programs\n\n".to_owned() + &long,
        "## Onboarding\n\n### Week 1\n\n".to_owned() + &long,
        "## Levels\n\n### ١\n\nنص\n\n### 🚀 Two\n\n- émoji 🎉 for 45m\n".to_owned(),
        "## Programs\n\n| Program | Owner |\n| --- | --- |\n| A |\n| | Bo |\n".to_owned(),
        "## Hiring process\n\n- **\n- [](\n- (\n- 99999999999999999999 minutes\n- 1.5.5 h\n"
            .to_owned(),
    ];
    for page in &pages {
        for widget in handbook_widgets::import::WIDGETS {
            let result = common::on_small_stack({
                let page = page.clone();
                move || import(widget, "page.md", &page, None).map(|d| d.json)
            });
            match result {
                Ok(json) => assert!(json.is_object(), "{widget}"),
                Err(reason) => assert!(
                    !reason.contains("import's mistake"),
                    "{widget}: {reason}\n{page}"
                ),
            }
        }
    }
}
