//! Owner directory at scale (5,000 programs, 500 people): prints parse, index, filter,
//! by-person and render times. Figures, not assertions: `cargo bench --bench owner_directory`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::{Duration, Instant};

use handbook_widgets::model::owners::{Directory, Filter, SearchIndex};
use handbook_widgets::model::parse;
use handbook_widgets::widgets::{owner_directory, MountOptions};
use yew::prelude::*;

/// A directory of `programs` programs in 50 groups, owned round-robin by `people` people;
/// every 7th unowned, every 3rd without a process, every 5th with a helper.
pub fn generate(programs: usize, people: usize) -> String {
    let people_json: Vec<String> = (0..people)
        .map(|i| {
            format!(
                r#"{{"id": "p{i}", "name": "Person {i} Surname{}", "title": "Role {}"}}"#,
                i * 7919 % 1000,
                i % 13
            )
        })
        .collect();
    let groups: Vec<String> = (0..50)
        .map(|g| {
            let progs: Vec<String> = (0..programs / 50)
                .map(|k| {
                    let i = g * (programs / 50) + k;
                    let owners = if i % 7 == 0 { String::new() } else { format!(r#""p{}""#, i % people) };
                    let supporting = if i % 5 == 0 { format!(r#""p{}""#, (i + 1) % people) } else { String::new() };
                    let process = if i % 3 == 0 { "to-be-added" } else { "documented" };
                    format!(
                        r#"{{"title": "Program {i} of group {g}", "description": "Keeps **area {}** running; see the [runbook](https://example.com/{i}).",
                            "owners": [{owners}], "supporting": [{supporting}], "process": "{process}",
                            "links": [{{"label": "Runbook", "url": "https://example.com/{i}"}}]}}"#,
                        i % 97
                    )
                })
                .collect();
            format!(r#"{{"title": "Group {g}", "programs": [{}]}}"#, progs.join(","))
        })
        .collect();
    format!(
        r#"{{"title": "Scale test", "people": [{}], "groups": [{}]}}"#,
        people_json.join(","),
        groups.join(",")
    )
}

#[derive(Properties, PartialEq)]
struct WrapProps {
    html: Html,
}

#[component]
fn Wrap(props: &WrapProps) -> Html {
    props.html.clone()
}

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    (start.elapsed() / runs, out)
}

fn main() {
    let json = generate(5000, 500);
    println!(
        "owner-directory benchmark: 5000 programs, 500 people, {} KB of JSON",
        json.len() / 1024
    );
    let (t, dir) = time(5, || parse::<Directory>(&json).unwrap());
    println!("  parse + validate        {:>9.2?}", t);
    let (t, index) = time(5, || SearchIndex::new(&dir));
    println!("  build search index      {:>9.2?}", t);
    for (label, filter) in [
        ("filter: none", Filter::default()),
        (
            "filter: \"a\" (broad)",
            Filter {
                query: "a".into(),
                ..Filter::default()
            },
        ),
        (
            "filter: \"program 4242\"",
            Filter {
                query: "program 4242".into(),
                ..Filter::default()
            },
        ),
        (
            "filter: person",
            Filter {
                person: Some("p42".into()),
                ..Filter::default()
            },
        ),
        (
            "filter: unowned + no process",
            Filter {
                unowned: true,
                no_process: true,
                ..Filter::default()
            },
        ),
    ] {
        let (t, hits) = time(20, || index.programs(&dir, &filter));
        println!("  {label:<30}{t:>9.2?}  ({} programs)", hits.len());
    }
    let all = index.programs(&dir, &Filter::default());
    let (t, people) = time(20, || dir.by_person(&all));
    println!(
        "  by person (all programs)      {t:>9.2?}  ({} people)",
        people.len()
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (t, html) = time(3, || {
        let widget = owner_directory::render(&json, &MountOptions::default()).unwrap();
        let renderer = yew::LocalServerRenderer::<Wrap>::with_props(WrapProps { html: widget })
            .hydratable(false);
        runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render()))
    });
    println!(
        "  parse + render to HTML        {t:>9.2?}  ({} KB of HTML, first {} programs shown)",
        html.len() / 1024,
        owner_directory::PAGE
    );
}
