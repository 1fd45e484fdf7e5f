// handbook-widgets: the one script a handbook page needs.
//
//   <script type="module" src="https://example.com/widgets/handbook-widgets.js"></script>
//
// Costs a page nothing more until it has a widget: only when a [data-hb-widget] element is on
// the page, now or later, does it fetch the runtime (hb-core.js and its wasm, next to this
// file, never relative to the page), which mounts or hydrates every widget and watches the
// page for more. Exports mountAll() and mount(), also reachable as window.handbookWidgets; both
// load the runtime if needed and return what it returns (how many were mounted / whether the
// element was mounted). `await ready` loads it too, and gives false if it could not be loaded.
const wasmUrl = new URL('./hb-core_bg.wasm', import.meta.url);
const stylesUrl = new URL('./handbook-widgets.css', import.meta.url);
const SELECTOR = '[data-hb-widget]';

let runtime;
let styles;

// The stylesheet's text, fetched alongside the runtime (the runtime reports a failure): a
// promise of the text, or of null.
function loadStyles() {
  styles ??= fetch(stylesUrl).then((r) => (r.ok ? r.text() : null)).catch(() => null);
  return styles;
}

// Never rejects: a failed load is reported in place and on the console, not thrown at the page.
function load() {
  loadStyles();
  runtime ??= import('./hb-core.js')
    .then((core) => core.default({ module_or_path: wasmUrl }).then(() => core))
    .catch((error) => {
      console.error('handbook-widgets: could not load', wasmUrl.href, error);
      reportLoadFailure(error);
      return null;
    });
  return runtime;
}

export const ready = { then: (resolve, reject) => load().then((core) => core !== null).then(resolve, reject) };

export async function mountAll(root) {
  const core = await load();
  return core ? core.mountAll(root ?? undefined) : 0;
}

export async function mount(element) {
  const core = await load();
  return core ? core.mount(element) : false;
}

if (typeof window !== 'undefined') {
  window.handbookWidgets = Object.freeze({
    mountAll,
    mount,
    // The bundle's folder: the runtime fetches presets/<name>.json from here.
    bundle: new URL('./', import.meta.url).href,
    // For the runtime: the stylesheet's text.
    get styles() {
      return loadStyles();
    },
    get ready() {
      return load().then((core) => core !== null);
    },
  });
  if (document.querySelector(SELECTOR)) {
    load();
  } else {
    // A client-side-routed handbook may add a widget later.
    const watch = new MutationObserver(() => {
      if (document.querySelector(SELECTOR)) {
        watch.disconnect();
        load();
      }
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
  }
}

function reportLoadFailure(error) {
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
