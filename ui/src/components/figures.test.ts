import { describe, expect, it } from 'vitest';
import {
  formatFixed,
  rowDigits,
  formatShare,
  formatDecimal,
  formatPoints,
  formatRate,
  formatSignedDecimal,
  isSingular,
  orUnknown,
  relativeChange,
} from './figures';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('figures', () => {
  it('writes decimals the English and the French way', () => {
    expect(formatDecimal(12.345, 'en')).toBe('12.3');
    expect(formatDecimal(12.345, 'fr')).toBe('12,3');
    expect(plain(formatDecimal(1234.5, 'fr', 0))).toBe('1 235');
    expect(formatSignedDecimal(14.23, 'en')).toBe('+14.2');
    expect(formatSignedDecimal(0, 'en')).toBe('0');
  });

  it('writes rates without a sign and small rates with two decimals', () => {
    expect(formatRate(0.07257, 'en')).toBe('7.26%');
    expect(plain(formatRate(0.07257, 'fr'))).toBe('7,26 %');
    expect(formatRate(0.1699, 'en')).toBe('17%');
    expect(formatRate(0.456, 'en')).toBe('45.6%');
  });

  it('counts points of a gap', () => {
    expect(formatPoints(0.2632, 'en')).toBe('+26');
    expect(formatPoints(-0.05, 'en')).toBe('-5');
  });

  it('keeps unknown values unknown', () => {
    expect(relativeChange(12, null)).toBeNull();
    expect(relativeChange(null, 10)).toBeNull();
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(15, 10)).toBeCloseTo(0.5);
    expect(orUnknown(null, String)).toBe('—');
    expect(orUnknown(0, String)).toBe('0');
  });

  it('knows the French singular', () => {
    expect(isSingular(0, 'fr')).toBe(true);
    expect(isSingular(0, 'en')).toBe(false);
    expect(isSingular(1, 'en')).toBe(true);
    expect(isSingular(2, 'fr')).toBe(false);
  });
});

describe('shares in columns', () => {
  it('keep the same number of decimals', () => {
    expect(formatShare(0.015, 'en')).toBe('1.5%');
    expect(formatShare(0.0182, 'en')).toBe('1.8%');
    expect(formatShare(0.1, 'en')).toBe('10.0%');
    expect(formatShare(0.0182, 'fr').replace(/\s/g, ' ')).toBe('1,8 %');
  });
});

describe('numbers in rows that line up', () => {
  it('keeps a fixed number of decimals', () => {
    expect(formatFixed(79, 'en')).toBe('79.0');
    expect(formatFixed(0.5239, 'fr', 2)).toBe('0,52');
  });

  it('chooses the decimals of a row from all its values', () => {
    expect(rowDigits('rate', [0.0034, 0.0037])).toBe(2);
    expect(rowDigits('rate', [0.0689, 0.061])).toBe(1);
    expect(rowDigits('decimal', [5.71, 5.14])).toBe(2);
    expect(rowDigits('decimal', [70.4, 9])).toBe(1);
    expect(rowDigits('decimal', [null, undefined])).toBe(1);
  });
});
