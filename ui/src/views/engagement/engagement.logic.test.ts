import { describe, expect, it } from 'vitest';
import type { PeriodStats } from '../../lib/bindings/PeriodStats';
import { allUnknown, gapLevel, periodTable, ratio, tier } from './engagement.logic';
import { messages } from './engagement.i18n';

function stats(over: Partial<PeriodStats> = {}): PeriodStats {
  return {
    from: '2026-08-04',
    to: '2026-11-01',
    posts: 10,
    vanity: {
      followers_start: 1000,
      followers_end: 1100,
      growth: { days: 89, absolute: 100, percent: 0.1, per_day: 1.1, from_lower_bound: false },
      impressions: null,
      views: { value: 5000, posts: 8 },
      reach: null,
      likes: { value: 400, posts: 10 },
    },
    genuine: {
      conversation: { value: 20, posts: 10 },
      amplification: null,
      saves: { value: 0, posts: 10 },
      profile_visits: null,
      follows_from_posts: null,
      link_clicks: null,
      avg_pct_viewed: null,
      avg_view_duration_s: null,
    },
    kaushik: {
      conversation_per_post: { value: 2, posts: 10 },
      amplification_per_post: null,
      applause_per_post: { value: 40, posts: 10 },
      conversation_per_1000_followers: null,
      amplification_per_1000_followers: null,
      applause_per_1000_followers: null,
    },
    rates: { by_followers: { value: 0.042, posts: 10 }, by_reach: null, by_impressions: null, by_views: { value: 0.08, posts: 8 } },
    genuine_share: { value: 0.05, posts: 10 },
    genuine_per_post_median: 2,
    genuine_per_100_likes: { value: 5, posts: 10 },
    ...over,
  };
}

const row = (sections: ReturnType<typeof periodTable>, id: string) =>
  sections.flatMap((s) => s.rows).find((r) => r.id === id);

describe('Engagement table', () => {
  it('keeps unknown values unknown and known zeros as zeros', () => {
    const s = periodTable(stats(), stats());
    expect(row(s, 'reach')?.now).toBeNull();
    expect(row(s, 'amplification')?.now).toBeNull();
    expect(row(s, 'saves')?.now).toEqual({ value: 0, posts: 10 });
    expect(row(s, 'views')?.now).toEqual({ value: 5000, posts: 8 });
  });

  it('names every engagement rate by its denominator, in a fixed order', () => {
    const rates = periodTable(stats(), null).find((s) => s.id === 'rates');
    expect(rates?.rows.map((r) => r.id)).toEqual(['rate_by_followers', 'rate_by_reach', 'rate_by_impressions', 'rate_by_views']);
  });

  it('computes the change only when both periods are known', () => {
    const before = stats({ vanity: { ...stats().vanity, likes: { value: 500, posts: 12 } } });
    const s = periodTable(stats(), before);
    expect(row(s, 'likes')?.change).toBeCloseTo(-0.2);
    expect(row(s, 'reach')?.change).toBeNull();
    expect(row(s, 'saves')?.change).toBeNull();
    expect(row(s, 'followers_growth')?.change).toBeNull();
    expect(periodTable(stats(), null).every((x) => x.rows.every((r) => r.before === null && r.change === null))).toBe(true);
  });

  it('tells when nothing at all is known', () => {
    expect(allUnknown(periodTable(null, null))).toBe(true);
    expect(allUnknown(periodTable(stats(), null))).toBe(false);
  });

  it('words the engagement–growth gap with the checklist threshold', () => {
    const g = { to: '2026-11-01', followers_change: 0.09, genuine_change: -0.17, gap: 0.26, posts_now: 3, posts_before: 3 };
    expect(gapLevel(g)).toBe('outpaced');
    expect(gapLevel({ ...g, gap: 0.2 })).toBe('together');
    expect(gapLevel({ ...g, gap: -0.3 })).toBe('ahead');
  });

  it('describes benchmark tiers and ratios', () => {
    expect(tier({ tier_min: 5000, tier_max: 20000 })).toEqual({ kind: 'range', min: 5000, max: 20000 });
    expect(tier({ tier_min: 1000000, tier_max: null })).toEqual({ kind: 'above', min: 1000000 });
    expect(tier({ tier_min: null, tier_max: 1000 })).toEqual({ kind: 'below', max: 1000 });
    expect(tier({ tier_min: null, tier_max: null })).toEqual({ kind: 'all' });
    expect(ratio(0.06, 0.0376)).toBeCloseTo(1.596, 2);
    expect(ratio(null, 0.01)).toBeNull();
    expect(ratio(0.01, 0)).toBeNull();
  });

  it('has the same messages in English and French, a row label and definition for every row', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    for (const r of periodTable(stats(), null).flatMap((s) => s.rows)) {
      expect(messages.en).toHaveProperty(`row.${r.id}`);
      expect(messages.en).toHaveProperty(`def.${r.id}`);
    }
  });
});
