import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.js';
import { DEMO_UNITS } from '../demo/seed.js';
import { insertUnit, insertUnitGroup } from '../repositories/unit-repository.js';
import { createTenant, createUser } from './factories.js';

/** The five real plans live beside the clone, in ../shared/corpus (they are not part of the repository). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

/** A corpus plan by its number prefix ('001'); fails saying where the corpus must be when it is missing. */
export function corpusFile(prefix: string): { fileName: string; bytes: Buffer } {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(
      `The plan corpus is missing: put the corpus plans in ${CORPUS_DIR} (../shared/corpus beside the repository clone); see README "Tests".`,
    );
  }
  const fileName = readdirSync(CORPUS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!fileName) throw new Error(`No corpus plan ${prefix}_… in ${CORPUS_DIR}`);
  return { fileName, bytes: readFileSync(`${CORPUS_DIR}${fileName}`) };
}

/** A commission with the demo's units and collective names, and a planner, an admin and a reporter. */
export async function createCorpusCommission(db: Db) {
  const tenant = await createTenant(db);
  const units = new Map<string, string>();
  for (const [name, kind, aliases] of DEMO_UNITS)
    units.set(name, (await insertUnit(db, tenant.id, { name, kind, aliases })).id);
  const ofKind = (kind: string) => DEMO_UNITS.filter((u) => u[1] === kind).map((u) => units.get(u[0]) ?? '');
  await insertUnitGroup(db, tenant.id, '各县市区卫生健康局', ofKind('county'));
  await insertUnitGroup(db, tenant.id, '委机关各科室', ofKind('department'));
  const unit = (name: string): string => {
    const id = units.get(name);
    if (!id) throw new Error(`no unit ${name}`);
    return id;
  };
  return {
    tenant,
    unit,
    users: {
      admin: await createUser(db, tenant.id, { role: 'admin' }),
      planner: await createUser(db, tenant.id, { role: 'planner' }),
      reporter: await createUser(db, tenant.id, { role: 'reporter', unitIds: [unit('基层卫生健康科')] }),
    },
  };
}
