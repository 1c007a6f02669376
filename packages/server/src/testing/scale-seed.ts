import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * A commission hierarchy at scale, written by set-based INSERT … SELECT generate_series (no row built in
 * JavaScript): provinces → cities → counties, each tenant with 30 units (20 departments and affiliated units, 10
 * townships' health centres in a county or county bureaus above it), its planner, leader, viewer and one reporter
 * per unit, and one plan per year (the current one published, earlier ones archived) of 6 sections and
 * `tasks` tasks (min–max, per plan), each with a lead and a supporting unit and 0–6 targets, 12 monthly periods,
 * a report per task, lead unit and due period, and an actual per report and target. The distributions: late units
 * cluster in townships (a quarter of their reports missing), one unit in ten stops reporting after August (stale),
 * the latest due period is half submitted, half accepted, 5 % of older reports returned.
 *
 * Ids are md5-derived (version-4-shaped) UUIDs of each row's coordinates, so every table is generated independently and joins by
 * recomputing the id. Task statuses and places (`task_status`) are written as the daily recompute would leave them
 * (placed; status from the same hashed draws). Used by the national-scale bench (`bench/bench-national.ts`,
 * PostgreSQL, ≈ 3,000 tenants) and by the query-plan test (`db/hot-query-plans.test.ts`, 50 tenants).
 * Foreign keys hold by construction; `skipForeignKeyChecks` (superuser) skips their per-row triggers for speed.
 */
export interface ScaleSeedOptions {
  tenants: number;
  tasks: readonly [min: number, max: number];
  /** Plan years; the last is the current, published one (its periods due by `now` are reported). */
  years: readonly number[];
  now: Date;
  passwordHash: string;
  /** Targets per task are drawn from 0 to this (default 6, ≈ 3 a task). */
  maxTargets?: number;
  skipForeignKeyChecks?: boolean;
  /** Told each step's name and milliseconds. */
  onStep?: (step: string, ms: number) => void;
}

export interface ScaleSeedShape {
  provinces: number;
  cities: number;
  counties: number;
}

/** How many provinces, cities and counties `tenants` makes (31 provinces at national scale). */
export function scaleShape(tenants: number): ScaleSeedShape {
  const provinces = Math.max(1, Math.min(31, Math.round(tenants / 97)));
  const cities = Math.max(provinces, Math.round(tenants * 0.11));
  return { provinces, cities, counties: Math.max(0, tenants - provinces - cities) };
}

const DEPARTMENTS = [
  '办公室',
  '规划发展与信息化科',
  '医政医管科',
  '体制改革科',
  '疾病预防控制科',
  '妇幼健康科',
  '基层卫生健康科',
  '中医药管理科',
  '人事科',
  '财务科',
  '老龄健康科',
  '职业健康科',
  '综合监督科',
  '爱国卫生运动委员会办公室',
  '机关党委',
  '疾病预防控制中心',
  '人民医院',
  '中医医院',
  '妇幼保健院',
  '卫生健康综合监督执法局',
];

const SECTION_NUMBERS = ['一、', '二、', '三、', '四、', '五、', '六、'];

export async function seedScale(db: Db, options: ScaleSeedOptions): Promise<ScaleSeedShape> {
  const shape = scaleShape(options.tenants);
  const { provinces: P, cities: C } = shape;
  const N = options.tenants;
  const [tmin, tmax] = options.tasks;
  const years = [...options.years];
  const current = years.at(-1) ?? 2026;
  const now = options.now.toISOString();
  const today = now.slice(0, 10);
  const steps: [string, ReturnType<typeof sql>][] = [
    [
      'tenants',
      sql`insert into tenants (id, parent_id, code, name, level)
        select pg_temp.uid('t' || n),
          case when n <= ${P} then null
               when n <= ${P + C} then pg_temp.uid('t' || (1 + (n - ${P} - 1) % ${P}))
               else pg_temp.uid('t' || (${P} + 1 + (n - ${P + C} - 1) % ${C})) end,
          'nat-' || lpad(n::text, 5, '0'),
          case when n <= ${P} then '第' || n || '省卫生健康委员会'
               when n <= ${P + C} then '第' || n || '市卫生健康委员会'
               else '第' || n || '县卫生健康局' end,
          case when n <= ${P} then 'province' when n <= ${P + C} then 'city' else 'county' end
        from generate_series(1, ${N}) n`,
    ],
    [
      'units',
      sql`insert into org_units (tenant_id, id, name, kind)
        select pg_temp.uid('t' || n), pg_temp.uid('u' || n || ':' || k),
          case when k <= 20 then (${DEPARTMENTS}::text[])[k]
               when n > ${P + C} then '第' || (k - 20) || '乡镇卫生院'
               else '第' || (k - 20) || '县卫生健康局' end,
          case when k <= 15 then 'department' when k <= 20 then 'affiliated'
               when n > ${P + C} then 'facility' else 'county' end
        from generate_series(1, ${N}) n cross join generate_series(1, 30) k`,
    ],
    [
      'users',
      sql`insert into users (tenant_id, id, username, display_name, password_hash, role)
        select pg_temp.uid('t' || n), pg_temp.uid('usr' || n || ':' || who), who, who, ${options.passwordHash},
          case when who like 'r%' then 'reporter' else who end
        from generate_series(1, ${N}) n
        cross join (select unnest(array['planner', 'leader', 'viewer']) as who
                    union all select 'r' || lpad(k::text, 2, '0') from generate_series(1, 30) k) w`,
    ],
    [
      'user units',
      sql`insert into user_units (tenant_id, user_id, unit_id)
        select pg_temp.uid('t' || n), pg_temp.uid('usr' || n || ':r' || lpad(k::text, 2, '0')),
          pg_temp.uid('u' || n || ':' || k)
        from generate_series(1, ${N}) n cross join generate_series(1, 30) k`,
    ],
    [
      'plans',
      sql`insert into plans (tenant_id, id, title, year, status, created_by, created_at, updated_at, published_at)
        select pg_temp.uid('t' || n), pg_temp.uid('p' || n || ':' || y), y || '年卫生健康工作要点', y,
          case when y = ${current} then 'published' else 'archived' end,
          pg_temp.uid('usr' || n || ':planner'), make_date(y, 1, 10), make_date(y, 1, 20), make_date(y, 1, 20)
        from generate_series(1, ${N}) n cross join unnest(${years}::int[]) y`,
    ],
    [
      'sections',
      sql`insert into items (tenant_id, id, plan_id, parent_id, position, number, level, title, is_task)
        select pg_temp.uid('t' || n), pg_temp.uid('s' || n || ':' || y || ':' || s), pg_temp.uid('p' || n || ':' || y),
          null, s - 1, (${SECTION_NUMBERS}::text[])[s], 1, '第' || s || '部分重点工作', false
        from generate_series(1, ${N}) n cross join unnest(${years}::int[]) y cross join generate_series(1, 6) s`,
    ],
    [
      'plan dimensions',
      // One row per task: its plan's coordinates, section and units, read by every later step.
      sql`create temporary table scale_tasks on commit drop as
        select n, y, j, t, 1 + ((j - 1) * 6) / t as s, lead, 1 + ((lead - 1) + 1 + abs(hashtext('S' || n || ':' || y || ':' || j)) % 29) % 30 as support,
          abs(hashtext('C' || n || ':' || y || ':' || j)) % ${(options.maxTargets ?? 6) + 1} as targets,
          lead > 20 and n > ${P + C} as township,
          abs(hashtext('st' || n || ':' || lead)) % 10 = 0 as stale
        from (select n, y, ${tmin} + abs(hashtext('T' || n || ':' || y)) % ${tmax - tmin + 1} as t
              from generate_series(1, ${N}) n cross join unnest(${years}::int[]) y) p
        cross join lateral generate_series(1, p.t) j
        cross join lateral (select 1 + abs(hashtext('L' || n || ':' || y || ':' || j)) % 30 as lead) l`,
    ],
    [
      'tasks',
      sql`insert into items (tenant_id, id, plan_id, parent_id, position, number, level, title, text, is_task,
          deadline, deadline_text)
        select pg_temp.uid('t' || n), pg_temp.uid('i' || n || ':' || y || ':' || j), pg_temp.uid('p' || n || ':' || y),
          pg_temp.uid('s' || n || ':' || y || ':' || s), j, j || '.', 2, '推进第' || j || '项重点工作',
          '推进第' || j || '项重点工作，年底前完成。', true, make_date(y, 12, 31), '年底前'
        from scale_tasks`,
    ],
    [
      'assignments',
      sql`insert into assignments (tenant_id, item_id, unit_id, role)
        select pg_temp.uid('t' || n), pg_temp.uid('i' || n || ':' || y || ':' || j),
          pg_temp.uid('u' || n || ':' || (case r when 'lead' then lead else support end)), r
        from scale_tasks cross join unnest(array['lead', 'support']) r`,
    ],
    [
      'targets',
      sql`insert into targets (tenant_id, id, item_id, position, metric, op, value, unit, basis, direction)
        select pg_temp.uid('t' || n), pg_temp.uid('g' || n || ':' || y || ':' || j || ':' || q),
          pg_temp.uid('i' || n || ':' || y || ':' || j), q - 1, '第' || q || '项指标', '>=', 90, '%', 'level', 'higher'
        from scale_tasks cross join lateral generate_series(1, targets) q`,
    ],
    [
      'periods',
      sql`insert into reporting_periods (tenant_id, id, plan_id, kind, label, starts_on, ends_on, due_on)
        select pg_temp.uid('t' || n), pg_temp.uid('m' || n || ':' || y || ':' || m), pg_temp.uid('p' || n || ':' || y),
          'monthly', y || '年' || m || '月', make_date(y, m, 1),
          (make_date(y, m, 1) + interval '1 month' - interval '1 day')::date, make_date(y, m, 25)
        from generate_series(1, ${N}) n cross join unnest(${years}::int[]) y cross join generate_series(1, 12) m`,
    ],
    [
      'reports',
      sql`create temporary table scale_reports on commit drop as
        select n, y, j, m, lead, targets,
          case when y < ${current} then 'accepted'
               when make_date(y, m, 25) > ${today}::date then 'submitted'
               when make_date(y, m, 25) + 30 > ${today}::date then
                 case when h % 2 = 0 then 'submitted' else 'accepted' end
               when h % 20 = 0 then 'returned' else 'accepted' end as state,
          greatest(0, least(100, case when y < ${current} and m = 12 and h % 7 <> 0 then 100
                                      else (100 * m) / 12 + h % 11 - 5 end)) as percent,
          make_date(y, m, 25) as due_on
        from scale_tasks cross join generate_series(1, 12) m
        cross join lateral (select abs(hashtext('r' || n || ':' || y || ':' || j || ':' || m)) as h) d
        where make_date(y, m, 25) <= ${today}::date + 30
          and h % 100 >= case when township then 25 else 4 end
          and not (stale and y = ${current} and m > 8)
          -- The period not yet due: three in ten have reported early.
          and (make_date(y, m, 25) <= ${today}::date or h % 10 < 3)`,
    ],
    [
      'report rows',
      sql`insert into progress_reports (tenant_id, id, item_id, unit_id, period_id, percent, narrative, problems,
          next_steps, state, return_reason, created_by, created_at, updated_at, submitted_at, reviewed_by, reviewed_at)
        select pg_temp.uid('t' || n), pg_temp.uid('r' || n || ':' || y || ':' || j || ':' || m),
          pg_temp.uid('i' || n || ':' || y || ':' || j), pg_temp.uid('u' || n || ':' || lead),
          pg_temp.uid('m' || n || ':' || y || ':' || m), percent,
          '本月按计划推进第' || j || '项重点工作，完成阶段性任务' || percent || '%。', '资金到位偏慢。',
          '下月继续推进，按期完成。', state,
          case when state = 'returned' then '进展描述不具体，请补充数据。' end,
          pg_temp.uid('usr' || n || ':r' || lpad(lead::text, 2, '0')),
          due_on - 3, due_on - 2, due_on - 2,
          case when state in ('accepted', 'returned') then pg_temp.uid('usr' || n || ':planner') end,
          case when state in ('accepted', 'returned') then due_on + 3 end
        from scale_reports`,
    ],
    [
      'target actuals',
      sql`insert into target_actuals (tenant_id, report_id, target_id, value)
        select pg_temp.uid('t' || n), pg_temp.uid('r' || n || ':' || y || ':' || j || ':' || m),
          pg_temp.uid('g' || n || ':' || y || ':' || j || ':' || q), 80 + m + q % 10
        from scale_reports cross join lateral generate_series(1, targets) q`,
    ],
    [
      'task statuses',
      sql`insert into task_status (tenant_id, plan_id, item_id, status, reason_code, reason, percent, computed_at,
          position, section_id, lead_unit_ids, support_unit_ids, reporting_unit_ids)
        select pg_temp.uid('t' || n), pg_temp.uid('p' || n || ':' || y), pg_temp.uid('i' || n || ':' || y || ':' || j),
          x.status, x.reason_code, x.reason, x.percent, ${now}::timestamptz, j - 1,
          pg_temp.uid('s' || n || ':' || y || ':' || s), array[pg_temp.uid('u' || n || ':' || lead)],
          array[pg_temp.uid('u' || n || ':' || support)], array[pg_temp.uid('u' || n || ':' || lead)]
        from scale_tasks cross join lateral (select abs(hashtext('x' || n || ':' || y || ':' || j)) % 100 as h) d
        cross join lateral (select * from (values
          ('done', 'accepted_complete', '已验收完成', 100, y < ${current} and h >= 15 or y = ${current} and h < 4),
          ('overdue', 'deadline_passed', '已过完成时限', 90, y < ${current} and h < 15),
          ('behind', 'closed_periods_unreported', '有已截止的期次未报', 60, y = ${current} and stale),
          ('at_risk', 'progress_lagging', '进度落后序时进度', 70, y = ${current} and not stale and (township and h < 30 or h < 8)),
          ('on_track', 'on_pace', '按序时推进', 85, true)
        ) v(status, reason_code, reason, percent, applies) where applies limit 1) x`,
    ],
    ['analyze', sql`analyze`],
  ];
  await db.transaction().execute(async (trx) => {
    if (options.skipForeignKeyChecks) await sql`set local session_replication_role = replica`.execute(trx);
    // A version-4-shaped UUID from the md5 of a row's coordinates (the API's schemas check the version digits).
    await sql`create function pg_temp.uid(text) returns uuid language sql immutable
      as $$ select overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`.execute(trx);
    for (const [name, statement] of steps) {
      const started = performance.now();
      await statement.execute(trx);
      options.onStep?.(name, performance.now() - started);
    }
  });
  return shape;
}
