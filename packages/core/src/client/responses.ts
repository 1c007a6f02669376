import { z } from 'zod';

/** The liveness probe's answer (also sent, with 503, when the database does not answer). */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  time: z.string(),
  /** The demo commission (published passwords) is installed. */
  demo: z.boolean().optional(),
});

export type Health = z.infer<typeof Health>;
