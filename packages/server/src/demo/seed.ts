import { DEFAULT_SUPERVISION_RULES, type PlanDetail, type ReportDto, type Role } from '@yaodian/core';
import { fixedClock, localDate } from '../config/clock.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../policies/actor.js';
import { insertTenant } from '../repositories/tenant-repository.js';
import { insertUnit, insertUnitGroup } from '../repositories/unit-repository.js';
import { insertUser } from '../repositories/user-repository.js';
import type { Deps } from '../services/deps.js';
import { hashPassword } from '../services/passwords.js';
import { generatePeriods } from '../services/period-service.js';
import { importPlan, publishPlan } from '../services/plan-service.js';
import { createForUnmatched } from '../services/unmatched-service.js';
import { acceptReport, createReport, returnReport } from '../services/report-service.js';
import { seedDemoYear } from './seed-year.js';
import { listAllTasks } from '../services/task-service.js';
import { assignItemLeader, assignUnitLeader } from '../services/leader-service.js';
import {
  closeSupervision,
  escalateSupervision,
  issueSupervision,
  listSupervision,
  respondSupervision,
  setPlanSupervisionRules,
  signSupervision,
} from '../services/supervision-service.js';
import { DEMO_PLAN_FILE_NAME, DEMO_PLAN_TEXT } from './plan-text.js';
import { countyAccounts, seedDemoCascade } from './seed-cascade.js';

export const DEMO_TENANT_CODE = 'linjiang';
/** The demo province above the city: its platform operator creates and disables the commissions below. */
export const DEMO_PROVINCE_CODE = 'jiangchuan';
export const DEMO_PASSWORD = 'Yaodian@2026';

type UnitKind = 'department' | 'affiliated' | 'county' | 'facility' | 'other';
/** The demo commission's units (also the commission the corpus tests import into). */
export const DEMO_UNITS: readonly [name: string, kind: UnitKind, aliases: string[]][] = [
  ['办公室', 'department', []],
  ['规划信息科', 'department', ['规信科']],
  ['体制改革科', 'department', ['体改科']],
  ['医政医管科', 'department', ['医政科']],
  ['疾病预防控制科', 'department', ['疾控科']],
  ['基层卫生健康科', 'department', ['基卫科']],
  ['妇幼健康科', 'department', []],
  ['中医药管理科', 'department', ['中医科']],
  ['财务审计科', 'department', []],
  ['人事科', 'department', []],
  ['综合监督科', 'department', []],
  ['机关党委', 'department', []],
  ['爱国卫生运动委员会办公室', 'department', ['爱卫办']],
  ['临江市疾病预防控制中心', 'affiliated', ['市疾控中心']],
  ['临江市中心医院', 'affiliated', ['市中心医院']],
  ['临江市第三人民医院', 'affiliated', ['市第三人民医院']],
  ['临江市120急救指挥中心', 'affiliated', ['市120急救指挥中心', '120指挥中心']],
  ['临水县卫生健康局', 'county', []],
  ['青石县卫生健康局', 'county', []],
  ['云溪区卫生健康局', 'county', []],
  ['南湖区卫生健康局', 'county', []],
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  units: string[];
  /** The commission the account belongs to (its code); default: the demo city. */
  commission?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', units: [] },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', units: [] },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor', units: [] },
  { username: 'leader', displayName: '王立群（分管副主任）', role: 'leader', units: [] },
  { username: 'planner', displayName: '李敏（规划信息科）', role: 'planner', units: ['规划信息科'] },
  {
    username: 'reporter.yizheng',
    displayName: '陈晓（医政医管科）',
    role: 'reporter',
    units: ['医政医管科', '体制改革科'],
  },
  {
    username: 'reporter.jikong',
    displayName: '周宁（疾病预防控制科）',
    role: 'reporter',
    units: ['疾病预防控制科', '妇幼健康科', '爱国卫生运动委员会办公室'],
  },
  {
    username: 'reporter.jiwei',
    displayName: '赵磊（基层卫生健康科）',
    role: 'reporter',
    units: ['基层卫生健康科', '人事科', '中医药管理科'],
  },
  {
    username: 'reporter.guixin',
    displayName: '吴桐（规划信息科）',
    role: 'reporter',
    units: ['规划信息科', '办公室', '机关党委'],
  },
  {
    username: 'reporter.linshui',
    displayName: '孙芳（临水县卫生健康局）',
    role: 'reporter',
    units: ['临水县卫生健康局'],
  },
  { username: 'viewer', displayName: '刘洋（查看）', role: 'viewer', units: [] },
  {
    username: 'operator',
    displayName: '平台运维（江川省卫生健康委员会）',
    role: 'operator',
    units: [],
    commission: DEMO_PROVINCE_CODE,
  },
  // The county commissions below the city (created with the cascade, demo/seed-cascade.ts).
  ...countyAccounts().map((a) => ({
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    units: [],
    commission: a.code,
  })),
];

