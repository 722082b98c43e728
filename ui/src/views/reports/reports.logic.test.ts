import { describe, expect, it } from 'vitest';
import { addDays, customError, isSingle, KINDS, latestDay, periodRange, request, requestAccounts, SIZES } from './reports.logic';
import { messages } from './reports.i18n';

describe('chart kinds', () => {
  it('lists the nine kinds once', () => {
    expect(new Set(KINDS).size).toBe(9);
    expect(isSingle('gains')).toBe(true);
    expect(isSingle('growth')).toBe(false);
  });

  it('asks single-account charts for one account, the others for the choice or all', () => {
    expect(requestAccounts('forecast', 'all', 3)).toEqual([3]);
    expect(requestAccounts('forecast', 5, 3)).toEqual([5]);
    expect(requestAccounts('forecast', 'all', null)).toEqual([]);
    expect(requestAccounts('growth', 'all', 3)).toEqual([]);
    expect(requestAccounts('growth', 2, 3)).toEqual([2]);
  });
});

describe('period maths', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-01', -89)).toBe('2026-08-04');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('finds the latest day of data', () => {
    expect(latestDay([{ history_to: '2026-10-31' }, { history_to: null }, { history_to: '2026-11-01' }])).toBe('2026-11-01');
    expect(latestDay([])).toBeNull();
  });

  it('counts N days back from the latest data, that day included', () => {
    const c = { from: '', to: '' };
    expect(periodRange('90', '2026-11-01', c)).toEqual({ from: '2026-08-04', to: '2026-11-01' });
    expect(periodRange('30', null, c, '2026-01-30')).toEqual({ from: '2026-01-01', to: '2026-01-30' });
    expect(periodRange('365', '2026-11-01', c)).toEqual({ from: '2025-11-02', to: '2026-11-01' });
    expect(periodRange('all', '2026-11-01', c)).toEqual({ from: null, to: null });
  });

  it('takes a custom range as given, open ends allowed, and refuses one out of order', () => {
    expect(periodRange('custom', null, { from: '2026-01-01', to: '' })).toEqual({ from: '2026-01-01', to: null });
    expect(periodRange('custom', null, { from: '2026-02-01', to: '2026-01-01' })).toEqual({ from: null, to: null });
    expect(periodRange('custom', null, { from: 'nonsense', to: '2026-01-01' })).toEqual({ from: null, to: '2026-01-01' });
    expect(customError({ from: '2026-02-01', to: '2026-01-01' })).toBe('order');
    expect(customError({ from: '2026-01-01', to: '' })).toBeNull();
  });

  it('builds the request', () => {
    expect(request('mix', [], { from: '2026-01-01', to: null })).toEqual({ kind: 'mix', accounts: [], from: '2026-01-01', to: null });
  });
});

describe('sizes and messages', () => {
  it('keeps the sizes within what the core accepts', () => {
    for (const s of SIZES) {
      expect(s.width).toBeGreaterThanOrEqual(120);
      expect(s.width).toBeLessThanOrEqual(4000);
      expect(s.height).toBeLessThanOrEqual(3000);
    }
  });

  it('has the same messages in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
  });
});
