import { describe, expect, it } from 'vitest';
import type { CsvPreview } from '../lib/bindings/CsvPreview';
import { assign, draftFrom, FIELDS, problems, toMapping } from './columnMapping';
import { fieldLabel } from './columnMapping.i18n';

const preview: CsvPreview = {
  file: 'statistiques.csv',
  headers: ['Jour', 'Abonnés', 'Publication', "J'aime"],
  rows: [['03/04/2026', '1 500', '', '']],
  suggested: ['date', 'followers', null, 'likes'],
  day_first: true,
};

describe('column mapping', () => {
  it('starts from the suggestions and the sniffed date order', () => {
    const d = draftFrom(preview);
    expect(d.fields).toEqual(['date', 'followers', null, 'likes']);
    expect(d.dayFirst).toBe(true);
    expect(problems(d)).toEqual(['no_account']);
  });

  it('gives each field to one column only', () => {
    const d = assign(draftFrom(preview), 2, 'date');
    expect(d.fields).toEqual([null, 'followers', 'date', 'likes']);
  });

  it('builds the mapping the core reads, ignoring unmapped columns', () => {
    const d = { ...assign(draftFrom(preview), 2, 'post_url'), handle: '  camille ', platform: 'tiktok' as const };
    expect(problems(d)).toEqual([]);
    expect(toMapping(preview, d)).toEqual({
      columns: [
        { header: 'Jour', field: 'date' },
        { header: 'Abonnés', field: 'followers' },
        { header: 'Publication', field: 'post_url' },
        { header: "J'aime", field: 'likes' },
      ],
      platform: 'tiktok',
      handle: 'camille',
      day_first: true,
    });
  });

  it('says what is missing', () => {
    const d = { ...draftFrom(preview), fields: [null, null, 'post_text' as const, null], account: 3 };
    expect(problems(d)).toEqual(['no_date', 'nothing_to_record']);
  });

  it('names every field in both languages', () => {
    for (const f of FIELDS) {
      expect(fieldLabel(f, 'en')).not.toBe(f);
      expect(fieldLabel(f, 'fr')).not.toBe(f);
    }
  });
});
