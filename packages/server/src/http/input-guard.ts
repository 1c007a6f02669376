import type { FastifyInstance } from 'fastify';
import { findTextProblem } from '../domain/text-safety.js';
import { TEXT_PROBLEMS as MESSAGES } from '../messaging/error-messages.js';

/**
 * One check at the boundary for every route: a NUL, an unpaired surrogate (anywhere) or an invisible
 * character (in a name) is a 400 naming the field, before validation and long before the database.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = findTextProblem(value);
      if (!found) continue;
      const field = part === 'body' ? found.field : `${part}.${found.field}`;
      await reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `${field}：${MESSAGES[found.problem]}`,
          field,
          details: [{ field, message: MESSAGES[found.problem], problem: found.problem }],
        },
      });
      return reply;
    }
    return undefined;
  });
}
