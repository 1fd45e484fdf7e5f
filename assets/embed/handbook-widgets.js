// handbook-widgets: the one script a handbook page needs.
//
//   <script type="module" src="https://example.com/widgets/handbook-widgets.js"></script>
//
// Loads the wasm next to this file (never relative to the page), which mounts every
// [data-hb-widget] element and watches the page for more. Exports mountAll() and mount(),
// also reachable as window.handbookWidgets; both wait for the wasm and then return what the
// runtime returns (how many were mounted / whether the element was mounted).
import init, { mountAll as coreMountAll, mount as coreMount } from './hb-core.js';

const wasmUrl = new URL('./hb-core_bg.wasm', import.meta.url);

// Never rejects: a failed load is reported in place and on the console, not thrown at the page.
export const ready = init({ module_or_path: wasmUrl }).then(
  () => true,
  (error) => {
    console.error('handbook-widgets: could not load', wasmUrl.href, error);
    reportLoadFailure(error);
    return false;
  },
);

export async function mountAll(root) {
  return (await ready) ? coreMountAll(root ?? undefined) : 0;
}

export async function mount(element) {
  return (await ready) ? coreMount(element) : false;
}

if (typeof window !== 'undefined') {
  window.handbookWidgets = Object.freeze({ mountAll, mount, ready });
}

function reportLoadFailure(error) {
  for (const el of document.querySelectorAll('[data-hb-widget]:not([data-hb-mounted])')) {
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
