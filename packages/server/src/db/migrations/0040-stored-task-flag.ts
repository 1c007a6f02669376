import { sql, type Kysely } from 'kysely';

/*
 * `items.is_task` becomes the one record of what is a task (set at import, changed by the planner).
 * Before, a leaf below no marked item counted as a task without being marked: mark exactly those, so every
 * existing plan keeps the same tasks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    WITH RECURSIVE walk (tenant_id, id, above) AS (
      SELECT tenant_id, id, false FROM items WHERE parent_id IS NULL
      UNION ALL
      SELECT c.tenant_id, c.id, w.above OR p.is_task
      FROM walk w
      JOIN items p ON p.tenant_id = w.tenant_id AND p.id = w.id
      JOIN items c ON c.tenant_id = p.tenant_id AND c.parent_id = p.id
    )
    UPDATE items SET is_task = true
    FROM walk
    WHERE items.tenant_id = walk.tenant_id
      AND items.id = walk.id
      AND NOT walk.above
      AND NOT items.is_task
      AND NOT EXISTS (
        SELECT 1 FROM items c WHERE c.tenant_id = items.tenant_id AND c.parent_id = items.id
      )`.execute(db);
}

export async function down(): Promise<void> {
  // The marks stay: under the old rule a marked leaf is the same task as an unmarked one.
}
