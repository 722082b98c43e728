// End-to-end test of the real window: every view of the navigation opens on the demo data, in
// English and in French, renders its root (data-testid=view-<name>) and its heading, leaves no
// message placeholder unfilled, does not make the page scroll sideways, and raises no error.
// Run under Xvfb: tests/e2e/run.sh target/debug/resonance-app
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startApp, Steps, tempDataDir } from './webdriver.mjs';

const VIEWS = ['overview', 'import', 'accounts', 'growth', 'engagement', 'authenticity', 'compare', 'posts', 'reports', 'settings'];

const binary = resolve(process.argv[2] ?? 'target/debug/resonance-app');
const dataDir = tempDataDir('views');

const { proc, base } = await startApp(dataDir);
let session;
const steps = new Steps({ stopOnFailure: false });
const step = (name, fn) => steps.step(name, fn);

/** What the open view looks like once it has settled (no "Loading…" status or chart placeholder left, or 15 s). */
async function settle(view) {
  const end = Date.now() + 15000;
  let state;
  while (Date.now() < end) {
    state = await session.exec(
      `const root = document.querySelector('[data-testid=view-${view}]');
       const main = document.querySelector('main');
       return {
         root: !!root,
         h1: main?.querySelector('h1')?.textContent?.trim() ?? '',
         // Loading messages end with an ellipsis ("Loading…", "Drawing the chart…").
         loading: [...(main?.querySelectorAll('[role=status], .placeholder') ?? [])].some((e) => e.textContent.trim().endsWith('…')),
         text: main?.innerText ?? '',
         lang: document.documentElement.lang,
         overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
         errors: window.__resonanceErrors ?? [],
       };`,
    );
    if (state.root && !state.loading) break;
    await sleep(250);
  }
  return state;
}

try {
  session = await Session.create(base, binary);
  // First start: the demo loads, then the overview shows its accounts.
  await session.waitFor('[data-testid=account-card]', { count: 5, timeout: 90000 });

  const titles = { en: {}, fr: {} };
  for (const lang of ['en', 'fr']) {
    await session.click(await session.find(`[data-testid=lang-${lang}]`));
    for (const view of VIEWS) {
      await step(`${lang}: ${view} renders without errors`, async () => {
        await session.click(await session.find(`[data-testid=nav-${view}]`));
        await session.waitFor(`[data-testid=view-${view}]`, { timeout: 20000 });
        const s = await settle(view);
        assert.ok(s.root, `view-${view} is shown`);
        assert.equal(s.lang, lang, 'the document language follows the switch');
        assert.ok(s.h1.length > 0, 'the view has a heading');
        assert.ok(!s.loading, 'the view finished loading');
        assert.doesNotMatch(s.text, /\{[a-z_0-9]+\}/, 'no message placeholder is left unfilled');
        assert.doesNotMatch(s.text, /\bNaN\b|\bundefined\b|\[object Object\]/, 'no NaN, undefined or [object Object] is shown');
        assert.ok(s.overflow <= 0, `the page does not scroll sideways (${s.overflow}px too wide)`);
        assert.deepEqual(s.errors, [], 'no error was raised');
        titles[lang][view] = s.h1;
      });
    }
  }

  await step('an account without follower history: Growth says so instead of empty charts', async () => {
    await session.click(await session.find('[data-testid=nav-growth]'));
    await session.waitFor('[data-testid=account-picker]');
    // The demo's Mastodon archive gives posts but no follower count (archives hold none).
    await session.exec(`const sel = document.querySelector('[data-testid=account-picker]');
      const opt = [...sel.options].find((o) => o.textContent.includes('@camille@piaille.fr)'));
      sel.value = opt.value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      return true;`);
    await session.waitFor('[data-testid=growth-no-history]', { timeout: 20000 });
    const charts = await session.exec('return document.querySelectorAll("[data-testid=view-growth] [data-testid=chart]").length;');
    assert.equal(charts, 0, 'no empty chart is drawn');
  });

  await step('the views are translated', async () => {
    const changed = VIEWS.filter((v) => titles.en[v] && titles.fr[v] && titles.en[v] !== titles.fr[v]);
    // "Engagement" is the same word in both languages.
    assert.ok(changed.length >= VIEWS.length - 1, `French titles differ from English ones: ${JSON.stringify(titles)}`);
  });

  await step('no error was raised in the whole session', async () => {
    assert.deepEqual(await session.exec('return window.__resonanceErrors ?? [];'), []);
  });
} catch (e) {
  steps.escaped(e);
} finally {
  await steps.end(session, proc);
}
