import { ErrorResponse, NotModified, type AnyEndpoint } from '@yaodian/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../policies/actor.js';
import { actorOf } from './auth-hook.js';
import { ERRORS } from '../messaging/error-messages.js';

/** A multipart upload's `file` part, read whole (the multipart plugin caps its size). */
/** The Idempotency-Key the endpoint's header schema validated, if sent. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : null;
}

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** What a download handler answers; the row names the fallback file name and default media type. */
export interface FileAnswer {
  fileName: string;
  mediaType?: string;
  bytes: Buffer | Uint8Array | string;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOf<B> = B extends z.ZodType ? z.output<B> : B extends 'multipart' ? Upload : undefined;
type AnswerOf<R> = R extends z.ZodType ? z.input<R> : R extends 'file' ? FileAnswer : undefined;

export interface RouteContext<E extends AnyEndpoint> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: BodyOf<E['body']>;
  /** The signed-in actor (every non-public row has one). */
  readonly actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<E extends AnyEndpoint> = (
  context: RouteContext<E>,
) => Promise<AnswerOf<E['response']> | FastifyReply> | AnswerOf<E['response']> | FastifyReply;
// A handler may send the reply itself (a 304 Not Modified) and return it.

async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError('validation_failed', ERRORS.upload.multipartOnly, { field: 'file' });
  const file = await request.file();
  if (file?.fieldname !== 'file')
    throw new AppError('validation_failed', ERRORS.upload.fileField, { field: 'file' });
  return { fileName: file.filename, bytes: await file.toBuffer() };
}

function schemaOf(endpoint: AnyEndpoint): Record<string, unknown> {
  const response: Record<number, z.ZodType> = {};
  if (endpoint.response !== undefined && endpoint.response !== 'file')
    for (const status of [endpoint.status, ...endpoint.alsoAnswers]) response[status] = endpoint.response;
  if (endpoint.notModified === true) response[304] = NotModified;
  for (const status of endpoint.errors) response[status] = ErrorResponse;
  return {
    tags: [endpoint.tag],
    ...(endpoint.summary === undefined ? {} : { summary: endpoint.summary }),
    ...(endpoint.params === undefined ? {} : { params: endpoint.params }),
    ...(endpoint.query === undefined ? {} : { querystring: endpoint.query }),
    ...(endpoint.headers === undefined ? {} : { headers: endpoint.headers }),
    ...(endpoint.body === undefined || endpoint.body === 'multipart' ? {} : { body: endpoint.body }),
    ...(endpoint.body === 'multipart' ? { consumes: ['multipart/form-data'] } : {}),
    ...(endpoint.file === undefined ? {} : { produces: [...endpoint.file.produces] }),
    ...(Object.keys(response).length === 0 ? {} : { response }),
  };
}

/** Registers one row of the endpoint table with its handler: path, method, schemas, status and access come from the row. */
export function register<E extends AnyEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: RouteHandler<E>,
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: { public: endpoint.public },
    schema: schemaOf(endpoint),
    handler: async (request, reply) => {
      const body =
        endpoint.body === 'multipart' ? await readUpload(request) : (request.body as BodyOf<E['body']>);
      // The row's success status; a handler may choose another (a replayed create, a degraded health check).
      void reply.status(endpoint.status);
      const answer = await handler({
        params: request.params as Parsed<E['params']>,
        query: request.query as Parsed<E['query']>,
        body: body as BodyOf<E['body']>,
        get actor() {
          return actorOf(request);
        },
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (endpoint.response === 'file') {
        const file = answer as FileAnswer;
        const fallback = endpoint.file?.fallbackName ?? 'download';
        return reply
          .header('content-type', file.mediaType ?? endpoint.file?.produces[0] ?? 'application/octet-stream')
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.bytes);
      }
      return reply.send(answer);
    },
  });
}
