import type { ClockState } from '@yaodian/core';
import { localDate } from '../config/clock.js';

export function presentClock(now: Date, movable: boolean): ClockState {
  return { now: now.toISOString(), today: localDate(now), movable };
}
