import { describe, expect, it } from 'vitest';
import { followersWord, horizon, trendChange, windows } from './growth.logic';
import { messages } from './growth.i18n';

describe('Growth logic', () => {
  it('lists the three windows in order, unknown ones as null', () => {
    const g = { days: 30, absolute: 409, percent: 0.03, per_day: 13.6, from_lower_bound: true };
    const w = windows({ growth_30d: g, growth_90d: null, growth_365d: null });
    expect(w.map((x) => x.days)).toEqual([30, 90, 365]);
    expect(w[0]?.growth).toBe(g);
    expect(w[1]?.growth).toBeNull();
  });

  it('measures how the pace changed', () => {
    expect(trendChange({ per_day_now: 15, per_day_before: 10, direction: 'speeding' })).toBeCloseTo(0.5);
    expect(trendChange({ per_day_now: 3, per_day_before: 0, direction: 'speeding' })).toBeNull();
  });

  it('rounds the 90-day horizon of the forecast', () => {
    expect(horizon([])).toBeNull();
    const h = horizon([
      { date: '2026-11-07', expected: 1.2, low80: 0, high80: 2, low95: 0, high95: 3 },
      { date: '2027-01-30', expected: 15012.6, low80: 14800.2, high80: 15200.7, low95: 14700.4, high95: 15300.5 },
    ]);
    expect(h).toEqual({ date: '2027-01-30', expected: 15013, low80: 14800, high80: 15201, low95: 14700, high95: 15301 });
  });

  it('has the same messages in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
  });
});

describe('followersWord', () => {
  it('agrees with the pace as shown, as each language does', () => {
    expect(followersWord(0.5, 2, 'fr')).toBe('word.followers_one');
    expect(followersWord(1.94, 1, 'fr')).toBe('word.followers_one');
    expect(followersWord(1.96, 1, 'fr')).toBe('word.followers_other');
    expect(followersWord(-3, 1, 'fr')).toBe('word.followers_other');
    expect(followersWord(1, 1, 'en')).toBe('word.followers_one');
    expect(followersWord(0.5, 2, 'en')).toBe('word.followers_other');
    expect(followersWord(12.3, 1, 'en')).toBe('word.followers_other');
  });
});
