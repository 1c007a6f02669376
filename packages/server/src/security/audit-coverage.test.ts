import type { ReportDto } from '@yaodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommission, type Commission } from '../testing/commission.js';
import { multipartFile, planFixture } from '../testing/plan-fixture.js';
import { publishFixturePlan } from '../testing/published-plan.js';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { DB_HOOK_TIMEOUT } from '../testing/test-database.js';

/*
 * 等保2.0 三级 · 安全计算环境 · 安全审计 (8.1.4.3 a–b: 审计覆盖到每个用户，对重要的用户行为和重要安全事件进行
 * 审计). Data leaving the system (exports, downloads of sources and evidence) and sign-in failures for names
 * nobody holds are recorded like every other security event; security-audit.test.ts covers denials, CSRF
 * failures and reads of the log, identity.test.ts failures and locks of known names.
 */
let t: TestApp;
let c: Commission;
let planner: Session;
let reporter: Session;

beforeAll(async () => {
  t = await createTestApp({ readPlan: () => Promise.resolve(planFixture()), now: '2026-02-10T02:00:00Z' });
  c = await createCommission(t.db);
  planner = await t.login(c.users.planner);
  reporter = await t.login(c.users.reporter);
}, DB_HOOK_TIMEOUT);
afterAll(async () => {
  await t.close();
}, DB_HOOK_TIMEOUT);

async function auditOf(action: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['tenant_id', 'actor_id', 'entity', 'entity_id', 'after'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('等保2.0 三级 · 安全审计 (security audit): data leaving the system and unknown sign-in names', () => {
  it('records the 推进表 export and the source download with who, what and how many bytes', async () => {
    const p = await publishFixturePlan(t, planner);
    const exported = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/export.xlsx` });
    expect(exported.statusCode).toBe(200);
    const source = await t.as(planner, { method: 'GET', url: `/api/plans/${p.plan.id}/source` });
    expect(source.statusCode).toBe(200);
    expect(await auditOf('plan.export')).toEqual([
      {
        tenant_id: c.tenant.id,
        actor_id: c.users.planner.id,
        entity: 'plan',
        entity_id: p.plan.id,
        after: expect.objectContaining({ bytes: exported.rawPayload.length }) as unknown,
      },
    ]);
    expect(await auditOf('plan.source.download')).toEqual([
      {
        tenant_id: c.tenant.id,
        actor_id: c.users.planner.id,
        entity: 'plan',
        entity_id: p.plan.id,
        after: { fileName: 'plan.txt', bytes: source.rawPayload.length },
      },
    ]);

    const report = (
      await t.as(reporter, {
        method: 'POST',
        url: '/api/reports',
        payload: {
          itemId: p.item('推进紧密型县域医共体建设').id,
          unitId: c.units.medical.id,
          periodId: p.periods[1]?.id,
          percent: 40,
          narrative: '已推进',
          submit: false,
        },
      })
    ).json<{ report: ReportDto }>().report;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x20), Buffer.from('%%EOF')]);
    const { payload, headers } = multipartFile('会议纪要.pdf', pdf);
    const attachment = (
      await t.as(reporter, { method: 'POST', url: `/api/reports/${report.id}/attachments`, payload, headers })
    ).json<{ id: string }>();
    const download = await t.as(planner, { method: 'GET', url: `/api/attachments/${attachment.id}` });
    expect(download.statusCode).toBe(200);
    expect(await auditOf('attachment.download')).toEqual([
      {
        tenant_id: c.tenant.id,
        actor_id: c.users.planner.id,
        entity: 'attachment',
        entity_id: attachment.id,
        after: { reportId: report.id, fileName: '会议纪要.pdf', bytes: pdf.length },
      },
    ]);
  });

  it('records failed sign-ins and the lock for a name nobody holds, with the same answer as ever', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'No.Such.User', password: 'wrong-password-1' },
        remoteAddress: `10.9.0.${String(i + 1)}`,
      });
      answers.push(r.statusCode);
    }
    // The fifth failure uses up the allowance: it is recorded, then the name is locked.
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const failures = await auditOf('login.failure');
    const unknown = failures.filter((f) => f.entity === 'login');
    expect(unknown).toHaveLength(5);
    expect(unknown.every((f) => f.tenant_id === c.tenant.id && f.entity_id === 'no.such.user')).toBe(true);
    expect(unknown[0]?.after).toMatchObject({ ip: '10.9.0.1', unknownName: true, attempt: 1 });
    const locks = (await auditOf('login.lock')).filter((f) => f.entity === 'login');
    expect(locks).toEqual([
      expect.objectContaining({ tenant_id: c.tenant.id, entity_id: 'no.such.user' }) as unknown,
    ]);
  });
});
