// Pure logic of the Pro vs personal view: the rows of the side-by-side table, the headline ratio,
// the per-platform columns and the audience overlap shares.
import type { Mean } from '../../lib/bindings/Mean';
import type { Overlap } from '../../lib/bindings/Overlap';
import type { PeriodStats } from '../../lib/bindings/PeriodStats';
import type { PlatformPair } from '../../lib/bindings/PlatformPair';
import type { Role } from '../../lib/bindings/Role';
import type { RoleSide } from '../../lib/bindings/RoleSide';

export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

export type Format = 'int' | 'signed' | 'decimal' | 'median' | 'rate' | 'signed_rate';

/** A known value and how many posts it rests on (null when it is not a mean over posts). */
export type Cell = { value: number; posts: number | null };

const mean = (m: Mean | null | undefined): Cell | null => (m ? { value: m.value, posts: m.posts } : null);
const plain = (n: number | null | undefined): Cell | null => (n == null ? null : { value: n, posts: null });

export type SideRowId =
  | 'followers'
  | 'followers_gained'
  | 'posts'
  | 'likes_per_post'
  | 'conversation_per_post'
  | 'amplification_per_post'
  | 'saves_per_post'
  | 'genuine_per_1000'
  | 'likes_per_1000'
  | 'genuine_share'
  | 'genuine_median';

export type SideRow = { id: SideRowId; format: Format; pro: Cell | null; personal: Cell | null };

const SIDE_ROWS: Array<[SideRowId, Format, (s: RoleSide) => Cell | null]> = [
  ['followers', 'int', (s) => plain(s.followers)],
  ['followers_gained', 'signed', (s) => plain(s.followers_gained)],
  ['posts', 'int', (s) => plain(s.posts)],
  ['likes_per_post', 'decimal', (s) => mean(s.likes_per_post)],
  ['conversation_per_post', 'decimal', (s) => mean(s.conversation_per_post)],
  ['amplification_per_post', 'decimal', (s) => mean(s.amplification_per_post)],
  ['saves_per_post', 'decimal', (s) => mean(s.saves_per_post)],
  ['genuine_per_1000', 'decimal', (s) => mean(s.genuine_per_1000_followers)],
  ['likes_per_1000', 'decimal', (s) => mean(s.likes_per_1000_followers)],
  ['genuine_share', 'rate', (s) => mean(s.genuine_share)],
  ['genuine_median', 'median', (s) => plain(s.genuine_per_post_median)],
];

/** The two roles side by side; a role without accounts has every value unknown. */
export function sideRows(pro: RoleSide, personal: RoleSide): SideRow[] {
  const pick = (s: RoleSide, f: (s: RoleSide) => Cell | null) => (s.accounts.length === 0 ? null : f(s));
  return SIDE_ROWS.map(([id, format, f]) => ({ id, format, pro: pick(pro, f), personal: pick(personal, f) }));
}

/**
 * Which role draws more genuine interactions per post per 1,000 followers, and how many times more
 * (null when either is unknown or zero). "same" below a 10 % difference.
 */
export function headline(pro: RoleSide, personal: RoleSide): { higher: Role | 'same'; times: number } | null {
  const a = pro.genuine_per_1000_followers?.value;
  const b = personal.genuine_per_1000_followers?.value;
  if (a == null || b == null || !(a > 0) || !(b > 0)) return null;
  const times = Math.max(a, b) / Math.min(a, b);
  if (times < 1.1) return { higher: 'same', times };
  return { higher: b > a ? 'personal' : 'pro', times };
}

/** One account's column in a platform's table. */
export type Column = { account: number; role: Role; stats: PeriodStats };

/** The accounts of a platform, pro ones first. */
export function platformColumns(pair: PlatformPair): Column[] {
  const cols: Column[] = [];
  pair.pro.forEach((stats, i) => {
    const id = pair.pro_accounts[i];
    if (id !== undefined) cols.push({ account: id, role: 'pro', stats });
  });
  pair.personal.forEach((stats, i) => {
    const id = pair.personal_accounts[i];
    if (id !== undefined) cols.push({ account: id, role: 'personal', stats });
  });
  return cols;
}

export type PlatformRowId =
  | 'followers_end'
  | 'growth'
  | 'posts'
  | 'likes'
  | 'conversation'
  | 'amplification'
  | 'saves'
  | 'genuine_median'
  | 'genuine_share'
  | 'rate_by_followers';

export const PLATFORM_ROWS: Array<[PlatformRowId, Format, (p: PeriodStats) => Cell | null]> = [
  ['followers_end', 'int', (p) => plain(p.vanity.followers_end)],
  ['growth', 'signed_rate', (p) => plain(p.vanity.growth?.percent)],
  ['posts', 'int', (p) => plain(p.posts)],
  ['likes', 'int', (p) => (p.vanity.likes ? { value: p.vanity.likes.value, posts: p.vanity.likes.posts } : null)],
  ['conversation', 'int', (p) => (p.genuine.conversation ? { ...p.genuine.conversation } : null)],
  ['amplification', 'int', (p) => (p.genuine.amplification ? { ...p.genuine.amplification } : null)],
  ['saves', 'int', (p) => (p.genuine.saves ? { ...p.genuine.saves } : null)],
  ['genuine_median', 'median', (p) => plain(p.genuine_per_post_median)],
  ['genuine_share', 'rate', (p) => mean(p.genuine_share)],
  ['rate_by_followers', 'rate', (p) => mean(p.rates.by_followers)],
];

/** Shared followers as a share of each account's listed followers (null when a list is empty). */
export function overlapShares(o: Overlap): { ofA: number | null; ofB: number | null } {
  return {
    ofA: o.a_listed > 0 ? o.shared / o.a_listed : null,
    ofB: o.b_listed > 0 ? o.shared / o.b_listed : null,
  };
}
