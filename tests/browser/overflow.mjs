// Shared by the Chromium and cross-engine suites: which widgets are wider than their container.

/** Runs in the page (pass it to page.evaluate or a WebDriver session's run): opens every
 *  disclosure, so that hidden content is measured too, then lists each mount whose content
 *  is wider than the mount, and the outermost elements that stick out past its right edge.
 *  Content inside a scrolling or clipping box (the wide timeline's row) is that box's
 *  business; the box itself is measured. Empty when nothing sticks out. */
export function widgetOverflow() {
  const mounts = [...document.querySelectorAll('[data-hb-widget]')];
  for (const m of mounts) {
    for (const b of m.shadowRoot.querySelectorAll('[aria-expanded="false"]')) b.click();
  }
  const clipped = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  return mounts.flatMap((m) => {
    const limit = m.getBoundingClientRect().right + 1;
    const wide = [...m.shadowRoot.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > limit && !el.closest('[hidden]') && !clipped(el))
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)));
    const root = m.shadowRoot.querySelector('.hb-root');
    return [
      ...(root && root.scrollWidth > root.clientWidth + 1 ? [`${m.id}: ${root.scrollWidth} px of content in ${root.clientWidth} px`] : []),
      ...wide.slice(0, 3).map((el) => `${m.id}: <${el.tagName.toLowerCase()} class="${el.className}"> ends at ${Math.round(el.getBoundingClientRect().right)} px, past ${Math.round(limit - 1)} px`),
    ];
  });
}
