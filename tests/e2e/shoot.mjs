// Opens the real window on the demo data and saves a screenshot of one view.
// Usage (under Xvfb): node tests/e2e/shoot.mjs <app binary> <out.png> [view] [en|fr]
//   e.g. xvfb-run -a -s "-screen 0 1366x768x24" node tests/e2e/shoot.mjs target/debug/resonance-app /tmp/g.png growth fr
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDriver, Session } from './webdriver.mjs';

const [binary, out, view = 'overview', lang = 'en'] = process.argv.slice(2);
const dataDir = process.env.RESONANCE_E2E_DIR ?? mkdtempSync(join(tmpdir(), 'resonance-shot-'));
const port = 5444 + Math.floor(Math.random() * 1000);
const { proc, base } = await startDriver(port, { RESONANCE_DB: join(dataDir, 'resonance.db'), LANG: 'en_US.UTF-8' });
let session;
try {
  session = await Session.create(base, resolve(binary));
  await session.waitFor('[data-testid=nav-overview]', { timeout: 60000 });
  await session.waitFor('[data-testid=account-card]', { timeout: 60000 });
  await session.click(await session.find(`[data-testid=lang-${lang}]`));
  await session.click(await session.find(`[data-testid=nav-${view}]`));
  await sleep(2500);
  writeFileSync(out, await session.screenshot());
  const errors = await session.exec('return window.__resonanceErrors ?? [];');
  if (errors.length) console.log('console errors:', errors);
  console.log(`saved ${out}`);
} finally {
  if (session) await session.close();
  proc.kill('SIGTERM');
}
