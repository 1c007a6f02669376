// @vitest-environment jsdom
import { Me } from '@yaodian/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.js';
import { errorMessage } from './error-message.js';
import { fileNameOf, request, setCsrfToken, setUnauthenticatedHandler } from './http.js';
import { loadLang, translator } from '../i18n/i18n.js';

// English is a separate chunk the app fetches on demand; these assertions read it.
await loadLang('en');

function respond(status: number, body: unknown): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof vi.fn>): Record<string, string> {
  const init = fetchMock.mock.calls[0]?.[1] as RequestInit | undefined;
  return (init?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(null);
  setCsrfToken(null);
});

describe('request', () => {
  it('sends the CSRF token on a POST but not on a GET', async () => {
    setCsrfToken('tok');
    const post = respond(200, { ok: true });
    await request('POST', '/api/x', { body: {} });
    expect(sentHeaders(post)['X-CSRF-Token']).toBe('tok');
    const get = respond(200, { ok: true });
    await request('GET', '/api/x');
    expect(sentHeaders(get)['X-CSRF-Token']).toBeUndefined();
  });

  it('maps an error body to its stable code and field, and a message in the chosen language', async () => {
    respond(400, { error: { code: 'validation_failed', message: 'percent: too big', field: 'percent' } });
    const error = await request('POST', '/api/reports', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', field: 'percent' });
    expect(errorMessage(error, translator('zh-CN'))).toBe('提交的内容有误，请检查后重试（字段：完成进度）');
    expect(errorMessage(error, translator('en'))).toContain('(field: Progress (%))');
  });

  it('calls the expiry handler on a lost session but not on a wrong password', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respond(401, { error: { code: 'invalid_credentials', message: 'no' } });
    await expect(request('POST', '/api/auth/login', { body: {} })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(handler).not.toHaveBeenCalled();
    respond(401, { error: { code: 'session_expired', message: 'gone' } });
    await expect(request('GET', '/api/tasks')).rejects.toMatchObject({ code: 'session_expired' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('rejects a response that does not fit the contract', async () => {
    respond(200, { id: 'not-a-uuid' });
    await expect(request('GET', '/api/auth/me', { schema: Me })).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('turns a body without a code into a code from the status', async () => {
    respond(404, { message: 'Route not found' });
    await expect(request('GET', '/api/nowhere')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 file name of a Content-Disposition header', () => {
    expect(
      fileNameOf(`attachment; filename="x.xlsx"; filename*=UTF-8''${encodeURIComponent('推进表.xlsx')}`),
    ).toBe('推进表.xlsx');
    expect(fileNameOf('attachment; filename="plan.xlsx"')).toBe('plan.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
