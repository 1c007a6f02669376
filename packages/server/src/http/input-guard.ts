import type { FastifyInstance } from 'fastify';
import { findTextProblem, type TextProblem } from '../domain/text-safety.js';

const MESSAGES: Record<TextProblem, string> = {
  nul: 'contains a NUL character, which is not allowed',
  unpaired_surrogate: 'contains an unpaired surrogate (not valid Unicode text)',
  invisible: 'contains a bidirectional control or zero-width character, which is not allowed in names',
};

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
          message: `${field} ${MESSAGES[found.problem]}`,
          field,
          details: [{ field, message: MESSAGES[found.problem], problem: found.problem }],
        },
      });
      return reply;
    }
    return undefined;
  });
}
