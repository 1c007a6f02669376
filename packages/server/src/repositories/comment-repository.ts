import type { Executor } from '../db/database.js';

export interface CommentView {
  id: string;
  item_id: string | null;
  report_id: string | null;
  author_id: string;
  author_name: string;
  body: string;
  created_at: Date;
}

export async function insertComment(
  db: Executor,
  c: {
    tenantId: string;
    itemId: string | null;
    reportId: string | null;
    authorId: string;
    body: string;
    at: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('comments')
    .values({
      tenant_id: c.tenantId,
      item_id: c.itemId,
      report_id: c.reportId,
      author_id: c.authorId,
      body: c.body,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listComments(
  db: Executor,
  tenantId: string,
  on: { itemId: string } | { reportId: string },
): Promise<CommentView[]> {
  let q = db
    .selectFrom('comments')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'comments.tenant_id').onRef('users.id', '=', 'comments.author_id'),
    )
    .select([
      'comments.id',
      'comments.item_id',
      'comments.report_id',
      'comments.author_id',
      'users.display_name as author_name',
      'comments.body',
      'comments.created_at',
    ])
    .where('comments.tenant_id', '=', tenantId);
  q =
    'itemId' in on
      ? q.where('comments.item_id', '=', on.itemId)
      : q.where('comments.report_id', '=', on.reportId);
  return q.orderBy('comments.created_at').orderBy('comments.id').execute();
}
