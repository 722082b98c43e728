// Pure logic of the Engagement view: the rows of the "last 90 days against the 90 before" table,
// the words of the engagement–growth gap, and how a benchmark is described.
import type { Benchmark } from '../../lib/bindings/Benchmark';
import type { Gap } from '../../lib/bindings/Gap';
import type { Mean } from '../../lib/bindings/Mean';
import type { PeriodStats } from '../../lib/bindings/PeriodStats';
import type { Total } from '../../lib/bindings/Total';
import { relativeChange } from '../../components/figures';

/** How a value is written: a whole number, a decimal, a rate (fraction as %), a 0–100 percentage. */
export type Format = 'int' | 'decimal' | 'median' | 'rate' | 'percent100' | 'signed_rate';

/** One known value and the number of posts it rests on (null: not counted over posts). */
export type Cell = { value: number; posts: number | null };

export type RowId =
  | 'followers_growth'
  | 'likes'
  | 'views'
  | 'reach'
  | 'impressions'
  | 'conversation'
  | 'amplification'
  | 'saves'
  | 'profile_visits'
  | 'follows_from_posts'
  | 'pct_viewed'
  | 'conversation_per_post'
  | 'amplification_per_post'
  | 'applause_per_post'
  | 'conversation_per_1000'
  | 'amplification_per_1000'
  | 'applause_per_1000'
  | 'rate_by_followers'
  | 'rate_by_reach'
  | 'rate_by_impressions'
  | 'rate_by_views'
  | 'genuine_share'
  | 'genuine_median'
  | 'genuine_per_100_likes';

export type SectionId = 'vanity' | 'genuine' | 'kaushik' | 'rates' | 'share';

export type Row = {
  id: RowId;
  format: Format;
  now: Cell | null;
  before: Cell | null;
  /** Relative change, now against before; null when either is unknown or before is not positive. */
  change: number | null;
};

export type Section = { id: SectionId; rows: Row[] };

const total = (t: Total | null | undefined): Cell | null => (t ? { value: t.value, posts: t.posts } : null);
const mean = (m: Mean | null | undefined): Cell | null => (m ? { value: m.value, posts: m.posts } : null);
const plain = (n: number | null | undefined): Cell | null => (n == null ? null : { value: n, posts: null });

type Getter = (p: PeriodStats) => Cell | null;

const SECTIONS: Array<{ id: SectionId; rows: Array<[RowId, Format, Getter]> }> = [
  {
    id: 'vanity',
    rows: [
      ['followers_growth', 'signed_rate', (p) => plain(p.vanity.growth?.percent)],
      ['likes', 'int', (p) => total(p.vanity.likes)],
      ['views', 'int', (p) => total(p.vanity.views)],
      ['reach', 'int', (p) => total(p.vanity.reach)],
      ['impressions', 'int', (p) => total(p.vanity.impressions)],
    ],
  },
  {
    id: 'genuine',
    rows: [
      ['conversation', 'int', (p) => total(p.genuine.conversation)],
      ['amplification', 'int', (p) => total(p.genuine.amplification)],
      ['saves', 'int', (p) => total(p.genuine.saves)],
      ['profile_visits', 'int', (p) => total(p.genuine.profile_visits)],
      ['follows_from_posts', 'int', (p) => total(p.genuine.follows_from_posts)],
      ['pct_viewed', 'percent100', (p) => mean(p.genuine.avg_pct_viewed)],
    ],
  },
  {
    id: 'kaushik',
    rows: [
      ['conversation_per_post', 'decimal', (p) => mean(p.kaushik.conversation_per_post)],
      ['amplification_per_post', 'decimal', (p) => mean(p.kaushik.amplification_per_post)],
      ['applause_per_post', 'decimal', (p) => mean(p.kaushik.applause_per_post)],
      ['conversation_per_1000', 'decimal', (p) => mean(p.kaushik.conversation_per_1000_followers)],
      ['amplification_per_1000', 'decimal', (p) => mean(p.kaushik.amplification_per_1000_followers)],
      ['applause_per_1000', 'decimal', (p) => mean(p.kaushik.applause_per_1000_followers)],
    ],
  },
  {
    id: 'rates',
    rows: [
      ['rate_by_followers', 'rate', (p) => mean(p.rates.by_followers)],
      ['rate_by_reach', 'rate', (p) => mean(p.rates.by_reach)],
      ['rate_by_impressions', 'rate', (p) => mean(p.rates.by_impressions)],
      ['rate_by_views', 'rate', (p) => mean(p.rates.by_views)],
    ],
  },
  {
    id: 'share',
    rows: [
      ['genuine_share', 'rate', (p) => mean(p.genuine_share)],
      ['genuine_median', 'median', (p) => plain(p.genuine_per_post_median)],
      ['genuine_per_100_likes', 'decimal', (p) => mean(p.genuine_per_100_likes)],
    ],
  },
];

/**
 * The table of the view: every row of every section, the two periods side by side. Unknown values
 * stay null (shown as "—"), never zero. The change of the follower growth row is left out: a
 * change of a change says little.
 */
export function periodTable(now: PeriodStats | null, before: PeriodStats | null): Section[] {
  return SECTIONS.map((s) => ({
    id: s.id,
    rows: s.rows.map(([id, format, pick]) => {
      const n = now ? pick(now) : null;
      const b = before ? pick(before) : null;
      return { id, format, now: n, before: b, change: id === 'followers_growth' ? null : relativeChange(n?.value, b?.value) };
    }),
  }));
}

/** Whether every value of the table is unknown (an account without any post numbers). */
export function allUnknown(sections: Section[]): boolean {
  return sections.every((s) => s.rows.every((r) => r.now === null && r.before === null));
}

/** How followers and the people who interact moved against each other (gap in fractions). */
export type GapLevel = 'outpaced' | 'together' | 'ahead';

/** Above 20 points: followers outpace the conversation (the checklist's threshold). */
export function gapLevel(gap: Gap): GapLevel {
  if (gap.gap > 0.2) return 'outpaced';
  if (gap.gap < -0.2) return 'ahead';
  return 'together';
}

export type Tier = { kind: 'all' } | { kind: 'range'; min: number; max: number } | { kind: 'above'; min: number } | { kind: 'below'; max: number };

/** The follower tier a benchmark was measured on. */
export function tier(b: Pick<Benchmark, 'tier_min' | 'tier_max'>): Tier {
  const { tier_min: min, tier_max: max } = b;
  if (min !== null && max !== null) return { kind: 'range', min, max };
  if (min !== null) return { kind: 'above', min };
  if (max !== null) return { kind: 'below', max };
  return { kind: 'all' };
}

/** Our rate against the benchmark's: how many times it (null when either is unknown or zero). */
export function ratio(ours: number | null, benchmark: number): number | null {
  if (ours === null || !(benchmark > 0)) return null;
  return ours / benchmark;
}
