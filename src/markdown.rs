//! Markdown from data fields, rendered from pulldown-cmark events straight into Yew nodes.
//!
//! Nothing in the data ever reaches the page as HTML: raw HTML (blocks and inline) becomes
//! text, and link and image targets are kept only when [`safe_url`] allows them. Elements nest
//! at most [`MARKDOWN_DEPTH`] deep and one field makes at most [`MARKDOWN_ELEMENTS`]; content
//! beyond either (a list in a list four hundred times) goes on as plain text in the deepest
//! element, so no walk over the nodes goes deeper, and no field floods the page.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use yew::virtual_dom::{VTag, VText};
use yew::{AttrValue, Html};

use crate::model::limits::{MARKDOWN_DEPTH, MARKDOWN_ELEMENTS};

/// Where rendered Markdown goes, which decides the elements it may become.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Flow content (a `div`, a table cell): paragraphs, lists, tables, ...
    Block,
    /// Phrasing content (a sentence, a heading, a `p`): only inline elements, since the HTML
    /// parser moves a block element out of a `p` or a heading, and a pre-rendered widget
    /// would then no longer have the shape it was rendered with. Blocks become lines.
    Inline,
    /// [`Context::Inline`] inside a control (a button): links keep only their text, as a
    /// control may hold no other interactive element.
    Label,
}

/// Renders Markdown as block content (paragraphs, lists, tables, ...).
pub fn block(source: &str) -> Html {
    render(source, Context::Block, "")
}

/// Renders Markdown for a one-line field, which can sit inside a heading or a sentence: only
/// inline elements. Block constructs become lines of it: paragraphs, headings, quotes and code
/// blocks each a line (`<br>` between them), list items a line each after "•" or their number,
/// table rows a line each with " | " between cells, a rule a line break.
pub fn inline(source: &str) -> Html {
    render(source, Context::Inline, "")
}

/// [`inline`] for the label of a control (a disclosure button): links and images keep only
/// their text.
pub fn label(source: &str) -> Html {
    render(source, Context::Label, "")
}

/// [`block`], with every case-insensitive occurrence of `query` in the text wrapped in
/// `<mark class="hb-match">`.
pub fn block_marked(source: &str, query: &str) -> Html {
    render(source, Context::Block, query)
}

/// [`inline`], with occurrences of `query` marked.
pub fn inline_marked(source: &str, query: &str) -> Html {
    render(source, Context::Inline, query)
}

/// Plain text (no Markdown) with occurrences of `query` marked.
pub fn text_marked(text: &str, query: &str) -> Html {
    marked(text, &query.trim().to_lowercase())
}

/// `text` as nodes, with case-insensitive occurrences of `needle` (already lower case) in
/// `<mark>`, at most [`MARKDOWN_ELEMENTS`] of them. Text whose lower-case form changes length
/// is left unmarked rather than cut wrong.
fn marked(text: &str, needle: &str) -> Html {
    marked_within(text, needle, &mut { MARKDOWN_ELEMENTS })
}

/// [`marked`], taking each `<mark>` from `budget`; once it is spent the rest stays text.
fn marked_within(text: &str, needle: &str, budget: &mut usize) -> Html {
    let lower = text.to_lowercase();
    if needle.is_empty() || *budget == 0 || lower.len() != text.len() || !lower.contains(needle) {
        return VText::new(AttrValue::from(text.to_owned())).into();
    }
    let mut nodes: Vec<Html> = Vec::new();
    let mut at = 0;
    for (start, _) in lower.match_indices(needle) {
        if *budget == 0 {
            break;
        }
        let end = start + needle.len();
        if let (Some(before), Some(hit)) = (text.get(at..start), text.get(start..end)) {
            nodes.push(VText::new(AttrValue::from(before.to_owned())).into());
            let mut mark = VTag::new("mark");
            mark.add_attribute("class", "hb-match");
            mark.add_child(VText::new(AttrValue::from(hit.to_owned())).into());
            nodes.push(mark.into());
            *budget -= 1;
            at = end;
        }
    }
    nodes.push(
        VText::new(AttrValue::from(
            text.get(at..).unwrap_or_default().to_owned(),
        ))
        .into(),
    );
    nodes.into_iter().collect()
}

