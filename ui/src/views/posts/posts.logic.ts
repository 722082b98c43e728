// Pure logic of the Posts view: the vanity and genuine sides of one post (as docs/metrics.md
// defines them), filtering, sorting and paging. Unknown stays unknown (null), never zero, and
// unknown values sort last in both directions.
import type { PostKind } from '../../lib/bindings/PostKind';
import type { PostMetrics } from '../../lib/bindings/PostMetrics';
import type { PostRow } from '../../lib/bindings/PostRow';

/** Sum of the known parts; null when no part is known. */
export function knownSum(...parts: Array<number | null | undefined>): number | null {
  let sum: number | null = null;
  for (const p of parts) if (p != null) sum = (sum ?? 0) + p;
  return sum;
}

/** Comments + replies (Kaushik's conversation). */
export const conversation = (m: PostMetrics) => knownSum(m.comments, m.replies);
/** Shares/reposts + quotes (Kaushik's amplification). */
export const amplification = (m: PostMetrics) => knownSum(m.shares, m.quotes);
/** Conversation + amplification + saves: what takes more than a tap. */
export const genuine = (m: PostMetrics) => knownSum(m.comments, m.replies, m.shares, m.quotes, m.saves);

export type AudienceKind = 'views' | 'reach' | 'impressions';

/** Views, else reach, else impressions — with which one it is. */
export function audience(m: PostMetrics): { value: number; kind: AudienceKind } | null {
  if (m.views != null) return { value: m.views, kind: 'views' };
  if (m.reach != null) return { value: m.reach, kind: 'reach' };
  if (m.impressions != null) return { value: m.impressions, kind: 'impressions' };
  return null;
}

/** Genuine ÷ (likes + genuine); null unless likes and a genuine part are known and the total is positive. */
export function genuineShare(m: PostMetrics): number | null {
  const g = genuine(m);
  if (m.likes == null || g == null || m.likes + g <= 0) return null;
  return g / (m.likes + g);
}

/** Whether the source gave any number at all for the post. */
export function hasNumbers(m: PostMetrics): boolean {
  return Object.values(m).some((v) => v != null);
}

/** A post with its derived figures, computed once. */
export type Item = {
  post: PostRow;
  day: string | null;
  /** Lower-cased caption without accents, for the search. */
  haystack: string;
  audience: { value: number; kind: AudienceKind } | null;
  likes: number | null;
  conversation: number | null;
  amplification: number | null;
  saves: number | null;
  genuine: number | null;
  share: number | null;
  completion: number | null;
};

/** Lower case without diacritics, so that "cafe" finds "Café". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function toItem(post: PostRow): Item {
  const m = post.metrics;
  return {
    post,
    day: post.published_at ? post.published_at.slice(0, 10) : null,
    haystack: fold(post.text ?? ''),
    audience: audience(m),
    likes: m.likes,
    conversation: conversation(m),
    amplification: amplification(m),
    saves: m.saves,
    genuine: genuine(m),
    share: genuineShare(m),
    completion: m.avg_pct_viewed,
  };
}

export type Filter = {
  /** Accounts to show; empty: all. */
  accounts: number[];
  kind: PostKind | 'all';
  /** YYYY-MM-DD bounds, inclusive; '' for none. */
  from: string;
  to: string;
  text: string;
  /** Only posts for which the export gave numbers. */
  measuredOnly: boolean;
};

export const emptyFilter = (): Filter => ({ accounts: [], kind: 'all', from: '', to: '', text: '', measuredOnly: false });

export function matches(item: Item, f: Filter): boolean {
  if (f.accounts.length > 0 && !f.accounts.includes(item.post.account_id)) return false;
  if (f.kind !== 'all' && item.post.kind !== f.kind) return false;
  if ((f.from || f.to) && item.day === null) return false;
  if (f.from && item.day !== null && item.day < f.from) return false;
  if (f.to && item.day !== null && item.day > f.to) return false;
  if (f.measuredOnly && !hasNumbers(item.post.metrics)) return false;
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return words.every((w) => item.haystack.includes(w));
}

export type SortKey =
  | 'date'
  | 'audience'
  | 'likes'
  | 'conversation'
  | 'amplification'
  | 'saves'
  | 'genuine'
  | 'share'
  | 'completion';

export type Sort = { key: SortKey; dir: 'asc' | 'desc' };

function value(item: Item, key: SortKey): number | string | null {
  switch (key) {
    case 'date':
      return item.post.published_at;
    case 'audience':
      return item.audience?.value ?? null;
    default:
      return item[key];
  }
}

/** Compares two values with unknown (null) always last, whatever `sign` is. */
function compare(a: number | string | null, b: number | string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * (a < b ? -1 : 1);
}

/** Sorted copy; unknown values last whatever the direction; ties by date, newest first, then id. */
export function sortItems(items: Item[], sort: Sort): Item[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...items].sort(
    (a, b) =>
      compare(value(a, sort.key), value(b, sort.key), sign) ||
      compare(a.post.published_at, b.post.published_at, -1) ||
      a.post.id - b.post.id,
  );
}

/** Clicking a column: the same key flips the direction; a new key starts descending (biggest first), dates too. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'desc' };
}

export function ariaSort(current: Sort, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/** The slice of one page (1-based), the page clamped to the pages there are. */
export function page<T>(items: T[], n: number, size: number): { rows: T[]; page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(n) || 1), pages);
  const start = (p - 1) * size;
  const rows = items.slice(start, start + size);
  return { rows, page: p, pages, first: rows.length ? start + 1 : 0, last: start + rows.length };
}

/** The first line of a caption, cut at `max` characters (a word boundary when there is one). */
export function excerpt(text: string | null, max = 90): string {
  if (!text) return '';
  const line = text.trim().split('\n', 1)[0]!.trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The post kinds present, in a stable order. */
export function kindsOf(posts: PostRow[]): PostKind[] {
  const order: PostKind[] = ['post', 'reel', 'video', 'story', 'article', 'reply', 'repost'];
  const present = new Set(posts.map((p) => p.kind));
  return order.filter((k) => present.has(k));
}

/** Totals over the posts where both likes and a genuine part are known, and their genuine share. */
export function summarise(items: Item[]): { posts: number; likes: number; genuine: number; share: number | null } {
  let posts = 0;
  let likes = 0;
  let gen = 0;
  for (const i of items) {
    if (i.likes == null || i.genuine == null) continue;
    posts += 1;
    likes += i.likes;
    gen += i.genuine;
  }
  return { posts, likes, genuine: gen, share: likes + gen > 0 ? gen / (likes + gen) : null };
}
