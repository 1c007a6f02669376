import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../../../testing/commission.js';
import { createTestApp, type Session, type TestApp } from '../../../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../../../testing/test-database.js';

let t: TestApp;
let c: Commission;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  c = await createCommission(t.db);
  admin = await t.login(c.users.admin);
  // 三员分立: the system administrator makes the changes, the audit administrator reads them.
  auditor = await t.login(c.users.auditor);
  for (const name of ['甲科', '乙科', '丙科'])
    await t.as(admin, { method: 'POST', url: '/api/units', payload: { name, kind: 'department' } });
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

interface AuditPage {
  nextBefore: number | null;
  entries: {
    id: number;
    action: string;
    entity: string;
    entityId: string;
    actorId: string | null;
    actorName: string | null;
  }[];
}

describe('audit log', () => {
  it('pages the auditor back through filtered entries, newest first, with the audit presenter’s fields', async () => {
    const first = await t.as(auditor, { method: 'GET', url: '/api/audit?entity=unit&limit=2' });
    expect(first.statusCode).toBe(200);
    const page = first.json<AuditPage>();
    expect(page.entries.map((e) => e.action)).toEqual(['unit.create', 'unit.create']);
    expect(page.entries[0]?.actorId).toBe(c.users.admin.id);
    expect(Object.keys(page.entries[0] ?? {}).sort()).toEqual(
      [
        'action',
        'actorId',
        'actorName',
        'actorUsername',
        'after',
        'at',
        'before',
        'entity',
        'entityId',
        'id',
      ].sort(),
    );
    expect(page.nextBefore).toBe(page.entries[1]?.id);
    const rest = await t.as(auditor, {
      method: 'GET',
      url: `/api/audit?entity=unit&limit=2&before=${String(page.nextBefore)}`,
    });
    const older = rest.json<AuditPage>();
    expect(older.entries).toHaveLength(1);
    expect(older.nextBefore).toBeNull();
    expect(older.entries[0]?.id).toBeLessThan(page.entries[1]?.id ?? 0);
  });

  it('audits its own reading, and the chain verifies', async () => {
    await t.as(auditor, { method: 'GET', url: '/api/audit?entity=unit' });
    const reads = await t.as(auditor, { method: 'GET', url: '/api/audit?action=audit.read&limit=1' });
    expect(reads.json<AuditPage>().entries[0]).toMatchObject({ action: 'audit.read', entity: 'audit_log' });
    const verified = await t.as(auditor, { method: 'GET', url: '/api/audit/verify' });
    expect(verified.json()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('is closed to those without the audit permission, the system administrator included', async () => {
    expect((await t.as(admin, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const planner = await t.login(c.users.planner);
    expect((await t.as(planner, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.as(planner, { method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(403);
  });
});
