// Numbers and dates in the user's language (fr: 12 345 and 5 mars 2026; en: 12,345 and Mar 5, 2026).
import type { Lang } from './bindings/Lang';

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

export function formatInt(n: number | bigint, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);
}

export function formatSigned(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n);
}

export function formatPercent(fraction: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

/** A YYYY-MM-DD day as people write it. */
export function formatDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
