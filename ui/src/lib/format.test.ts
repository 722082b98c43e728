import { describe, expect, it } from 'vitest';
import { formatDay, formatInt, formatPercent, formatSigned } from './format';
import { defaultLang, t } from './i18n/index.svelte';
import { en } from './i18n/en';
import { fr } from './i18n/fr';

describe('format', () => {
  it('writes numbers the French and the English way', () => {
    expect(formatInt(12345, 'en')).toBe('12,345');
    expect(formatInt(12345, 'fr').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatSigned(1200, 'en')).toBe('+1,200');
    expect(formatSigned(-3, 'fr')).toBe('-3');
    expect(formatPercent(0.125, 'en')).toBe('+12.5%');
  });

  it('writes days in the user language', () => {
    expect(formatDay('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDay('2026-03-05', 'fr')).toBe('5 mars 2026');
  });
});

describe('i18n', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders', () => {
    expect(t('card.change', { change: '+12', days: 90 }, 'en')).toBe('+12 in 90 days');
    expect(t('card.change', { change: '+12', days: 90 }, 'fr')).toBe('+12 en 90 jours');
  });

  it('defaults to French for French locales only', () => {
    expect(defaultLang(['fr-CA', 'en'])).toBe('fr');
    expect(defaultLang(['de-DE'])).toBe('en');
  });
});
