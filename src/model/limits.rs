//! The limits on widget data, in one place: far beyond any real handbook, and what keeps every
//! walk over the data (parsing, the models, the views) bounded in time and stack depth.
//!
//! Data beyond a structural limit is an in-place data error naming the JSON path; Markdown
//! nested deeper than [`MARKDOWN_DEPTH`] still shows, its deeper content as plain text. The
//! README's "Limits" table lists the same figures.

/// Largest JSON text any widget accepts, in bytes (10 MiB), checked before anything is parsed;
/// the owner directory's limit. Widgets that render all their data at once accept less.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Deepest nesting of arrays and objects in widget data. Checked by a scan that does not
/// recurse, before the parser (which does) sees the text.
pub const MAX_DEPTH: usize = 64;

/// Longest string value, in characters (a Markdown field of a hundred thousand characters is
/// a long book chapter).
pub const MAX_STRING_CHARS: usize = 100_000;

/// Deepest nesting of elements that Markdown in a field turns into (lists in lists, quotes,
/// emphasis, links). Anything deeper is shown as text inside the deepest element.
pub const MARKDOWN_DEPTH: usize = 24;

/// Most elements one Markdown field turns into (list items, emphasis, links, search marks);
/// the rest of the field shows as plain text.
pub const MARKDOWN_ELEMENTS: usize = 2_000;

/// Hiring timeline: the largest JSON text, in bytes (512 KiB; the GitLab preset is 13 KiB).
pub const HIRING_BYTES: usize = 512 * 1024;
/// Hiring timeline: at most this many variants (tabs).
pub const HIRING_VARIANTS: usize = 50;
/// Hiring timeline: at most this many stages in one variant.
pub const HIRING_STAGES: usize = 200;
/// Hiring timeline: at most this many stages over all variants (all render, for print).
pub const HIRING_ALL_STAGES: usize = 1_000;

/// Level comparison: the largest JSON text, in bytes (2 MiB; the GitLab preset is 25 KiB).
pub const LADDER_BYTES: usize = 2 * 1024 * 1024;
/// Level comparison: at most this many levels in a ladder.
pub const LADDER_LEVELS: usize = 200;
/// Level comparison: at most this many sections in a level (and in `shared`).
pub const LADDER_SECTIONS: usize = 50;
/// Level comparison: at most this many items in one level, over all its sections (and in
/// `shared`).
pub const LADDER_ITEMS: usize = 500;

/// Owner directory: at most this many people.
pub const DIRECTORY_PEOPLE: usize = 10_000;
/// Owner directory: at most this many programs, over all groups (they show 100 at a time).
pub const DIRECTORY_PROGRAMS: usize = 20_000;

/// Onboarding checklist: the largest JSON text, in bytes (512 KiB; the Mattermost preset, 169
/// items, is 25 KiB).
pub const CHECKLIST_BYTES: usize = 512 * 1024;
/// Onboarding checklist: at most this many phases.
pub const CHECKLIST_PHASES: usize = 100;
/// Onboarding checklist: at most this many items, over all phases and levels.
pub const CHECKLIST_ITEMS: usize = 1_000;
/// Onboarding checklist: items nest at most this deep (an item with children counts 1, its
/// children 2, ...).
pub const CHECKLIST_DEPTH: usize = 16;

/// Seconds a `data-src` fetch may take, headers and body, unless the mount's `data-timeout`
/// says otherwise (1 to [`MAX_FETCH_SECONDS`]).
pub const FETCH_SECONDS: u32 = 15;
/// The most a `data-timeout` may ask for.
pub const MAX_FETCH_SECONDS: u32 = 120;

/// `n` with thousands separated by commas, for messages ("28,000").
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in bytes as "540 KB" below a megabyte, else "5.2 MB" (1 KB = 1,024 bytes; rounded
/// up to whole KB, to the nearest tenth of a MB). Integer arithmetic: no float formatting in
/// the bundle.
pub fn size(bytes: usize) -> String {
    let kb = bytes.div_ceil(1024);
    if kb < 1024 {
        format!("{kb} KB")
    } else {
        let bytes = u64::try_from(bytes).unwrap_or(u64::MAX);
        let tenths = bytes.saturating_mul(10).saturating_add(512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
