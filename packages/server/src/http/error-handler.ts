import type { ErrorBody } from '@yaodian/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  CHECK_VIOLATION,
  DEADLOCK_DETECTED,
  FOREIGN_KEY_VIOLATION,
  NOT_NULL_VIOLATION,
  SERIALIZATION_FAILURE,
  sqlState,
  UNIQUE_VIOLATION,
} from '../errors/sql-state.js';
import { AppError } from '../errors/app-error.js';
import { COMMON_ERRORS } from '../messaging/error-messages.js';
import { issueOf } from './validation-issues.js';

function fieldOf(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || context || 'body';
}

/** Every failure leaves as `{ error: { code, message, field? } }`; unknown errors log and say nothing inside. */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const send = (status: number, body: ErrorBody): FastifyReply => reply.status(status).send(body);

  if (error instanceof AppError) {
    const payload: ErrorBody['error'] = { code: error.code, message: error.message };
    if (error.field) payload.field = error.field;
    if (error.details !== undefined) payload.details = error.details;
    return send(error.status, { error: payload });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = fieldOf(first?.instancePath ?? '', error.validationContext);
    return send(400, {
      error: {
        code: 'validation_failed',
        message: `${field}: ${first?.message ?? COMMON_ERRORS.invalid}`,
        field,
        // Each issue names its field, the rule and its limit; clients word it (the web: "标题不超过 500 字").
        details: error.validation.map((v) => {
          const path = fieldOf(v.instancePath, error.validationContext);
          return { ...issueOf(path, v), message: v.message };
        }),
      },
    });
  }
  const state = sqlState(error);
  if (state) {
    // A constraint the database enforces caught what the services did not (a race, most likely).
    request.log.warn({ err: error }, 'database constraint');
    if (state === UNIQUE_VIOLATION)
      return send(409, { error: { code: 'duplicate', message: COMMON_ERRORS.duplicate } });
    if (state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED) {
      return send(409, {
        error: { code: 'state_conflict', message: COMMON_ERRORS.concurrentChange },
      });
    }
    if (state === FOREIGN_KEY_VIOLATION || state === CHECK_VIOLATION || state === NOT_NULL_VIOLATION) {
      return send(400, {
        error: {
          code: 'validation_failed',
          message: COMMON_ERRORS.dataRule,
        },
      });
    }
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return send(413, { error: { code: 'payload_too_large', message: COMMON_ERRORS.uploadTooLarge } });
  }
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (bad JSON, wrong content type): its message is about the request, safe to show.
    return send(400, { error: { code: 'validation_failed', message: fastifyError.message, field: 'body' } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, { error: { code: 'internal', message: COMMON_ERRORS.internal } });
}