/// The target a link or image may keep, or `None` when it must be dropped.
///
/// Allowed: `http`, `https`, `mailto`, `tel`, relative paths and `#` fragments. The scheme is
/// judged after entity decoding (done by the parser), percent-decoding, removal of the
/// whitespace and control characters browsers ignore, and case folding, so `JaVaScRiPt:`,
/// `&#106;avascript:` and `java\tscript:` are all refused.
pub fn safe_url(dest: &str) -> Option<String> {
    let trimmed = dest.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let decoded = percent_decode(trimmed);
    let folded: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    match scheme(&folded) {
        None => Some(trimmed.to_owned()),
        Some("http" | "https" | "mailto" | "tel") => Some(trimmed.to_owned()),
        Some(_) => None,
    }
}

/// A link to `url` around `children`, by the same rule as links in Markdown (`rel="noopener
/// noreferrer"` when external); `None` when [`safe_url`] refuses the URL, so the caller decides
/// what shows instead.
pub fn link_to(url: &str, children: Html) -> Option<Html> {
    let mut a = link(LinkType::Inline, url, "")?;
    a.add_child(children);
    Some(a.into())
}

/// Whether a kept URL leaves the page's site (and so gets `rel="noopener noreferrer"`).
pub fn is_external(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

/// The scheme of a folded URL: letters, digits, `+`, `-`, `.` up to the first `:`, before
/// any `/`, `?` or `#`.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    let candidate = url.get(..end)?;
    let is_scheme = url.get(end..)?.starts_with(':')
        && candidate
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // A colon after a non-scheme prefix ("a b:c", "ä:x") still makes browsers unsure; refuse
    // anything that has a colon before a path separator but is not a clean scheme.
    if is_scheme {
        Some(candidate)
    } else if url.get(end..)?.starts_with(':') {
        Some("")
    } else {
        None
    }
}

/// Decodes `%XX` escapes (repeatedly, so `%256a` cannot hide a `j`); invalid escapes stay.
fn percent_decode(input: &str) -> String {
    let mut current = input.to_owned();
    for _ in 0..3 {
        let bytes = current.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: Option<&u8>| b.and_then(|b| char::from(*b).to_digit(16));
            match (bytes.get(i), hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(b'%'), Some(h), Some(l)) => {
                    out.push(u8::try_from(h * 16 + l).unwrap_or(b'%'));
                    i += 3;
                }
                (Some(b), _, _) => {
                    out.push(*b);
                    i += 1;
                }
                (None, _, _) => break,
            }
        }
        let next = String::from_utf8_lossy(&out).into_owned();
        if next == current {
            break;
        }
        current = next;
    }
    current
}

// Rendering

/// An element being built: its tag (none for a dropped link, whose text stays, and for a
/// block in inline context) and children.
struct Frame {
    tag: Option<VTag>,
    children: Vec<Html>,
    /// In inline context: the number of the next item of an ordered list (`None` for a
    /// bullet list), or the cells of a table row so far.
    count: Option<u64>,
}

impl Frame {
    fn new(tag: Option<VTag>) -> Self {
        Self {
            tag,
            children: Vec::new(),
            count: None,
        }
    }

    fn finish(self) -> Html {
        match self.tag {
            Some(mut tag) => {
                tag.add_children(self.children);
                tag.into()
            }
            None => self.children.into_iter().collect(),
        }
    }
}

/// Builds nodes from parser events. Elements open at most [`MARKDOWN_DEPTH`] deep and at most
/// [`MARKDOWN_ELEMENTS`] are made; past either limit the content goes on as plain text
/// (`plain` counts the elements not built that are still open, `spill` gathers the text into
/// one node, put in place before anything else is).
struct Builder {
    stack: Vec<Frame>,
    needle: String,
    table_head: bool,
    budget: usize,
    plain: usize,
    spill: String,
    context: Context,
    /// In inline context: whether anything shows since the last line break, so the next
    /// block starts a line of its own.
    on_line: bool,
}

