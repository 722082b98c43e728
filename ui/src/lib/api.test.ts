import { describe, expect, it, vi, beforeEach } from 'vitest';

const { invoke, FakeChannel } = vi.hoisted(() => ({
  invoke: vi.fn(),
  FakeChannel: class<T> {
    onmessage: (m: T) => void = () => {};
  },
}));
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a), Channel: FakeChannel }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: vi.fn() }));

import { api, ApiError, toApiError } from './api';

describe('api', () => {
  beforeEach(() => {
    invoke.mockReset();
  });

  it('passes command names and arguments through', async () => {
    invoke.mockResolvedValue({ svg: '<svg/>', table: { headers: [], rows: [] } });
    const opts = { theme: 'light', lang: 'fr', width: 400, height: 200, log_scale: false, title: null } as const;
    const request = { kind: 'growth' as const, accounts: [1, 2], from: null, to: null };
    await expect(api.chart(request, opts)).resolves.toEqual({ svg: '<svg/>', table: { headers: [], rows: [] } });
    expect(invoke).toHaveBeenCalledWith('chart', { request, options: opts });
  });

  it('sends progress through a channel and returns per-file outcomes', async () => {
    invoke.mockImplementation((_cmd: string, args: { onProgress: InstanceType<typeof FakeChannel<unknown>> }) => {
      args.onProgress.onmessage({ stage: 'reading', file: 'x.zip', done_bytes: 1, total_bytes: 2 });
      return Promise.resolve([{ file: 'x.zip', report: null, error: null }]);
    });
    const seen: unknown[] = [];
    const out = await api.importFiles(['/tmp/x.zip'], 'pro', null, (p) => seen.push(p));
    expect(out[0]?.file).toBe('x.zip');
    expect(seen).toHaveLength(1);
    expect(invoke.mock.calls[0]?.[0]).toBe('import_files');
  });

  it('turns structured core errors into ApiError with their code', async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'db.too_new', message: 'newer', file: null, line: null }));
    let err: unknown = null;
    try {
      await api.listAccounts();
    } catch (e) {
      err = e;
    }
    expect(err instanceof ApiError).toBe(true);
    expect((err as ApiError).code).toBe('db.too_new');
    expect((err as ApiError).message).toBe('newer');
  });

  it('wraps unexpected failures as internal errors', () => {
    const e = toApiError(new Error('boom'));
    expect(e.code).toBe('internal');
    expect(e.message).toBe('boom');
  });
});