/**
 * How a demo task's year went, so the dashboard shows every status. A silent task reported until April and
 * then stopped: by the end of June its reports are overdue and stale, which the 督办 rules notice.
 */
type Story = 'done' | 'steady' | 'at_risk' | 'lagging' | 'returned' | 'silent';
/** The last period a silent task reported for. */
const SILENT_AFTER = '2026-04-30';
const STORIES: Story[] = ['done', 'steady', 'at_risk', 'steady', 'lagging', 'returned', 'steady', 'silent'];

const NARRATIVES = [
  '已制定年度实施方案，明确责任分工和时间节点。',
  '召开专题推进会，督促各责任单位按计划推进。',
  '完成阶段性任务，形成工作台账，正在开展自查。',
  '重点指标稳步提升，已完成序时进度要求。',
  '组织现场督导，对发现的问题逐项整改。',
];

import { demoActuals } from './demo-actuals.js';

export { demoActuals };

/** Whether the database has no commission yet (seed only then). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').limit(1).execute()).length === 0;
}

/**
 * The demo commission: units, one user per role (reporters for four units), the 2026 plan imported
 * through the plan engine and published in February, monthly periods, and reports up to `now`
 * in every review state. Runs through the services, so the audit log tells the same story.
 */
export async function seedDemo(deps: Deps): Promise<{ tenantId: string; planId: string | null }> {
  const now = deps.clock.now();
  const { db } = deps;
  const province = await insertTenant(db, {
    code: DEMO_PROVINCE_CODE,
    name: '江川省卫生健康委员会',
    level: 'province',
    demo: true,
  });
  const tenant = await insertTenant(db, {
    code: DEMO_TENANT_CODE,
    name: '临江市卫生健康委员会',
    level: 'city',
    demo: true,
    parentId: province.id,
  });
  const tenantOf = (code: string | undefined): string =>
    code === DEMO_PROVINCE_CODE ? province.id : tenant.id;
  const unitIds = new Map<string, string>();
  for (const [name, kind, aliases] of DEMO_UNITS)
    unitIds.set(name, (await insertUnit(db, tenant.id, { name, kind, aliases })).id);
  const ofKind = (kind: UnitKind) =>
    DEMO_UNITS.filter((u) => u[1] === kind).map((u) => unitIds.get(u[0]) ?? '');
  await insertUnitGroup(db, tenant.id, '各县市区卫生健康局', ofKind('county'));
  await insertUnitGroup(db, tenant.id, '委直属各单位', ofKind('affiliated'));
  await insertUnitGroup(db, tenant.id, '委机关各科室', ofKind('department'));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actors = new Map<string, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    // A county's accounts come with its commission (seedDemoCascade).
    if (account.commission !== undefined && account.commission !== DEMO_PROVINCE_CODE) continue;
    const ids = account.units.map((u) => unitIds.get(u) ?? '');
    const user = await insertUser(db, {
      tenantId: tenantOf(account.commission),
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      passwordChangedAt: now,
      role: account.role,
      unitIds: ids,
    });
    actors.set(account.username, {
      tenantId: tenantOf(account.commission),
      userId: user.id,
      role: account.role,
      unitIds: ids,
    });
  }
  const actor = (username: string): Actor => {
    const found = actors.get(username);
    if (!found) throw new Error(`no demo user ${username}`);
    return found;
  };
  const at = (iso: string): Deps => ({ ...deps, clock: fixedClock(new Date(iso)) });

  // The plan arrives and is published in February, as a real one would be.
  const importedOn = new Date('2026-02-18T01:30:00Z') < now ? '2026-02-18T01:30:00Z' : now.toISOString();
  const plan = await importPlan(at(importedOn), actor('planner'), {
    fileName: DEMO_PLAN_FILE_NAME,
    bytes: Buffer.from(DEMO_PLAN_TEXT, 'utf8'),
  });
  // The plan names 宣传科, which the commission had not set up: the planner creates it from the review,
  // as the publish check asks, before publishing.
  const settled = await createForUnmatched(at(importedOn), actor('planner'), plan.id, {
    name: '宣传科',
    kind: 'department',
    aliases: [],
    version: plan.version,
  });
  await publishPlan(at(importedOn), actor('planner'), plan.id, settled.version);
  const periods = (
    await generatePeriods(at(importedOn), actor('planner'), plan.id, { kind: 'monthly', dueDay: 25 })
  ).periods;

  const today = localDate(now);
  const yearStart = Date.parse('2026-01-01T00:00:00Z');
  const elapsedAt = (isoDate: string): number =>
    Math.round(((Date.parse(`${isoDate}T00:00:00Z`) - yearStart) / (365 * 86_400_000)) * 100);
  const planner = actor('planner');
  const tasks = await listAllTasks(deps, planner, { planId: plan.id });
  const targetsOf = new Map(plan.items.map((item) => [item.id, item.targets]));
  const closed = periods.filter((p) => p.dueOn < today && p.startsOn >= '2026-02-01');
  const open = periods.find((p) => p.dueOn >= today && p.startsOn <= today);
  let storyIndex = 0;
  for (const task of tasks) {
    const unit = task.reportingUnits.find((u) =>
      DEMO_ACCOUNTS.some((a) => a.role === 'reporter' && a.units.includes(u.name)),
    );
    const account = unit && DEMO_ACCOUNTS.find((a) => a.role === 'reporter' && a.units.includes(unit.name));
    if (!unit || !account) continue;
    const story = STORIES[storyIndex % STORIES.length] ?? 'steady';
    storyIndex += 1;
    const reporter = actor(account.username);
    const percentAt = (endsOn: string, k: number): number => {
      const elapsed = elapsedAt(endsOn);
      if (story === 'done') return Math.min(100, 25 * (k + 1));
      if (story === 'at_risk') return Math.max(0, elapsed - 15);
      if (story === 'lagging') return Math.max(0, Math.round(elapsed / 2));
      return Math.min(100, elapsed + 2);
    };
    const submit = async (period: (typeof periods)[number], k: number): Promise<ReportDto> => {
      const { report } = await createReport(
        at(`${period.dueOn}T02:00:00Z`),
        reporter,
        {
          itemId: task.id,
          unitId: unit.id,
          periodId: period.id,
          percent: percentAt(period.endsOn, k),
          narrative: `${period.label}：${NARRATIVES[(k + storyIndex) % NARRATIVES.length] ?? ''}`,
          problems: k % 3 === 2 ? '部分县区进度不均衡，资金到位偏慢。' : '',
          nextSteps: '继续按月调度，加强督导，确保按期完成。',
          actuals: demoActuals(targetsOf.get(task.id) ?? [], percentAt(period.endsOn, k)),
          submit: true,
        },
        `demo-${task.id}-${period.id}`,
      );
      return report;
    };
    for (const [k, period] of closed.entries()) {
      if (story === 'silent' && period.endsOn > SILENT_AFTER) break;
      const report = await submit(period, k);
      await acceptReport(at(`${period.dueOn}T08:00:00Z`), planner, report.id, report.version);
      if (story === 'done' && report.percent === 100) break;
    }
    if (!open || story === 'done' || story === 'silent') continue;
    if (story === 'returned') {
      const report = await submit(open, closed.length);
      await returnReport(deps, planner, report.id, report.version, '请补充佐证材料和量化数据。');
    } else if (story === 'steady' && storyIndex % 2 === 0) {
      await submit(open, closed.length);
    } else if (story === 'steady') {
      await createReport(
        deps,
        reporter,
        {
          itemId: task.id,
          unitId: unit.id,
          periodId: open.id,
          percent: percentAt(open.endsOn, closed.length),
          narrative: '（草稿）本月进展整理中。',
          problems: '',
          nextSteps: '',
          actuals: [],
          submit: false,
        },
        null,
      );
    }
  }
  await seedSupervision(deps, plan, tasks, actor);
  await seedDemoCascade(deps, {
    provinceId: province.id,
    cityId: tenant.id,
    plan,
    admin: actor('admin'),
    planner,
    cityUnitIds: unitIds,
    passwordHash,
    at,
  });
  await seedDemoYear(
    deps,
    plan.id,
    tasks,
    { planner, leader: actor('leader') },
    localDate(new Date(importedOn)),
  );
  return { tenantId: tenant.id, planId: plan.id };
}

