import { z } from 'zod';

/** The liveness probe's answer (also sent, with 503, when the database does not answer). */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  time: z.string(),
});

export type Health = z.infer<typeof Health>;
