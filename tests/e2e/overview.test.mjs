// End-to-end test of the real window: the built app opens on the demo data and shows the
// overview with pro and personal accounts and their growth charts; the language switch works.
// Run under Xvfb: tests/e2e/run.sh target/debug/resonance-app
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startApp, Steps, tempDataDir } from './webdriver.mjs';

const binary = resolve(process.argv[2] ?? 'target/debug/resonance-app');
const shots = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : null;
const dataDir = tempDataDir('overview');

const { proc, base } = await startApp(dataDir);
let session;
const steps = new Steps();
const step = (name, fn) => steps.step(name, fn);

try {
  session = await Session.create(base, binary);

  await step('the overview shows the demo accounts of both roles', async () => {
    const cards = await session.waitFor('[data-testid=account-card]', { count: 5, timeout: 60000 });
    const platforms = await session.exec(
      'return [...document.querySelectorAll("[data-testid=account-card]")].map(c => c.dataset.platform + ":" + c.closest("section").className);',
    );
    assert.ok(cards.length >= 5, `expected at least 5 accounts, got ${cards.length}`);
    assert.ok(platforms.some((p) => p.includes('pro')), `no pro account in ${platforms}`);
    assert.ok(platforms.some((p) => p.includes('personal')), `no personal account in ${platforms}`);
    const distinct = new Set(platforms.map((p) => p.split(':')[0]));
    assert.ok(distinct.size >= 3, `expected 3 platforms, got ${[...distinct]}`);
    const badge = await session.find('[data-testid=demo-badge]');
    assert.match(await session.text(badge), /Demo data/);
  });

  await step('every card shows a follower count and a rendered growth chart', async () => {
    await session.waitFor('img[data-testid=growth-chart]', { count: 5, timeout: 30000 });
    // A chart is drawn again when its card changes width (a scrollbar appears): wait for the last pictures.
    let charts = [];
    const end = Date.now() + 30000;
    while (Date.now() < end) {
      charts = await session.exec(
        'return [...document.querySelectorAll("img[data-testid=growth-chart]")].map(i => [i.complete, i.naturalWidth, i.alt]);',
      );
      if (charts.every(([complete, width]) => complete && width > 0)) break;
      await sleep(250);
    }
    for (const [complete, width, alt] of charts) {
      assert.ok(complete && width > 0, `chart not rendered: ${alt}`);
      assert.ok(alt.length > 10, 'chart has a text alternative');
    }
    const counts = await session.exec('return [...document.querySelectorAll("[data-testid=followers]")].map(e => e.textContent);');
    // An export that gives no follower count (the demo's Mastodon archive) shows a dash, never a 0.
    for (const c of counts) assert.match(c, /^([\d,]+|—)$/, `follower count shown: ${c}`);
    assert.ok(counts.filter((c) => c !== '—').length >= 5, `follower counts: ${counts}`);
    const noHistory = await session.exec('return document.querySelectorAll("[data-testid=no-history]").length;');
    assert.equal(noHistory, counts.length - charts.length, 'a card without history says so instead of an empty chart');
  });

  if (shots) {
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'overview-en.png'), await session.screenshot());
  }

  await step('switching to French translates the window', async () => {
    await session.click(await session.find('[data-testid=lang-fr]'));
    const h1 = await session.find('h1');
    assert.equal(await session.text(h1), "Vue d'ensemble");
    if (shots) writeFileSync(join(shots, 'overview-fr.png'), await session.screenshot());
    await session.click(await session.find('[data-testid=lang-en]'));
    assert.equal(await session.text(await session.find('h1')), 'Overview');
  });
} catch (e) {
  steps.escaped(e);
} finally {
  await steps.end(session, proc);
}
