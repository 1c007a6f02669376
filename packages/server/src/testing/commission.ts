import type { Db } from '../db/database.js';
import { insertUnitGroup } from '../repositories/unit-repository.js';
import { createTenant, createUnit, createUser } from './factories.js';

/** A small commission with the units the fixture plan names, and one user per role. */
export async function createCommission(db: Db, fields: Parameters<typeof createTenant>[1] = {}) {
  const tenant = await createTenant(db, fields);
  const units = {
    reform: await createUnit(db, tenant.id, { name: '体制改革科', aliases: ['体改科'] }),
    medical: await createUnit(db, tenant.id, { name: '医政医管科', aliases: ['医政科'] }),
    planning: await createUnit(db, tenant.id, { name: '规划信息科' }),
    maternal: await createUnit(db, tenant.id, { name: '妇幼健康科' }),
    countyA: await createUnit(db, tenant.id, { name: '临水县卫生健康局', kind: 'county' }),
    countyB: await createUnit(db, tenant.id, { name: '云溪区卫生健康局', kind: 'county' }),
  };
  await insertUnitGroup(db, tenant.id, '各县市区卫生健康局', [units.countyA.id, units.countyB.id]);
  const users = {
    admin: await createUser(db, tenant.id, { role: 'admin' }),
    secadmin: await createUser(db, tenant.id, { role: 'secadmin' }),
    auditor: await createUser(db, tenant.id, { role: 'auditor' }),
    leader: await createUser(db, tenant.id, { role: 'leader' }),
    planner: await createUser(db, tenant.id, { role: 'planner', unitIds: [units.planning.id] }),
    reporter: await createUser(db, tenant.id, { role: 'reporter', unitIds: [units.medical.id] }),
    otherReporter: await createUser(db, tenant.id, { role: 'reporter', unitIds: [units.maternal.id] }),
    viewer: await createUser(db, tenant.id, { role: 'viewer' }),
    operator: await createUser(db, tenant.id, { role: 'operator' }),
  };
  return { tenant, units, users };
}

export type Commission = Awaited<ReturnType<typeof createCommission>>;
