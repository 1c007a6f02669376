import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENDPOINT_LIST, OkResponse, type AnyEndpoint } from '@yaodian/core';
import { describe, expect, it } from 'vitest';

/*
 * The convention every row of the endpoint table follows (docs/ARCHITECTURE.md, "Endpoints"):
 *   route    http/routes/<resource>/*.ts registers it with register(app, <table>.<name>, handler)
 *   service  the route file calls services/<x>-service.ts (one or more, each existing)
 *   policy   policies/<resource>.ts
 *   presenter presenters/<singular>-presenter.ts, for a row answering a resource (not ok/file)
 *   test     http/routes/<resource>/*.test.ts
 * Gaps are listed below with their reason; an entry no longer needed fails the test, so the list only shrinks.
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));
const ROUTES = join(SRC, 'http', 'routes');

/** `<resource>:<kind>` → why that resource does not follow the convention (yet). */
const EXCEPTIONS: Record<string, string> = {
  'auth:policy': 'sign-in and the session are open to every role; nothing to decide beyond a live session',
  'auth:presenter': 'answers the signed-in user (me-service shapes it) and a token; no stored resource',
  'health:policy': 'public liveness probe',
  'health:presenter': 'answers a status, no resource',
  'health:test': 'served by server.test.ts and the authorisation matrix',
  'items:presenter': 'answers the plan (plan-presenter)',
  'targets:presenter': 'answers the plan (plan-presenter)',
  'targets:test': 'target edits are tested in routes/plans/plans.test.ts',
  'comments:test': 'comments are tested in routes/plans/exports.test.ts and the matrix',
};

function routeFiles(): { path: string; folder: string; text: string }[] {
  return readdirSync(ROUTES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(ROUTES, dir.name))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => ({
          path: join(ROUTES, dir.name, file),
          folder: dir.name,
          text: readFileSync(join(ROUTES, dir.name, file), 'utf8'),
        })),
    );
}

const singular = (folder: string): string => folder.replace(/s$/, '');
const answersResource = (row: AnyEndpoint): boolean =>
  typeof row.response === 'object' && row.response !== OkResponse;

describe('endpoint conventions', () => {
  const files = routeFiles();

  it('gives every row its route file, service, policy, presenter and test under the conventional names', () => {
    const gaps: string[] = [];
    const used = new Set<string>();
    const gap = (folder: string, kind: string, what: string): void => {
      const key = `${folder}:${kind}`;
      if (key in EXCEPTIONS) used.add(key);
      else gaps.push(what);
    };
    for (const row of ENDPOINT_LIST) {
      const file = files.find((f) => new RegExp(`register\\(app, \\w+\\.${row.name},`).test(f.text));
      if (!file) {
        gaps.push(`${row.name}: no route file under http/routes registers it`);
        continue;
      }
      const services = [...file.text.matchAll(/services\/([a-z-]+-service)\.js/g)].map((m) => m[1] ?? '');
      if (services.length === 0) gaps.push(`${row.name}: ${file.folder} route file calls no service`);
      for (const service of services)
        if (!existsSync(join(SRC, 'services', `${service}.ts`))) gaps.push(`${row.name}: no ${service}.ts`);
      if (!existsSync(join(SRC, 'policies', `${file.folder}.ts`)))
        gap(file.folder, 'policy', `${row.name}: no policies/${file.folder}.ts`);
      if (
        answersResource(row) &&
        !existsSync(join(SRC, 'presenters', `${singular(file.folder)}-presenter.ts`))
      )
        gap(file.folder, 'presenter', `${row.name}: no presenters/${singular(file.folder)}-presenter.ts`);
      if (!readdirSync(join(ROUTES, file.folder)).some((f) => f.endsWith('.test.ts')))
        gap(file.folder, 'test', `${row.name}: no test file in http/routes/${file.folder}/`);
    }
    expect(gaps, 'rows breaking the convention (fix, or list the exception with its reason)').toEqual([]);
    expect(
      Object.keys(EXCEPTIONS).filter((key) => !used.has(key)),
      'exceptions no longer needed (delete them)',
    ).toEqual([]);
  });

  it('registers routes only from the table (no app.get/post/… beside register())', () => {
    const direct = files
      .filter((f) => /\bapp\.(get|post|put|patch|delete|route)\(/.test(f.text))
      .map((f) => f.path.slice(SRC.length));
    expect(direct, 'route files registering outside the endpoint table').toEqual([]);
  });
});
