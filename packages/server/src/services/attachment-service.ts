import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentMediaType } from '@yaodian/core';
import { sniffMediaType } from '../domain/sniff-media-type.js';
import { AppError, notFound, stateConflict } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { authorizeForUnit, authorizeReport } from '../policies/reports.js';
import {
  deleteAttachment,
  findAttachment,
  insertAttachment,
  listReportAttachments,
  type AttachmentRow,
} from '../repositories/attachment-repository.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { findReport, lockReport } from '../repositories/report-repository.js';
import { stripInvisible } from '../domain/text-safety.js';
import type { Deps } from './deps.js';
import { getReport } from './report-service.js';
import { ERRORS, stateName } from '../messaging/error-messages.js';

function present(a: AttachmentRow) {
  return {
    id: a.id,
    reportId: a.report_id,
    fileName: a.file_name,
    mediaType: a.media_type as AttachmentMediaType,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    uploadedAt: a.uploaded_at.toISOString(),
  };
}

/** Keeps a name printable and short; it is only ever shown, never used as a path. */
function cleanName(name: string): string {
  const cleaned = stripInvisible(name)
    .split('')
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' || ch === '/' || ch === '\\' ? '_' : ch))
    .join('')
    .trim()
    .slice(-255);
  return cleaned || 'attachment';
}

export async function attach(
  deps: Deps,
  actor: Actor,
  reportId: string,
  upload: { fileName: string; bytes: Buffer },
) {
  authorizeReport(actor, 'write');
  const report = await findReport(deps.db, actor.tenantId, reportId);
  if (!report) throw notFound('report');
  authorizeForUnit(actor, report.unit_id);
  if (report.state !== 'draft' && report.state !== 'returned')
    throw stateConflict(ERRORS.report.evidenceLocked(stateName(report.state)));
  if (upload.bytes.length === 0)
    throw new AppError('validation_failed', ERRORS.upload.emptyFile, {
      field: 'file',
      details: [{ field: 'file', rule: 'empty_file' }],
    });
  if (upload.bytes.length > deps.maxAttachmentBytes)
    throw new AppError('payload_too_large', ERRORS.upload.attachmentTooLarge(deps.maxAttachmentBytes), {
      field: 'file',
      details: [{ field: 'file', rule: 'file_too_large', limit: deps.maxAttachmentBytes }],
    });
  const mediaType = sniffMediaType(upload.bytes);
  if (!mediaType)
    throw new AppError('unsupported_media_type', ERRORS.upload.attachmentTypes, {
      field: 'file',
    });

  const id = randomUUID();
  await deps.files.put(actor.tenantId, id, upload.bytes);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await insertAttachment(trx, {
        tenantId: actor.tenantId,
        id,
        reportId,
        fileName: cleanName(upload.fileName),
        mediaType,
        sizeBytes: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        uploadedBy: actor.userId,
        at: deps.clock.now(),
      });
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: 'attachment.create',
        entity: 'report',
        entityId: reportId,
        after: present(row),
        at: deps.clock.now(),
      });
      return present(row);
    });
  } catch (error) {
    await deps.files.remove(actor.tenantId, id);
    throw error;
  }
}

export async function listAttachments(deps: Deps, actor: Actor, reportId: string) {
  await getReport(deps, actor, reportId);
  return { attachments: (await listReportAttachments(deps.db, actor.tenantId, reportId)).map(present) };
}

export async function readAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  authorizeReport(actor, 'read');
  const row = await findAttachment(deps.db, actor.tenantId, attachmentId);
  if (!row) throw notFound('attachment');
  await getReport(deps, actor, row.report_id);
  const bytes = await deps.files.get(actor.tenantId, row.id);
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'attachment.download',
    entity: 'attachment',
    entityId: row.id,
    after: { reportId: row.report_id, fileName: row.file_name, bytes: bytes.length },
    at: deps.clock.now(),
  });
  return { fileName: row.file_name, mediaType: row.media_type, bytes };
}

/**
 * Removes a wrong attachment while its report can still be edited (draft or returned); once submitted the
 * evidence is part of what is reviewed and stays. The row goes in one transaction with its audit entry, under
 * a lock on the report so a submission cannot slip in between; the bytes are removed after the commit.
 */
export async function detach(deps: Deps, actor: Actor, attachmentId: string): Promise<void> {
  authorizeReport(actor, 'write');
  const removed = await deps.db.transaction().execute(async (trx) => {
    const row = await findAttachment(trx, actor.tenantId, attachmentId);
    if (!row) throw notFound('attachment');
    const report = await lockReport(trx, actor.tenantId, row.report_id);
    if (!report) throw notFound('attachment');
    authorizeForUnit(actor, report.unit_id);
    if (report.state !== 'draft' && report.state !== 'returned')
      throw stateConflict(ERRORS.report.evidenceLocked(stateName(report.state)));
    if (!(await deleteAttachment(trx, actor.tenantId, attachmentId))) throw notFound('attachment');
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'attachment.delete',
      entity: 'report',
      entityId: report.id,
      before: present(row),
      at: deps.clock.now(),
    });
    return row;
  });
  await deps.files.remove(actor.tenantId, removed.id);
}
