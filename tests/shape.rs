//! The shape of rendered HTML, as the pre-renderer computes it: what hydration compares with
//! the DOM the browser parsed.

use handbook_widgets::shape::of_html;

#[test]
fn the_same_structure_has_the_same_shape_whatever_the_text_and_attributes() {
    let a = of_html(
        r#"<div class="a"><!--<[A]>--><p>Hello “there” <em>you</em></p><br><input type="checkbox"></div>"#,
    );
    let b = of_html(
        r#"<div id="x" title="a > b"><!--<[A]>--><p>Другой текст <em>x</em></p><br><input></div>"#,
    );
    assert_eq!(a, b);
}

#[test]
fn blank_text_does_not_count_but_entities_do() {
    assert_eq!(of_html("<p>a</p>\n  <p>b</p>"), of_html("<p>a</p><p>b</p>"));
    assert_ne!(
        of_html("<p>a</p>&nbsp;<p>b</p>"),
        of_html("<p>a</p><p>b</p>")
    );
    // Text in pieces counts once, as the parser joins it.
    assert_eq!(of_html("<p>a&amp;b…c</p>"), of_html("<p>abc</p>"));
}

#[test]
fn a_different_structure_or_marker_has_another_shape() {
    let table = of_html("<table><tr><td>1</td></tr></table>");
    // What the HTML parser makes of it: a tbody appears.
    assert_ne!(
        table,
        of_html("<table><tbody><tr><td>1</td></tr></tbody></table>")
    );
    // A minifier that drops Yew's markers.
    assert_ne!(
        of_html("<!--<[A]>--><p>x</p><!--</[A]>-->"),
        of_html("<p>x</p>")
    );
    assert_ne!(of_html("<!--<[A]>-->"), of_html("<!--<[B]>-->"));
    assert_ne!(of_html("<p>x</p>"), of_html("<div>x</div>"));
}
