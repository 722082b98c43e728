import { describe, expect, it, vi, beforeEach } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }));

import { api, ApiError, toApiError } from './api';

describe('api', () => {
  beforeEach(() => { invoke.mockReset(); });

  it('passes command names and arguments through', async () => {
    invoke.mockResolvedValue('<svg/>');
    const opts = { theme: 'light', lang: 'fr', width: 400, height: 200, log_scale: false, title: null } as const;
    await expect(api.growthChart([1, 2], opts)).resolves.toBe('<svg/>');
    expect(invoke).toHaveBeenCalledWith('growth_chart', { accounts: [1, 2], options: opts });
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
