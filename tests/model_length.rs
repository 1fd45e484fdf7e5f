//! Lengths as handbooks word them: what is read, how it is shown and summed, what is refused.
#![allow(clippy::unwrap_used)]

use handbook_widgets::model::length::{parse_span, Amount, Span};

fn shown(text: &str) -> String {
    parse_span(text).unwrap().to_string()
}

#[test]
fn exact_lengths_in_any_unit_and_spelling() {
    for (text, words) in [
        ("45 min", "45 min"),
        ("45 minutes", "45 min"),
        ("45min", "45 min"),
        ("90 minutes", "1 h 30 min"),
        ("1.5 h", "1 h 30 min"),
        ("1.5 hours", "1 h 30 min"),
        ("an hour", "1 h"),
        ("1 h 30 min", "1 h 30 min"),
        ("0.75 hr", "45 min"),
        ("a full day", "1 day"),
        ("A day", "1 day"),
        ("half a day", "half a day"),
        ("half-day", "half a day"),
        ("1.5 days", "1.5 days"),
        ("two weeks", "2 weeks"),
        ("2 business days", "2 business days"),
        ("a working day", "1 business day"),
        ("about 2 weeks", "about 2 weeks"),
        ("~30 min", "about 30 min"),
    ] {
        assert_eq!(shown(text), words, "{text}");
        let span = parse_span(text).unwrap();
        assert_eq!(span.low, span.high, "{text} is one length");
    }
}

#[test]
fn ranges_and_upper_bounds() {
    for (text, words) in [
        ("30-60 min", "30–60 min"),
        ("30–60 minutes", "30–60 min"),
        ("30 to 60 min", "30–60 min"),
        ("45 min - 1 h", "45–60 min"),
        ("45 min - 1.5 h", "45 min – 1 h 30 min"),
        ("4-5 h", "4–5 h"),
        ("1-1.5 h", "1 h – 1 h 30 min"),
        ("2-3 weeks", "2–3 weeks"),
        ("half a day - 1 day", "half a day – 1 day"),
        ("up to 48 hours", "up to 48 h"),
        ("within 48 hours", "up to 48 h"),
        ("up to 5 business days", "up to 5 business days"),
        ("about 2-3 weeks", "about 2–3 weeks"),
    ] {
        assert_eq!(shown(text), words, "{text}");
    }
    let up_to = parse_span("within 2 days").unwrap();
    assert_eq!(
        (up_to.low, up_to.high.half_days),
        (Amount::default(), 4),
        "an upper bound starts at nothing"
    );
}

#[test]
fn sums_keep_units_apart_and_ranges_as_ranges() {
    let sum = ["30-60 min", "1 h", "a full day", "up to 48 h"]
        .iter()
        .map(|t| parse_span(t).unwrap())
        .fold(Span::default(), Span::plus);
    // No guess at how many hours a day of interviews is: the day stays a day.
    assert_eq!(sum.to_string(), "1 day 1 h 30 min – 1 day 50 h");
    let about = Span::minutes(30).plus(parse_span("about 1 h").unwrap());
    assert_eq!(about.to_string(), "about 1 h 30 min");
    assert_eq!(
        Span::minutes(270).plus(Span::minutes(0)).to_string(),
        "4 h 30 min"
    );
}

#[test]
fn what_cannot_be_read_is_refused_with_how_to_write_it() {
    for text in [
        "a while",
        "",
        "45",
        "30-60",
        "1.333 h",
        "0.1 min",
        "0 min",
        "up to 1-2 h",
        "5 business weeks",
        "999999999 h",
    ] {
        let error = parse_span(text).unwrap_err();
        assert!(
            error.contains("is not a length we can read") && error.contains("\"30–60 min\""),
            "{text}: {error}"
        );
    }
    let error = parse_span("60-30 min").unwrap_err();
    assert!(error.contains("from the shorter to the longer"), "{error}");
}
