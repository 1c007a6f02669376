import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error.js';
import type { FetchInit, FetchLike, FetchResponse } from './fetch-types.js';
import { createTransport, fileNameOf, memoryCsrfStore, withQuery } from './transport.js';

/** Stands in for a host's FormData: core only hands it to fetch. */
class FakeForm {
  readonly parts: [string, string][] = [];
  append(name: string, value: string): void {
    this.parts.push([name, value]);
  }
}

interface Sent {
  url: string;
  init: FetchInit<FakeForm>;
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): FetchResponse<string> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => headers[name] ?? null },
    text: () => Promise.resolve(text),
    blob: () => Promise.resolve(`bytes:${text}`),
  };
}

function recorder(status = 200, body: unknown = { ok: true }, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const fetch: FetchLike<FakeForm, string> = (url, init) => {
    sent.push({ url, init });
    return Promise.resolve(answer(status, body, headers));
  };
  return { sent, fetch };
}

function first(sent: Sent[]): Sent {
  const call = sent[0];
  if (!call) throw new Error('nothing was sent');
  return call;
}

describe('createTransport', () => {
  it('sends the CSRF token on every write method and never on a GET', async () => {
    const csrf = memoryCsrfStore();
    csrf.set('tok');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const { sent, fetch } = recorder();
      await createTransport({ baseUrl: '', fetch, csrf }).request(method, '/api/x');
      expect(first(sent).init.headers['X-CSRF-Token']).toBe('tok');
    }
    const { sent, fetch } = recorder();
    await createTransport({ baseUrl: '', fetch, csrf }).request('GET', '/api/x');
    expect(first(sent).init.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('sends no CSRF header on a write before any token is known', async () => {
    const { sent, fetch } = recorder();
    await createTransport({ baseUrl: '', fetch }).request('POST', '/api/x', { body: {} });
    expect(first(sent).init.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('sends a JSON body with its Content-Type, the base URL, query and credentials', async () => {
    const { sent, fetch } = recorder();
    const http = createTransport({ baseUrl: 'https://example.test/', fetch, credentials: 'include' });
    await http.request('PATCH', '/api/units/1', {
      body: { name: '疾控科' },
      query: { version: 3, q: '', skip: undefined },
      headers: { 'Idempotency-Key': 'k1' },
    });
    const { url, init } = first(sent);
    expect(url).toBe('https://example.test/api/units/1?version=3');
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('include');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.headers['Idempotency-Key']).toBe('k1');
    expect(JSON.parse(init.body as string)).toEqual({ name: '疾控科' });
  });

  it('passes a multipart form through untouched and leaves its Content-Type to the host', async () => {
    const { sent, fetch } = recorder();
    const form = new FakeForm();
    form.append('file', 'plan.docx');
    await createTransport({ baseUrl: '', fetch }).request('POST', '/api/plans', { form });
    const { init } = first(sent);
    expect(init.body).toBe(form);
    expect(init.headers).not.toHaveProperty('Content-Type');
  });

  it('uses a per-call fetch when one is given', async () => {
    const shared = recorder();
    const own = recorder();
    await createTransport({ baseUrl: '', fetch: shared.fetch }).request('POST', '/api/plans', {
      form: new FakeForm(),
      fetch: own.fetch,
    });
    expect(shared.sent).toHaveLength(0);
    expect(own.sent).toHaveLength(1);
  });

  it('turns an error body into an ApiError with the stable code, message and field', async () => {
    const { fetch } = recorder(400, {
      error: { code: 'validation_failed', message: 'percent: too big', field: 'percent' },
    });
    const error = await createTransport({ baseUrl: '', fetch })
      .request('POST', '/api/reports', { body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'percent: too big',
      field: 'percent',
    });
  });

  it('derives the code from the status when the body has none it knows', async () => {
    const cases: [number, unknown, string][] = [
      [404, { message: 'Route not found' }, 'not_found'],
      [409, { error: { code: 'brand_new_code' } }, 'state_conflict'],
      [422, 'not json', 'validation_failed'],
      [502, undefined, 'internal'],
    ];
    for (const [status, body, code] of cases) {
      const { fetch } = recorder(status, body);
      await expect(createTransport({ baseUrl: '', fetch }).request('GET', '/api/x')).rejects.toMatchObject({
        status,
        code,
      });
    }
  });

  it('reports a fetch that throws as a network error', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(createTransport({ baseUrl: '', fetch }).request('GET', '/api/x')).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });

  it('rejects an answer that does not fit the schema as bad_response', async () => {
    const { fetch } = recorder(200, { id: 'not-a-uuid' });
    const schema = z.object({ id: z.uuid() });
    await expect(
      createTransport({ baseUrl: '', fetch }).request('GET', '/api/auth/me', { schema }),
    ).rejects.toMatchObject({ code: 'bad_response', status: 200 });
  });

  it('returns the parsed value when the answer fits the schema', async () => {
    const { fetch } = recorder(200, { n: 2, extra: 'dropped' });
    const value = await createTransport({ baseUrl: '', fetch }).request('GET', '/api/x', {
      schema: z.object({ n: z.int() }),
    });
    expect(value).toEqual({ n: 2 });
  });

  it('tells the host about a lost session but not about a wrong password', async () => {
    const lost: ApiError[] = [];
    const onUnauthenticated = (error: ApiError): void => {
      lost.push(error);
    };
    const wrong = recorder(401, { error: { code: 'invalid_credentials', message: 'no' } });
    await expect(
      createTransport({ baseUrl: '', fetch: wrong.fetch, onUnauthenticated }).request(
        'POST',
        '/api/auth/login',
      ),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(lost).toHaveLength(0);
    const expired = recorder(401, { error: { code: 'session_expired', message: 'gone' } });
    await expect(
      createTransport({ baseUrl: '', fetch: expired.fetch, onUnauthenticated }).request('GET', '/api/tasks'),
    ).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost.map((e) => e.code)).toEqual(['session_expired']);
  });

  it('downloads the bytes with the file name from Content-Disposition', async () => {
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent('推进表.xlsx')}`;
    const { sent, fetch } = recorder(200, 'xlsx', { 'Content-Disposition': disposition });
    const file = await createTransport({ baseUrl: '', fetch }).download('/api/plans/1/export.xlsx');
    expect(file).toEqual({ bytes: 'bytes:xlsx', fileName: '推进表.xlsx' });
    expect(first(sent).init.method).toBe('GET');
  });

  it('fits the global fetch of the host as is', async () => {
    const http = createTransport<FormData, Blob>({
      baseUrl: '',
      fetch: () => Promise.resolve(new Response(JSON.stringify({ ok: true }), { status: 200 })),
    });
    await expect(http.request('GET', '/api/x')).resolves.toEqual({ ok: true });
  });
});

describe('withQuery', () => {
  it('form-encodes set values and drops empty ones', () => {
    expect(withQuery('/api/tasks', { q: '疾控 科', status: 'overdue', unitId: null, x: '' })).toBe(
      `/api/tasks?q=${encodeURIComponent('疾控')}+${encodeURIComponent('科')}&status=overdue`,
    );
    expect(withQuery('/api/tasks', { q: '' })).toBe('/api/tasks');
    expect(new URLSearchParams(withQuery('', { a: 'x&y=z', b: true }).slice(1)).get('a')).toBe('x&y=z');
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 file name and falls back to the plain one', () => {
    expect(
      fileNameOf(`attachment; filename="x.xlsx"; filename*=UTF-8''${encodeURIComponent('表.xlsx')}`),
    ).toBe('表.xlsx');
    expect(fileNameOf('attachment; filename="plan.xlsx"')).toBe('plan.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A")).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
