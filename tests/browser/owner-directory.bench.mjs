// Owner directory at scale in headless Chromium, from the built embed bundle: 5,000 programs
// and 500 people. Prints how long mounting takes and how long each keystroke in the search
// box takes to show its results. Figures, not assertions.
import { serve, launch, openPage } from './harness.mjs';

function generate(programs, people) {
  const persons = Array.from({ length: people }, (_, i) => ({ id: `p${i}`, name: `Person ${i} Surname${(i * 7919) % 1000}`, title: `Role ${i % 13}` }));
  const groups = Array.from({ length: 50 }, (_, g) => ({
    title: `Group ${g}`,
    programs: Array.from({ length: programs / 50 }, (_, k) => {
      const i = g * (programs / 50) + k;
      return {
        title: `Program ${i} of group ${g}`,
        description: `Keeps **area ${i % 97}** running; see the [runbook](https://example.com/${i}).`,
        owners: i % 7 === 0 ? [] : [`p${i % people}`],
        supporting: i % 5 === 0 ? [`p${(i + 1) % people}`] : [],
        process: i % 3 === 0 ? 'to-be-added' : 'documented',
        links: [{ label: 'Runbook', url: `https://example.com/${i}` }],
      };
    }),
  }));
  return { title: 'Scale test', people: persons, groups };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await launch();
try {
  const page = await openPage(browser, `${server.url}/docs/handbook/product/scale.html`);
  await page.waitForFunction(() => window.handbookWidgets?.ready);
  await page.evaluate(() => window.handbookWidgets.ready);
  const mountMs = await page.evaluate(async (data) => {
    const el = document.createElement('div');
    el.id = 'big';
    el.setAttribute('data-hb-widget', 'owner-directory');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(data);
    el.append(script);
    const start = performance.now();
    document.querySelector('main').append(el);
    await window.handbookWidgets.mount(el);
    while (el.getAttribute('data-hb-state') !== 'ready') await new Promise((r) => setTimeout(r));
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }, generate(5000, 500));
  console.log('owner-directory in Chromium: 5000 programs, 500 people');
  console.log(`  mount (parse, index, first render)  ${mountMs.toFixed(1)} ms`);

  // Each keystroke: time from the input event until the frame after the widget has re-rendered
  // (the update runs in the same task; the next frame includes style and layout).
  await page.evaluate(() => {
    const root = document.querySelector('#big').shadowRoot;
    window.keystrokes = [];
    root.addEventListener('input', () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.keystrokes.push(performance.now() - start)));
    }, true);
  });
  const input = page.locator('#big input[type="search"]');
  for (const text of ['program 42', 'surname']) {
    await input.fill('');
    await page.evaluate(() => { window.keystrokes = []; });
    await input.pressSequentially(text, { delay: 30 });
    await page.waitForTimeout(100);
    const k = await page.evaluate(() => window.keystrokes);
    console.log(`  typing "${text}": ${k.length} keystrokes, median ${median(k).toFixed(1)} ms, worst ${Math.max(...k).toFixed(1)} ms per keystroke`);
  }
  const person = await page.evaluate(() => {
    const root = document.querySelector('#big').shadowRoot;
    const start = performance.now();
    root.querySelector('[role="tab"]:nth-child(2)').click();
    return new Promise((r) => requestAnimationFrame(() => r(performance.now() - start)));
  });
  console.log(`  switch to the by-person view        ${person.toFixed(1)} ms`);
  if (page.uncaught.length) throw new Error(`uncaught: ${page.uncaught}`);
} finally {
  await browser.close();
  await server.close();
}
