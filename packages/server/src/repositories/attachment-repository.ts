import type { Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AttachmentTable } from '../db/schema.js';

export type AttachmentRow = Selectable<AttachmentTable>;

export function insertAttachment(
  db: Executor,
  a: {
    tenantId: string;
    id: string;
    reportId: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    at: Date;
  },
): Promise<AttachmentRow> {
  return db
    .insertInto('attachments')
    .values({
      tenant_id: a.tenantId,
      id: a.id,
      report_id: a.reportId,
      file_name: a.fileName,
      media_type: a.mediaType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      uploaded_by: a.uploadedBy,
      uploaded_at: a.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listReportAttachments(
  db: Executor,
  tenantId: string,
  reportId: string,
): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('report_id', '=', reportId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export function findAttachment(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countReportAttachments(
  db: Executor,
  tenantId: string,
  reportId: string,
): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteAttachment(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('attachments')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
