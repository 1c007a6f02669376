import { createHash } from 'node:crypto';

/** One target of a city task as asked of one county: its quota if the city split it, else the city's line. */
export interface AskedTarget {
  cityTarget: string;
  metric: string;
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
  unit: string;
  deadline: string | null;
  deadlineText: string | null;
  text: string;
}

/** What a city task asks of one county: what the county's copy carries and what a later edit is compared with. */
export interface CityAsk {
  title: string;
  text: string;
  deadline: string | null;
  deadlineText: string | null;
  targets: AskedTarget[];
}

/** One difference between what the county accepted and what the city asks now. */
export interface AskChange {
  field: string;
  /** The target's metric, for a target's field. */
  target?: string | undefined;
  before: string | number | null;
  after: string | number | null;
}

/** A stable fingerprint of an ask: the county accepts the proposal it saw, not a later one. */
export function askFingerprint(ask: CityAsk): string {
  const sorted = {
    ...ask,
    targets: [...ask.targets].sort((a, b) => a.cityTarget.localeCompare(b.cityTarget)),
  };
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

const TASK_FIELDS = ['title', 'text', 'deadline', 'deadlineText'] as const;
const TARGET_FIELDS = [
  'metric',
  'op',
  'value',
  'lo',
  'hi',
  'unit',
  'deadline',
  'deadlineText',
  'text',
] as const;

/** The changes from `accepted` to `current`: the county's proposal, empty when the city changed nothing. */
export function diffAsk(accepted: CityAsk, current: CityAsk): AskChange[] {
  const changes: AskChange[] = [];
  for (const field of TASK_FIELDS)
    if (accepted[field] !== current[field])
      changes.push({ field, before: accepted[field], after: current[field] });
  const before = new Map(accepted.targets.map((t) => [t.cityTarget, t]));
  const after = new Map(current.targets.map((t) => [t.cityTarget, t]));
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      changes.push({
        field: 'target.added',
        target: now.metric,
        before: null,
        after: now.text || now.metric,
      });
      continue;
    }
    for (const field of TARGET_FIELDS)
      if (was[field] !== now[field])
        changes.push({ field: `target.${field}`, target: now.metric, before: was[field], after: now[field] });
  }
  for (const [id, was] of before)
    if (!after.has(id))
      changes.push({
        field: 'target.removed',
        target: was.metric,
        before: was.text || was.metric,
        after: null,
      });
  return changes;
}
