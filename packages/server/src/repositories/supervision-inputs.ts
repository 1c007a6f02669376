import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/*
 * What a plan's 督办 rules read, in one statement per plan: its tasks (deadline, done, reporting units),
 * their reports past draft, their targets with each unit's accepted actuals in period order, and its periods
 * due since publication.
 */

export interface RuleInputRows {
  year: number;
  supervision_rules: unknown;
  periods: { id: string; label: string; ends_on: string; due_on: string }[];
  tasks: {
    item_id: string;
    number: string;
    title: string;
    deadline: string | null;
    done: boolean;
    reporting_unit_ids: string[];
  }[];
  reports: { item_id: string; unit_id: string; period_id: string; state: string; percent: number }[];
  targets: {
    id: string;
    item_id: string;
    metric: string;
    op: '>=' | '<=' | '=' | '~' | 'range';
    value: number | null;
    lo: number | null;
    hi: number | null;
    direction: 'higher' | 'lower';
    deadline: string | null;
    actuals: { unitId: string; endsOn: string; value: number }[];
  }[];
}

export async function loadRuleInputs(
  db: Executor,
  tenantId: string,
  planId: string,
): Promise<RuleInputRows | undefined> {
  const { rows } = await sql<RuleInputRows>`
    select pl.year, pl.supervision_rules,
      (select coalesce(json_agg(p order by p.due_on), '[]') from (
         select id, label, ends_on, due_on from reporting_periods
         where tenant_id = ${tenantId} and plan_id = ${planId}
           and due_on >= coalesce((pl.published_at at time zone 'Asia/Shanghai')::date, due_on)) p) as periods,
      (select coalesce(json_agg(t order by t.position), '[]') from (
         select ts.item_id, i.number, i.title, i.deadline, ts.status = 'done' as done, ts.reporting_unit_ids,
           ts.position
         from task_status ts join items i on i.tenant_id = ts.tenant_id and i.id = ts.item_id
         where ts.tenant_id = ${tenantId} and ts.plan_id = ${planId}) t) as tasks,
      (select coalesce(json_agg(r), '[]') from (
         select r.item_id, r.unit_id, r.period_id, r.state, r.percent
         from progress_reports r join items i on i.tenant_id = r.tenant_id and i.id = r.item_id
         where r.tenant_id = ${tenantId} and i.plan_id = ${planId} and r.state <> 'draft') r) as reports,
      (select coalesce(json_agg(x), '[]') from (
         select t.id, t.item_id, t.metric, t.op, t.value, t.lo, t.hi, t.direction, t.deadline,
           (select coalesce(json_agg(json_build_object('unitId', r.unit_id, 'endsOn', pe.ends_on, 'value', a.value)
                                     order by pe.ends_on), '[]')
              from target_actuals a
              join progress_reports r on r.tenant_id = a.tenant_id and r.id = a.report_id
              join reporting_periods pe on pe.tenant_id = r.tenant_id and pe.id = r.period_id
              where a.tenant_id = t.tenant_id and a.target_id = t.id and r.state = 'accepted') as actuals
         from targets t join items i on i.tenant_id = t.tenant_id and i.id = t.item_id
         where t.tenant_id = ${tenantId} and i.plan_id = ${planId}) x) as targets
    from plans pl where pl.tenant_id = ${tenantId} and pl.id = ${planId}`.execute(db);
  return rows[0];
}
