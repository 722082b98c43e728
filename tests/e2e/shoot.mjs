// Opens the real window on the demo data and saves screenshots of views, in one session.
// Usage (under Xvfb):
//   node tests/e2e/shoot.mjs <app binary> <out dir> [views] [langs] [themes]
//   views, langs and themes are comma-separated (default: overview / en / light);
//   each screenshot is saved as <out dir>/<view>-<lang>-<theme>.png.
//   SHOOT_SIZE=1366x768 resizes the window first (start Xvfb with a screen at least that big) and
//   adds the size to the names; SHOOT_PAGES=n also saves the next n-1 screens of each view, scrolled
//   (<view>-<lang>-<theme>-2.png, …), to look at what is below the fold.
// e.g. xvfb-run -a -s "-screen 0 1366x768x24" node tests/e2e/shoot.mjs target/debug/resonance-app /tmp/shots growth,posts en,fr light,dark
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDriver, Session } from './webdriver.mjs';

const [binary, outDir, views = 'overview', langs = 'en', themes = 'light'] = process.argv.slice(2);
if (!binary || !outDir) {
  console.error('usage: node tests/e2e/shoot.mjs <app binary> <out dir> [views] [langs] [themes]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const dataDir = process.env.RESONANCE_E2E_DIR ?? mkdtempSync(join(tmpdir(), 'resonance-shot-'));
const port = 5444 + Math.floor(Math.random() * 1000);
const { proc, base } = await startDriver(port, { RESONANCE_DB: join(dataDir, 'resonance.db'), LANG: 'en_US.UTF-8' });
const size = process.env.SHOOT_SIZE?.match(/^(\d+)x(\d+)$/);
const pages = Math.max(1, Number(process.env.SHOOT_PAGES ?? 1) || 1);
let session;
let errorsSeen = 0;

/** Waits until the open view has settled: its root is there, no "Loading…" status or chart placeholder left (or 20 s). */
async function settle(view) {
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    const ready = await session
      .exec(
        `const main = document.querySelector('main');
         const busy = [...(main?.querySelectorAll('[role=status], .placeholder') ?? [])].some((e) => e.textContent.trim().endsWith('…'));
         const imgs = [...(main?.querySelectorAll('img') ?? [])].every((i) => i.complete);
         return !!document.querySelector('[data-testid=view-${view}]') && !busy && imgs;`,
      )
      .catch(() => false);
    if (ready) break;
    await sleep(250);
  }
  await sleep(400);
}

try {
  session = await Session.create(base, resolve(binary));
  await session.waitFor('[data-testid=nav-overview]', { timeout: 60000 });
  await session.waitFor('[data-testid=account-card]', { timeout: 60000 });
  if (size) {
    await session.setSize(Number(size[1]), Number(size[2]));
    await sleep(500);
  }
  for (const theme of themes.split(',')) {
    // The theme is chosen in Settings, as a user would.
    await session.click(await session.find('[data-testid=nav-settings]'));
    await session.click((await session.waitFor(`[data-testid=theme-${theme}]`, { timeout: 10000 }))[0]);
    for (const lang of langs.split(',')) {
      await session.click(await session.find(`[data-testid=lang-${lang}]`));
      for (const view of views.split(',')) {
        await session.click(await session.find(`[data-testid=nav-${view}]`));
        await settle(view);
        const name = `${view}-${lang}-${theme}${size ? `-${size[0]}` : ''}`;
        for (let page = 1; page <= pages; page++) {
          if (page > 1) {
            const moved = await session.exec(
              `const d = document.scrollingElement; const before = d.scrollTop;
               d.scrollTop += window.innerHeight - 40; return d.scrollTop !== before;`,
            );
            if (!moved) break;
            await sleep(300);
          }
          const out = join(outDir, page > 1 ? `${name}-${page}.png` : `${name}.png`);
          writeFileSync(out, await session.screenshot());
          console.log(`saved ${out}`);
        }
        await session.exec('document.scrollingElement.scrollTop = 0; return true;');
      }
    }
  }
  const errors = await session.exec('return window.__resonanceErrors ?? [];');
  errorsSeen = errors.length;
  if (errors.length) console.log('console errors:', errors);
} finally {
  if (session) await session.close();
  proc.kill('SIGTERM');
}
process.exit(errorsSeen ? 1 : 0);
