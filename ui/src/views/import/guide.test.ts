import { describe, expect, it } from 'vitest';
import { GUIDE, guideFor, guideText } from './guide';
import { catalog } from './import.i18n';

const PLATFORMS = ['instagram', 'facebook', 'x', 'linkedin', 'tiktok', 'youtube', 'mastodon', 'bluesky'] as const;

describe('the guide to getting one’s data', () => {
  it('covers every platform, once, in the order people look for them', () => {
    expect(GUIDE.map((g) => g.platform)).toEqual([...PLATFORMS]);
  });

  it('says the same things in English and French', () => {
    for (const g of GUIDE) {
      expect(g.fr.sections.length, g.platform).toBe(g.en.sections.length);
      expect(Boolean(g.fr.note), `${g.platform} note`).toBe(Boolean(g.en.note));
      g.en.sections.forEach((s, i) => {
        const f = g.fr.sections[i];
        expect(f, `${g.platform} section ${i}`).toBeDefined();
        expect(f?.steps.length, `${g.platform} “${s.title}” steps`).toBe(s.steps.length);
      });
    }
  });

  it('leaves nothing empty and nothing untranslated', () => {
    for (const g of GUIDE) {
      for (const lang of ['en', 'fr'] as const) {
        const text = guideText(g, lang);
        expect(text.reads.trim().length, `${g.platform}/${lang} reads`).toBeGreaterThan(40);
        for (const s of text.sections) {
          for (const field of [s.title, s.format, s.range, s.wait, s.drop, ...s.steps]) {
            expect(field.trim().length, `${g.platform}/${lang}: empty text in “${s.title}”`).toBeGreaterThan(2);
          }
          expect(s.steps.length).toBeGreaterThanOrEqual(3);
        }
      }
      // French sentences are not the English ones.
      g.en.sections.forEach((s, i) => {
        const f = g.fr.sections[i];
        s.steps.forEach((step, j) => expect(f?.steps[j], `${g.platform} step ${j + 1} in French`).not.toBe(step));
      });
    }
  });

  it('says what matters for each export: JSON not HTML, the whole period, the file to drop', () => {
    const ig = guideFor('instagram');
    const dyi = ig.en.sections[0];
    expect(dyi?.format).toMatch(/JSON/);
    expect(dyi?.format).toMatch(/not HTML/);
    expect(dyi?.range).toBe('All time');
    expect(dyi?.drop).toMatch(/instagram-.*\.zip/);
    expect(ig.fr.sections[0]?.format).toMatch(/pas HTML/);
    expect(ig.fr.sections[0]?.range).toBe('Depuis toujours');
    expect(guideFor('x').en.sections[0]?.drop).toMatch(/^twitter-/);
    expect(guideFor('linkedin').en.sections[0]?.wait).toMatch(/72 hours/);
    expect(guideFor('linkedin').fr.sections[0]?.wait).toMatch(/72 heures/);
    expect(guideFor('tiktok').en.sections[0]?.format).toMatch(/JSON/);
    expect(guideFor('youtube').en.sections[0]?.range).toBe('Lifetime');
    expect(guideFor('mastodon').en.sections[0]?.steps.join(' ')).toMatch(/7 days/);
  });

  it('tells which platforms are followed live (the only network use)', () => {
    expect(guideFor('bluesky').via).toBe('live');
    expect(guideFor('mastodon').via).toBe('both');
    expect(GUIDE.filter((g) => g.via === 'files').map((g) => g.platform)).toEqual(['instagram', 'facebook', 'x', 'linkedin', 'tiktok', 'youtube']);
  });
});

describe('the Import view catalogue', () => {
  it('has the same keys in both languages, none empty, placeholders kept', () => {
    const en = catalog.en as Record<string, string>;
    const fr = catalog.fr as Record<string, string>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      expect(v.trim().length, k).toBeGreaterThan(0);
      expect(fr[k]?.trim().length, k).toBeGreaterThan(0);
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(fr[k] ?? ''), `placeholders of ${k}`).toEqual(vars(v));
    }
  });

  it('has both plural forms wherever one is used', () => {
    const keys = Object.keys(catalog.en);
    for (const k of keys.filter((k) => k.endsWith('.one'))) expect(keys, k).toContain(k.replace(/\.one$/, '.other'));
    for (const k of keys.filter((k) => k.endsWith('.other'))) expect(keys, k).toContain(k.replace(/\.other$/, '.one'));
  });
});
