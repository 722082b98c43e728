import { describe, expect, it } from 'vitest';
import type { FlaggedDay } from '../../lib/bindings/FlaggedDay';
import {
  expectedRange,
  isDay,
  isNoteKind,
  newestFirst,
  NOTE_KINDS,
  notesNewestFirst,
  stepShape,
  verdictWord,
} from './authenticity.logic';
import { messages } from './authenticity.i18n';

const day = (date: string, over: Partial<FlaggedDay> = {}): FlaggedDay => ({
  date,
  gain: 1805,
  expected: 10,
  expected_low: -8.16,
  expected_high: 28.16,
  z: 345.9,
  verdict: 'suspicious',
  evidence: [],
  ...over,
});

describe('Authenticity logic', () => {
  it('lists flagged days newest first without touching the original', () => {
    const days = [day('2025-04-30'), day('2026-03-14'), day('2025-09-20')];
    expect(newestFirst(days).map((d) => d.date)).toEqual(['2026-03-14', '2025-09-20', '2025-04-30']);
    expect(days[0]?.date).toBe('2025-04-30');
  });

  it('lists notes newest first', () => {
    const n = (id: number, d: string) => ({ id, account_id: 1, day: d, kind: 'press', note: '' });
    expect(notesNewestFirst([n(1, '2025-01-01'), n(3, '2026-01-01'), n(2, '2026-01-01')]).map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it('says unexplained, never suspicious', () => {
    expect(verdictWord('suspicious')).toBe('unexplained');
    expect(verdictWord('explained')).toBe('explained');
  });

  it('starts the range of a rise at zero, keeps a real negative range for a fall', () => {
    expect(expectedRange(day('2026-03-14'))).toEqual({ expected: 10, low: 0, high: 28 });
    expect(expectedRange(day('2026-03-14', { gain: -400, expected: 2, expected_low: -20.4, expected_high: 24.6 }))).toEqual({
      expected: 2,
      low: -20,
      high: 25,
    });
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isDay('2026-03-14')).toBe(true);
    expect(isDay(' 2024-02-29 ')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('14/03/2026')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it('knows the kinds of note the core accepts', () => {
    expect(NOTE_KINDS).toContain('giveaway');
    expect(isNoteKind('ads')).toBe(true);
    expect(isNoteKind('bought')).toBe(false);
  });

  it('words step changes', () => {
    expect(stepShape({ date: '2024-08-19', before_per_day: 3.66, after_per_day: 8.28 })).toEqual({
      faster: true,
      times: 8.28 / 3.66,
    });
    expect(stepShape({ date: '2019-03-17', before_per_day: 4, after_per_day: 0 })).toEqual({ faster: false, times: null });
  });

  it('has the same messages in English and French, and a word for every kind of note', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    for (const k of NOTE_KINDS) expect(messages.en).toHaveProperty(`kind.${k}`);
  });
});
