// Pure helpers of the Import view: paths typed or dropped, what an inspection found and where it
// will go, what the import calls are, progress in words, counts, the ledger's format ids, and core
// messages that need a French touch. No Svelte, no Tauri: everything here is unit-tested.
import type { AccountSummary } from '../../lib/bindings/AccountSummary';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';
import type { ImportCounts } from '../../lib/bindings/ImportCounts';
import type { ImportRecord } from '../../lib/bindings/ImportRecord';
import type { Inspection } from '../../lib/bindings/Inspection';
import type { Lang } from '../../lib/bindings/Lang';
import type { Platform } from '../../lib/bindings/Platform';
import type { ProgressUpdate } from '../../lib/bindings/ProgressUpdate';
import type { Recognised } from '../../lib/bindings/Recognised';
import type { Role } from '../../lib/bindings/Role';

/** The shell accepts at most this many paths per call. */
export const MAX_FILES = 100;

// ---------------------------------------------------------------------------------------------
// Paths

/** A full path as the native dialog returns it: /home/…, C:\…, \\server\share\…. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** The last part of a path, as messages name the file. */
export function baseName(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '');
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}

/** Undoes what a copied path often carries: spaces, quotes, a file:// prefix. */
export function cleanTypedPath(raw: string): string {
  let p = raw.trim();
  if ((p.startsWith('"') && p.endsWith('"')) || (p.startsWith("'") && p.endsWith("'"))) p = p.slice(1, -1).trim();
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(p.slice('file://'.length));
    } catch {
      p = p.slice('file://'.length);
    }
    // file:///C:/… on Windows
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
  }
  return p;
}

export interface PathSorting {
  /** New, valid paths to inspect, in order. */
  add: string[];
  /** Already in the list (or twice in the input). */
  duplicates: string[];
  /** Not full paths. */
  invalid: string[];
  /** Left out because the list would exceed MAX_FILES. */
  overflow: string[];
}

