// A minimal W3C WebDriver client (fetch only, no dependencies) for driving the real Tauri window
// through WebKitWebDriver. See ../../../shared/reference/linux-setup.md: WebKitWebDriver directly is
// reliable here; tauri-driver failed ~30 % of runs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

// Repaints a 1×1 px element, transparent to the eye (alpha 0 and 1/255 alternately), on every
// animation frame until told to stop (or for 90 s), then removes it.
const KEEP_PAINTING = `
  window.__e2eKeepPainting = true;
  const dot = document.createElement('div');
  dot.setAttribute('aria-hidden', 'true');
  dot.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
  document.body.appendChild(dot);
  const end = Date.now() + 90000;
  let odd = false;
  const tick = () => {
    if (!window.__e2eKeepPainting || Date.now() > end) { dot.remove(); return; }
    odd = !odd;
    dot.style.background = odd ? 'rgba(0,0,0,0.004)' : 'rgba(0,0,0,0)';
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return true;`;

export async function startDriver(port, env) {
  const proc = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, ...env, TAURI_WEBVIEW_AUTOMATION: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) return { proc, base };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  proc.kill('SIGKILL');
  throw new Error('WebKitWebDriver did not start');
}

/** A fresh data folder for one test file (its database is `resonance.db` there). */
export function tempDataDir(name) {
  return mkdtempSync(join(tmpdir(), `resonance-e2e-${name}-`));
}

/** WebKitWebDriver on a random port for the app on `dataDir`'s database, in English. */
export function startApp(dataDir) {
  const port = 4444 + Math.floor(Math.random() * 1000);
  return startDriver(port, { RESONANCE_DB: join(dataDir, 'resonance.db'), RESONANCE_LANG: 'en', LANG: 'en_US.UTF-8' });
}

/** Named steps reported as `ok - …` / `not ok - …`; `failed` once any failed. With `stopOnFailure`
 * a failed step throws, so the steps after it do not run. */
export class Steps {
  constructor({ stopOnFailure = true } = {}) {
    this.failed = false;
    this.stopOnFailure = stopOnFailure;
  }

  async step(name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`ok - ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      this.failed = true;
      console.log(`not ok - ${name}\n  ${e.stack ?? e}`);
      if (this.stopOnFailure) throw e;
    }
  }

  /** Records an error that escaped the steps (a failed step has printed its own already). */
  escaped(e) {
    this.failed = true;
    if (!String(e).includes('not ok')) console.log(`not ok - ${e.stack ?? e}`);
  }

  /** Closes the session and the app's driver, then exits with the steps' result. */
  async end(session, proc) {
    try {
      if (session) await session.close();
    } finally {
      proc.kill('SIGTERM');
      process.exit(this.failed ? 1 : 0);
    }
  }
}

async function wd(base, method, path, body, timeout) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeout ? AbortSignal.timeout(timeout) : undefined,
  });
  const json = await r.json();
  if (!r.ok || (json.value && json.value.error)) {
    throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value;
}

export class Session {
  static async create(base, binary) {
    const caps = { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary, args: [] } } } };
    const v = await wd(base, 'POST', '/session', caps);
    return new Session(base, v.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body, timeout) {
    return wd(this.base, method, `/session/${this.id}${path}`, body, timeout);
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches at least `count` elements; returns them. */
  async waitFor(css, { count = 1, timeout = 20000 } = {}) {
    const end = Date.now() + timeout;
    let last = [];
    while (Date.now() < end) {
      try {
        last = await this.findAll(css);
        if (last.length >= count) return last;
      } catch {
        // page still loading
      }
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${count} × ${css} (found ${last.length})`);
  }

  text(el) {
    return this.cmd('GET', `/element/${el}/text`);
  }

  /** Chooses the first option of the <select> at `css` that `predicate` (JS source of a function of
   * the option) accepts, as a user would: the change event the view listens to is fired. */
  choose(css, predicate) {
    return this.exec(
      `const s = document.querySelector(arguments[0]);
       const o = [...s.options].find(${predicate});
       if (!o) return false;
       s.value = o.value;
       s.dispatchEvent(new Event('change', { bubbles: true }));
       return true;`,
      [css],
    );
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /**
   * A PNG of the window. WebKitWebDriver's `GET /screenshot` waits for the page's next presentation
   * update: on a page where nothing changes any more (seen on Settings and Accounts, after other
   * views, with or without load) no update comes and the command hangs until something repaints.
   * So a pixel-sized, invisible element is repainted on every animation frame while the screenshot
   * is taken. Each try is bounded too, and after three the X screen itself is captured (`import` of
   * ImageMagick; the window fills the Xvfb screen, there is no window manager).
   */
  async screenshot({ tries = 3, timeout = 20000 } = {}) {
    // Let the last click paint first (two animation frames).
    await this.exec('return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));').catch(() => {});
    await sleep(300);
    await this.exec(KEEP_PAINTING).catch(() => {});
    let last;
    try {
      for (let i = 0; i < tries; i++) {
        try {
          return Buffer.from(await this.cmd('GET', '/screenshot', undefined, timeout), 'base64');
        } catch (e) {
          last = e;
          console.error(`screenshot try ${i + 1} failed: ${e.message ?? e}`);
          await sleep(1000 * (i + 1));
        }
      }
    } finally {
      await this.exec('window.__e2eKeepPainting = false; return true;').catch(() => {});
    }
    if (process.env.DISPLAY) {
      try {
        return execFileSync('import', ['-window', 'root', 'png:-'], { maxBuffer: 64 << 20, timeout: 30000 });
      } catch (e) {
        console.error(`X screen capture failed too: ${e.message ?? e}`);
      }
    }
    throw last;
  }

  /** Resizes the window (WebDriver's window rect). */
  setSize(width, height) {
    return this.cmd('POST', '/window/rect', { x: 0, y: 0, width, height });
  }

  close() {
    return wd(this.base, 'DELETE', `/session/${this.id}`).catch(() => {});
  }
}

/** Polls `fn` until it returns a truthy value and returns it, or fails with `what` after `timeout` ms
 * (an error thrown by `fn`, e.g. while the page loads, counts as not yet). */
export async function until(fn, what, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`timed out: ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}
