// Opens the real window on the demo data and saves screenshots of views, in one session.
// Usage (under Xvfb):
//   node tests/e2e/shoot.mjs <app binary> <out dir> [views] [langs] [themes]
//   views, langs and themes are comma-separated (default: overview / en / light);
//   each screenshot is saved as <out dir>/<view>-<lang>-<theme>.png.
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
let session;
let errorsSeen = 0;
try {
  session = await Session.create(base, resolve(binary));
  await session.waitFor('[data-testid=nav-overview]', { timeout: 60000 });
  await session.waitFor('[data-testid=account-card]', { timeout: 60000 });
  for (const theme of themes.split(',')) {
    // The theme is chosen in Settings, as a user would.
    await session.click(await session.find('[data-testid=nav-settings]'));
    await session.click((await session.waitFor(`[data-testid=theme-${theme}]`, { timeout: 10000 }))[0]);
    for (const lang of langs.split(',')) {
      await session.click(await session.find(`[data-testid=lang-${lang}]`));
      for (const view of views.split(',')) {
        await session.click(await session.find(`[data-testid=nav-${view}]`));
        await sleep(2500);
        const out = join(outDir, `${view}-${lang}-${theme}.png`);
        writeFileSync(out, await session.screenshot());
        console.log(`saved ${out}`);
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