/** Sorts incoming paths against the ones already listed. */
export function sortPaths(listed: readonly string[], incoming: readonly string[]): PathSorting {
  const seen = new Set(listed);
  const out: PathSorting = { add: [], duplicates: [], invalid: [], overflow: [] };
  for (const raw of incoming) {
    const p = cleanTypedPath(raw);
    if (p === '') continue;
    if (!isAbsolutePath(p)) out.invalid.push(p);
    else if (seen.has(p)) out.duplicates.push(p);
    else if (seen.size >= MAX_FILES) out.overflow.push(p);
    else {
      seen.add(p);
      out.add.push(p);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a file holds and where it goes

export function sameHandle(a: string, b: string): boolean {
  const norm = (h: string) => h.trim().replace(/^@+/, '').toLowerCase();
  return norm(a) === norm(b);
}

/** Where the data of an inspected file will go. */
export type Destination =
  /** The export names an account Resonance already has. */
  | { kind: 'existing'; platform: Platform; handle: string; account: AccountSummary }
  /** The export names an account Resonance does not have yet: it will be created. */
  | { kind: 'new'; platform: Platform; handle: string }
  /** The file does not name its account; there is one account of that platform: it goes there. */
  | { kind: 'only'; platform: Platform; account: AccountSummary }
  /** The file does not name its account and there are several: the user must choose. */
  | { kind: 'choose'; platform: Platform; candidates: AccountSummary[] }
  /** The file does not name its account and there is none of that platform yet. */
  | { kind: 'none'; platform: Platform }
  /** The input holds exports of several platforms: each goes to the account it names. */
  | { kind: 'several'; platforms: Platform[] };

export function destinationOf(inspection: Inspection, accounts: readonly AccountSummary[]): Destination {
  const platforms = inspection.platforms;
  if (platforms.length > 1) return { kind: 'several', platforms: [...platforms] };
  const platform: Platform = platforms[0] ?? inspection.recognised[0]?.platform ?? 'other';
  const same = accounts.filter((a) => a.platform === platform);
  if (inspection.handle) {
    const account = same.find((a) => sameHandle(a.handle, inspection.handle ?? ''));
    return account
      ? { kind: 'existing', platform, handle: inspection.handle, account }
      : { kind: 'new', platform, handle: inspection.handle };
  }
  const [first] = same;
  if (same.length === 1 && first) return { kind: 'only', platform, account: first };
  if (same.length > 1) return { kind: 'choose', platform, candidates: same };
  return { kind: 'none', platform };
}

/** Accounts an input of one platform can be added to instead (the "add to an existing account" choice). */
export function attachCandidates(inspection: Inspection, accounts: readonly AccountSummary[]): AccountSummary[] {
  if (inspection.platforms.length !== 1) return [];
  return accounts.filter((a) => a.platform === inspection.platforms[0]);
}

/** Files that mean the owner uses the account for their work (as the core reads them). */
const PRO_KINDS = new Set<string>([
  'ig_insights_posts',
  'ig_insights_reels',
  'ig_insights_audience',
  'meta_content_csv',
  'fb_content_csv',
  'fb_daily_csv',
  'li_creator_xlsx',
  'yt_table_data',
  'yt_totals',
  'yt_chart_data',
  'tt_studio_overview',
  'tt_studio_follower_history',
  'tt_studio_content',
]);

/** The role proposed for a new account: pro when the export carries professional analytics. */
export function suggestedRole(recognised: readonly Recognised[]): Role {
  return recognised.some((r) => PRO_KINDS.has(r.kind)) ? 'pro' : 'personal';
}

/** What the user chose for one file. `account: null` lets the export say whose it is. */
export interface Choice {
  role: Role | null;
  account: number | null;
}

/** Whether an inspected file can be imported with this choice, and if not, why. */
export type Readiness = { ok: true } | { ok: false; reason: 'choose_account' | 'no_account' };

export function readiness(dest: Destination, choice: Choice): Readiness {
  if (choice.account !== null) return { ok: true };
  if (dest.kind === 'choose') return { ok: false, reason: 'choose_account' };
  if (dest.kind === 'none') return { ok: false, reason: 'no_account' };
  return { ok: true };
}

/**
 * Readiness of every file of a batch. A file that names no account and has no account of its
 * platform yet can still go, after a file of the same batch that creates that account.
 */
export function batchReadiness(dests: readonly Destination[], choices: readonly Choice[]): Readiness[] {
  const creates = new Set<Platform>();
  dests.forEach((d, i) => {
    if (choices[i]?.account !== null) return;
    if (d.kind === 'new') creates.add(d.platform);
    if (d.kind === 'several') d.platforms.forEach((p) => creates.add(p));
  });
  return dests.map((d, i) => {
    const r = readiness(d, choices[i] ?? { role: null, account: null });
    if (!r.ok && r.reason === 'no_account' && d.kind === 'none' && creates.has(d.platform)) return { ok: true };
    return r;
  });
}

/** Import order: files that name their account first, so that they create it for the others. */
export function importOrder(dests: readonly Destination[]): number[] {
  const rank = (d: Destination) => (d.kind === 'new' || d.kind === 'several' ? 0 : d.kind === 'existing' ? 1 : 2);
  return dests.map((d, i) => [rank(d), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
}

/**
 * The arguments of the import call for one file. The role is only sent when it creates an account
 * (or the user picked an account and a role), so that an import never silently changes the role of
 * an account that already exists.
 */
export function importArgs(dest: Destination, choice: Choice): { role: Role | null; account: number | null } {
  if (choice.account !== null) return { role: null, account: choice.account };
  if (dest.kind === 'new' || dest.kind === 'several') return { role: choice.role, account: null };
  return { role: null, account: null };
}

// ---------------------------------------------------------------------------------------------
// Labels of the kinds of files (inspection) and of the ledger's format ids

type Words = { en: string; fr: string };

/** Each kind of file: its ledger id and what it gives, in words. */
const KINDS: Record<string, { id: string } & Words> = {
  ig_profile: { id: 'instagram.profile', en: 'profile', fr: 'profil' },
  ig_followers: { id: 'instagram.followers', en: 'followers (with follow dates)', fr: 'abonnés (avec les dates)' },
  ig_following: { id: 'instagram.following', en: 'accounts you follow', fr: 'abonnements' },
  ig_connections_legacy: { id: 'instagram.connections_legacy', en: 'followers and following (old format)', fr: 'abonnés et abonnements (ancien format)' },
  ig_posts: { id: 'instagram.posts', en: 'posts', fr: 'publications' },
  ig_reels: { id: 'instagram.reels', en: 'reels', fr: 'reels' },
  ig_stories: { id: 'instagram.stories', en: 'stories', fr: 'stories' },
  ig_media_legacy: { id: 'instagram.media_legacy', en: 'posts (old format)', fr: 'publications (ancien format)' },
  ig_insights_posts: { id: 'instagram.insights_posts', en: 'post insights', fr: 'statistiques des publications' },
  ig_insights_reels: { id: 'instagram.insights_reels', en: 'reel insights', fr: 'statistiques des reels' },
  ig_insights_audience: { id: 'instagram.insights_audience', en: 'audience insights', fr: "statistiques d'audience" },
  meta_content_csv: { id: 'meta.content_csv', en: 'per-post numbers', fr: 'chiffres par publication' },
  meta_daily_csv: { id: 'meta.daily_csv', en: 'daily numbers', fr: 'chiffres par jour' },
  x_manifest: { id: 'x.manifest', en: 'archive summary', fr: "résumé de l'archive" },
  x_account: { id: 'x.account', en: 'account', fr: 'compte' },
  x_profile: { id: 'x.profile', en: 'profile', fr: 'profil' },
  x_tweets: { id: 'x.tweets', en: 'posts', fr: 'publications' },
  x_follower: { id: 'x.follower', en: 'followers', fr: 'abonnés' },
  x_following: { id: 'x.following', en: 'accounts you follow', fr: 'abonnements' },
  x_tweet_activity_csv: { id: 'x.tweet_activity_csv', en: 'per-post analytics (old)', fr: 'statistiques par publication (ancien format)' },
  x_daily_activity_csv: { id: 'x.daily_activity_csv', en: 'daily analytics (old)', fr: 'statistiques par jour (ancien format)' },
  x_content_csv: { id: 'x.content_csv', en: 'per-post analytics', fr: 'statistiques par publication' },
  x_overview_csv: { id: 'x.overview_csv', en: 'daily follows and unfollows', fr: 'abonnements et désabonnements par jour' },
  li_profile: { id: 'linkedin.profile', en: 'profile', fr: 'profil' },
  li_connections: { id: 'linkedin.connections', en: 'connections (with dates)', fr: 'relations (avec les dates)' },
  li_shares: { id: 'linkedin.shares', en: 'posts', fr: 'publications' },
  li_creator_xlsx: { id: 'linkedin.creator_xlsx', en: 'creator analytics', fr: 'statistiques de créateur' },
  tt_user_data: { id: 'tiktok.user_data', en: 'followers, following and videos', fr: 'abonnés, abonnements et vidéos' },
  tt_txt_followers: { id: 'tiktok.txt_followers', en: 'followers', fr: 'abonnés' },
  tt_txt_following: { id: 'tiktok.txt_following', en: 'accounts you follow', fr: 'abonnements' },
  tt_txt_posts: { id: 'tiktok.txt_posts', en: 'videos', fr: 'vidéos' },
  tt_studio_overview: { id: 'tiktok.studio_overview', en: 'daily views and interactions', fr: 'vues et interactions par jour' },
  tt_studio_follower_history: { id: 'tiktok.studio_follower_history', en: 'daily follower totals', fr: "nombre d'abonnés par jour" },
  tt_studio_viewers: { id: 'tiktok.studio_viewers', en: 'daily viewers', fr: 'spectateurs par jour' },
  tt_studio_content: { id: 'tiktok.studio_content', en: 'per-video numbers', fr: 'chiffres par vidéo' },
  tt_studio_audience: { id: 'tiktok.studio_audience', en: 'daily audience', fr: 'audience par jour' },
  yt_table_data: { id: 'youtube.table_data', en: 'per-video numbers', fr: 'chiffres par vidéo' },
  yt_chart_data: { id: 'youtube.chart_data', en: 'daily numbers per video', fr: 'chiffres par jour et par vidéo' },
  yt_totals: { id: 'youtube.totals', en: 'daily channel totals', fr: 'totaux quotidiens de la chaîne' },
  yt_channel: { id: 'youtube.takeout_channel', en: 'channel', fr: 'chaîne' },
  yt_videos: { id: 'youtube.takeout_videos', en: 'videos', fr: 'vidéos' },
  yt_subscriptions: { id: 'youtube.takeout_subscriptions', en: 'channels you subscribe to', fr: 'chaînes auxquelles vous êtes abonné' },
  fb_content_csv: { id: 'facebook.content_csv', en: 'per-post numbers', fr: 'chiffres par publication' },
  fb_daily_csv: { id: 'facebook.daily_csv', en: 'daily numbers', fr: 'chiffres par jour' },
  masto_actor: { id: 'mastodon.actor', en: 'profile', fr: 'profil' },
  masto_outbox: { id: 'mastodon.outbox', en: 'posts and boosts', fr: 'publications et partages' },
  masto_following_csv: { id: 'mastodon.following_csv', en: 'accounts you follow', fr: 'abonnements' },
  generic_csv: { id: 'generic.csv', en: 'Resonance CSV', fr: 'CSV Resonance' },
};

const BY_ID: Record<string, Words> = Object.fromEntries(Object.values(KINDS).map((k) => [k.id, k]));

/** Every kind this module can name (for the completeness test against the generated bindings). */
export const KNOWN_KINDS: readonly string[] = Object.keys(KINDS);

/** A kind of file (`ig_posts`) or a ledger format id (`instagram.posts`) in words. */
export function kindLabel(kindOrId: string, lang: Lang): string {
  const w = KINDS[kindOrId] ?? BY_ID[kindOrId];
  if (w) return w[lang];
  // A kind newer than this UI: its id without the platform.
  return kindOrId.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
}

/** Kinds that only say whose export it is: not worth listing when anything else is there. */
const IDENTITY = new Set(['x_manifest', 'x_account', 'x_profile', 'ig_profile', 'li_profile', 'masto_actor', 'yt_channel',
  'instagram.profile', 'x.manifest', 'x.account', 'x.profile', 'linkedin.profile', 'mastodon.actor', 'youtube.takeout_channel']);

export interface ContentGroup {
  platform: Platform;
  /** Distinct kinds in words, in the core's reading order, with how many files of each. */
  items: { label: string; files: number }[];
}

/** What an input holds, by platform: "Instagram: followers, posts (2 files)". */
export function contents(recognised: readonly Recognised[], lang: Lang): ContentGroup[] {
  const groups: ContentGroup[] = [];
  const useful = recognised.filter((r) => !IDENTITY.has(r.kind));
  const list = useful.length > 0 ? useful : recognised;
  for (const r of list) {
    let g = groups.find((x) => x.platform === r.platform);
    if (!g) {
      g = { platform: r.platform, items: [] };
      groups.push(g);
    }
    const label = kindLabel(r.kind, lang);
    const item = g.items.find((i) => i.label === label);
    if (item) item.files += 1;
    else g.items.push({ label, files: 1 });
  }
  return groups;
}

/** The ledger's `format` column ("instagram.followers,instagram.posts") in words, by platform. */
export function formatsLabel(format: string, lang: Lang): string {
  const ids = format.split(',').map((s) => s.trim()).filter(Boolean);
  const useful = ids.filter((id) => !IDENTITY.has(id));
  const list = useful.length > 0 ? useful : ids;
  const labels: string[] = [];
  for (const id of list) {
    const l = kindLabel(id, lang);
    if (!labels.includes(l)) labels.push(l);
  }
  return labels.join(', ');
}

/** The platform of a ledger format id (`instagram.posts` → instagram). */
export function platformOfFormat(format: string): Platform | null {
  const first = format.split(',')[0]?.split('.')[0] ?? '';
  const map: Record<string, Platform> = {
    instagram: 'instagram',
    meta: 'instagram',
    x: 'x',
    linkedin: 'linkedin',
    tiktok: 'tiktok',
    youtube: 'youtube',
    facebook: 'facebook',
    mastodon: 'mastodon',
    bluesky: 'bluesky',
  };
  return map[first] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Counts

export type CountKey = keyof ImportCounts;

/** The counts worth telling, in the order a person reads them, zeros left out. */
export function countLines(c: ImportCounts): { key: CountKey; n: number }[] {
  const order: CountKey[] = [
    'accounts_created',
    'posts_new',
    'post_observations',
    'followers',
    'following',
    'unfollows',
    'audience_points',
    'follow_changes',
    'daily_metrics',
  ];
  return order.filter((k) => c[k] > 0).map((key) => ({ key, n: c[key] }));
}

/** Whether an import added anything at all. */
export function addedNothing(c: ImportCounts): boolean {
  return countLines(c).length === 0 && c.posts === 0;
}

// ---------------------------------------------------------------------------------------------
// Progress

export type StageKey = 'waiting' | 'detecting' | 'reading' | 'finishing';

export interface ProgressView {
  stage: StageKey;
  /** The entry being read (inside the archive). */
  entry: string;
  /** 0–1 over all the files of this run. */
  fraction: number;
  /** 0–100, rounded, for the bar's text and aria-valuenow. */
  percent: number;
  done: number;
  total: number;
}

/**
 * Where a run is: file `index` (0-based) of `count`, with the core's latest update for it. Each
 * file weighs the same; inside a file, bytes read. "finishing" counts as nearly done.
 */
export function progressView(update: ProgressUpdate | null, index: number, count: number): ProgressView {
  const n = Math.max(1, count);
  let within = 0;
  if (update) {
    if (update.stage === 'finishing') within = 0.98;
    else if (update.total_bytes > 0) within = Math.min(1, update.done_bytes / update.total_bytes) * 0.95;
  }
  const fraction = Math.min(1, Math.max(0, (Math.min(index, n) + within) / n));
  return {
    stage: update?.stage ?? 'waiting',
    entry: update?.file ?? '',
    fraction,
    percent: Math.round(fraction * 100),
    done: update?.done_bytes ?? 0,
    total: update?.total_bytes ?? 0,
  };
}

/** Keeps the last update and lets at most one through every `ms` (the core already sends ≤10/s). */
export function throttle<T>(fn: (v: T) => void, ms: number, now: () => number = () => Date.now()) {
  let last = -Infinity;
  let pending: T | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (pending !== null) {
      last = now();
      const v = pending;
      pending = null;
      fn(v);
    }
  };
  return {
    push(v: T) {
      pending = v;
      const wait = last + ms - now();
      if (wait <= 0) flush();
      else if (timer === null) timer = setTimeout(flush, wait);
    },
    /** Delivers the last pending value now. */
    flush() {
      if (timer !== null) clearTimeout(timer);
      flush();
    },
  };
}

/** A size as people read it: 1.4 MB / 1,4 Mo (powers of 1,024). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['octets', 'Ko', 'Mo', 'Go', 'To'] : ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const n = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: digits }).format(value);
  return `${n} ${units[unit]}`;
}

// ---------------------------------------------------------------------------------------------
// Messages from the core

/** What the core says an unknown file looks like (English only) — in French. */
const WHAT_FR: Record<string, string> = {
  'a PNG image': 'une image PNG',
  'a JPEG image': 'une image JPEG',
  'a GIF image': 'une image GIF',
  'a WebP image': 'une image WebP',
  'a video or HEIC image': 'une vidéo ou une image HEIC',
  'a PDF document': 'un document PDF',
  'a gzip archive': 'une archive gzip',
  'a RAR archive': 'une archive RAR',
  'a 7-Zip archive': 'une archive 7-Zip',
  'an SQLite database': 'une base SQLite',
  'an old Office document': 'un ancien document Office',
  'an HTML or XML document': 'un document HTML ou XML',
  'a JSON document of an unknown shape': 'un document JSON de forme inconnue',
  'a CSV file of an unknown shape': 'un fichier CSV de forme inconnue',
  'a binary file': 'un fichier binaire',
  'a text file of an unknown shape': 'un fichier texte de forme inconnue',
  'a spreadsheet of an unknown shape': 'un tableur de forme inconnue',
  'a zip or spreadsheet of an unknown shape': 'un zip ou un tableur de forme inconnue',
  'no file of a known export inside': "aucun fichier d'un export connu à l'intérieur",
};

/** What an unrecognised file looks like, in the user's language. */
export function whatLabel(what: string, lang: Lang): string {
  return lang === 'fr' ? (WHAT_FR[what] ?? what) : what;
}

/** Replaces the English descriptions the core leaves inside French messages. */
export function frenchDetails(message: string): string {
  let out = message;
  for (const [en, fr] of Object.entries(WHAT_FR)) out = out.split(`(${en})`).join(`(${fr})`);
  return out;
}

/**
 * An error for the person: the core's message (already in their language and naming the file),
 * except where the UI knows better what to do next.
 */
export function errorText(
  e: ErrorPayload,
  lang: Lang,
  own: { accountUnknown: (file: string) => string; cancelled: () => string; unknownCsv?: (file: string) => string },
): string {
  const file = e.file ?? '';
  if (e.code === 'import.account_unknown') return own.accountUnknown(file);
  if (e.code === 'cancelled') return own.cancelled();
  if (e.code === 'import.unknown_csv' && own.unknownCsv) return own.unknownCsv(file);
  return lang === 'fr' ? frenchDetails(e.message) : e.message;
}

// ---------------------------------------------------------------------------------------------
// History

/** Imports by newest first, the demo's last (they matter less to a person than their own). */
export function sortHistory(records: readonly ImportRecord[]): ImportRecord[] {
  return [...records].sort((a, b) => Number(a.is_demo) - Number(b.is_demo) || b.id - a.id);
}

/** A timestamp of the ledger (RFC 3339) as a date and time in the user's language. */
export function formatWhen(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Plural form key for n in a language (French: 0 and 1 are singular). */
export function pluralOf(n: number, lang: Lang): 'one' | 'other' {
  return lang === 'fr' ? (Math.abs(n) < 2 ? 'one' : 'other') : Math.abs(n) === 1 ? 'one' : 'other';
}

// ---------------------------------------------------------------------------------------------
// Where a file comes from (the format line of an inspection)

export type SourceKey =
  | 'ig_dyi'
  | 'meta_suite'
  | 'x_archive'
  | 'x_analytics'
  | 'li_archive'
  | 'li_creator'
  | 'tt_dyd'
  | 'tt_dyd_txt'
  | 'tt_studio'
  | 'yt_studio'
  | 'yt_takeout'
  | 'masto_archive'
  | 'masto_csv'
  | 'generic'
  | 'unknown';

export function sourceOf(kind: string): SourceKey {
  if (kind === 'meta_content_csv' || kind === 'meta_daily_csv' || kind.startsWith('fb_')) return 'meta_suite';
  if (kind.startsWith('ig_')) return 'ig_dyi';
  if (kind.startsWith('x_')) return kind.endsWith('_csv') ? 'x_analytics' : 'x_archive';
  if (kind === 'li_creator_xlsx') return 'li_creator';
  if (kind.startsWith('li_')) return 'li_archive';
  if (kind === 'tt_user_data') return 'tt_dyd';
  if (kind.startsWith('tt_txt_')) return 'tt_dyd_txt';
  if (kind.startsWith('tt_studio_')) return 'tt_studio';
  if (kind === 'yt_table_data' || kind === 'yt_chart_data' || kind === 'yt_totals') return 'yt_studio';
  if (kind.startsWith('yt_')) return 'yt_takeout';
  if (kind === 'masto_following_csv') return 'masto_csv';
  if (kind.startsWith('masto_')) return 'masto_archive';
  if (kind === 'generic_csv') return 'generic';
  return 'unknown';
}

/** The distinct sources of an input, in the order first seen. */
export function sourcesOf(recognised: readonly Recognised[]): SourceKey[] {
  const out: SourceKey[] = [];
  for (const r of recognised) {
    const s = sourceOf(r.kind);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** Posts seen that were already in the store (updated, not added). */
export function knownPosts(c: ImportCounts): number {
  return Math.max(0, c.posts - c.posts_new);
}

/** A file name cut after its separators (_ - . space), so that a table cell can wrap it there. */
export function breakable(name: string): string[] {
  return name.split(/(?<=[_\-. ])/).filter((p) => p !== '');
}
