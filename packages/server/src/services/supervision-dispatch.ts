import { DEFAULT_SUPERVISION_RULES, SupervisionRules } from '@yaodian/core';
import { localDate } from '../config/clock.js';
import type { Executor } from '../db/database.js';
import { dueForEscalation, evaluateSupervisionRules, type RuleReport } from '../domain/supervision-rules.js';
import { addWorkingDays, type WorkdayOverrides } from '../domain/working-days.js';
import { listPublishedPlansWithPolicy, listWorkdayOverrides } from '../repositories/reminder-repository.js';
import { loadRuleInputs } from '../repositories/supervision-inputs.js';
import {
  findSupervisionRules,
  findSupervisionView,
  listOpenRuleKeys,
  listUnansweredPastDue,
} from '../repositories/supervision-repository.js';
import { escalateNotice, issueNotice } from './supervision-issuing.js';

/** A plan's stored rules over the defaults (a rule added later gets its default; bad JSON is never trusted). */
export function readSupervisionRules(stored: unknown): SupervisionRules {
  const merged =
    typeof stored === 'object' && stored !== null
      ? { ...DEFAULT_SUPERVISION_RULES, ...(stored as Record<string, unknown>) }
      : DEFAULT_SUPERVISION_RULES;
  const parsed = SupervisionRules.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SUPERVISION_RULES;
}

export function responseDueFrom(now: Date, rules: SupervisionRules, overrides: WorkdayOverrides): string {
  return addWorkingDays(localDate(now), rules.responseWorkingDays, overrides);
}

export interface SupervisionCounts {
  issued: number;
  escalated: number;
}

/**
 * The daily 督办 run of one commission, in the job's transaction: first the notices whose response date has
 * passed unanswered go one level up (蓝→黄→红), then each published plan's rules raise new notices, one per
 * task, unit and reason, none where a notice for that reason is still open. Running it twice on one day
 * adds nothing: the escalated notices are answered-by-date afresh and the open keys hold.
 */
export async function dispatchSupervision(
  trx: Executor,
  tenantId: string,
  now: Date,
): Promise<SupervisionCounts> {
  const today = localDate(now);
  const overrides = await listWorkdayOverrides(trx, tenantId);
  const counts: SupervisionCounts = { issued: 0, escalated: 0 };

  for (const row of await listUnansweredPastDue(trx, tenantId, today)) {
    const rules = readSupervisionRules(await findSupervisionRules(trx, tenantId, row.plan_id));
    if (!rules.escalate) continue;
    if (!dueForEscalation({ status: row.status, level: row.level, responseDue: row.response_due }, today))
      continue;
    const view = await findSupervisionView(trx, tenantId, row.id);
    if (!view) continue;
    await escalateNotice(
      trx,
      row,
      view,
      { actorId: null, note: null, responseDue: responseDueFrom(now, rules, overrides) },
      now,
    );
    counts.escalated += 1;
  }

  const open = await listOpenRuleKeys(trx, tenantId);
  for (const plan of await listPublishedPlansWithPolicy(trx, tenantId)) {
    const rows = await loadRuleInputs(trx, tenantId, plan.id);
    if (!rows) continue;
    const rules = readSupervisionRules(rows.supervision_rules);
    if (!rules.enabled) continue;
    const findings = evaluateSupervisionRules({
      today,
      yearStart: `${String(rows.year)}-01-01`,
      yearEnd: `${String(rows.year)}-12-31`,
      rules,
      overrides,
      periods: rows.periods.map((p) => ({ id: p.id, label: p.label, endsOn: p.ends_on, dueOn: p.due_on })),
      tasks: rows.tasks.map((t) => ({
        itemId: t.item_id,
        number: t.number,
        title: t.title,
        deadline: t.deadline,
        done: t.done,
        reportingUnitIds: t.reporting_unit_ids,
        reports: rows.reports
          .filter((r) => r.item_id === t.item_id)
          .map((r) => ({
            unitId: r.unit_id,
            periodId: r.period_id,
            state: r.state as RuleReport['state'],
            percent: r.percent,
          })),
        targets: rows.targets.filter((x) => x.item_id === t.item_id),
      })),
    });
    for (const f of findings) {
      if (open.has(f.key)) continue;
      open.add(f.key);
      await issueNotice(
        trx,
        {
          tenantId,
          planId: plan.id,
          level: f.level,
          rule: f.rule,
          ruleKey: f.key,
          reason: f.reason,
          responseDue: responseDueFrom(now, rules, overrides),
          issuedBy: null,
          previousId: null,
          idempotencyKey: null,
          unitIds: [f.unitId],
          itemIds: [f.itemId],
        },
        now,
      );
      counts.issued += 1;
    }
  }
  return counts;
}
