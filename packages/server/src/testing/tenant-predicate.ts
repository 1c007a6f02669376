/**
 * Whether a recorded SQL statement names one tenant (docs/SCALE.md, "Statements that name one tenant"): every
 * reference to a tenant table is pinned by a `tenant_id` predicate — to a parameter or literal, or equated
 * with another reference's `tenant_id` — or, in an INSERT, lists `tenant_id` among its columns; and every
 * `tenant_id` parameter of the statement carries the same value (no join across tenants). A lexical check, not
 * a parser: string literals and comments are blanked first, identifiers compared unquoted and lower-cased.
 */

const NOT_ALIASES = new Set(
  (
    'where on set join inner left right full cross natural order group limit using returning values select for ' +
    'union as and or default lateral offset having window with except intersect outer do'
  ).split(' '),
);

export interface TableReference {
  table: string;
  alias: string;
}

function normalise(text: string): string {
  return text
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The tenant tables a statement reads or writes, with the name each is referred to by. */
export function tenantReferences(statement: string, tenantTables: ReadonlySet<string>): TableReference[] {
  const text = normalise(statement);
  const refs: TableReference[] = [];
  const pattern = /\b(?:from|join|update|into)\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/g;
  for (const m of text.matchAll(pattern)) {
    const table = m[1] ?? '';
    if (!tenantTables.has(table)) continue;
    const alias = m[2] && !NOT_ALIASES.has(m[2]) ? m[2] : table;
    refs.push({ table, alias });
  }
  return refs;
}

export interface Finding {
  statement: string;
  problem: string;
}

/** What is wrong with a statement's tenant scoping, if anything. */
export function tenantScopeProblems(
  statement: string,
  parameters: readonly unknown[],
  tenantTables: ReadonlySet<string>,
): string[] {
  const text = normalise(statement);
  const problems: string[] = [];
  const refs = tenantReferences(statement, tenantTables);
  const aliases = new Set(refs.map((r) => r.alias));
  // Pinned: `x.tenant_id = $n` (or = a literal, IN, ANY), or unqualified for an unaliased table; then anything
  // equated `y.tenant_id = x.tenant_id` with a pinned x, or with a CTE's or subquery's column (checked itself).
  const pinned = new Set<string>();
  // `(?<![a-z0-9_])`: a column that only ends in tenant_id (org_units.linked_tenant_id) is a value naming
  // another commission, not this row's tenant key.
  for (const m of text.matchAll(
    /(?:\b([a-z_][a-z0-9_]*)\.)?(?<![a-z0-9_])tenant_id\s*(?:=\s*(?:\$\d+|''|any\b)|in\b)/g,
  ))
    pinned.add(m[1] ?? '');
  for (const m of text.matchAll(/(?:\$\d+|'')(?:::uuid)?\s*=\s*(?:([a-z_][a-z0-9_]*)\.)?tenant_id\b/g))
    pinned.add(m[1] ?? '');
  const edges = [
    ...text.matchAll(/\b([a-z_][a-z0-9_]*)\.tenant_id\s*=\s*([a-z_][a-z0-9_]*)\.tenant_id\b/g),
  ].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
  for (const [a, b] of edges) {
    if (!aliases.has(a)) pinned.add(a);
    if (!aliases.has(b)) pinned.add(b);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [a, b] of edges) {
      if (pinned.has(a) !== pinned.has(b)) {
        pinned.add(a);
        pinned.add(b);
        changed = true;
      }
    }
  }
  for (const ref of refs) {
    const insert = new RegExp(`\\binto ${ref.table}\\s*\\(([^)]*)\\)`).exec(text);
    if (insert && /\btenant_id\b/.test(insert[1] ?? '')) continue;
    if (pinned.has(ref.alias) || (ref.alias === ref.table && pinned.has(''))) continue;
    problems.push(
      `${ref.table}${ref.alias === ref.table ? '' : ` (${ref.alias})`} has no tenant_id predicate`,
    );
  }
  // Every parameter a tenant_id is compared with holds one value: the statement stays in one tenant.
  const values = new Set<string>();
  for (const m of text.matchAll(
    /(?<![a-z0-9_])tenant_id\s*=\s*\$(\d+)|\$(\d+)(?:::uuid)?\s*=\s*(?:[a-z_]+\.)?tenant_id\b/g,
  )) {
    const index = Number(m[1] ?? m[2]) - 1;
    values.add(String(parameters[index]));
  }
  if (values.size > 1) problems.push(`tenant_id compared with ${String(values.size)} different values`);
  return problems;
}
