import type { TargetRow, ItemRow } from '../db/schema.js';
import type { AskedTarget, CityAsk } from '../domain/cascade/ask.js';

/** What a city task asks of one county: the city's line, or the county's quota where the city split it. */
export function askOf(
  item: ItemRow,
  targets: readonly TargetRow[],
  quotaOf: (targetId: string) => number | undefined,
): CityAsk {
  return {
    title: item.title,
    text: item.text,
    deadline: item.deadline,
    deadlineText: item.deadline_text,
    targets: [...targets]
      .sort((a, b) => a.position - b.position)
      .map((t): AskedTarget => {
        const quota = quotaOf(t.id);
        return {
          cityTarget: t.id,
          metric: t.metric,
          op: t.op,
          value: quota ?? t.value,
          lo: t.lo,
          hi: t.hi,
          unit: t.unit,
          deadline: t.deadline,
          deadlineText: t.deadline_text,
          text: t.text,
        };
      }),
  };
}

/** A stored ask (jsonb) read back; rows are written only by askOf, so the shape holds. */
export function storedAsk(value: unknown): CityAsk {
  return value as CityAsk;
}
