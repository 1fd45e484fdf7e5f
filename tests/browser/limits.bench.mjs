// Data at the limits in headless Chromium, from the built embed bundle: how long each widget
// takes from mount to its first frame with the most data it accepts (tick time too, for the
// checklist), and how quickly data over a limit is refused. Figures, not assertions.
import { serve, launch, openPage } from './harness.mjs';

/** Prose with a bold phrase and a link in every sentence: the densest plausible Markdown. */
const prose = (n) => 'We talk about the role, the team and **how we work**; see the [handbook](https://example.com). '
  .repeat(Math.ceil(n / 95)).slice(0, n);
const stage = (i, description) =>
  ({ title: `Stage ${i}`, channel: 'video-call', minutes: 30, runBy: 'A **recruiter**', description });
const checklist = (text) => ({
  id: 'bench', title: 'Bench', phases: Array.from({ length: 10 }, (_, p) => ({
    id: `p${p}`, title: `Phase ${p}`, items: Array.from({ length: 10 }, (_, i) => ({
      text: text(i), children: Array.from({ length: 9 }, (_, k) => ({ text: text(k) })),
    })),
  })),
});

const cases = [
  ['hiring timeline: 50 variants x 20 stages (the 1,000-stage limit)', 'hiring-timeline', {
    title: 'Bench', variants: Array.from({ length: 50 }, (_, v) => ({
      id: `v${v}`, label: `V${v}`, stages: Array.from({ length: 20 }, (_, i) => stage(i, prose(200))),
    })),
  }],
  ['hiring timeline: 28,000 stages (refused)', 'hiring-timeline', {
    title: 'Bench', variants: [{ id: 'a', label: 'A', stages: Array.from({ length: 28_000 }, (_, i) => stage(i, prose(120))) }],
  }],
  ['checklist: 1,000 short items (the item limit)', 'onboarding-checklist', checklist((i) => `Item ${i} with a [link](https://example.com)`)],
  ['checklist: 1,000 items of dense Markdown', 'onboarding-checklist', checklist(() => prose(450))],
  ['level comparison: 200 levels x 100 items', 'level-comparison', {
    title: 'Bench', levels: Array.from({ length: 200 }, (_, l) => ({
      id: `l${l}`, title: `Level ${l}`, grade: `${l}`, summary: prose(2000),
      sections: Array.from({ length: 10 }, (_, s) => ({ title: `S${s}`, items: Array.from({ length: 10 }, (_, i) => `Item ${i}: ${prose(40)}`) })),
      next: l < 199 ? [`l${l + 1}`] : [],
    })),
  }],
  ['owner directory: 20,000 programs (the program limit)', 'owner-directory', {
    title: 'Bench', people: Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` })),
    groups: Array.from({ length: 100 }, (_, g) => ({
      title: `Group ${g}`, programs: Array.from({ length: 200 }, (_, k) => ({ title: `Program ${g}-${k}`, description: prose(250), owners: [`p${(g * 200 + k) % 2000}`] })),
    })),
  }],
];

const server = await serve();
const browser = await launch();
try {
  console.log('data at the limits in Chromium (mount to first frame)');
  for (const [name, widget, data] of cases) {
    const page = await openPage(browser, `${server.url}/docs/handbook/product/scale.html`);
    await page.waitForFunction(() => window.handbookWidgets?.ready);
    await page.evaluate(() => window.handbookWidgets.ready);
    const text = JSON.stringify(data);
    const [ms, state, elements] = await page.evaluate(async ([widget, text]) => {
      const el = document.createElement('div');
      el.setAttribute('data-hb-widget', widget);
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = text;
      el.append(script);
      const start = performance.now();
      document.querySelector('main').append(el);
      await window.handbookWidgets.mount(el);
      while (!['ready', 'error'].includes(el.getAttribute('data-hb-state'))) await new Promise((r) => setTimeout(r));
      await new Promise((r) => requestAnimationFrame(() => r()));
      return [performance.now() - start, el.getAttribute('data-hb-state'), el.shadowRoot.querySelectorAll('*').length];
    }, [widget, text]);
    let ticks = '';
    if (widget === 'onboarding-checklist' && state === 'ready') {
      const times = await page.evaluate(async () => {
        const boxes = document.querySelector('main [data-hb-widget]').shadowRoot.querySelectorAll('input[type=checkbox]');
        const out = [];
        for (const i of [5, 50, 500, 900]) {
          const start = performance.now();
          boxes[i].click();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
          out.push(performance.now() - start);
        }
        return out;
      });
      ticks = `, a tick ${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)} ms`;
    }
    const size = `${(text.length / 1048576).toFixed(2)} MB`.padStart(8);
    console.log(`  ${name.padEnd(64)} ${size} ${state.padEnd(5)} ${ms.toFixed(0).padStart(5)} ms, ${elements} elements${ticks}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
