// Measures the real app (not a test; run by scripts/measure-app.sh under Xvfb): cold start to a
// painted overview (cards and their charts; the insights, which may come later, timed apart), and
// the idle memory of the whole app (its process and WebKit's children).
//
//   node tests/e2e/measure-app.mjs APP DB [RUNS] [IDLE_SECONDS]
//
// Each run starts WebKitWebDriver, which spawns the app on DB (RESONANCE_DB). "Painted" is the
// first animation frame after every account card is in the page and the growth chart image of
// every card that has one (accounts with a follower history) has loaded (complete,
// naturalWidth > 0), plus one more frame. Start is the app process's
// start time from /proc/<pid>/stat. After IDLE_SECONDS without input, RSS and PSS
// (/proc/<pid>/smaps_rollup) of the app process and all its descendants are summed. Prints one
// JSON line per run, then a JSON summary line with medians.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDriver, Session } from './webdriver.mjs';

const binary = resolve(process.argv[2] ?? 'target/release/resonance-app');
const db = resolve(process.argv[3] ?? '');
const runs = Number(process.argv[4] ?? 5);
const idle = Number(process.argv[5] ?? 10);
const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

function stat(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
  const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
  return { comm, ppid: Number(rest[1]), start: Number(rest[19]) };
}

function processes() {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      out.push({ pid: Number(d), ...stat(d) });
    } catch {
      // gone
    }
  }
  return out;
}

function descendants(root, all) {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const p of all) if (p.ppid === found[i].pid) found.push(p);
  }
  return found;
}

function kib(pid, file, key) {
  try {
    const m = readFileSync(`/proc/${pid}/${file}`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Epoch milliseconds of a process start (clock ticks since boot), calibrated on /proc/uptime. */
function startEpochMs(startTicks) {
  const now = Date.now();
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return now - uptime * 1000 + (startTicks / ticks) * 1000;
}

// Resolves (in the page) once the overview is painted; returns the page clock then.
const PAINTED = `
const done = arguments[arguments.length - 1];
// Every card's chart drawn: cards of accounts without a follower history have no chart box.
const ready = () => {
  const cards = [...document.querySelectorAll('[data-testid=account-card]')];
  const drawn = (c) => {
    const box = c.querySelector('figure.chart');
    if (!box) return true;
    const img = box.querySelector('img[data-testid=growth-chart]');
    return !!img && img.complete && img.naturalWidth > 0;
  };
  return cards.length > 0 && cards.every(drawn) ? cards.length : 0;
};
const tick = () => {
  const n = ready();
  if (n) requestAnimationFrame(() => requestAnimationFrame(() => done({ at: Date.now(), cards: n, origin: performance.timeOrigin })));
  else requestAnimationFrame(tick);
};
tick();`;

// Resolves once the overview's insights (alerts and plain words) are in the page, which may be after
// the cards: returns the page clock then.
const INSIGHTS = `
const done = arguments[arguments.length - 1];
const tick = () => {
  if (document.querySelector('[data-testid=alerts][data-ready=true]')) requestAnimationFrame(() => done(Date.now()));
  else requestAnimationFrame(tick);
};
tick();`;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const results = [];
for (let run = 0; run < runs; run++) {
  const port = 4444 + Math.floor(Math.random() * 2000);
  const { proc, base } = await startDriver(port, { RESONANCE_DB: db, RESONANCE_LANG: 'en', LANG: 'en_US.UTF-8' });
  let session;
  try {
    const requested = Date.now();
    session = await Session.create(base, binary);
    const created = Date.now();
    const app = processes().filter((p) => p.comm.startsWith('resonance-app'))
      .find((p) => descendants({ pid: proc.pid }, processes()).some((d) => d.pid === p.pid));
    if (!app) throw new Error('app process not found under WebKitWebDriver');
    const spawned = startEpochMs(app.start);
    await session.cmd('POST', '/timeouts', { script: 120000 });
    const painted = await session.cmd('POST', '/execute/async', { script: PAINTED, args: [] });
    const insightsAt = await session.cmd('POST', '/execute/async', { script: INSIGHTS, args: [] });
    await sleep(idle * 1000);
    const tree = descendants(app, processes());
    const mem = tree.map((p) => ({
      comm: p.comm,
      rss_kib: kib(p.pid, 'status', 'VmRSS'),
      pss_kib: kib(p.pid, 'smaps_rollup', 'Pss'),
    }));
    const r = {
      run,
      cards: painted.cards,
      spawn_to_painted_ms: painted.at - spawned,
      spawn_to_insights_ms: insightsAt - spawned,
      request_to_painted_ms: painted.at - requested,
      spawn_to_session_ms: created - spawned,
      page_origin_to_painted_ms: painted.at - painted.origin,
      rss_mb: mem.reduce((a, m) => a + m.rss_kib, 0) / 1024,
      pss_mb: mem.reduce((a, m) => a + m.pss_kib, 0) / 1024,
      processes: mem.map((m) => `${m.comm}:${Math.round(m.pss_kib / 1024)}MB`).join(' '),
    };
    results.push(r);
    console.log(JSON.stringify(r));
  } finally {
    if (session) await session.close();
    proc.kill('SIGTERM');
    await sleep(500);
  }
}
const summary = {
  db,
  runs: results.length,
  idle_s: idle,
  cards: results[0]?.cards,
  spawn_to_painted_ms: median(results.map((r) => r.spawn_to_painted_ms)),
  spawn_to_painted_all: results.map((r) => Math.round(r.spawn_to_painted_ms)),
  spawn_to_insights_ms: median(results.map((r) => r.spawn_to_insights_ms)),
  request_to_painted_ms: median(results.map((r) => r.request_to_painted_ms)),
  rss_mb: median(results.map((r) => r.rss_mb)),
  pss_mb: median(results.map((r) => r.pss_mb)),
  processes: results[results.length - 1]?.processes,
};
console.log(`SUMMARY ${JSON.stringify(summary)}`);
