// The column-mapping step for a CSV of unknown columns: from the core's preview (headers, first
// rows, suggested fields) to the mapping the import reads, and what keeps it from being ready.
import type { ColumnMapping } from '../lib/bindings/ColumnMapping';
import type { CsvPreview } from '../lib/bindings/CsvPreview';
import type { GenericField } from '../lib/bindings/GenericField';
import type { Platform } from '../lib/bindings/Platform';

/** Fields in the order the picker lists them. */
export const FIELDS: GenericField[] = [
  'date',
  'followers',
  'following',
  'post_id',
  'post_url',
  'post_text',
  'post_kind',
  'views',
  'impressions',
  'reach',
  'likes',
  'comments',
  'replies',
  'shares',
  'quotes',
  'saves',
  'profile_visits',
  'follows',
  'link_clicks',
  'watch_time_s',
  'avg_view_duration_s',
  'avg_pct_viewed',
  'platform',
  'account',
];

export const PLATFORMS: Platform[] = [
  'other',
  'instagram',
  'facebook',
  'x',
  'linkedin',
  'tiktok',
  'youtube',
  'mastodon',
  'bluesky',
];

export interface MappingDraft {
  /** The field of each header (same order as the preview's headers); null: ignored. */
  fields: (GenericField | null)[];
  platform: Platform;
  handle: string;
  dayFirst: boolean;
  /** An existing account to add the numbers to; null: the account named by `handle`. */
  account: number | null;
}

export function draftFrom(preview: CsvPreview): MappingDraft {
  return { fields: [...preview.suggested], platform: 'other', handle: '', dayFirst: preview.day_first, account: null };
}

/** Sets one header's field; a field already used by another header is taken from it. */
export function assign(draft: MappingDraft, index: number, field: GenericField | null): MappingDraft {
  const fields = draft.fields.map((f, i) => (i === index ? field : field !== null && f === field ? null : f));
  return { ...draft, fields };
}

export function toMapping(preview: CsvPreview, draft: MappingDraft): ColumnMapping {
  const columns = preview.headers.flatMap((header, i) => {
    const field = draft.fields[i];
    return field ? [{ header, field }] : [];
  });
  const handle = draft.handle.trim();
  return { columns, platform: draft.platform, handle: handle === '' ? null : handle, day_first: draft.dayFirst };
}

export type Problem = 'no_date' | 'nothing_to_record' | 'no_account';

const RECORDABLE: GenericField[] = [
  'followers',
  'following',
  'post_id',
  'post_url',
  'views',
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
];

/** What is missing before the import can run (empty when ready). */
export function problems(draft: MappingDraft): Problem[] {
  const out: Problem[] = [];
  if (!draft.fields.includes('date')) out.push('no_date');
  if (!draft.fields.some((f) => f !== null && RECORDABLE.includes(f))) out.push('nothing_to_record');
  if (draft.account === null && draft.handle.trim() === '' && !draft.fields.includes('account')) out.push('no_account');
  return out;
}
