// End-to-end test of the real window: in Authenticity, the demo's Instagram pro account has a day
// nothing explains (+1,805 followers on 14 March 2026). Noting a giveaway on that day turns its
// verdict to "explained", with the note among the evidence; removing the note turns it back.
// Run under Xvfb: tests/e2e/run.sh target/debug/resonance-app
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session, startApp, Steps, tempDataDir, until } from './webdriver.mjs';

const HANDLE = 'atelier.camille';
const DAY = '2026-03-14';
const NOTE = `Concours avec @studio.lin — e2e ${Date.now()}`;

const binary = resolve(process.argv[2] ?? 'target/debug/resonance-app');
const dataDir = tempDataDir('annotate');

const { proc, base } = await startApp(dataDir);
let session;
const steps = new Steps();
const step = (name, fn) => steps.step(name, fn);

const dayCard = `[data-testid=flagged-day][data-date="${DAY}"]`;

const verdict = () =>
  session.exec(`return document.querySelector('${dayCard} [data-testid=verdict]')?.textContent?.trim() ?? null;`);

try {
  session = await Session.create(base, binary);
  await session.waitFor('[data-testid=account-card]', { count: 5, timeout: 90000 });

  await step(`Authenticity shows ${DAY} of @${HANDLE} as unexplained`, async () => {
    await session.click(await session.find('[data-testid=nav-authenticity]'));
    await session.waitFor('[data-testid=view-authenticity]');
    const picked = await session.choose('[data-testid=view-authenticity] [data-testid=account-picker]', `o => o.textContent.includes('@${HANDLE}')`);
    assert.ok(picked, `the picker lists @${HANDLE}`);
    await session.waitFor(dayCard, { timeout: 30000 });
    assert.equal(await verdict(), 'unexplained');
  });

  await step('a giveaway noted on that day explains it', async () => {
    const open = await session.exec(`return !!document.querySelector('${dayCard} [data-testid=annotate-open]');`);
    if (open) await session.click(await session.find(`${dayCard} [data-testid=annotate-open]`));
    await session.waitFor(`${dayCard} [data-testid=annotate-kind]`);
    assert.ok(await session.choose(`${dayCard} [data-testid=annotate-kind]`, `o => o.value === 'giveaway'`), 'giveaway is a kind of note');
    const note = await session.find(`${dayCard} [data-testid=annotate-note]`);
    await session.cmd('POST', `/element/${note}/value`, { text: NOTE });
    await session.click(await session.find(`${dayCard} [data-testid=annotate-save]`));
    await until(async () => (await verdict()) === 'explained', 'the verdict turns to explained');
    const evidence = await session.exec(`return document.querySelector('${dayCard}').innerText;`);
    assert.match(evidence, /giveaway/i, 'the note is among the evidence');
    assert.ok(evidence.includes('@studio.lin'), 'with its text');
  });

  await step('the note is listed and the rest of the view agrees', async () => {
    const rows = await session.exec(
      `return [...document.querySelectorAll('[data-testid=note-row]')].map(r => r.innerText).filter(t => t.includes(arguments[0]));`,
      [NOTE],
    );
    assert.equal(rows.length, 1, 'one note row with the text');
  });

  await step('removing the note makes the day unexplained again', async () => {
    const clicked = await session.exec(
      `const row = [...document.querySelectorAll('[data-testid=note-row]')].find(r => r.innerText.includes(arguments[0]));
       const b = row?.querySelector('[data-testid=note-remove]');
       if (!b) return false;
       b.click();
       return true;`,
      [NOTE],
    );
    assert.ok(clicked, 'the note has a remove button');
    // A confirmation, if the view asks for one.
    await sleep(300);
    const confirm = await session.exec(
      `const d = [...document.querySelectorAll('dialog[open]')].pop();
       const b = d?.querySelector('button.danger, button.primary, [data-testid$=confirm]');
       if (b) { b.click(); return true; }
       return false;`,
    );
    if (confirm) console.log('# (confirmed the removal)');
    await until(async () => (await verdict()) === 'unexplained', 'the verdict turns back to unexplained');
    const left = await session.exec(
      `return [...document.querySelectorAll('[data-testid=note-row]')].filter(r => r.innerText.includes(arguments[0])).length;`,
      [NOTE],
    );
    assert.equal(left, 0, 'the note is gone');
  });

  await step('no error was raised', async () => {
    assert.deepEqual(await session.exec('return window.__resonanceErrors ?? [];'), []);
  });
} catch (e) {
  steps.escaped(e);
} finally {
  await steps.end(session, proc);
}
