import { AdvanceClock, AdvanceClockResult, ClockState } from '../schemas/system.js';
import { endpoint } from './define.js';

export const systemEndpoints = {
  clock: endpoint({
    name: 'clock',
    method: 'GET',
    path: '/api/system/clock',
    tag: 'system',
    summary: "The server's date, and whether it can be moved (demo and test mode)",
    permission: null,
    response: ClockState,
  }),
  advanceClock: endpoint({
    name: 'advanceClock',
    method: 'POST',
    path: '/api/system/clock/advance',
    tag: 'system',
    summary: 'Moves the demo clock forward and runs what became due (demo and test mode only)',
    permission: 'system.clock',
    body: AdvanceClock,
    response: AdvanceClockResult,
    errors: [400, 409],
  }),
} as const;
