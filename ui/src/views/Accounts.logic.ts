// Pure helpers of the Accounts view: which accounts can merge, label checks.
import type { AccountSummary } from '../lib/bindings/AccountSummary';

export const LABEL_MAX = 80;

/** Accounts that can be merged into `keep`: same platform, not itself. */
export function mergeCandidates(accounts: AccountSummary[], keep: number | null): AccountSummary[] {
  const k = accounts.find((a) => a.id === keep);
  if (!k) return [];
  return accounts.filter((a) => a.platform === k.platform && a.id !== k.id);
}

/** Accounts that have at least one other account of their platform (the only ones that can merge). */
export function mergeable(accounts: AccountSummary[]): AccountSummary[] {
  return accounts.filter((a) => accounts.some((b) => b.platform === a.platform && b.id !== a.id));
}

export type LabelCheck = { ok: true; value: string } | { ok: false; reason: 'too_long' };

/** What `set_label` will store: trimmed, at most 80 characters; empty removes the label. */
export function checkLabel(input: string): LabelCheck {
  const value = input.trim();
  if ([...value].length > LABEL_MAX) return { ok: false, reason: 'too_long' };
  return { ok: true, value };
}
