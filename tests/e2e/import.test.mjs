// End-to-end test of importing through the real window: a typed path is inspected before anything is
// written (format, contents, destination, role), imported with a result card, the new account shows in
// Accounts, the import is undone after a confirmation and the account is gone; a file that is not an
// export is refused with its name; the view follows the language switch.
// Run under Xvfb: tests/e2e/run.sh target/debug/resonance-app
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, startApp, Steps, tempDataDir, until } from './webdriver.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const binary = resolve(process.argv[2] ?? 'target/debug/resonance-app');
const fixture = resolve(here, '../fixtures/e2e/instagram-lea.martin.atelier-2026-10-15-Qa7Zt3Lm.zip');
const HANDLE = 'lea.martin.atelier';
const shots = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : null;
const dataDir = tempDataDir('import');
const notExport = join(dataDir, 'notes de réunion.txt');
writeFileSync(notExport, 'Réunion du 3 mars : penser à exporter Instagram.\n');
// A spreadsheet of the person's own, in French (semicolons, day-first dates): a CSV of unknown columns.
const ownCsv = join(dataDir, 'abonnés newsletter.csv');
writeFileSync(ownCsv, 'Jour;Abonnés\n01/03/2026;120\n02/03/2026;125\n03/03/2026;131\n');
// A big export (a folder, as the core also reads them) that takes seconds to import: for progress and Cancel.
const bigExport = join(dataDir, 'instagram-big.cancel.test-2026-11-01');
mkdirSync(join(bigExport, 'connections/followers_and_following'), { recursive: true });
mkdirSync(join(bigExport, 'personal_information/personal_information'), { recursive: true });
writeFileSync(
  join(bigExport, 'personal_information/personal_information/personal_information.json'),
  JSON.stringify({ profile_user: [{ title: '', media_map_data: {}, string_map_data: { Username: { href: '', value: 'big.cancel.test', timestamp: 0 } } }] }),
);
writeFileSync(
  join(bigExport, 'connections/followers_and_following/followers_1.json'),
  JSON.stringify(
    Array.from({ length: 200000 }, (_, i) => ({
      title: '',
      media_list_data: [],
      string_list_data: [{ href: `https://www.instagram.com/f${i}`, value: `follower_${i}`, timestamp: 1600000000 + i * 60 }],
    })),
  ),
);

const { proc, base } = await startApp(dataDir);
let session;
const steps = new Steps();
const step = (name, fn) => steps.step(name, fn);

const textOf = (css) => session.exec(`return document.querySelector(${JSON.stringify(css)})?.innerText ?? null;`);
const texts = (css) => session.exec(`return [...document.querySelectorAll(${JSON.stringify(css)})].map(e => e.innerText);`);
const clickCss = async (css) => session.click(await session.find(css));

async function typePath(path) {
  const input = await session.find('[data-testid=import-path]');
  await session.cmd('POST', `/element/${input}/clear`, {});
  await session.cmd('POST', `/element/${input}/value`, { text: path });
  await clickCss('[data-testid=import-add]');
}

async function go(view) {
  await clickCss(`[data-testid=nav-${view}]`);
  await session.waitFor(`[data-testid=view-${view}]`);
}

const rowsWithHandle = () =>
  session.exec(
    `return [...document.querySelectorAll('[data-testid=account-row]')].filter(r => r.innerText.includes(${JSON.stringify(HANDLE)})).length;`,
  );

