// Pure logic of the Reports view: the chart kinds, which accounts a chart takes, the period
// presets counted back from the latest data, and the sizes of exported pictures.
import type { AccountReport } from '../../lib/bindings/AccountReport';
import type { ChartKind } from '../../lib/bindings/ChartKind';
import type { ChartRequest } from '../../lib/bindings/ChartRequest';

/** Every chart, in the order of the core (ChartKind::ALL). */
export const KINDS: ChartKind[] = [
  'growth',
  'gains',
  'vanity-genuine',
  'posts',
  'mix',
  'completion',
  'heatmap',
  'pro-personal',
  'forecast',
];

/** Charts of one account; the others take several accounts, or all. */
export const SINGLE_ACCOUNT: ChartKind[] = ['gains', 'vanity-genuine', 'forecast'];

export const isSingle = (k: ChartKind) => SINGLE_ACCOUNT.includes(k);

export type AccountChoice = number | 'all';

/** The accounts to ask for: one for single-account charts (the chosen one, else the selected one), [] for all. */
export function requestAccounts(kind: ChartKind, choice: AccountChoice, selected: number | null): number[] {
  if (isSingle(kind)) {
    const id = choice === 'all' ? selected : choice;
    return id === null ? [] : [id];
  }
  return choice === 'all' ? [] : [choice];
}

export type PeriodChoice = 'all' | '30' | '90' | '365' | 'custom';

/** YYYY-MM-DD plus `n` days (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = Date.UTC(y!, m! - 1, d!) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The latest day any account has data for; null when none has. */
export function latestDay(reports: Pick<AccountReport, 'history_to'>[]): string | null {
  let latest: string | null = null;
  for (const r of reports) if (r.history_to && (latest === null || r.history_to > latest)) latest = r.history_to;
  return latest;
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * The from–to of a period. N days end on the latest data (today when there is none) and count
 * that day: 90 days = latest − 89 → latest. 'all' and an invalid custom range give no bounds.
 */
export function periodRange(
  choice: PeriodChoice,
  latest: string | null,
  custom: { from: string; to: string },
  today: string = new Date().toISOString().slice(0, 10),
): { from: string | null; to: string | null } {
  if (choice === 'all') return { from: null, to: null };
  if (choice === 'custom') {
    const from = isDay(custom.from) ? custom.from : null;
    const to = isDay(custom.to) ? custom.to : null;
    if (from && to && from > to) return { from: null, to: null };
    return { from, to };
  }
  const end = latest ?? today;
  return { from: addDays(end, -(Number(choice) - 1)), to: end };
}

/** Whether a custom range is usable (both ends optional, but in order). */
export function customError(custom: { from: string; to: string }): 'order' | null {
  return custom.from && custom.to && custom.from > custom.to ? 'order' : null;
}

export type Size = { id: 'slide' | 'document' | 'square'; width: number; height: number };

/**
 * Picture sizes in drawing units: the text of a chart keeps its size, so these stay close to a
 * screen's so that it reads well; PNGs are written at twice this (a 16:9 slide: 1920 × 1080 pixels).
 */
export const SIZES: Size[] = [
  { id: 'slide', width: 960, height: 540 },
  { id: 'document', width: 860, height: 500 },
  { id: 'square', width: 720, height: 720 },
];

export function request(kind: ChartKind, accounts: number[], range: { from: string | null; to: string | null }): ChartRequest {
  return { kind, accounts, from: range.from, to: range.to };
}
