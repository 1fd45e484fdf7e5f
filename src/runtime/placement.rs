//! Which elements a widget can be mounted on: one rule for the browser runtime and for
//! `prerender` and `check`, so that they agree on every page.

/// Where a widget goes on a mount element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// On the element itself: it may hold a shadow root (`div`, `section`, `span`, `p`, a
    /// custom element ...). The default.
    #[default]
    Host,
    /// On a `div.hb-host` the runtime adds inside it (`li`, `td`, `a` ...), since the platform
    /// allows no shadow root on the element.
    Child,
    /// Nowhere: the element cannot show HTML inside it. Why, in words.
    Refused(&'static str),
}

/// Elements on which `attachShadow` and declarative shadow roots work (and custom elements).
const HOSTS: [&str; 18] = [
    "article",
    "aside",
    "blockquote",
    "body",
    "div",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "main",
    "nav",
    "p",
    "section",
    "span",
];

/// Names with a hyphen that are not custom elements, so hold no shadow root.
const NOT_CUSTOM: [&str; 8] = [
    "annotation-xml",
    "color-profile",
    "font-face",
    "font-face-src",
    "font-face-uri",
    "font-face-format",
    "font-face-name",
    "missing-glyph",
];

/// Elements with no content at all.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is text, a template, another document, or a fallback.
const NOT_ELEMENTS: [&str; 12] = [
    "script",
    "style",
    "textarea",
    "title",
    "template",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "object",
];

/// Elements whose parser moves or drops what is put inside them (tables, option lists, the
/// document's own structure).
const MOVES_CONTENT: [&str; 14] = [
    "html", "head", "frameset", "frame", "table", "thead", "tbody", "tfoot", "tr", "colgroup",
    "select", "option", "optgroup", "datalist",
];

/// Where a widget goes on an element called `tag` (any case), in the HTML namespace when
/// `html`, else an SVG or MathML one.
pub fn placement(tag: &str, html: bool) -> Placement {
    let tag = tag.to_ascii_lowercase();
    let tag = tag.as_str();
    if !html {
        Placement::Refused("it is an SVG or MathML element, where HTML does not show; put the mount on a <div> outside the <svg> or <math>")
    } else if VOID.contains(&tag) {
        Placement::Refused("it is a void element, which holds nothing; put the mount on a <div>")
    } else if NOT_ELEMENTS.contains(&tag) {
        Placement::Refused(
            "its content is text or another document, not elements; put the mount on a <div>",
        )
    } else if MOVES_CONTENT.contains(&tag) {
        Placement::Refused("the browser's parser moves or drops what is put inside it; put the mount on a <div>, or inside a table cell")
    } else if HOSTS.contains(&tag) || is_custom(tag) {
        Placement::Host
    } else {
        Placement::Child
    }
}

/// Whether `tag` (lower case) is a valid custom element name.
fn is_custom(tag: &str) -> bool {
    tag.contains('-')
        && tag.starts_with(|c: char| c.is_ascii_lowercase())
        && !NOT_CUSTOM.contains(&tag)
}
