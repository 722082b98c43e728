// End-to-end test of the real window: the Accounts view on the demo data. A label renames an
// account, a role changes, the demo's two X accounts merge into one (confirmed) and the Mastodon
// account is deleted with its data (confirmed); the Overview follows each change.
// Run under Xvfb: tests/e2e/run.sh target/debug/resonance-app
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Session, startApp, Steps, tempDataDir, until } from './webdriver.mjs';

const LABEL = `Réseau pro — e2e ${Date.now()}`;

const binary = resolve(process.argv[2] ?? 'target/debug/resonance-app');
const dataDir = tempDataDir('accounts');

const { proc, base } = await startApp(dataDir);
let session;
const steps = new Steps();
const step = (name, fn) => steps.step(name, fn);

/** The account rows as {id, text, role}. */
const rows = () =>
  session.exec(
    `return [...document.querySelectorAll('[data-testid=account-row]')].map(r => ({
       id: Number(r.dataset.account),
       text: r.innerText,
       role: r.querySelector('[data-testid=account-role]').value,
     }));`,
  );
const rowOf = async (handle) => (await rows()).find((r) => r.text.includes(`@${handle}`));
/** Clicks a control inside the row of `handle`. */
const clickIn = async (handle, testid) => {
  const row = await rowOf(handle);
  assert.ok(row, `a row for @${handle}`);
  await session.click(await session.find(`[data-testid=account-row][data-account="${row.id}"] [data-testid=${testid}]`));
  return row;
};
const cardCount = async () => (await session.findAll('[data-testid=account-card]')).length;
const openView = async (view) => {
  await session.click(await session.find(`[data-testid=nav-${view}]`));
  await session.waitFor(`[data-testid=view-${view}]`);
};

try {
  session = await Session.create(base, binary);
  await session.waitFor('[data-testid=account-card]', { count: 8, timeout: 90000 });

  await step('Accounts lists the eight demo accounts', async () => {
    await openView('accounts');
    await session.waitFor('[data-testid=account-row]', { count: 8 });
    assert.equal((await rows()).length, 8);
  });

  await step('a label renames an account, everywhere', async () => {
    await clickIn('camille-laurent-design', 'account-rename');
    const input = await session.find('[data-testid=account-label]');
    await session.cmd('POST', `/element/${input}/clear`, {});
    await session.cmd('POST', `/element/${input}/value`, { text: LABEL });
    await session.click(await session.find('[data-testid=account-label-save]'));
    await until(async () => (await rowOf('camille-laurent-design'))?.text.includes(LABEL), 'the row shows the label');
    await openView('overview');
    await until(
      () => session.exec('return document.querySelector("main").innerText.includes(arguments[0]);', [LABEL]),
      'the overview card shows the label',
    );
    await openView('accounts');
    await session.waitFor('[data-testid=account-row]', { count: 8 });
  });

  await step('a role change is kept', async () => {
    const row = await rowOf('camille.atelier');
    assert.equal(row.role, 'pro');
    assert.ok(await session.choose(`[data-testid=account-row][data-account="${row.id}"] [data-testid=account-role]`, `o => o.value === 'personal'`));
    await until(async () => (await rowOf('camille.atelier'))?.role === 'personal', 'the select shows personal');
    await openView('overview');
    await openView('accounts');
    await until(async () => (await rowOf('camille.atelier'))?.role === 'personal', 'personal after a reload of the view');
  });

  await step('the two X accounts merge into one, after confirmation', async () => {
    const keep = await rowOf('camille_designs');
    const remove = await rowOf('camlrnt');
    assert.ok(keep && remove, 'both X accounts are listed');
    assert.ok(await session.choose('[data-testid=merge-keep]', `o => o.textContent.includes('@camille_designs')`), 'keep chosen');
    await until(() => session.exec('return !document.querySelector("[data-testid=merge-remove]").disabled;'), 'remove enabled');
    assert.ok(await session.choose('[data-testid=merge-remove]', `o => o.textContent.includes('@camlrnt')`), 'remove chosen');
    const explain = await session.text(await (await session.waitFor('[data-testid=merge-explain]'))[0]);
    assert.ok(explain.length > 0, 'the merge is explained before it runs');
    await session.click(await session.find('[data-testid=merge-start]'));
    await session.click((await session.waitFor('[data-testid=confirm-merge]'))[0]);
    await until(async () => (await rows()).length === 7, 'seven accounts left');
    assert.equal(await rowOf('camlrnt'), undefined, '@camlrnt is gone');
    assert.ok(await rowOf('camille_designs'), '@camille_designs is kept');
  });

  await step('deleting an account asks first, then removes it and its data', async () => {
    await clickIn('camille@piaille.fr', 'account-delete');
    await session.click((await session.waitFor('[data-testid=confirm-delete]'))[0]);
    await until(async () => (await rows()).length === 6, 'six accounts left');
    assert.equal(await rowOf('camille@piaille.fr'), undefined);
    await openView('overview');
    await until(async () => (await cardCount()) === 6, 'six cards on the overview');
  });

  await step('no error was raised', async () => {
    assert.deepEqual(await session.exec('return window.__resonanceErrors ?? [];'), []);
  });
} catch (e) {
  steps.escaped(e);
} finally {
  await steps.end(session, proc);
}
