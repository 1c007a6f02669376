import { describe, expect, it } from 'vitest';
import { ENDPOINT_LIST, ENDPOINTS } from '../endpoints/index.js';
import { createApiClient } from './api-client.js';
import type { FetchInit, FetchLike } from './fetch-types.js';

const USER_ID = '0f8a3c52-5d7e-4b61-9a0c-2e4f6b8d1a31';
const TENANT_ID = '6b1d9e74-3a2c-4f85-8e07-c5d4a9b2f160';
const UNIT_ID = 'a4c7e2f9-1b38-4d56-b0e9-7f2a6c8d3e45';

const me = {
  id: USER_ID,
  tenantId: TENANT_ID,
  tenantName: '示例市卫生健康委员会',
  username: 'liu',
  displayName: '刘科长',
  role: 'admin',
  unitIds: [UNIT_ID],
  unitNames: ['疾病预防控制科'],
  passwordChange: null,
  passwordRules: { minLength: 10, minClasses: 3, history: 5 },
};
const unit = {
  id: UNIT_ID,
  name: '疾病预防控制科',
  kind: 'department',
  aliases: ['疾控科'],
  linkedTenantId: null,
};

interface Sent {
  url: string;
  init: FetchInit<string[]>;
}

/** A fake server: answers each call from `route` by method and path, and records what was sent. */
function fakeServer(route: (method: string, url: string) => [number, unknown]) {
  const sent: Sent[] = [];
  const fetch: FetchLike<string[], string> = (url, init) => {
    sent.push({ url, init });
    const [status, body] = route(init.method, url);
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      headers: { get: () => null },
      text: () => Promise.resolve(body === undefined ? '' : JSON.stringify(body)),
      blob: () => Promise.resolve('bytes'),
    });
  };
  return { sent, fetch };
}

function bodyOf(call: Sent | undefined): unknown {
  return JSON.parse((call?.init.body as string | undefined) ?? 'null');
}

