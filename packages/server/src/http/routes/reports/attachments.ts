import { AttachmentList, ErrorResponse, IdParams, OkResponse } from '@yaodian/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors/app-error.js';
import { attach, detach, listAttachments, readAttachment } from '../../../services/attachment-service.js';
import type { Deps } from '../../../services/deps.js';
import { actorOf } from '../../auth-hook.js';

export function attachmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/api/reports/:id/attachments',
      {
        schema: {
          tags: ['reports'],
          params: IdParams,
          response: { 200: AttachmentList, 404: ErrorResponse },
        },
      },
      (request) => listAttachments(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/api/reports/:id/attachments',
      {
        schema: {
          tags: ['reports'],
          summary: 'Attach evidence (multipart field "file"; PDF, PNG, JPEG, Word, Excel by content)',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: {
            201: AttachmentList.shape.attachments.element,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart())
          throw new AppError('validation_failed', 'Send the file as multipart/form-data', { field: 'file' });
        const file = await request.file();
        if (file?.fieldname !== 'file')
          throw new AppError('validation_failed', 'Attach the file in the "file" field', { field: 'file' });
        const attachment = await attach(deps, actor, request.params.id, {
          fileName: file.filename,
          bytes: await file.toBuffer(),
        });
        return reply.status(201).send(attachment);
      },
    );
    app.get(
      '/api/attachments/:id',
      { schema: { tags: ['reports'], summary: 'Download an attachment', params: IdParams } },
      async (request, reply) => {
        const { fileName, mediaType, bytes } = await readAttachment(
          deps,
          actorOf(request),
          request.params.id,
        );
        return reply
          .header('content-type', mediaType)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(bytes);
      },
    );
    app.delete(
      '/api/attachments/:id',
      {
        schema: {
          tags: ['reports'],
          summary: 'Remove an attachment while its report is a draft or returned (409 once submitted)',
          params: IdParams,
          response: { 200: OkResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => {
        await detach(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
    return Promise.resolve();
  };
}
