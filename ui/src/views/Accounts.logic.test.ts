import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../lib/bindings/AccountSummary';
import { checkLabel, mergeable, mergeCandidates } from './Accounts.logic';

const account = (id: number, platform: AccountSummary['platform']): AccountSummary => ({
  id,
  platform,
  handle: `h${id}`,
  display_name: null,
  label: null,
  role: 'pro',
  is_demo: false,
  followers: null,
  followers_on: null,
  following: null,
  posts: 0,
  connections: null,
});

describe('merging', () => {
  const accounts = [account(1, 'x'), account(2, 'x'), account(3, 'instagram'), account(4, 'x')];

  it('offers accounts of the same platform only', () => {
    expect(mergeCandidates(accounts, 1).map((a) => a.id)).toEqual([2, 4]);
    expect(mergeCandidates(accounts, 3)).toEqual([]);
    expect(mergeCandidates(accounts, null)).toEqual([]);
  });

  it('lists the accounts that have a twin platform', () => {
    expect(mergeable(accounts).map((a) => a.id)).toEqual([1, 2, 4]);
  });
});

describe('labels', () => {
  it('trims and allows up to 80 characters', () => {
    expect(checkLabel('  Studio  ')).toEqual({ ok: true, value: 'Studio' });
    expect(checkLabel('')).toEqual({ ok: true, value: '' });
    expect(checkLabel('é'.repeat(80))).toEqual({ ok: true, value: 'é'.repeat(80) });
    expect(checkLabel('a'.repeat(81))).toEqual({ ok: false, reason: 'too_long' });
  });
});
