//! Per-widget entries in the URL fragment: each widget touches only its own.

use handbook_widgets::url_state::{get, key_of, set};

#[test]
fn entries_are_read_and_written_per_key() {
    let h = set("", "gitlab", Some("a~b"));
    assert_eq!(h, "#hb-gitlab=a~b");
    let h = set(&h, "mm", Some("pm-1~pm-2"));
    assert_eq!(h, "#hb-gitlab=a~b&hb-mm=pm-1~pm-2");
    assert_eq!(get(&h, "gitlab").as_deref(), Some("a~b"));
    assert_eq!(get(&h, "mm").as_deref(), Some("pm-1~pm-2"));
    assert_eq!(get(&h, "other"), None);
    let h = set(&h, "gitlab", Some("c~d"));
    assert_eq!(h, "#hb-mm=pm-1~pm-2&hb-gitlab=c~d");
    assert_eq!(set(&h, "mm", None), "#hb-gitlab=c~d");
    assert_eq!(set("#hb-x=1", "x", None), "");
}

#[test]
fn the_host_pages_own_anchor_is_kept() {
    let h = set("#hiring", "levels", Some("a~b"));
    assert_eq!(h, "#hiring&hb-levels=a~b");
    assert_eq!(get(&h, "levels").as_deref(), Some("a~b"));
}

#[test]
fn values_are_escaped_and_unescaped() {
    let h = set("", "k", Some("a b&c=d"));
    assert_eq!(h, "#hb-k=a%20b%26c=d");
    assert_eq!(get(&h, "k").as_deref(), Some("a b&c=d"));
}

#[test]
fn keys_are_slugs() {
    assert_eq!(
        key_of("GitLab: Product Management leadership levels"),
        "gitlab-product-management-leadership-levels"
    );
    assert_eq!(key_of("  --x--y  "), "x-y");
}
