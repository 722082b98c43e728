import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../lib/bindings/AccountSummary';
import type { ImportCounts } from '../../lib/bindings/ImportCounts';
import type { ImportRecord } from '../../lib/bindings/ImportRecord';
import type { Inspection } from '../../lib/bindings/Inspection';
import type { Recognised } from '../../lib/bindings/Recognised';
import fileKindSource from '../../lib/bindings/FileKind.ts?raw';
import {
  KNOWN_KINDS,
  addedNothing,
  attachCandidates,
  baseName,
  breakable,
  batchReadiness,
  cleanTypedPath,
  contents,
  countLines,
  destinationOf,
  errorText,
  formatBytes,
  formatsLabel,
  importArgs,
  importOrder,
  isAbsolutePath,
  kindLabel,
  knownPosts,
  platformOfFormat,
  pluralOf,
  progressView,
  readiness,
  sortHistory,
  sortPaths,
  sourceOf,
  sourcesOf,
  suggestedRole,
  throttle,
  whatLabel,
} from './import.logic';

const account = (id: number, platform: AccountSummary['platform'], handle: string, extra: Partial<AccountSummary> = {}): AccountSummary => ({
  id,
  platform,
  handle,
  display_name: null,
  label: null,
  role: 'personal',
  is_demo: false,
  followers: null,
  followers_on: null,
  following: null,
  posts: 0,
  connections: null,
  ...extra,
});

// Kinds as strings: some (TikTok, YouTube…) are newer than the checked-in bindings.
const rec = (kind: string, platform: Recognised['platform'], path = `${kind}.json`): Recognised => ({
  path,
  kind: kind as Recognised['kind'],
  platform,
});

const inspection = (recognised: Recognised[], handle: string | null, extra: Partial<Inspection> = {}): Inspection => ({
  name: 'export.zip',
  recognised,
  unused: 0,
  unrecognised: [],
  platforms: [...new Set(recognised.map((r) => r.platform))],
  handle,
  already_imported_at: null,
  ...extra,
});

const zero: ImportCounts = {
  accounts_created: 0,
  followers: 0,
  following: 0,
  unfollows: 0,
  posts: 0,
  posts_new: 0,
  post_observations: 0,
  audience_points: 0,
  follow_changes: 0,
  daily_metrics: 0,
};

describe('paths', () => {
  it('accepts the full paths the native dialog returns, on every system', () => {
    expect(isAbsolutePath('/home/lea/Downloads/x.zip')).toBe(true);
    expect(isAbsolutePath('C:\\Users\\lea\\x.zip')).toBe(true);
    expect(isAbsolutePath('d:/exports')).toBe(true);
    expect(isAbsolutePath('\\\\nas\\share\\x.zip')).toBe(true);
    expect(isAbsolutePath('Downloads/x.zip')).toBe(false);
    expect(isAbsolutePath('~/x.zip')).toBe(false);
    expect(isAbsolutePath('x.zip')).toBe(false);
  });

  it('names a file by its last part, folders included', () => {
    expect(baseName('/home/lea/instagram-lea-2026.zip')).toBe('instagram-lea-2026.zip');
    expect(baseName('C:\\exports\\twitter.zip')).toBe('twitter.zip');
    expect(baseName('/home/lea/export/')).toBe('export');
  });

  it('cuts long file names where they can wrap', () => {
    expect(breakable('twitter-2026-11-01_ab.zip')).toEqual(['twitter-', '2026-', '11-', '01_', 'ab.', 'zip']);
    expect(breakable('x').join('')).toBe('x');
    expect(breakable('')).toEqual([]);
  });

  it('cleans what a copied path carries', () => {
    expect(cleanTypedPath('  "/home/lea/my export.zip" ')).toBe('/home/lea/my export.zip');
    expect(cleanTypedPath("'/tmp/x.zip'")).toBe('/tmp/x.zip');
    expect(cleanTypedPath('file:///home/lea/my%20export.zip')).toBe('/home/lea/my export.zip');
    expect(cleanTypedPath('file:///C:/exports/x.zip')).toBe('C:/exports/x.zip');
  });

  it('sorts incoming paths: new, duplicate, invalid, over the limit', () => {
    const s = sortPaths(['/a.zip'], ['/a.zip', '/b.zip', '/b.zip', 'rel/c.zip', ' ', '/d.zip']);
    expect(s.add).toEqual(['/b.zip', '/d.zip']);
    expect(s.duplicates).toEqual(['/a.zip', '/b.zip']);
    expect(s.invalid).toEqual(['rel/c.zip']);
    expect(s.overflow).toEqual([]);
    const many = Array.from({ length: 99 }, (_, i) => `/f${i}.zip`);
    const t = sortPaths(many, ['/x.zip', '/y.zip']);
    expect(t.add).toEqual(['/x.zip']);
    expect(t.overflow).toEqual(['/y.zip']);
  });
});

