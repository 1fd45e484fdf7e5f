// handbook-widgets: the one script a handbook page needs.
//
//   <script type="module" src="https://example.com/widgets/handbook-widgets.js"></script>
//
// Costs a page nothing more until it has a widget: only when a [data-hb-widget] element is on
// the page, now or later, does it fetch a runtime (next to this file, never relative to the
// page), which mounts or hydrates the widgets and watches the page for more. A page whose
// widgets are all of one kind gets that widget's runtime (hb-<widget>.js and its wasm, 22 to
// 28% smaller); any other page, and a page that later adds a widget of another kind, gets
// hb-core.js, which has every widget. Exports mountAll() and mount(), also reachable as
// window.handbookWidgets; both load a runtime if needed and return what it returns (how many
// were mounted / whether the element was mounted). `await ready` loads it too, and gives
// false if it could not be loaded.
const SELECTOR = '[data-hb-widget]';
// The widgets with a runtime of their own (src/widgets/mod.rs, WIDGET_NAMES; a native test
// checks the two agree).
const WIDGETS = ['hiring-timeline', 'level-comparison', 'owner-directory', 'onboarding-checklist'];
// A widget written as a fenced code block, as Markdown renderers and highlighters mark its
// language (src/runtime/fences.rs reads it).
const FENCES = WIDGETS.flatMap((w) => [`.language-${w}`, `.highlight-${w}`, `[data-lang="${w}"]`]).join(', ');
const ANY = `${SELECTOR}, ${FENCES}`;

// The widget a fence's element names.
const fenceWidget = (el) => WIDGETS.find((w) => el.matches(`.language-${w}, .highlight-${w}, [data-lang="${w}"]`));

// Whether a fence's element is mounted: inside the host the runtime put the widget on, or in
// a `pre` with the widget's host just before it.
const fenceMounted = (el) => Boolean(el.closest('[data-hb-fence]') || el.closest('pre')?.previousElementSibling?.hasAttribute('data-hb-fence'));

// Mounts, and fences, not mounted yet.
function unmounted(root) {
  return Boolean(root.querySelector(`${SELECTOR}:not([data-hb-mounted])`)) ||
    [...root.querySelectorAll(FENCES)].some((el) => !fenceMounted(el));
}

const runtimes = new Map();
const stylesheets = new Map();
let first;

// A stylesheet's text, fetched alongside its runtime (the runtime reports a failure): a
// promise of the text, or of null. hb-core's is handbook-widgets.css; hb-<widget>'s,
// hb-<widget>.css (the shared rules and that widget's).
function loadStyles(file) {
  if (!stylesheets.has(file)) {
    stylesheets.set(file, fetch(new URL(`./${file}`, import.meta.url)).then((r) => (r.ok ? r.text() : null)).catch(() => null));
  }
  return stylesheets.get(file);
}

// The runtime for the widgets on the page now: the one widget's own, or the one with all.
function runtimeFor(root) {
  const names = new Set([
    ...[...root.querySelectorAll(SELECTOR)].map((el) => el.getAttribute('data-hb-widget').trim()),
    ...[...root.querySelectorAll(FENCES)].map(fenceWidget),
  ]);
  const [only] = names;
  return names.size === 1 && WIDGETS.includes(only) ? `hb-${only}` : 'hb-core';
}

// Loads a runtime once. Never rejects: a failed load is reported in place and on the console,
// not thrown at the page.
function loadRuntime(name) {
  loadStyles(name === 'hb-core' ? 'handbook-widgets.css' : `${name}.css`);
  if (!runtimes.has(name)) {
    const wasmUrl = new URL(`./${name}_bg.wasm`, import.meta.url);
    runtimes.set(name, import(`./${name}.js`)
      .then((core) => core.default({ module_or_path: wasmUrl }).then(() => core))
      .catch((error) => {
        console.error('handbook-widgets: could not load', wasmUrl.href, error);
        reportLoadFailure(wasmUrl, error);
        return null;
      }));
  }
  return runtimes.get(name);
}

function load() {
  first ??= loadRuntime(runtimeFor(document));
  return first;
}

export const ready = { then: (resolve, reject) => load().then((core) => core !== null).then(resolve, reject) };

export async function mountAll(root) {
  const core = await load();
  let count = core ? core.mountAll(root ?? undefined) : 0;
  // Widgets the first runtime leaves out (of another kind) go to the one with all.
  if (unmounted(root ?? document)) {
    const every = await loadRuntime('hb-core');
    count += every && every !== core ? every.mountAll(root ?? undefined) : 0;
  }
  return count;
}

export async function mount(element) {
  const core = await load();
  if (core?.mount(element)) return true;
  if (!element.matches(SELECTOR) || element.hasAttribute('data-hb-mounted')) return false;
  const every = await loadRuntime('hb-core');
  return every && every !== core ? every.mount(element) : false;
}

if (typeof window !== 'undefined') {
  window.handbookWidgets = Object.freeze({
    mountAll,
    mount,
    // The bundle's folder: the runtime fetches presets/<name>.json from here.
    bundle: new URL('./', import.meta.url).href,
    // For the runtimes: a stylesheet's text, and the runtime with every widget, which a
    // one-widget runtime asks for when the page adds a widget of another kind.
    styles: loadStyles,
    loadEvery() {
      loadRuntime('hb-core');
    },
    get ready() {
      return load().then((core) => core !== null);
    },
  });
  if (document.querySelector(ANY)) {
    load();
  } else {
    // A client-side-routed handbook may add a widget later.
    const watch = new MutationObserver(() => {
      if (document.querySelector(ANY)) {
        watch.disconnect();
        load();
      }
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
  }
}

function reportLoadFailure(wasmUrl, error) {
  for (const el of document.querySelectorAll(`${SELECTOR}:not([data-hb-mounted])`)) {
    if (el.querySelector(':scope > .hb-load-error')) continue;
    el.setAttribute('data-hb-state', 'error');
    const box = document.createElement('p');
    box.className = 'hb-load-error';
    box.setAttribute('role', 'alert');
    box.style.cssText =
      'border:2px solid #8b1a1a;background:#fff0f0;color:#8b1a1a;padding:.75rem 1rem;border-radius:.5rem;margin:0';
    box.textContent = `The handbook widgets could not be loaded from ${wasmUrl.href} (${error?.message ?? error}).`;
    el.append(box);
  }
}
