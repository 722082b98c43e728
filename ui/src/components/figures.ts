// Number helpers shared by the analysis views (Growth, Engagement, Authenticity, Compare, Posts,
// Reports). Pure functions: unknown values stay unknown (null), they are never turned into zeros.
// lib/format.ts has integers, signed integers, signed percents and days; these complete it.
import type { Lang } from '../lib/bindings/Lang';

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

/** The dash shown for an unknown value. */
export const UNKNOWN = '—';

/** A plain number with at most `digits` decimals (12.5, 12,5 in French). */
export function formatDecimal(n: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

/** A signed number with at most `digits` decimals (+12.5, −3). */
export function formatSignedDecimal(n: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);
}

/** A rate (a fraction) as an unsigned percent: 0.0726 → 7.26%. Small rates keep two decimals. */
export function formatRate(fraction: number, lang: Lang): string {
  const digits = Math.abs(fraction) < 0.1 ? 2 : 1;
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** Percentage points of a difference of fractions: 0.263 → +26 (points). */
export function formatPoints(fraction: number, lang: Lang): string {
  return formatSignedDecimal(Math.round(fraction * 100), lang, 0);
}

/** (now − before) ÷ before; null when either is unknown or before is not positive. */
export function relativeChange(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now == null || before == null || !(before > 0)) return null;
  return (now - before) / before;
}

/** A number, or the unknown dash. */
export function orUnknown(n: number | null | undefined, fmt: (n: number) => string): string {
  return n == null || Number.isNaN(n) ? UNKNOWN : fmt(n);
}

/** Whether `n` takes the singular: English 1; French 0 and 1. */
export function isSingular(n: number, lang: Lang): boolean {
  return lang === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
}

/** A fraction as a percent with exactly `digits` decimals, for columns that line up: 0.015 → 1.5%, 0.0182 → 1.8%. */
export function formatShare(fraction: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** A number with exactly `digits` decimals, for columns that line up: 79 → 79.0 beside 70.4. */
export function formatFixed(n: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/**
 * The decimals one row of a table keeps for all its values, so that they line up: rates (fractions)
 * get 2 when all are below 1 %, else 1; plain numbers get 2 when all are below 10, else 1.
 */
export function rowDigits(kind: 'rate' | 'decimal', values: Array<number | null | undefined>): number {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v)).map(Math.abs);
  if (known.length === 0) return 1;
  const max = Math.max(...known);
  return kind === 'rate' ? (max < 0.01 ? 2 : 1) : max < 10 ? 2 : 1;
}