describe('where a file goes', () => {
  const accounts = [
    account(1, 'instagram', 'atelier.camille', { role: 'pro' }),
    account(2, 'instagram', 'camille.lrnt'),
    account(3, 'x', 'camille_designs'),
    account(4, 'linkedin', 'camille-laurent'),
  ];

  it('to the account the export names, matched without case or @', () => {
    const d = destinationOf(inspection([rec('ig_followers', 'instagram')], '@Atelier.Camille'), accounts);
    expect(d.kind).toBe('existing');
    if (d.kind === 'existing') expect(d.account.id).toBe(1);
  });

  it('to a new account when the handle is unknown', () => {
    expect(destinationOf(inspection([rec('ig_posts', 'instagram')], 'lea.martin.atelier'), accounts)).toEqual({
      kind: 'new',
      platform: 'instagram',
      handle: 'lea.martin.atelier',
    });
  });

  it('to the only account of the platform when the file names none', () => {
    const d = destinationOf(inspection([rec('x_overview_csv', 'x')], null), accounts);
    expect(d.kind).toBe('only');
  });

  it('asks which account when there are several, and cannot go anywhere when there is none', () => {
    const choose = destinationOf(inspection([rec('meta_daily_csv', 'instagram')], null), accounts);
    expect(choose.kind).toBe('choose');
    if (choose.kind === 'choose') expect(choose.candidates.map((a) => a.id)).toEqual([1, 2]);
    expect(readiness(choose, { role: null, account: null })).toEqual({ ok: false, reason: 'choose_account' });
    expect(readiness(choose, { role: null, account: 2 })).toEqual({ ok: true });
    const none = destinationOf(inspection([rec('tt_studio_overview', 'tiktok')], null), accounts);
    expect(none).toEqual({ kind: 'none', platform: 'tiktok' });
    expect(readiness(none, { role: 'pro', account: null })).toEqual({ ok: false, reason: 'no_account' });
  });

  it('lets each export of a folder with several platforms go to the account it names', () => {
    const d = destinationOf(inspection([rec('ig_posts', 'instagram'), rec('x_tweets', 'x')], 'camille.lrnt'), accounts);
    expect(d).toEqual({ kind: 'several', platforms: ['instagram', 'x'] });
    expect(attachCandidates(inspection([rec('ig_posts', 'instagram'), rec('x_tweets', 'x')], null), accounts)).toEqual([]);
  });

  it('offers the accounts of the same platform to add a file to', () => {
    expect(attachCandidates(inspection([rec('x_tweets', 'x')], 'new_one'), accounts).map((a) => a.id)).toEqual([3]);
  });

  it('a file waiting for its account can go after a file of the batch that creates it', () => {
    const dests = [
      destinationOf(inspection([rec('tt_studio_overview', 'tiktok')], null), accounts),
      destinationOf(inspection([rec('tt_user_data', 'tiktok')], 'lea.tiktok'), accounts),
      destinationOf(inspection([rec('yt_totals', 'youtube')], null), accounts),
    ];
    const choices = dests.map(() => ({ role: null, account: null }));
    expect(batchReadiness(dests, choices).map((r) => r.ok)).toEqual([true, true, false]);
    expect(importOrder(dests)).toEqual([1, 0, 2]);
  });

  it('only sends a role when the file creates an account', () => {
    const fresh = destinationOf(inspection([rec('ig_posts', 'instagram')], 'someone.new'), accounts);
    const known = destinationOf(inspection([rec('ig_posts', 'instagram')], 'camille.lrnt'), accounts);
    expect(importArgs(fresh, { role: 'pro', account: null })).toEqual({ role: 'pro', account: null });
    expect(importArgs(known, { role: 'pro', account: null })).toEqual({ role: null, account: null });
    expect(importArgs(fresh, { role: 'pro', account: 2 })).toEqual({ role: null, account: 2 });
  });

  it('proposes pro for exports with professional analytics', () => {
    expect(suggestedRole([rec('ig_posts', 'instagram'), rec('ig_insights_posts', 'instagram')])).toBe('pro');
    expect(suggestedRole([rec('li_creator_xlsx', 'linkedin')])).toBe('pro');
    expect(suggestedRole([rec('ig_followers', 'instagram')])).toBe('personal');
  });
});

