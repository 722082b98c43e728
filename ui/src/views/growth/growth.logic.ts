// Pure logic of the Growth view: the change cards and the words of the outlook.
import type { AccountAnalysis } from '../../lib/bindings/AccountAnalysis';
import type { ForecastPoint } from '../../lib/bindings/ForecastPoint';
import type { Growth } from '../../lib/bindings/Growth';
import type { Trend } from '../../lib/bindings/Trend';
import type { Lang } from '../../lib/bindings/Lang';

export type Window = { days: 30 | 90 | 365; growth: Growth | null };

/** The three windows of the figures, in order, each with its growth or null when unknown. */
export function windows(a: Pick<AccountAnalysis, 'growth_30d' | 'growth_90d' | 'growth_365d'>): Window[] {
  return [
    { days: 30, growth: a.growth_30d },
    { days: 90, growth: a.growth_90d },
    { days: 365, growth: a.growth_365d },
  ];
}

/** Relative change of the daily pace (now against before); null when before is not positive. */
export function trendChange(trend: Trend): number | null {
  return trend.per_day_before > 0 ? (trend.per_day_now - trend.per_day_before) / trend.per_day_before : null;
}

/** The last forecast point (the 90-day horizon), rounded to whole followers. */
export function horizon(forecast: ForecastPoint[]): ForecastPoint | null {
  const last = forecast.at(-1);
  if (!last) return null;
  return {
    date: last.date,
    expected: Math.round(last.expected),
    low80: Math.round(last.low80),
    high80: Math.round(last.high80),
    low95: Math.round(last.low95),
    high95: Math.round(last.high95),
  };
}

/** The word for followers agreeing with a daily pace as shown (`digits` decimals): French takes the
 * singular below 2 (« 0,5 abonné »), English only for exactly 1. */
export function followersWord(n: number, digits: number, lang: Lang): 'word.followers_one' | 'word.followers_other' {
  const shown = Math.abs(Number(n.toFixed(digits)));
  const one = lang === 'fr' ? shown < 2 : shown === 1;
  return one ? 'word.followers_one' : 'word.followers_other';
}