describe('createApiClient', () => {
  it('keeps the CSRF token from sign-in for later writes and forgets it on sign-out, even a failed one', async () => {
    const server = fakeServer((method, url) => {
      if (url === '/api/auth/login') return [200, { user: me, csrfToken: 'tok-1' }];
      if (url === '/api/auth/logout') return [500, undefined];
      return [200, { units: [unit] }];
    });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    await expect(client.login('liu', 'pw')).resolves.toEqual(me);
    expect(bodyOf(server.sent[0])).toEqual({ username: 'liu', password: 'pw' });
    expect(client.transport.csrf.get()).toBe('tok-1');
    await client.units();
    await client.createUnit('疾病预防控制科', 'department', []).catch(() => undefined);
    expect(server.sent[1]?.init.headers).not.toHaveProperty('X-CSRF-Token');
    expect(server.sent[2]?.init.headers['X-CSRF-Token']).toBe('tok-1');
    await expect(client.logout()).rejects.toMatchObject({ code: 'internal' });
    expect(client.transport.csrf.get()).toBeNull();
  });

  it('unwraps list answers and checks each row against the contract', async () => {
    const good = fakeServer(() => [200, { units: [unit] }]);
    await expect(createApiClient({ baseUrl: '', fetch: good.fetch }).units()).resolves.toEqual([unit]);
    const bad = fakeServer(() => [200, { units: [{ ...unit, kind: 'bureau' }] }]);
    await expect(createApiClient({ baseUrl: '', fetch: bad.fetch }).units()).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('sends the version of a row it changes, in the body or, for a delete, in the query', async () => {
    const server = fakeServer(() => [409, { error: { code: 'version_conflict', message: 'stale' } }]);
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    const item = { id: 'i 1', version: 4 };
    await expect(client.moveItem('p1', item, null, 2)).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(client.deleteItem('p1', item)).rejects.toMatchObject({ code: 'version_conflict' });
    expect(server.sent[0]?.url).toBe('/api/plans/p1/items/i%201/move');
    expect(bodyOf(server.sent[0])).toEqual({ version: 4, parentId: null, position: 2 });
    expect(server.sent[1]?.init.method).toBe('DELETE');
    expect(server.sent[1]?.url).toBe('/api/plans/p1/items/i%201?version=4');
  });

  it('sends the idempotency key with a new report and leaves empty filters out of a list query', async () => {
    const server = fakeServer(() => [
      400,
      { error: { code: 'validation_failed', message: 'x', field: 'percent' } },
    ]);
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    const fields = { percent: 120, narrative: '', problems: '', nextSteps: '', actuals: [] };
    const failure = client.createReport(
      { ...fields, itemId: 'i', unitId: 'u', periodId: 'p', submit: true },
      'key-7',
    );
    await expect(failure).rejects.toMatchObject({ code: 'validation_failed', field: 'percent' });
    expect(server.sent[0]?.init.headers['Idempotency-Key']).toBe('key-7');
    await client.tasks({ planId: 'p1', q: '' }).catch(() => undefined);
    expect(server.sent[1]?.url).toBe('/api/tasks?planId=p1&limit=200');
  });

  it('reads the task list page after page until the server gives no cursor', async () => {
    const task = (id: string) => ({
      id,
      planId: '00000000-0000-4000-8000-000000000001',
      sectionId: null,
      sectionTitle: null,
      number: '1',
      title: 't',
      text: 't',
      deadline: null,
      deadlineText: null,
      leadUnits: [],
      supportUnits: [],
      reportingUnits: [],
      status: 'on_track',
      statusReason: '',
      percent: null,
      latestNarrative: null,
      pending: [],
    });
    const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const server = fakeServer((_method, url) =>
      url.includes('cursor=c1')
        ? [200, { tasks: [task(ids[1] ?? '')], nextCursor: null }]
        : [200, { tasks: [task(ids[0] ?? '')], nextCursor: 'c1' }],
    );
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    expect((await client.tasks({ planId: 'p1' })).map((x) => x.id)).toEqual(ids);
    expect(server.sent.map((x) => x.url)).toEqual([
      '/api/tasks?planId=p1&limit=200',
      '/api/tasks?planId=p1&limit=200&cursor=c1',
    ]);
  });

  it('uploads a form through the per-call transport, with the CSRF token and no JSON type', async () => {
    const shared = fakeServer(() => [500, undefined]);
    const upload = fakeServer(() => [413, { error: { code: 'payload_too_large', message: 'big' } }]);
    const client = createApiClient({ baseUrl: '', fetch: shared.fetch });
    client.transport.csrf.set('tok-2');
    const form = ['file:plan.docx'];
    await expect(client.importPlan(form, { fetch: upload.fetch })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(shared.sent).toHaveLength(0);
    const call = upload.sent[0];
    expect(call?.url).toBe('/api/plans');
    expect(call?.init.body).toBe(form);
    expect(call?.init.headers['X-CSRF-Token']).toBe('tok-2');
    expect(call?.init.headers).not.toHaveProperty('Content-Type');
  });

  it('builds attachment links and downloads on the base URL', async () => {
    const server = fakeServer(() => [200, undefined]);
    const client = createApiClient({ baseUrl: 'https://yd.example/', fetch: server.fetch });
    expect(client.attachmentUrl('a/b')).toBe('https://yd.example/api/attachments/a%2Fb');
    await expect(client.exportXlsx('p1')).resolves.toEqual({ bytes: 'bytes', fileName: null });
    expect(server.sent[0]?.url).toBe('https://yd.example/api/plans/p1/export.xlsx');
  });

  it('reads the plan text and refuses an answer without it', async () => {
    const good = fakeServer(() => [200, { text: '一、总体要求' }]);
    await expect(createApiClient({ baseUrl: '', fetch: good.fetch }).planText('p1')).resolves.toBe(
      '一、总体要求',
    );
    expect(good.sent[0]?.url).toBe('/api/plans/p1/text');
    const bad = fakeServer(() => [200, {}]);
    await expect(createApiClient({ baseUrl: '', fetch: bad.fetch }).planText('p1')).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});

describe('calls derived from the endpoint table', () => {
  it('fills path parameters, appends the query and checks the answer with the row’s schema', async () => {
    const server = fakeServer((method, url) => {
      if (method === 'PATCH' && url === `/api/units/${UNIT_ID}`) return [200, unit];
      if (method === 'GET' && url.startsWith('/api/reports?')) return [200, { reports: [] }];
      return [404, { error: { code: 'not_found', message: 'no' } }];
    });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    await expect(
      client.call(ENDPOINTS.updateUnit, { params: { id: UNIT_ID }, body: { aliases: ['疾控'] } }),
    ).resolves.toEqual(unit);
    expect(bodyOf(server.sent[0])).toEqual({ aliases: ['疾控'] });
    await expect(client.reports({ unitId: UNIT_ID, state: 'submitted' })).resolves.toEqual([]);
    expect(server.sent[1]?.url).toBe(`/api/reports?unitId=${UNIT_ID}&state=submitted`);
  });

  it('rejects an answer that does not match the row’s response schema', async () => {
    const server = fakeServer(() => [200, { units: [{ id: 'not-a-uuid' }] }]);
    const client = createApiClient({ baseUrl: '', fetch: server.fetch });
    await expect(client.units()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('has a method for every row of the table', () => {
    const client = createApiClient({ baseUrl: '', fetch: fakeServer(() => [200, null]).fetch });
    const methods = client as unknown as Record<string, unknown>;
    expect(ENDPOINT_LIST.filter((row) => typeof methods[row.name] !== 'function').map((r) => r.name)).toEqual(
      [],
    );
  });
});
