//! The shape of rendered HTML: its elements, comments (Yew's hydration markers among them) and
//! non-blank text, in document order, hashed. The pre-renderer computes it from the HTML it
//! writes ([`of_html`]), the browser from the DOM it parsed ([`of_dom`]); a pre-rendered widget
//! is hydrated only when the two agree, so that a page changed on the way (a minifier that
//! drops comments, a parser that moved an element) is rendered afresh instead of failing.

/// Elements with no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// A running FNV-1a hash over the shape's tokens.
struct Shape {
    hash: u64,
    after_text: bool,
}

impl Shape {
    fn new() -> Self {
        Self {
            hash: 0xcbf2_9ce4_8422_2325,
            after_text: false,
        }
    }

    fn mix(&mut self, kind: u8, text: &str) {
        for b in std::iter::once(kind).chain(text.bytes()).chain([0]) {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn open(&mut self, name: &str) {
        self.after_text = false;
        self.mix(b'<', &name.to_ascii_lowercase());
    }

    fn close(&mut self) {
        self.after_text = false;
        self.mix(b'>', "");
    }

    fn comment(&mut self, text: &str) {
        self.after_text = false;
        self.mix(b'!', text);
    }

    /// Text, counted once however many pieces it comes in; blank text does not count.
    fn text(&mut self, text: &str) {
        if !self.after_text && !is_blank(text) {
            self.after_text = true;
            self.mix(b't', "");
        }
    }

    fn finish(&self) -> String {
        format!("{:016x}", self.hash)
    }
}

/// Only ASCII white space, as the HTML parser and Yew's hydration skip it (an entity such as
/// `&nbsp;` is text).
fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
}

/// The shape of HTML as the pre-renderer writes it: well formed, attribute values quoted and
/// escaped, no raw-text elements.
pub fn of_html(html: &str) -> String {
    let mut shape = Shape::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").unwrap_or(after.len());
            shape.comment(after.get(..end).unwrap_or_default());
            rest = after.get(end + 3..).unwrap_or_default();
        } else if let Some(after) = rest.strip_prefix("</") {
            shape.close();
            rest = after
                .get(after.find('>').map_or(after.len(), |i| i + 1)..)
                .unwrap_or_default();
        } else if rest.starts_with('<')
            && rest
                .get(1..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_alphabetic())
        {
            let after = rest.get(1..).unwrap_or_default();
            let name_end = after
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .unwrap_or(after.len());
            let name = after.get(..name_end).unwrap_or_default();
            shape.open(name);
            // The tag ends at the first `>` outside a quoted attribute value.
            let mut quote = None;
            let mut end = after.len();
            for (i, c) in after.char_indices() {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    (None, '>') => {
                        end = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            if VOID.contains(&name.to_ascii_lowercase().as_str()) {
                shape.close();
            }
            rest = after.get(end..).unwrap_or_default();
        } else {
            // Text runs to the next `<` (the first character may take several bytes).
            let end = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '<')
                .map_or(rest.len(), |(i, _)| i);
            shape.text(rest.get(..end).unwrap_or_default());
            rest = rest.get(end..).unwrap_or_default();
        }
    }
    shape.finish()
}

/// The shape of the children of `root` as the browser holds them, walked without recursion.
pub fn of_dom(root: &web_sys::Node) -> String {
    use wasm_bindgen::JsCast;
    let mut shape = Shape::new();
    // Each entry: a node to enter, or (None) the end of the element entered before it.
    let mut stack: Vec<Option<web_sys::Node>> = Vec::new();
    let push_children = |node: &web_sys::Node, stack: &mut Vec<Option<web_sys::Node>>| {
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            stack.push(children.item(i));
        }
    };
    push_children(root, &mut stack);
    while let Some(entry) = stack.pop() {
        let Some(node) = entry else {
            shape.close();
            continue;
        };
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let name = node
                    .dyn_ref::<web_sys::Element>()
                    .map(web_sys::Element::local_name)
                    .unwrap_or_default();
                shape.open(&name);
                if VOID.contains(&name.as_str()) {
                    shape.close();
                } else {
                    stack.push(None);
                    push_children(&node, &mut stack);
                }
            }
            web_sys::Node::TEXT_NODE => shape.text(&node.node_value().unwrap_or_default()),
            web_sys::Node::COMMENT_NODE => shape.comment(&node.node_value().unwrap_or_default()),
            _ => {}
        }
    }
    shape.finish()
}