impl Builder {
    fn new(query: &str, context: Context) -> Self {
        Self {
            stack: vec![Frame::new(None)],
            needle: query.trim().to_lowercase(),
            table_head: false,
            budget: MARKDOWN_ELEMENTS,
            plain: 0,
            spill: String::new(),
            context,
            on_line: false,
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(&end),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if self.plain > 0 {
                    self.spill.push_str(&text);
                } else {
                    let node = marked_within(&text, &self.needle, &mut self.budget);
                    self.push(node);
                }
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
            Event::Code(text) => {
                if self.plain > 0 {
                    self.spill.push_str(&text);
                } else {
                    let mut code = VTag::new("code");
                    code.add_child(text_node(text));
                    self.element(code);
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.leaf("br"),
            Event::Rule if self.context != Context::Block => self.new_line(),
            Event::Rule => self.leaf("hr"),
            Event::TaskListMarker(done) => {
                let symbol = if done { "☑ " } else { "☐ " };
                if self.plain > 0 {
                    self.spill.push_str(symbol);
                } else {
                    let mut mark = VTag::new("span");
                    mark.add_attribute("class", "hb-md-task");
                    mark.add_attribute("role", "img");
                    mark.add_attribute("aria-label", if done { "done" } else { "not done" });
                    mark.add_child(VText::new(symbol).into());
                    self.element(mark);
                }
            }
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]")),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if let Tag::TableHead = tag {
            self.table_head = true;
        }
        if self.plain > 0 || self.stack.len() > MARKDOWN_DEPTH || self.budget == 0 {
            self.plain += 1;
            return;
        }
        self.budget -= 1;
        if self.context != Context::Block && is_block_start(&tag) {
            self.start_line(&tag);
            return;
        }
        // Body rows go in a <tbody>, as the HTML parser would put them (a pre-rendered
        // table then has the same shape in the page as in the render).
        if matches!(tag, Tag::TableRow) && self.top_is("table") {
            self.stack.push(Frame::new(Some(VTag::new("tbody"))));
        }
        let element = match tag {
            Tag::Link { .. } | Tag::Image { .. } if self.context == Context::Label => None,
            tag => open(tag, self.table_head),
        };
        self.stack.push(Frame::new(element));
    }

    /// A block in inline context: no element, but a line of its own (after a `<br>` when
    /// something shows before it), a list item's "•" or number, a cell's " | ".
    fn start_line(&mut self, tag: &Tag<'_>) {
        let mut frame = Frame::new(None);
        match tag {
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::TableRow
            | Tag::TableHead => self.new_line(),
            Tag::List(start) => frame.count = *start,
            Tag::Item => {
                self.new_line();
                let marker = match self.stack.last_mut().and_then(|f| f.count.as_mut()) {
                    Some(n) => {
                        let marker = format!("{n}. ");
                        *n = n.saturating_add(1);
                        marker
                    }
                    None => "• ".to_owned(),
                };
                self.push(VText::new(AttrValue::from(marker)).into());
                self.on_line = false;
            }
            Tag::TableCell => {
                let cells = self.stack.last_mut().map(|f| f.count.get_or_insert(0));
                if let Some(cells) = cells {
                    *cells += 1;
                    if *cells > 1 {
                        self.push(VText::new(" | ").into());
                    }
                }
            }
            _ => {}
        }
        if let Tag::CodeBlock(_) = tag {
            frame.tag = Some(VTag::new("code"));
        }
        self.stack.push(frame);
    }

    /// In inline context, a `<br>` when something shows since the last one.
    fn new_line(&mut self) {
        if self.on_line && self.plain == 0 {
            self.push(VTag::new("br").into());
            self.on_line = false;
        } else if self.plain > 0 {
            self.spill.push(' ');
        }
    }

    /// Whether the innermost open element is a `name`.
    fn top_is(&self, name: &str) -> bool {
        self.stack
            .last()
            .and_then(|f| f.tag.as_ref())
            .is_some_and(|t| t.tag() == name)
    }

    fn end(&mut self, end: &TagEnd) {
        if let TagEnd::TableHead = end {
            self.table_head = false;
        }
        if self.plain > 0 {
            self.plain -= 1;
            // Keep the words of flattened blocks apart.
            if is_block(end) {
                self.spill.push(' ');
            }
            return;
        }
        self.flush();
        if matches!(end, TagEnd::Table) && self.top_is("tbody") {
            if let Some(tbody) = self.stack.pop() {
                let node = tbody.finish();
                self.push(node);
            }
        }
        if let Some(frame) = self.stack.pop() {
            let node = if self.context == Context::Block {
                wrap_table_head(frame, end)
            } else {
                frame.finish()
            };
            self.push(node);
        }
    }

    /// Text that is never marked (spaces, math, footnote labels).
    fn text(&mut self, text: &str) {
        if self.plain > 0 {
            self.spill.push_str(text);
        } else {
            self.push(VText::new(AttrValue::from(text.to_owned())).into());
        }
    }

    /// An empty element (`br`, `hr`), or a space in plain text.
    fn leaf(&mut self, name: &'static str) {
        if self.plain > 0 || self.budget == 0 {
            self.text(" ");
        } else {
            self.element(VTag::new(name));
        }
    }

    /// A finished element, counted against the budget.
    fn element(&mut self, tag: VTag) {
        self.budget = self.budget.saturating_sub(1);
        self.push(tag.into());
    }

    fn push(&mut self, node: Html) {
        self.flush();
        self.on_line = true;
        if let Some(top) = self.stack.last_mut() {
            top.children.push(node);
        }
    }

    /// Puts the plain text gathered so far into the open element, as one text node.
    fn flush(&mut self) {
        if !self.spill.is_empty() {
            let spill = std::mem::take(&mut self.spill);
            if let Some(top) = self.stack.last_mut() {
                top.children.push(VText::new(AttrValue::from(spill)).into());
            }
        }
    }

    /// The top-level nodes, closing anything left open (the parser balances its events; this
    /// is belt and braces).
    fn finish(mut self) -> Vec<Html> {
        self.flush();
        while self.stack.len() > 1 {
            if let Some(frame) = self.stack.pop() {
                let node = frame.finish();
                self.push(node);
            }
        }
        self.stack.pop().map(|f| f.children).unwrap_or_default()
    }
}

fn render(source: &str, context: Context, query: &str) -> Html {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut builder = Builder::new(query, context);
    for event in Parser::new_ext(source, options) {
        builder.event(event);
    }
    builder.finish().into_iter().collect()
}

/// Whether `tag` opens a block, which inline context renders as a line instead.
fn is_block_start(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Whether the element `end` closes is a block (its flattened text needs a space after it).
fn is_block(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn text_node(text: CowStr<'_>) -> Html {
    VText::new(AttrValue::from(text.into_string())).into()
}

/// pulldown-cmark puts header cells straight into `TableHead`; HTML wants a row around them.
fn wrap_table_head(frame: Frame, end: &TagEnd) -> Html {
    if let TagEnd::TableHead = end {
        let mut row = VTag::new("tr");
        row.add_children(frame.children);
        let mut head = VTag::new("thead");
        head.add_child(row.into());
        return head.into();
    }
    frame.finish()
}

/// The element a start tag opens; `None` keeps only its children (a dropped link).
fn open(tag: Tag<'_>, in_head: bool) -> Option<VTag> {
    let name: &'static str = match tag {
        Tag::Paragraph => "p",
        Tag::Heading { level, .. } => heading(level),
        Tag::BlockQuote(_) => "blockquote",
        Tag::CodeBlock(_) => {
            let mut pre = VTag::new("pre");
            pre.add_attribute("class", "hb-md-code");
            return Some(pre);
        }
        Tag::List(Some(start)) => {
            let mut ol = VTag::new("ol");
            if start != 1 {
                ol.add_attribute("start", start.to_string());
            }
            return Some(ol);
        }
        Tag::List(None) => "ul",
        Tag::Item => "li",
        Tag::Table(_) => {
            let mut table = VTag::new("table");
            table.add_attribute("class", "hb-md-table");
            return Some(table);
        }
        Tag::TableHead => return None,
        Tag::TableRow => "tr",
        Tag::TableCell if in_head => {
            let mut th = VTag::new("th");
            th.add_attribute("scope", "col");
            return Some(th);
        }
        Tag::TableCell => "td",
        Tag::Emphasis => "em",
        Tag::Strong => "strong",
        Tag::Strikethrough => "del",
        Tag::Superscript => "sup",
        Tag::Subscript => "sub",
        Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        } => return link(link_type, &dest_url, &title),
        Tag::Image {
            dest_url, title, ..
        } => return image(&dest_url, &title),
        _ => return None,
    };
    Some(VTag::new(name))
}

/// Headings in data sit inside a widget, so they start at `h4`.
fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h4",
        HeadingLevel::H2 => "h5",
        _ => "h6",
    }
}

fn link(link_type: LinkType, dest: &str, title: &str) -> Option<VTag> {
    let dest = match link_type {
        LinkType::Email => format!("mailto:{dest}"),
        _ => dest.to_owned(),
    };
    let href = safe_url(&dest)?;
    let mut a = VTag::new("a");
    if is_external(&href) {
        a.add_attribute("rel", "noopener noreferrer");
    }
    a.add_attribute("href", href);
    if !title.is_empty() {
        a.add_attribute("title", title.to_owned());
    }
    Some(a)
}

/// Images keep only http(s) and relative sources; their alt text comes from the children.
/// They render as a link to the image so that data cannot make the page load anything.
fn image(dest: &str, title: &str) -> Option<VTag> {
    let href = safe_url(dest).filter(|u| {
        let lower = u.to_ascii_lowercase();
        !lower.starts_with("mailto:") && !lower.starts_with("tel:")
    })?;
    let mut a = link(LinkType::Inline, &href, title)?;
    a.add_attribute("class", "hb-md-image");
    Some(a)
}
