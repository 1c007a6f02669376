import { z } from 'zod';

/** The liveness probe's answer, which no other part of the contract describes. */
export const Health = z.object({
  status: z.string(),
  database: z.string(),
  time: z.string(),
  /** The demo commission (published passwords) is installed. */
  demo: z.boolean().optional(),
});

export type Health = z.infer<typeof Health>;
