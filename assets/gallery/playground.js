// The gallery's playground: edit any widget's JSON and see the widget as a page would show it.
// The preview is a real mount with inline JSON, mounted by the same runtime as every example on
// the page; its error box (role="alert", with the JSON path, line and column) is the widget's
// own. The state travels in the address (?play=…#playground), compressed where the browser can.

const form = document.getElementById('pg-form');
const start = document.getElementById('pg-start');
const widget = document.getElementById('pg-widget');
const editor = document.getElementById('pg-json');
const status = document.getElementById('pg-status');
const jump = document.getElementById('pg-jump');
const preview = document.getElementById('pg-preview');
const snippet = document.getElementById('pg-snippet');
const path = document.getElementById('pg-path');
const share = document.getElementById('pg-share');
const shared = document.getElementById('pg-shared');

// State

/** The widgets there are (src/widgets/mod.rs; the entry script lists them too). */
const WIDGETS = ['hiring-timeline', 'level-comparison', 'owner-directory', 'onboarding-checklist'];

/** The largest share link read, and the most data it may inflate to: a link is read only up
 *  to these, so that no link can keep the page busy (a deflate bomb). */
const LINK_CHARS = 512 * 1024;
const LINK_BYTES = 2 * 1024 * 1024;

/** Where the playground's data can start from: every example mount on this page. */
const starts = [...document.querySelectorAll('.example [data-hb-widget]')].map((mount, i) => {
  const heading = mount.closest('section')?.querySelector('h2')?.textContent?.trim() ?? `Example ${i + 1}`;
  const inline = mount.querySelector('script[type="application/json"]');
  return {
    id: mount.getAttribute('data-preset') ?? mount.getAttribute('data-src') ?? `inline-${i + 1}`,
    label: heading,
    widget: mount.getAttribute('data-hb-widget'),
    preset: mount.getAttribute('data-preset'),
    src: mount.getAttribute('data-src'),
    text: inline ? dedent(inline.textContent) : null,
  };
});

/** The error the preview shows now, if any: its line and column in the editor's text. */
let error = null;
let timer = 0;
let generation = 0;

// View

for (const name of WIDGETS) {
  widget.append(new Option(name, name));
}
for (const s of starts) {
  const kind = s.preset ? `preset ${s.preset}` : s.src ? s.src : 'inline JSON';
  start.append(new Option(`${s.label} (${kind})`, s.id));
}

/** Text without the indentation every one of its lines shares, trimmed. */
function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(Math.min(indent, l.match(/^ */)[0].length))).join('\n');
}

/** Loads a starting point's JSON into the editor. */
async function load(id) {
  const s = starts.find((x) => x.id === id);
  start.value = id;
  if (!s) return;
  widget.value = s.widget;
  let text = s.text;
  if (text === null) {
    const url = s.preset ? `presets/${s.preset}.json` : s.src;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (e) {
      status.textContent = `Could not load ${url} (${e.message}).`;
      return;
    }
  }
  editor.value = text.trim();
  path.value = `data/${s.preset ?? s.widget}.json`;
  update({ now: true });
}

