// Each widget as a reader uses it, in Chromium, Firefox and WebKit, at desktop and phone width:
// the main interactions by mouse and by keyboard, and what survives a reload (the URL
// fragment, saved ticks).
import assert from 'node:assert/strict';
import { eachEngine, openSettled, settled, text, expectText, expectAttr, Key } from './harness.mjs';

const PAGE = '/docs/handbook/product/hiring.html';

eachEngine((ctx, test) => {

  test('hiring timeline: tabs by mouse and keyboard, stage details by mouse and keyboard', async () => {
    await openSettled(ctx, PAGE);
    await ctx.s.click(['#gl', '[role="tab"]:nth-child(2)']);
    await expectText(ctx, 'gl', '[role=\"tab\"][aria-selected=\"true\"]', 'Director');
    await ctx.s.keys(Key.ArrowRight);
    await expectText(ctx, 'gl', '[role=\"tab\"][aria-selected=\"true\"]', 'Senior Director');
    await ctx.s.keys(Key.End);
    await expectText(ctx, 'gl', '[role=\"tab\"][aria-selected=\"true\"]', 'VP of Product Monetization');
    await ctx.s.keys(Key.ArrowRight); // wraps
    await expectText(ctx, 'gl', '[role=\"tab\"][aria-selected=\"true\"]', 'Group Manager, Product');
    // The focused tab follows the selection (roving tabindex).
    assert.equal(await ctx.s.run(() => document.getElementById('gl').shadowRoot.activeElement?.textContent), 'Group Manager, Product');

    const toggle = '.hb-stage__toggle';
    await ctx.s.click(['#mm', toggle]);
    await expectAttr(ctx, 'mm', toggle, 'aria-expanded', 'true');
    assert.equal(await ctx.s.run(() => {
      const root = document.getElementById('mm').shadowRoot;
      const details = root.getElementById(root.querySelector('.hb-stage__toggle').getAttribute('aria-controls'));
      return details.hidden === false && details.getBoundingClientRect().height > 0;
    }), true);
    await ctx.s.keys(Key.Enter);
    await expectAttr(ctx, 'mm', toggle, 'aria-expanded', 'false');
    await ctx.s.keys(Key.Space);
    await expectAttr(ctx, 'mm', toggle, 'aria-expanded', 'true');
  });

  test('level comparison: swap, step and the ladder by mouse and keyboard; the pair survives a reload', async () => {
    await ctx.s.goto(`${ctx.url}${PAGE}`); // no fragment left from an earlier test
    await openSettled(ctx, PAGE);
    const pair = () => ctx.s.run(() => {
      const el = document.getElementById('gitlab-levels').shadowRoot.querySelector('.hb-levels');
      return [el.dataset.left, el.dataset.right];
    });
    // Each action's result, given the engine a moment to render it.
    const expectPair = (left, right) => ctx.s.until((left, right) => {
      const el = document.getElementById('gitlab-levels').shadowRoot.querySelector('.hb-levels');
      return el.dataset.left === left && el.dataset.right === right;
    }, [left, right], { timeout: 5000, message: `the pair ${left} ~ ${right}` })
      .catch(async (e) => { throw new Error(`${e.message}; it is ${await pair()}`); });
    await expectPair('group-manager-product', 'director-product-management');
    await ctx.s.click(['#gitlab-levels', '[data-action="swap"]']);
    await expectPair('director-product-management', 'group-manager-product');
    await ctx.s.keys(Key.Enter); // the swap button keeps focus
    await expectPair('group-manager-product', 'director-product-management');
    // By keyboard here: in WebKit a pointer click right after the keyboard swap was, once in a
    // while, not delivered to the button (the swap above is the mouse path).
    await ctx.s.focus(['#gitlab-levels', '[data-action="up"]']);
    await ctx.s.keys(Key.Enter);
    await expectPair('director-product-management', 'senior-director-product-management');
    await ctx.s.focus(['#gitlab-levels', '.hb-ladder__level:last-child .hb-ladder__button']);
    assert.match(await ctx.s.run(() => document.getElementById('gitlab-levels').shadowRoot.activeElement.textContent), /VP Product Monetization/);
    await ctx.s.keys(Key.Enter);
    await expectPair('vp-product-management', 'vp-product-monetization');
    const hash = await ctx.s.run(() => location.hash);
    assert.match(hash, /hb-gitlab-levels=vp-product-management~vp-product-monetization/);
    await ctx.s.reload();
    await settled(ctx, PAGE + hash);
    await expectPair('vp-product-management', 'vp-product-monetization');
  });

  test('level comparison: a 13-level ladder on three tracks and a 37-level one on four are in sight, without sideways scrolling', async () => {
    await openSettled(ctx, '/docs/handbook/other/ladders.html');
    const report = await ctx.s.run(() => {
      const inside = (r, box) => r.width > 0 && r.height > 0 && r.left >= box.left - 1 && r.right <= box.right + 1;
      const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      return ['gitlab-engineering', 'long-ladder'].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        const lanes = root.querySelector('.hb-lanes');
        const box = lanes.getBoundingClientRect();
        const buttons = [...root.querySelectorAll('.hb-ladder__button')];
        const arrows = [...root.querySelectorAll('.hb-ladder__arrow')];
        const rects = buttons.map((b) => b.getBoundingClientRect());
        return {
          id,
          scrolls: lanes.scrollWidth > lanes.clientWidth + 1 || root.querySelector('.hb-root').scrollWidth > root.querySelector('.hb-root').clientWidth + 1,
          width: Math.round(box.width),
          levels: buttons.length,
          outOfSight: buttons.filter((b, i) => !inside(rects[i], box)).map((b) => b.textContent),
          arrows: arrows.length,
          unreadableArrows: arrows.filter((a) => {
            const r = a.getBoundingClientRect();
            return !inside(r, box) || rects.some((b) => meets(r, b)) || getComputedStyle(a).visibility !== 'visible';
          }).length,
          lanes: [...root.querySelectorAll('.hb-lane')].map((lane) => lane.querySelectorAll('.hb-ladder__button').length),
        };
      });
    });
    const [gitlab, long] = report;
    // 6 steps up the individual-contributor lane, 4 up the manager lane; 14 + 10 + 9 in the other.
    assert.deepEqual([gitlab.levels, gitlab.arrows, gitlab.lanes], [13, 10, [7, 5, 1]]);
    assert.deepEqual([long.levels, long.arrows, long.lanes], [37, 33, [15, 11, 1, 10]]);
    for (const r of report) {
      assert.ok(ctx.phone ? r.width < 390 : r.width > 850 && r.width <= 960, `${r.id}: the lanes are ${r.width} px wide`);
      assert.equal(r.scrolls, false, `${r.id} scrolls sideways`);
      assert.deepEqual(r.outOfSight, [], `${r.id}: levels out of sight`);
      assert.equal(r.unreadableArrows, 0, `${r.id}: arrows hidden, outside the box or under a level`);
    }
    // The executive lane's only level is in sight and can be picked.
    await ctx.s.click(['#gitlab-engineering', '.hb-lane[data-track="executive"] .hb-ladder__button']);
    await expectText(ctx, 'gitlab-engineering', '.hb-ladder__level[data-side="right"] .hb-ladder__name', 'CTO');
    await expectText(ctx, 'gitlab-engineering', '.hb-ladder__level[data-side="left"] .hb-ladder__name', 'VP of Development');
  });

  test('owner directory: search as you type, a name as a filter, and the filter survives a reload', async () => {
    await ctx.s.goto(`${ctx.url}${PAGE}`);
    await openSettled(ctx, PAGE);
    const status = () => text(ctx, 'programs', '.hb-dir__status');
    await ctx.s.click(['#programs', 'input[type="search"]']);
    await ctx.s.keys('swag');
    await ctx.s.until(() => document.getElementById('programs').shadowRoot.querySelector('.hb-dir__status').textContent === '1 of 13 programs match', [], { message: 'the search count' })
      .catch(async (e) => { throw new Error(`${e.message}; status "${await status()}", box "${await ctx.s.run(() => document.getElementById('programs').shadowRoot.querySelector('input[type=search]').value)}"`); });
    assert.equal((await text(ctx, 'programs', 'mark.hb-match')).toLowerCase(), 'swag');
    // Clear the box by keyboard, then filter by a person's name.
    await ctx.s.keys(Key.Backspace.repeat(4));
    await ctx.s.until(() => /^13 programs$/.test(document.getElementById('programs').shadowRoot.querySelector('.hb-dir__status')?.textContent ?? ''), [], { message: 'all programs again' });
    await ctx.s.click(['#programs', 'button.hb-person-chip[data-person="hanna"]']);
    await expectText(ctx, 'programs', '.hb-dir__status', '4 of 13 programs match');
    const hash = await ctx.s.run(() => location.hash);
    assert.match(hash, /p=hanna/);
    await ctx.s.reload();
    await settled(ctx, PAGE + hash);
    await expectText(ctx, 'programs', '.hb-dir__status', '4 of 13 programs match');
  });

  test('onboarding checklist: ticks by mouse and keyboard, N/A, and the ticks survive a reload', async () => {
    await ctx.s.goto(`${ctx.url}${PAGE}`);
    await ctx.s.run(() => localStorage.clear());
    await ctx.s.reload();
    await openSettled(ctx, PAGE);
    await expectText(ctx, 'onboarding', '.hb-progress__text', '0 of 117 done (0%)');
    const row = (label) => ctx.s.run((label) => {
      const items = [...document.getElementById('onboarding').shadowRoot.querySelectorAll('li.hb-item')];
      const li = items.find((i) => i.querySelector(':scope > .hb-item__row label')?.textContent === label);
      return li && `[data-item="${li.dataset.item}"] > .hb-item__row`;
    }, label);
    // By mouse, on the label (a real <label for>).
    await ctx.s.click(['#onboarding', `${await row('Add to meetings')} label`]);
    await expectText(ctx, 'onboarding', '.hb-progress__text', '1 of 117 done (0%)');
    const parent = `${await row('Meet with Manager')} input`;
    assert.equal(await ctx.s.run((p) => document.getElementById('onboarding').shadowRoot.querySelector(p).indeterminate, parent), true);
    // By keyboard: Space on a focused checkbox, Enter on the N/A switch.
    await ctx.s.focus(['#onboarding', `${await row('First day projects')} input`]);
    await ctx.s.keys(Key.Space);
    await expectText(ctx, 'onboarding', '.hb-progress__text', '2 of 117 done (1%)');
    await ctx.s.focus(['#onboarding', `${await row('Get accounts set up')} .hb-item__na`]);
    await ctx.s.keys(Key.Enter);
    await expectText(ctx, 'onboarding', '.hb-progress__text', '2 of 116 done (1%)');
    await ctx.s.until(() => localStorage.length > 0, [], { message: 'saved' });
    await ctx.s.reload();
    await openSettled(ctx, PAGE);
    await expectText(ctx, 'onboarding', '.hb-progress__text', '2 of 116 done (1%)');
    assert.equal(await ctx.s.run((p) => document.getElementById('onboarding').shadowRoot.querySelector(p).checked, `${await row('Add to meetings')} input`), true);
  });

  test('onboarding checklist: a tick in one window shows in the other (storage events)', async () => {
    // No clearing first: WebKit hands a localStorage.clear() to its storage process a moment
    // later, and a window opened in that moment may still read the ticks of the test before.
    // Whatever the second window starts from, the first must end up showing what it shows.
    await openSettled(ctx, PAGE);
    const [first, second] = [await ctx.s.handle(), await ctx.s.newWindow()];
    await openSettled(ctx, PAGE);
    const progress = () => ctx.s.run(() => document.getElementById('onboarding').shadowRoot.querySelector('.hb-progress__text').textContent);
    const before = await progress();
    // The first item is a parent: its box ticks (or unticks) its six items.
    await ctx.s.click(['#onboarding', '.hb-item__row label']);
    const after = await ctx.s.until((before) => {
      const now = document.getElementById('onboarding').shadowRoot.querySelector('.hb-progress__text').textContent;
      return now !== before && now;
    }, [before], { timeout: 5000, message: `the count to change from "${before}"` });
    assert.match(after, /^\d+ of \d+ done \(\d+%\)$/);
    await ctx.s.switchTo(first);
    await ctx.s.until((after) => document.getElementById('onboarding').shadowRoot.querySelector('.hb-progress__text').textContent === after, [after], { message: `the first window to follow the second ("${after}")` })
      .catch(async (e) => { throw new Error(`${e.message}; it reads "${await progress()}"`); });
    await ctx.s.switchTo(second, { enterFrame: false });
    await ctx.s.closeWindow();
    await ctx.s.switchTo(first);
  });

  test('onboarding checklist: export copies to the clipboard, or says to copy by hand', async () => {
    await openSettled(ctx, PAGE);
    await ctx.s.click(['#onboarding', '[data-action="export"]']);
    await ctx.s.click(['#onboarding', '[data-action="copy"]']);
    const said = await ctx.s.until(() => document.getElementById('onboarding').shadowRoot.querySelector('.hb-export__status').textContent, [], { message: 'the copy status' });
    // Where the engine lets a page write to the clipboard on a click, it says so; where it
    // does not (a headless engine with no clipboard), the fallback tells the reader what to do.
    assert.match(said, /^(Copied|Copying is blocked here: select the text and copy it)$/);
    console.log(`clipboard in ${ctx.driver.label}: ${said}`);
    assert.match(await ctx.s.run(() => document.getElementById('onboarding').shadowRoot.querySelector('textarea').value), /^# Mattermost: Product Manager onboarding\n/);
  });
});