/**
 * The demo plan's 督办 rules: the defaults, on, with a wider gap before a task counts as behind and the
 * trajectory rule off, so that on the demo date (30 June) a handful of notices are open, not one per target.
 */
export const DEMO_SUPERVISION_RULES = {
  ...DEFAULT_SUPERVISION_RULES,
  enabled: true,
  behind: { ...DEFAULT_SUPERVISION_RULES.behind, points: 40 },
  trajectory: { ...DEFAULT_SUPERVISION_RULES.trajectory, enabled: false },
};

/**
 * 督办 and leaders in the demo: the leader owns the first two sections and is 分管 for the first reporting
 * unit; the plan's rules are on; and the office's own notices show the flow: one issued, one signed and
 * responded, one closed (销号), and one left unanswered that climbed 蓝→黄→红 and was then signed, all to a unit
 * a demo reporter answers for.
 */
async function seedSupervision(
  deps: Deps,
  plan: PlanDetail,
  tasks: Awaited<ReturnType<typeof listAllTasks>>,
  actor: (username: string) => Actor,
): Promise<void> {
  const planner = actor('planner');
  const leader = actor('leader');
  for (const section of plan.items.filter((i) => i.parentId === null).slice(0, 2))
    await assignItemLeader(deps, planner, plan.id, section.id, leader.userId);
  await setPlanSupervisionRules(deps, planner, plan.id, DEMO_SUPERVISION_RULES);
  const reporterAccount = DEMO_ACCOUNTS.find((a) => a.role === 'reporter');
  if (!reporterAccount) return;
  const reporter = actor(reporterAccount.username);
  const owned = tasks.filter((task) => task.reportingUnits.some((u) => reporter.unitIds.includes(u.id)));
  const unitId = owned[0]?.reportingUnits.find((u) => reporter.unitIds.includes(u.id))?.id;
  if (!unitId) return;
  await assignUnitLeader(deps, planner, plan.id, unitId, leader.userId);
  const REASONS: [reason: string, level: 'blue' | 'yellow'][] = [
    ['本月进展报送内容空泛，缺少量化数据', 'blue'],
    ['佐证材料不全，请补充', 'blue'],
    ['连续两月未按时报送', 'yellow'],
    ['项目开工手续办理滞后', 'blue'],
  ];
  const notices = [];
  for (const [k, [reason, level]] of REASONS.entries()) {
    const task = owned[k % owned.length];
    if (!task) return;
    const { notice } = await issueSupervision(
      deps,
      planner,
      { planId: plan.id, level, unitIds: [unitId], itemIds: [task.id], reason },
      null,
    );
    notices.push(notice);
  }
  const [, responded, closed, escalated] = notices;
  if (!responded || !closed || !escalated) return;
  for (const n of [responded, closed]) {
    const s = (await signSupervision(deps, reporter, n.id, n.version)).notice;
    await respondSupervision(
      deps,
      reporter,
      n.id,
      s.version,
      '已召开专题会议，明确时间表，按月报送量化进展并补充佐证材料。',
    );
  }
  const current = (await listSupervision(deps, planner, { planId: plan.id })).notices.find(
    (n) => n.id === closed.id,
  );
  if (current) await closeSupervision(deps, planner, closed.id, current.version, '整改到位，予以销号。');
  const yellow = (await escalateSupervision(deps, planner, escalated.id, escalated.version)).notice;
  const red = (await escalateSupervision(deps, planner, yellow.id, yellow.version)).notice;
  await signSupervision(deps, reporter, red.id, red.version);
}