describe('what a file holds, in words', () => {
  it('names every kind of file the core can recognise, in both languages', () => {
    // The generated binding is the source of truth: a kind added in Rust must get words here.
    const kinds = [...fileKindSource.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(20);
    for (const k of kinds) expect(KNOWN_KINDS, `no words for ${k}`).toContain(k);
    for (const k of KNOWN_KINDS) {
      expect(kindLabel(k, 'en').length).toBeGreaterThan(0);
      expect(kindLabel(k, 'fr').length).toBeGreaterThan(0);
      expect(sourceOf(k)).not.toBe('unknown');
    }
  });

  it('labels ledger ids and unknown kinds gracefully', () => {
    expect(kindLabel('instagram.followers', 'fr')).toBe('abonnés (avec les dates)');
    expect(kindLabel('ig_followers', 'en')).toBe('followers (with follow dates)');
    expect(kindLabel('threads.something_new', 'en')).toBe('something new');
    expect(formatsLabel('instagram.followers,instagram.posts,instagram.profile', 'en')).toBe('followers (with follow dates), posts');
    expect(formatsLabel('x.account', 'en')).toBe('account');
    expect(formatsLabel('', 'en')).toBe('');
    expect(platformOfFormat('meta.content_csv')).toBe('instagram');
    expect(platformOfFormat('linkedin.shares,linkedin.profile')).toBe('linkedin');
    expect(platformOfFormat('')).toBeNull();
  });

  it('groups the recognised files by platform, parts counted, identity files left out', () => {
    const g = contents(
      [
        rec('ig_profile', 'instagram'),
        rec('ig_followers', 'instagram', 'followers_1.json'),
        rec('ig_followers', 'instagram', 'followers_2.json'),
        rec('ig_posts', 'instagram'),
        rec('x_tweets', 'x'),
      ],
      'en',
    );
    expect(g).toEqual([
      { platform: 'instagram', items: [{ label: 'followers (with follow dates)', files: 2 }, { label: 'posts', files: 1 }] },
      { platform: 'x', items: [{ label: 'posts', files: 1 }] },
    ]);
    expect(contents([rec('x_account', 'x')], 'fr')).toEqual([{ platform: 'x', items: [{ label: 'compte', files: 1 }] }]);
  });

  it('says where a file comes from', () => {
    expect(sourceOf('ig_posts')).toBe('ig_dyi');
    expect(sourceOf('meta_content_csv')).toBe('meta_suite');
    expect(sourceOf('fb_daily_csv')).toBe('meta_suite');
    expect(sourceOf('x_follower')).toBe('x_archive');
    expect(sourceOf('x_overview_csv')).toBe('x_analytics');
    expect(sourceOf('li_creator_xlsx')).toBe('li_creator');
    expect(sourceOf('yt_totals')).toBe('yt_studio');
    expect(sourceOf('yt_videos')).toBe('yt_takeout');
    expect(sourceOf('something_else')).toBe('unknown');
    expect(sourcesOf([rec('x_tweets', 'x'), rec('x_follower', 'x'), rec('x_content_csv', 'x')])).toEqual(['x_archive', 'x_analytics']);
  });

  it('translates what the core says an unknown file looks like', () => {
    expect(whatLabel('a PNG image', 'fr')).toBe('une image PNG');
    expect(whatLabel('a PNG image', 'en')).toBe('a PNG image');
    expect(whatLabel('something new', 'fr')).toBe('something new');
  });
});

describe('counts', () => {
  it('lists what was added, in reading order, zeros left out', () => {
    const c = { ...zero, accounts_created: 1, posts: 5, posts_new: 3, followers: 7, audience_points: 9 };
    expect(countLines(c)).toEqual([
      { key: 'accounts_created', n: 1 },
      { key: 'posts_new', n: 3 },
      { key: 'followers', n: 7 },
      { key: 'audience_points', n: 9 },
    ]);
    expect(knownPosts(c)).toBe(2);
    expect(addedNothing(c)).toBe(false);
    expect(addedNothing(zero)).toBe(true);
    expect(addedNothing({ ...zero, posts: 4 })).toBe(false);
  });

  it('chooses singular and plural as each language does', () => {
    expect(pluralOf(0, 'en')).toBe('other');
    expect(pluralOf(1, 'en')).toBe('one');
    expect(pluralOf(0, 'fr')).toBe('one');
    expect(pluralOf(1, 'fr')).toBe('one');
    expect(pluralOf(2, 'fr')).toBe('other');
  });
});

describe('progress', () => {
  it('weighs every file the same and reads bytes within a file', () => {
    expect(progressView(null, 0, 2)).toMatchObject({ stage: 'waiting', percent: 0 });
    const half = progressView({ stage: 'reading', file: 'data/tweets.js', done_bytes: 50, total_bytes: 100 }, 0, 2);
    expect(half.stage).toBe('reading');
    expect(half.entry).toBe('data/tweets.js');
    expect(half.percent).toBe(24);
    const second = progressView({ stage: 'finishing', file: 'x.zip', done_bytes: 100, total_bytes: 100 }, 1, 2);
    expect(second.percent).toBe(99);
    expect(progressView(null, 2, 2).percent).toBe(100);
    expect(progressView({ stage: 'reading', file: 'a', done_bytes: 500, total_bytes: 100 }, 0, 1).fraction).toBeLessThanOrEqual(1);
    expect(progressView({ stage: 'detecting', file: 'a', done_bytes: 0, total_bytes: 0 }, 0, 0).percent).toBe(0);
  });

  it('throttles updates but always delivers the last one', () => {
    vi.useFakeTimers();
    let clock = 0;
    const seen: number[] = [];
    const th = throttle<number>((v) => seen.push(v), 100, () => clock);
    th.push(1);
    th.push(2);
    th.push(3);
    expect(seen).toEqual([1]);
    clock = 100;
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3]);
    th.push(4);
    th.flush();
    expect(seen).toEqual([1, 3, 4]);
    vi.useRealTimers();
  });

  it('formats sizes in each language', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'fr')).toBe('1,5 Ko');
    expect(formatBytes(250 * 1024 * 1024, 'fr')).toBe('250 Mo');
  });
});

