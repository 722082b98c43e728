// Pure logic of the Authenticity view: flagged days in order, their expected range as shown,
// the kinds of notes, checking a day typed by hand, and step changes in words.
import type { AnnotationRow } from '../../lib/bindings/AnnotationRow';
import type { FlaggedDay } from '../../lib/bindings/FlaggedDay';
import type { StepChange } from '../../lib/bindings/StepChange';
import type { Verdict } from '../../lib/bindings/Verdict';

/** The kinds of note the core accepts (store/annotations.rs KINDS), in the order offered. */
export const NOTE_KINDS = ['giveaway', 'press', 'shoutout', 'ads', 'collaboration', 'event', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A note has at most 500 characters (the core refuses longer ones). */
export const NOTE_MAX = 500;

export function isNoteKind(k: string): k is NoteKind {
  return (NOTE_KINDS as readonly string[]).includes(k);
}

/** Flagged days, newest first (a copy). */
export function newestFirst(days: FlaggedDay[]): FlaggedDay[] {
  return [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Notes, newest first (a copy). */
export function notesNewestFirst(notes: AnnotationRow[]): AnnotationRow[] {
  return [...notes].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.id - a.id));
}

/** The word of a verdict as the UI says it: a day is "unexplained", not accused of anything. */
export function verdictWord(v: Verdict): 'explained' | 'unexplained' {
  return v === 'explained' ? 'explained' : 'unexplained';
}

/**
 * The expected range of a flagged day, rounded. For a rise above the range, a negative lower end
 * says nothing useful (and the core's own sentence starts it at 0), so it starts at 0 too.
 */
export function expectedRange(f: Pick<FlaggedDay, 'gain' | 'expected' | 'expected_low' | 'expected_high'>): {
  expected: number;
  low: number;
  high: number;
} {
  const low = f.gain > f.expected_high && f.expected_low < 0 ? 0 : f.expected_low;
  return { expected: Math.round(f.expected), low: Math.round(low), high: Math.round(f.expected_high) };
}

/** Whether `s` is a real calendar day written YYYY-MM-DD (what the core accepts). */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A lasting change of pace: faster or slower, and by how many times (null when it started from 0). */
export function stepShape(s: StepChange): { faster: boolean; times: number | null } {
  const faster = s.after_per_day > s.before_per_day;
  const lo = Math.min(s.before_per_day, s.after_per_day);
  const hi = Math.max(s.before_per_day, s.after_per_day);
  return { faster, times: lo > 0 ? hi / lo : null };
}
