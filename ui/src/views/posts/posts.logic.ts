// Pure logic of the Posts view: the vanity and genuine sides of the posts of one page (as
// docs/metrics.md defines them), the sort controls and caption excerpts. Filtering, sorting and
// paging happen in the core (src/metrics/post_table.rs). Unknown stays unknown (null), never zero.
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

/** A post with its derived figures, computed once. */
export type Item = {
  post: PostRow;
  day: string | null;
  audience: { value: number; kind: AudienceKind } | null;
  likes: number | null;
  conversation: number | null;
  amplification: number | null;
  saves: number | null;
  genuine: number | null;
  share: number | null;
  completion: number | null;
};

export function toItem(post: PostRow): Item {
  const m = post.metrics;
  return {
    post,
    day: post.published_at ? post.published_at.slice(0, 10) : null,
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

/** Clicking a column: the same key flips the direction; a new key starts descending (biggest first), dates too. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'desc' };
}

export function ariaSort(current: Sort, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
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

