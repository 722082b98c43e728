import { describe, expect, it } from 'vitest';
import { dayPattern, parseDay, typedDay } from './dates';

describe('typed days', () => {
  it('reads ISO days in both languages', () => {
    expect(parseDay('2026-03-14', 'fr')).toBe('2026-03-14');
    expect(parseDay(' 2026-3-4 ', 'en')).toBe('2026-03-04');
  });

  it('reads the local order', () => {
    expect(parseDay('14/03/2026', 'fr')).toBe('2026-03-14');
    expect(parseDay('14.3.2026', 'fr')).toBe('2026-03-14');
    expect(parseDay('03/14/2026', 'en')).toBe('2026-03-14');
    expect(parseDay('14/03/2026', 'en')).toBeNull();
  });

  it('refuses what is not a day and keeps empty empty', () => {
    expect(parseDay('', 'fr')).toBe('');
    expect(parseDay('31/02/2026', 'fr')).toBeNull();
    expect(parseDay('2026-13-01', 'en')).toBeNull();
    expect(parseDay('yesterday', 'en')).toBeNull();
    expect(parseDay('29/02/2024', 'fr')).toBe('2024-02-29');
  });

  it('writes a day back the way it is typed', () => {
    expect(typedDay('2026-03-14', 'fr')).toBe('14/03/2026');
    expect(typedDay('2026-03-14', 'en')).toBe('03/14/2026');
    expect(parseDay(typedDay('2026-12-01', 'en'), 'en')).toBe('2026-12-01');
    expect(dayPattern('fr')).toBe('jj/mm/aaaa');
  });
});
