import { z } from 'zod';
import { Id, IsoDate, Version } from './common.js';

/** 督办 levels, mildest first: 蓝 → 黄 → 红. */
export const SUPERVISION_LEVELS = ['blue', 'yellow', 'red'] as const;
export const SupervisionLevel = z.enum(SUPERVISION_LEVELS);
export type SupervisionLevel = z.infer<typeof SupervisionLevel>;

/** issued → signed (已签收) → responded (已反馈) → closed (销号); or escalated (a new notice one level up). */
export const SUPERVISION_STATUSES = ['issued', 'signed', 'responded', 'closed', 'escalated'] as const;
export const SupervisionStatus = z.enum(SUPERVISION_STATUSES);
export type SupervisionStatus = z.infer<typeof SupervisionStatus>;
/** The statuses in which a notice still waits for someone (the unit or the office). */
export const OPEN_SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['issued', 'signed', 'responded'];

/** What raised a notice: a rule of the plan, or the planning office by hand. */
export const SUPERVISION_RULES = ['manual', 'overdue', 'behind', 'stale', 'returns', 'trajectory'] as const;
export const SupervisionRuleKind = z.enum(SUPERVISION_RULES);
export type SupervisionRuleKind = z.infer<typeof SupervisionRuleKind>;

const Switch = { enabled: z.boolean(), level: SupervisionLevel };

/**
 * A plan's 督办 rules, as data (defaults below; the planner edits them on the plan page):
 * - overdue: a period's report still owed N working days after its due date;
 * - behind: a unit's accepted progress X points or more below 序时进度 (elapsed share of the task's span);
 * - stale: no accepted report for K closed periods in a row, or a target's accepted value unchanged for K periods;
 * - returns: the unit's last N reports on a task all returned;
 * - trajectory: a least-squares line through a target's last accepted actuals (≥ minPoints) misses at its deadline.
 * `responseWorkingDays`: the response is due that many working days after issue (and after each escalation).
 * `enabled`: whether the rules issue notices at all. A 督办单 is a numbered official document, so the rules
 * issue none until the planning office turns them on for the plan; `escalate` (on by default) moves any open
 * notice, by hand or by rule, up a level when its response date passes unanswered.
 */
export const SupervisionRules = z.object({
  enabled: z.boolean(),
  overdue: z.object({ ...Switch, workingDays: z.int().min(0).max(60) }),
  behind: z.object({ ...Switch, points: z.int().min(1).max(100) }),
  stale: z.object({ ...Switch, periods: z.int().min(2).max(12) }),
  returns: z.object({ ...Switch, count: z.int().min(2).max(6) }),
  trajectory: z.object({ ...Switch, minPoints: z.int().min(3).max(12) }),
  responseWorkingDays: z.int().min(1).max(30),
  escalate: z.boolean(),
});
export type SupervisionRules = z.infer<typeof SupervisionRules>;

export const DEFAULT_SUPERVISION_RULES: SupervisionRules = {
  enabled: false,
  overdue: { enabled: true, level: 'yellow', workingDays: 3 },
  behind: { enabled: true, level: 'blue', points: 20 },
  stale: { enabled: true, level: 'blue', periods: 2 },
  returns: { enabled: true, level: 'yellow', count: 2 },
  trajectory: { enabled: true, level: 'blue', minPoints: 3 },
  responseWorkingDays: 5,
  escalate: true,
};

export const SupervisionRef = z.object({ id: Id, name: z.string() });
export const SupervisionTaskRef = z.object({ id: Id, number: z.string(), title: z.string() });

export const SupervisionNoticeDto = z.object({
  id: Id,
  planId: Id,
  /** 督办〔2026〕12号 */
  number: z.string(),
  year: z.int(),
  seq: z.int(),
  level: SupervisionLevel,
  status: SupervisionStatus,
  rule: SupervisionRuleKind,
  reason: z.string(),
  units: z.array(SupervisionRef),
  tasks: z.array(SupervisionTaskRef),
  responseDue: IsoDate,
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable(),
  /** 整改措施 */
  response: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** The notice this one escalated from, and the one it escalated to. */
  previousId: Id.nullable(),
  nextId: Id.nullable(),
  version: Version,
});
export type SupervisionNoticeDto = z.infer<typeof SupervisionNoticeDto>;

export const SupervisionList = z.object({ notices: z.array(SupervisionNoticeDto) });
export type SupervisionList = z.infer<typeof SupervisionList>;

/** One notice with its ladder (every notice of the chain, first issued first) for the detail drawer. */
export const SupervisionDetail = z.object({
  notice: SupervisionNoticeDto,
  history: z.array(SupervisionNoticeDto),
});
export type SupervisionDetail = z.infer<typeof SupervisionDetail>;

export const SupervisionQuery = z.object({
  /** A status, or `open` for issued, signed and responded together. */
  status: z.enum([...SUPERVISION_STATUSES, 'open']).optional(),
  level: SupervisionLevel.optional(),
  unitId: Id.optional(),
  planId: Id.optional(),
  itemId: Id.optional(),
});

const Text = (max: number) => z.string().trim().min(1).max(max);

export const IssueSupervisionRequest = z.object({
  planId: Id,
  level: SupervisionLevel,
  unitIds: z.array(Id).min(1).max(50),
  itemIds: z.array(Id).min(1).max(50),
  reason: Text(1000),
  /** Default: the plan's responseWorkingDays after today. */
  responseDue: IsoDate.optional(),
});
export type IssueSupervisionRequest = z.infer<typeof IssueSupervisionRequest>;

export const SupervisionVersionRequest = z.object({ version: Version });
export const RespondSupervisionRequest = z.object({ version: Version, response: Text(4000) });
export const CloseSupervisionRequest = z.object({
  version: Version,
  note: z.string().trim().max(1000).optional(),
});
export const EscalateSupervisionRequest = z.object({
  version: Version,
  reason: z.string().trim().max(1000).optional(),
});

export const SupervisionResponse = z.object({ notice: SupervisionNoticeDto });

export const PlanSupervisionRules = z.object({
  rules: SupervisionRules,
  /** Open notices of the plan per level, for the plan page card. */
  open: z.object({ blue: z.int(), yellow: z.int(), red: z.int() }),
});
export type PlanSupervisionRules = z.infer<typeof PlanSupervisionRules>;
