// Live accounts (Bluesky, Mastodon): checking a handle before it is sent, and saying where each
// account's snapshots stand ("synced today", "offline — last snapshot on …").
import type { Lang } from '../lib/bindings/Lang';
import type { SyncStatus } from '../lib/bindings/SyncStatus';

export type LivePlatform = 'bluesky' | 'mastodon';

/** Why a handle cannot be sent yet; null when it looks right. Mirrors the core's parsing. */
export function handleProblem(platform: LivePlatform, raw: string): 'empty' | 'bluesky_format' | 'mastodon_format' | null {
  const h = raw.trim();
  if (h === '') return 'empty';
  if (platform === 'bluesky') {
    const bare = h.replace(/^@/, '').replace(/^https:\/\/bsky\.app\/profile\//, '').replace(/\/$/, '');
    return bare.startsWith('did:') || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(bare) ? null : 'bluesky_format';
  }
  if (/^https?:\/\/[^/]+\/@[^/@]+\/?$/.test(h)) return null;
  return /^@?[^@\s]+@[^@\s]+\.[^@\s]+$/.test(h) ? null : 'mastodon_format';
}

/** The server a live account makes Resonance contact, for the privacy note. */
export function hostOf(platform: LivePlatform, raw: string): string {
  if (platform === 'bluesky') return 'public.api.bsky.app';
  const h = raw.trim();
  const url = /^https?:\/\/([^/]+)\//.exec(h);
  if (url?.[1]) return url[1];
  const parts = h.replace(/^@/, '').split('@');
  return parts[1] ?? '';
}

export type StatusWord =
  | { kind: 'never' }
  | { kind: 'ok'; at: string }
  | { kind: 'failed'; message: string; at: string | null };

export function statusOf(s: SyncStatus): StatusWord {
  if (s.last_error && (!s.last_sync_at || s.last_error.at > s.last_sync_at)) {
    return { kind: 'failed', message: s.last_error.message, at: s.last_sync_at };
  }
  if (s.last_sync_at) return { kind: 'ok', at: s.last_sync_at };
  return { kind: 'never' };
}

/** An RFC 3339 instant as a local date and time. */
export function formatInstant(at: string, lang: Lang): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