/** The mount element for the editor's text, exactly as a page would write it. */
function mountElement() {
  const mount = document.createElement('div');
  mount.id = 'playground-preview';
  mount.setAttribute('data-hb-widget', widget.value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = editor.value;
  mount.append(script);
  return mount;
}

/** `text` as an attribute value between double quotes: it reads back exactly, and ends
 *  nothing early. */
function attribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON text made safe for the inside of a `<script>`: `</script` would end it early, and
 *  `<!--` followed by `<script` would make the browser read on past its end tag, taking the
 *  rest of the page with it. `\u003c` is the same character inside a JSON string. */
function scriptText(json) {
  return json.replace(/<(?=\/script|!--|script)/gi, '\\u003c');
}

/** What a maintainer pastes into their page: inline JSON, or a data-src to the saved file. The
 *  widget is always one of the widgets (the select lists nothing else). */
function embedSnippet() {
  const name = attribute(WIDGETS.includes(widget.value) ? widget.value : '');
  if (form.elements.embed.value === 'src') {
    return `<div data-hb-widget="${name}" data-src="${attribute(path.value)}"></div>`;
  }
  const body = scriptText(editor.value).split('\n').map((l) => `    ${l}`).join('\n');
  return `<div data-hb-widget="${name}">\n  <script type="application/json">\n${body}\n  </script>\n</div>`;
}

/** Shows the preview's state: valid, or where its error is. */
function showState(mount) {
  const state = mount.getAttribute('data-hb-state');
  const alert = mount.shadowRoot?.querySelector('[role="alert"]');
  if (state === 'error' && alert) {
    const line = Number(alert.getAttribute('data-line')) || null;
    const column = Number(alert.getAttribute('data-column')) || null;
    const headline = alert.querySelector('.hb-error__title')?.textContent.replace(/^.*?: /, '') ?? 'Error';
    const message = alert.querySelector('.hb-error__message')?.textContent ?? '';
    error = line ? { line, column: column ?? 1 } : null;
    status.textContent = `${line ? `Line ${line}, column ${column ?? 1}: ` : ''}${headline}: ${message}`;
    status.dataset.state = 'error';
    jump.hidden = !error;
  } else if (state === 'ready') {
    error = null;
    status.textContent = 'Valid: the preview shows it as a page would.';
    status.dataset.state = 'ready';
    jump.hidden = true;
  }
}

/** Re-renders the preview, the snippet and the address after an edit. */
function update({ now = false } = {}) {
  clearTimeout(timer);
  timer = setTimeout(render, now ? 0 : 250);
  snippet.textContent = embedSnippet();
}

async function render() {
  const mine = ++generation;
  const mount = mountElement();
  preview.replaceChildren(mount);
  // The runtime mounts it (its observer would too; mounting now saves a frame).
  window.handbookWidgets?.mount?.(mount);
  const watcher = new MutationObserver(() => showState(mount));
  watcher.observe(mount, { attributes: true, attributeFilter: ['data-hb-state'] });
  showState(mount);
  const encoded = await encode(`${widget.value}\n${editor.value}`);
  if (mine === generation) {
    const url = new URL(location.href);
    url.searchParams.set('play', encoded);
    url.hash = 'playground';
    history.replaceState(history.state, '', url);
  }
}

// Callbacks

form.addEventListener('submit', (event) => event.preventDefault());
start.addEventListener('change', () => load(start.value));
widget.addEventListener('change', () => update({ now: true }));
editor.addEventListener('input', () => update());
form.addEventListener('change', (event) => {
  if (event.target.name === 'embed') snippet.textContent = embedSnippet();
});
path.addEventListener('input', () => { snippet.textContent = embedSnippet(); });
jump.addEventListener('click', () => {
  if (!error) return;
  const lines = editor.value.split('\n');
  const before = lines.slice(0, error.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const at = Math.min(before + error.column - 1, editor.value.length);
  editor.focus();
  editor.setSelectionRange(at, Math.min(at + 1, editor.value.length));
  // Scroll the editor so that the line is in view.
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, (error.line - 3) * lineHeight);
});
share.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    shared.textContent = 'Link copied: it opens this playground with this data.';
  } catch {
    shared.textContent = `Copy this link: ${location.href}`;
  }
});

// The address: "<widget>\n<json>", deflated where CompressionStream exists ("z" + base64url),
// else as it is ("t" + base64url).

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function through(stream, bytes) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

async function encode(text) {
  const bytes = new TextEncoder().encode(text);
  if ('CompressionStream' in window) {
    try {
      return `z${base64url(await through(new CompressionStream('deflate-raw'), bytes))}`;
    } catch { /* below */ }
  }
  return `t${base64url(bytes)}`;
}

/** Why a share link is not read, in words for the reader. */
class LinkError extends Error {}

/** The text a share link holds; a `LinkError` when it is too large, before or after
 *  inflating (the inflating stops at the limit), or not a link this playground wrote. */
async function decode(value) {
  if (value.length > LINK_CHARS) {
    throw new LinkError(`The link's playground data is over ${LINK_CHARS / 1024} KB, more than a link this playground writes; the first example is shown instead.`);
  }
  if (!/^[zt][A-Za-z0-9_-]*$/.test(value)) throw new Error('not base64url');
  const bytes = fromBase64url(value.slice(1));
  if (value.startsWith('t')) {
    if (bytes.length > LINK_BYTES) throw new LinkError(tooLarge());
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    size += chunk.length;
    if (size > LINK_BYTES) {
      await reader.cancel().catch(() => {});
      throw new LinkError(tooLarge());
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}

function tooLarge() {
  return `The link's playground data inflates to more than ${LINK_BYTES / 1024 / 1024} MB, more than a link this playground writes; the first example is shown instead.`;
}

// Start: the shared state in the address, else the first example.
(async () => {
  const play = new URL(location.href).searchParams.get('play');
  if (play) {
    try {
      const text = await decode(play);
      // "<widget>\n<json>"; a link without a newline is a widget name alone.
      const cut = text.includes('\n') ? text.indexOf('\n') : text.length;
      const name = text.slice(0, cut);
      if (!WIDGETS.includes(name)) {
        throw new LinkError(`The link names a widget this playground does not have (the widgets are ${WIDGETS.join(', ')}); the first example is shown instead.`);
      }
      widget.value = name;
      editor.value = text.slice(cut + 1);
      start.prepend(new Option('The data in the link', 'link'));
      start.value = 'link';
      update({ now: true });
      return;
    } catch (e) {
      shared.textContent = e instanceof LinkError ? e.message : 'The playground data in this link could not be read; the first example is shown instead.';
    }
  }
  await load(starts[0]?.id);
})();