try {
  session = await Session.create(base, binary);
  await session.waitFor('[data-testid=account-card]', { count: 5, timeout: 60000 });

  await step('the Import view opens with the guide and the history of the demo imports', async () => {
    await go('import');
    assert.equal(await textOf('main h1'), 'Import');
    await session.waitFor('[data-testid=import-row]', { count: 3 });
    assert.match(await textOf('[data-testid=import-guide]'), /How to get your data/);
    await clickCss('[data-testid=guide-tab-linkedin]');
    assert.match(await textOf('[data-testid=guide-panel]'), /Get a copy of your data/);
    await clickCss('[data-testid=guide-tab-instagram]');
    assert.match(await textOf('[data-testid=guide-panel]'), /All time/);
  });

  await step('a relative path is refused before anything is asked of the core', async () => {
    await typePath('Downloads/export.zip');
    const msg = await until(() => textOf('#import-path-error'), 'the path error');
    assert.match(msg, /not a full path/);
  });

  await step('a file that is not an export is refused, naming the file', async () => {
    await typePath(notExport);
    await session.waitFor('[data-testid=import-pending][data-state=failed]');
    const err = await textOf('[data-testid=import-error]');
    assert.match(err, /notes de réunion\.txt/);
    assert.match(err, /not an export Resonance can read/);
    await clickCss('[data-testid=import-pending] button.remove');
    await until(async () => (await session.findAll('[data-testid=import-pending]')).length === 0, 'the file removed');
  });

  await step('the typed export is inspected and shown before anything is written', async () => {
    const before = (await session.findAll('[data-testid=import-row]')).length;
    await typePath(fixture);
    await session.waitFor('[data-testid=import-pending][data-state=ready]');
    const format = await textOf('[data-testid=import-format]');
    assert.match(format, /instagram/i);
    assert.match(format, /Download your information \(JSON\)/);
    const card = await textOf('[data-testid=import-pending]');
    assert.match(card, /followers \(with follow dates\)/);
    assert.match(card, /posts/);
    const dest = await textOf('[data-testid=import-destination]');
    assert.match(dest, /a new account, @lea\.martin\.atelier/);
    // Nothing written yet: no new ledger row, no new account.
    assert.equal((await session.findAll('[data-testid=import-row]')).length, before);
    const checked = await session.exec('return document.querySelector("[data-testid=import-role-personal]").checked;');
    assert.equal(checked, true, 'personal proposed for an export without professional analytics');
    await clickCss('[data-testid=import-role-pro]');
    if (shots) {
      mkdirSync(shots, { recursive: true });
      writeFileSync(join(shots, 'import-review-en.png'), await session.screenshot());
    }
  });

  await step('importing shows the result: the account, what was added and the period', async () => {
    await clickCss('[data-testid=import-start]');
    await session.waitFor('[data-testid=import-result]', { timeout: 60000 });
    const result = await textOf('[data-testid=import-result]');
    assert.match(result, /Imported: instagram-lea\.martin\.atelier-2026-10-15-Qa7Zt3Lm\.zip/);
    assert.match(result, /Léa Martin/);
    assert.match(result, /3 new posts/);
    assert.match(result, /7 followers listed/);
    assert.match(result, /Data from Nov 14, 2023 to Oct 15, 2026/);
    // The history reloads once the accounts are refreshed.
    await until(
      async () => /instagram-lea\.martin\.atelier/.test((await texts('[data-testid=import-row]'))[0] ?? ''),
      'the new import heading the history',
    );
    if (shots) writeFileSync(join(shots, 'import-result-en.png'), await session.screenshot());
  });

  await step('the new account appears in Accounts, as pro', async () => {
    await go('accounts');
    await until(async () => (await rowsWithHandle()) === 1, 'the new account row');
    const role = await session.exec(
      `const r = [...document.querySelectorAll('[data-testid=account-row]')].find(r => r.innerText.includes(${JSON.stringify(HANDLE)}));
       return r.querySelector('[data-testid=account-role]').value;`,
    );
    assert.equal(role, 'pro');
  });

  await step('undoing the import asks first, then removes the account', async () => {
    await go('import');
    await session.waitFor('[data-testid=import-row]');
    await session.exec(
      `const r = [...document.querySelectorAll('[data-testid=import-row]')].find(r => r.innerText.includes(${JSON.stringify(HANDLE)}));
       r.querySelector('[data-testid=undo-import]').click();`,
    );
    await session.waitFor('[data-testid=confirm-undo]');
    const dialog = await textOf('[data-testid=undo-dialog]');
    assert.match(dialog, /Undo this import\?/);
    assert.match(dialog, /3 posts/);
    // Escape closes without undoing.
    await session.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'kb', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }],
    });
    await until(async () => (await session.findAll('[data-testid=confirm-undo]')).length === 0, 'the dialog closed by Escape');
    assert.ok((await texts('[data-testid=import-row]')).some((r) => r.includes(HANDLE)), 'still imported');
    await session.exec(
      `const r = [...document.querySelectorAll('[data-testid=import-row]')].find(r => r.innerText.includes(${JSON.stringify(HANDLE)}));
       r.querySelector('[data-testid=undo-import]').click();`,
    );
    await clickCss('[data-testid=confirm-undo]');
    const status = await until(() => textOf('[data-testid=undo-status]'), 'the undo status');
    assert.match(status, /undone: 3 post\(s\) and 1 account\(s\) removed/);
    await until(
      async () => !(await texts('[data-testid=import-row]')).some((r) => r.includes(HANDLE)),
      'the history row removed',
    );
    await go('accounts');
    await session.waitFor('[data-testid=account-row]');
    await until(async () => (await rowsWithHandle()) === 0, 'the account gone from Accounts');
  });

  await step('a long import shows its progress and can be cancelled, keeping nothing', async () => {
    await go('import');
    await typePath(bigExport);
    await session.waitFor('[data-testid=import-pending][data-state=ready]', { timeout: 30000 });
    assert.match(await textOf('[data-testid=import-destination]'), /@big\.cancel\.test/);
    await clickCss('[data-testid=import-start]');
    await session.waitFor('[data-testid=import-progress]', { timeout: 10000 });
    // Wait until the core reports reading, so that Cancel interrupts real work.
    await until(async () => /Reading/.test((await textOf('[data-testid=import-progress-panel]')) ?? ''), 'reading', 30000);
    const now = await session.exec('return Number(document.querySelector("[data-testid=import-progress]").getAttribute("aria-valuenow"));');
    assert.ok(now >= 0 && now <= 100, `progress value ${now}`);
    if (shots) writeFileSync(join(shots, 'import-progress-en.png'), await session.screenshot());
    await clickCss('[data-testid=import-cancel]');
    await session.waitFor('[data-testid=import-result]', { timeout: 60000 });
    const result = await textOf('[data-testid=import-result]');
    assert.match(result, /Not imported: instagram-big\.cancel\.test-2026-11-01/);
    assert.match(result, /Cancelled: nothing of this file was kept/);
    assert.ok(!(await texts('[data-testid=import-row]')).some((r) => r.includes('big.cancel.test')), 'no ledger row');
    await go('accounts');
    await session.waitFor('[data-testid=account-row]');
    const big = await session.exec(
      "return [...document.querySelectorAll('[data-testid=account-row]')].filter(r => r.innerText.includes('big.cancel.test')).length;",
    );
    assert.equal(big, 0, 'no account created');
  });

  await step('a CSV of unknown columns is imported through the column mapping', async () => {
    await go('import');
    await typePath(ownCsv);
    await session.waitFor('[data-testid=import-pending][data-state=failed]');
    assert.match(await textOf('[data-testid=import-error]'), /abonnés newsletter\.csv: Resonance does not know the columns/);
    await clickCss('[data-testid=import-map]');
    await session.waitFor('[data-testid=mapping-row]', { count: 2 });
    const handle = await session.find('[data-testid=mapping-handle]');
    await session.cmd('POST', `/element/${handle}/value`, { text: 'lea.newsletter' });
    // The core's suggestions: Jour is the date, Abonnés the followers.
    const fields = await session.exec('return [...document.querySelectorAll("[data-testid=mapping-field]")].map(s => s.value);');
    assert.deepEqual(fields, ['date', 'followers']);
    await session.exec('document.querySelector("[data-testid=column-mapping] input[type=checkbox]").click();');
    if (shots) writeFileSync(join(shots, 'import-mapping-en.png'), await session.screenshot());
    await clickCss('[data-testid=mapping-import]');
    await until(
      async () => (await texts('[data-testid=import-result]')).some((r) => /Imported: abonnés newsletter\.csv/.test(r)),
      'the mapped import result',
      30000,
    );
    const result = (await texts('[data-testid=import-result]')).find((r) => r.includes('newsletter'));
    assert.match(result, /lea\.newsletter/);
    assert.match(result, /Data from Mar 1, 2026 to Mar 3, 2026/, 'dates read day first');
  });

  await step('the guide leads to the live accounts for Bluesky and Mastodon', async () => {
    await clickCss('[data-testid=guide-tab-bluesky]');
    assert.match(await textOf('[data-testid=guide-panel]'), /Live accounts/);
    await clickCss('[data-testid=guide-live]');
    await until(
      () => session.exec('return document.activeElement?.dataset.testid === "live-handle";'),
      'the live handle field focused',
    );
  });

  await step('the Import view follows the language switch', async () => {
    await go('import');
    await clickCss('[data-testid=lang-fr]');
    await until(async () => (await textOf('main h1')) === 'Importer', 'the French title');
    assert.match(await textOf('[data-testid=import-guide]'), /Comment obtenir vos données/);
    assert.match(await textOf('[data-testid=import-history]'), /Historique des imports/);
    if (shots) writeFileSync(join(shots, 'import-fr.png'), await session.screenshot());
    await clickCss('[data-testid=lang-en]');
    await until(async () => (await textOf('main h1')) === 'Import', 'back to English');
  });

  await step('no view raised an error', async () => {
    const errors = await session.exec('return window.__resonanceErrors ?? [];');
    assert.deepEqual(errors, []);
  });
} catch (e) {
  steps.escaped(e);
} finally {
  await steps.end(session, proc);
}
