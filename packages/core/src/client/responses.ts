import { z } from 'zod';

/** The liveness probe's answer, which no other part of the contract describes. */
export const Health = z.object({ status: z.string(), database: z.string(), time: z.string() });

export type Health = z.infer<typeof Health>;
