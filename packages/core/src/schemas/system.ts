import { z } from 'zod';

export const ClockState = z.object({
  /** The server's "now" (ISO date-time): the wall clock, or the demo's clock. */
  now: z.string(),
  /** The China-time date of `now`. */
  today: z.string(),
  /** Whether this server lets an admin move its clock forward (demo and test mode only). */
  movable: z.boolean(),
});

export const AdvanceClock = z.object({
  /** Days to move forward; at most a quarter. */
  days: z.int().min(1).max(92),
});

export const AdvanceClockResult = ClockState.extend({
  /** Jobs that became due and ran (daily status, reminders, deliveries …). */
  jobsRun: z.int().min(0),
});

export type ClockState = z.infer<typeof ClockState>;
export type AdvanceClockResult = z.infer<typeof AdvanceClockResult>;
