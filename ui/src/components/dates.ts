// Days typed by people: ISO (2026-03-14) in any language, and the local order — 14/03/2026 in
// French, 03/14/2026 in English. Pure functions, for the date filters of the analysis views.
import type { Lang } from '../lib/bindings/Lang';

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The YYYY-MM-DD of what was typed; '' when nothing was; null when it is not a day. */
export function parseDay(input: string, lang: Lang): string | null {
  const s = input.trim();
  if (s === '') return '';
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return lang === 'fr' ? valid(Number(m[3]), b, a) : valid(Number(m[3]), a, b);
  }
  return null;
}

/** A YYYY-MM-DD day as it is typed in `lang`: 14/03/2026 (fr), 03/14/2026 (en). */
export function typedDay(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[2]}/${m[3]}/${m[1]}`;
}

/** How a day is typed, as a hint. */
export const dayPattern = (lang: Lang) => (lang === 'fr' ? 'jj/mm/aaaa' : 'mm/dd/yyyy');