describe('messages', () => {
  const own = { accountUnknown: (f: string) => `choose the account of ${f}`, cancelled: () => 'cancelled, nothing kept' };

  it('says what to do next where the core speaks to the command line', () => {
    const e = { code: 'import.account_unknown', message: 'x.csv: … (--account ID)', file: 'x.csv', line: null };
    expect(errorText(e, 'en', own)).toBe('choose the account of x.csv');
    expect(errorText({ code: 'cancelled', message: 'Cancelled', file: null, line: null }, 'en', own)).toBe('cancelled, nothing kept');
    const csv = { code: 'import.unknown_csv', message: 'm.csv: … (Map columns, or --map)', file: 'm.csv', line: null };
    expect(errorText(csv, 'en', own)).toBe(csv.message);
    expect(errorText(csv, 'en', { ...own, unknownCsv: (f) => `map the columns of ${f}` })).toBe('map the columns of m.csv');
  });

  it('keeps the core message, with the file name, and finishes its French', () => {
    const e = {
      code: 'import.not_recognised',
      message: "photo.png : ce n'est pas un export que Resonance sait lire (a PNG image)",
      file: 'photo.png',
      line: null,
    };
    expect(errorText(e, 'fr', own)).toBe("photo.png : ce n'est pas un export que Resonance sait lire (une image PNG)");
    expect(errorText({ ...e, message: 'photo.png: not readable (a PNG image)' }, 'en', own)).toBe('photo.png: not readable (a PNG image)');
  });
});

describe('history', () => {
  const record = (id: number, is_demo: boolean): ImportRecord => ({
    id,
    file_name: `f${id}.zip`,
    content_hash: '',
    format: 'instagram.posts',
    imported_at: '2026-11-01T10:00:00Z',
    account_id: 1,
    outcome: 'imported',
    counts: zero,
    warnings: [],
    date_from: null,
    date_to: null,
    is_demo,
  });

  it('lists the person’s own imports first, newest first, then the demo', () => {
    expect(sortHistory([record(1, true), record(5, false), record(2, true), record(7, false)]).map((r) => r.id)).toEqual([7, 5, 2, 1]);
  });
});
