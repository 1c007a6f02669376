export interface AttainmentTarget {
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** Whether an actual meets the target as written ('~' and '=' allow 5% either side). */
export function meets(target: AttainmentTarget, actual: number): boolean {
  switch (target.op) {
    case '>=':
      return target.value !== null && actual >= target.value;
    case '<=':
      return target.value !== null && actual <= target.value;
    case 'range':
      return target.lo !== null && target.hi !== null && actual >= target.lo && actual <= target.hi;
    case '=':
    case '~':
      return target.value !== null && Math.abs(actual - target.value) <= Math.abs(target.value) * 0.05;
  }
}
