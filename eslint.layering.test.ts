import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from './eslint.layering.js';

// Each layering rule, shown firing on a planted violation and staying quiet on the allowed form beside it.
// The rules are linted exactly as eslint.config.js applies them, with the TypeScript parser but without
// type information (planted files are not part of any tsconfig project).
const eslint = new ESLint({
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...layering],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const cases: { rule: string; file: string; bad: string; good: string; says: RegExp }[] = [
  {
    rule: 'a package imports another it must not know',
    file: 'packages/core/src/planted.ts',
    bad: "import { buildApp } from '@yaodian/server';\nexport const x = buildApp;",
    good: "import { z } from 'zod';\nexport const x = z;",
    says: /core must not import server/,
  },
  {
    rule: 'the web reaches server code by relative path',
    file: 'packages/web/src/features/planted/planted.ts',
    bad: "import { openDatabase } from '../../../../server/src/db/database.js';\nexport const x = openDatabase;",
    good: "import { ROLES } from '@yaodian/core';\nexport const x = ROLES;",
    says: /must not reach another package's sources/,
  },
  {
    rule: 'a route imports a repository',
    file: 'packages/server/src/http/routes/planted/index.ts',
    bad: "import { findPlan } from '../../../repositories/plan-repository.js';\nexport const x = findPlan;",
    good: "import { getPlan } from '../../../services/plan-service.js';\nexport const x = getPlan;",
    says: /routes call services, not repositories/,
  },
  {
    rule: "a route imports Kysely's sql",
    file: 'packages/server/src/http/routes/planted/index.ts',
    bad: "import { sql } from 'kysely';\nexport const x = sql;",
    good: "import type { Kysely } from 'kysely';\nexport type X = Kysely<unknown>;",
    says: /a route must not run SQL/,
  },
  {
    rule: 'a route imports the database module',
    file: 'packages/server/src/http/routes/planted/index.ts',
    bad: "import { openDatabase } from '../../../db/database.js';\nexport const x = openDatabase;",
    good: "import type { Db } from '../../../db/database.js';\nexport type X = Db;",
    says: /routes must not touch the database/,
  },
  {
    rule: 'a route builds SQL on a handle it was given',
    file: 'packages/server/src/http/routes/planted/index.ts',
    bad: "export const f = (db: { selectFrom(t: string): unknown }) => db.selectFrom('plans');",
    good: "export const f = (s: { getPlan(t: string): unknown }) => s.getPlan('plans');",
    says: /a route must not build SQL/,
  },
  {
    rule: 'a service imports http/',
    file: 'packages/server/src/services/planted-service.ts',
    bad: "import { buildApp } from '../http/app.js';\nexport const x = buildApp;",
    good: "import { findPlan } from '../repositories/plan-repository.js';\nexport const x = findPlan;",
    says: /services must not import http/,
  },
  {
    rule: 'a service builds SQL',
    file: 'packages/server/src/services/planted-service.ts',
    bad: "export const f = (db: { insertInto(t: string): unknown }) => db.insertInto('plans');",
    good: 'export const f = (db: { transaction(): unknown }) => db.transaction();',
    says: /a service must not build SQL/,
  },
  {
    rule: "a service imports Kysely's sql tag",
    file: 'packages/server/src/services/planted-service.ts',
    bad: "import { sql } from 'kysely';\nexport const x = sql;",
    good: "import type { Transaction } from 'kysely';\nexport type X = Transaction<unknown>;",
    says: /services must not write SQL/,
  },
  {
    rule: 'domain/ imports a repository type',
    file: 'packages/server/src/domain/planted.ts',
    bad: "import type { PlanHeader } from '../repositories/plan-repository.js';\nexport type X = PlanHeader;",
    good: "import type { ItemRow } from '../db/schema.js';\nexport type X = ItemRow;",
    says: /domain\/ must stay pure/,
  },
  {
    rule: 'a presenter calls a repository',
    file: 'packages/server/src/presenters/planted-presenter.ts',
    bad: "import { findPlan } from '../repositories/plan-repository.js';\nexport const x = findPlan;",
    good: "import type { PlanHeader } from '../repositories/plan-repository.js';\nexport type X = PlanHeader;",
    says: /presenters must not load data/,
  },
  {
    rule: 'domain/ does I/O',
    file: 'packages/server/src/domain/planted.ts',
    bad: "import { readFile } from 'node:fs/promises';\nexport const x = readFile;",
    good: "import { createHash } from 'node:crypto';\nexport const x = createHash;",
    says: /domain\/ must not do I\/O/,
  },
  {
    rule: 'a document loads data',
    file: 'packages/server/src/documents/planted.ts',
    bad: "import { listPeriods } from '../repositories/period-repository.js';\nexport const x = listPeriods;",
    good: "import { FONT } from './official-layout.js';\nexport const x = FONT;",
    says: /documents\/ render what they are given/,
  },
  {
    rule: 'the CLI builds SQL',
    file: 'packages/cli/src/commands/planted.ts',
    bad: "export const f = (db: { selectFrom(t: string): unknown }) => db.selectFrom('plans');",
    good: "import { importPlan } from '@yaodian/server';\nexport const x = importPlan;",
    says: /the CLI must not build SQL/,
  },
  {
    rule: 'the CLI imports Kysely',
    file: 'packages/cli/src/commands/planted.ts',
    bad: "import { sql } from 'kysely';\nexport const x = sql;",
    good: "import type { Db } from '@yaodian/server';\nexport type X = Db;",
    says: /the CLI must not run SQL/,
  },
  {
    rule: 'process.env read outside a config module',
    file: 'packages/server/src/services/planted-service.ts',
    bad: 'export const level = process.env.LOG_LEVEL;',
    good: "export const level = 'warn';",
    says: /read settings in the config module only/,
  },
  {
    rule: 'a default export',
    file: 'packages/server/src/services/planted-service.ts',
    bad: 'export default 1;',
    good: 'export const one = 1;',
    says: /Use named exports/,
  },
];

describe('layering lint rules', () => {
  it.each(cases)('fires when $rule, and not on the allowed form', async ({ file, bad, good, says }) => {
    const fired = await problems(file, bad);
    expect(fired.join('\n')).toMatch(says);
    expect(await problems(file, good)).toEqual([]);
  });

  it('lets a config module read process.env', async () => {
    expect(await problems('packages/server/src/config/planted.ts', 'export const e = process.env;')).toEqual(
      [],
    );
    expect(await problems('packages/cli/src/config.ts', 'export const e = process.env;')).toEqual([]);
  });

  it('lets repositories build SQL', async () => {
    const code =
      "import { sql } from 'kysely';\nexport const f = (db: { selectFrom(t: string): unknown }) => [sql, db.selectFrom('plans')];";
    expect(await problems('packages/server/src/repositories/planted-repository.ts', code)).toEqual([]);
  });
});
