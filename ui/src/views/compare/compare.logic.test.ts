import { describe, expect, it } from 'vitest';
import type { RoleSide } from '../../lib/bindings/RoleSide';
import { headline, overlapShares, platformColumns, PLATFORM_ROWS, sideRows } from './compare.logic';
import { messages } from './compare.i18n';

function side(role: 'pro' | 'personal', over: Partial<RoleSide> = {}): RoleSide {
  return {
    role,
    accounts: [1],
    followers: 1000,
    followers_gained: 12,
    posts: 10,
    likes_per_post: { value: 20, posts: 10 },
    conversation_per_post: null,
    amplification_per_post: { value: 1, posts: 10 },
    saves_per_post: null,
    genuine_per_1000_followers: { value: 1.24, posts: 10 },
    likes_per_1000_followers: null,
    conversation_per_1000_followers: null,
    amplification_per_1000_followers: null,
    saves_per_1000_followers: null,
    genuine_share: null,
    genuine_per_post_median: 0,
    ...over,
  };
}

describe('Compare logic', () => {
  it('puts the two roles side by side, unknown values as null', () => {
    const rows = sideRows(side('pro'), side('personal', { conversation_per_post: { value: 18.8, posts: 13 } }));
    const conv = rows.find((r) => r.id === 'conversation_per_post');
    expect(conv?.pro).toBeNull();
    expect(conv?.personal).toEqual({ value: 18.8, posts: 13 });
    expect(rows.find((r) => r.id === 'genuine_median')?.pro).toEqual({ value: 0, posts: null });
  });

  it('leaves a role without accounts entirely unknown', () => {
    const rows = sideRows(side('pro'), side('personal', { accounts: [], posts: 0, followers: null }));
    expect(rows.every((r) => r.personal === null)).toBe(true);
  });

  it('says which role draws more genuine interactions per 1,000 followers', () => {
    const h = headline(side('pro'), side('personal', { genuine_per_1000_followers: { value: 10.96, posts: 61 } }));
    expect(h?.higher).toBe('personal');
    expect(h?.times).toBeCloseTo(8.84, 1);
    expect(headline(side('pro'), side('personal', { genuine_per_1000_followers: { value: 1.3, posts: 3 } }))?.higher).toBe('same');
    expect(headline(side('pro'), side('personal', { genuine_per_1000_followers: null }))).toBeNull();
  });

  it('lists the accounts of a platform, pro first', () => {
    const stats = (posts: number) => ({ posts }) as never;
    const cols = platformColumns({
      platform: 'instagram',
      pro: [stats(56)],
      pro_accounts: [1],
      personal: [stats(20)],
      personal_accounts: [2],
    });
    expect(cols.map((c) => [c.account, c.role])).toEqual([
      [1, 'pro'],
      [2, 'personal'],
    ]);
    expect(PLATFORM_ROWS.map((r) => r[0])).toContain('rate_by_followers');
  });

  it('gives the overlap as a share of each list', () => {
    const o = { account_a: 1, account_b: 2, platform: 'instagram' as const, shared: 114, a_listed: 13815, b_listed: 681 };
    expect(overlapShares(o).ofB).toBeCloseTo(0.1674, 3);
    expect(overlapShares({ ...o, a_listed: 0 }).ofA).toBeNull();
  });

  it('has the same messages in English and French', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    for (const r of sideRows(side('pro'), side('personal'))) expect(messages.en).toHaveProperty(`side.${r.id}`);
    for (const [id] of PLATFORM_ROWS) expect(messages.en).toHaveProperty(`platform.${id}`);
  });
});
