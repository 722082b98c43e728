import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../lib/bindings/SyncStatus';
import { handleProblem, hostOf, statusOf } from './liveAccounts';

const status = (over: Partial<SyncStatus>): SyncStatus => ({
  account_id: 1,
  platform: 'mastodon',
  handle: 'camille@piaille.fr',
  instance_url: null,
  last_sync_at: null,
  last_error: null,
  due: true,
  ...over,
});

describe('live accounts', () => {
  it('checks handles as the core will read them', () => {
    expect(handleProblem('bluesky', 'camille.bsky.social')).toBeNull();
    expect(handleProblem('bluesky', '@camille.bsky.social')).toBeNull();
    expect(handleProblem('bluesky', 'https://bsky.app/profile/camille.bsky.social')).toBeNull();
    expect(handleProblem('bluesky', 'did:plc:abc123')).toBeNull();
    expect(handleProblem('bluesky', 'camille')).toBe('bluesky_format');
    expect(handleProblem('mastodon', '@camille@piaille.fr')).toBeNull();
    expect(handleProblem('mastodon', 'https://piaille.fr/@camille')).toBeNull();
    expect(handleProblem('mastodon', 'camille')).toBe('mastodon_format');
    expect(handleProblem('mastodon', '  ')).toBe('empty');
  });

  it('names the server contacted', () => {
    expect(hostOf('mastodon', '@camille@piaille.fr')).toBe('piaille.fr');
    expect(hostOf('mastodon', 'https://mastodon.social/@x')).toBe('mastodon.social');
    expect(hostOf('bluesky', 'x.bsky.social')).toBe('public.api.bsky.app');
  });

  it('says where the snapshots stand', () => {
    expect(statusOf(status({}))).toEqual({ kind: 'never' });
    expect(statusOf(status({ last_sync_at: '2026-11-20T08:00:00Z' }))).toEqual({ kind: 'ok', at: '2026-11-20T08:00:00Z' });
    const failed = statusOf(
      status({
        last_sync_at: '2026-11-20T08:00:00Z',
        last_error: { code: 'sync.offline', message: 'offline — last snapshot on Nov 20, 2026', at: '2026-11-21T08:00:00Z' },
      }),
    );
    expect(failed).toEqual({ kind: 'failed', message: 'offline — last snapshot on Nov 20, 2026', at: '2026-11-20T08:00:00Z' });
  });
});
