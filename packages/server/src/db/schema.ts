import type { Role, TaskStatus } from '@yaodian/core';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { StatusReasonCode } from '../domain/task-status.js';

/** JSON columns: written as a string or value, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type TenantLevel = 'national' | 'province' | 'city' | 'county';

export interface TenantTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  level: TenantLevel;
  created_at: CreatedAt;
  /** A disabled commission's users cannot sign in (migration 0180). */
  active: Generated<boolean>;
  /** The demo commission (seeded by `npm start` on a new embedded database). */
  demo: Generated<boolean>;
}

export interface OrgUnitTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: 'department' | 'affiliated' | 'county' | 'facility' | 'other';
  created_at: CreatedAt;
  /** The unit's 分管 leader (migration 0150). */
  leader_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The child commission a county bureau unit stands for (migration 0180); a plain id, no foreign key. */
  linked_tenant_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrgUnitAliasTable {
  tenant_id: string;
  alias: string;
  unit_id: string;
}

export interface UnitGroupTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
}

export interface UnitGroupMemberTable {
  tenant_id: string;
  group_id: string;
  unit_id: string;
}

export interface UserTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  active: Generated<boolean>;
  /** Where e-mail reminders go (migration 0110); null: none. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  notify_email: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  /** When the password was last set (migration 0130): the policy's expiry counts from here. */
  password_changed_at: ColumnType<Date, Date | undefined, Date>;
  /** Set by a reset: the user changes the password before anything else. */
  must_change_password: Generated<boolean>;
}

/** Where a purge cut the audit chain (migration 0131): verification continues from the newest. */
export interface AuditAnchorTable {
  tenant_id: string;
  seq: number;
  algorithm: 'sha256' | 'sm3';
  chain_hash: string;
  purged_before: Date;
  entries: number;
  export_digest: string;
  created_at: Date;
}

/** A commission's password and session policy (migration 0130); no row: the defaults. */
export interface PasswordPolicyTable {
  tenant_id: string;
  min_length: number;
  min_classes: number;
  history: number;
  expiry_days: number;
  force_change_after_reset: boolean;
  idle_minutes: number;
  absolute_hours: number;
  version: number;
  updated_at: Date;
}

/** A user's earlier password hashes, newest the highest seq (migration 0130). */
export interface PasswordHistoryTable {
  tenant_id: string;
  user_id: string;
  seq: number;
  password_hash: string;
  replaced_at: Date;
}

export interface UserUnitTable {
  tenant_id: string;
  user_id: string;
  unit_id: string;
}

export interface SessionTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface LoginAttemptTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  ip: string;
  at: Date;
}

/** Sign-in attempts per user name and per address (migration 0071); not tenant-owned. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_started_at: Date;
  locked_until: Date | null;
  locks: Generated<number>;
  updated_at: Date;
}

export interface PlanTable {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  year: number;
  status: Generated<'draft' | 'published' | 'archived'>;
  version: Generated<number>;
  source_file_name: string | null;
  source_bytes: Buffer | null;
  source_sha256: string | null;
  source_format: string | null;
  text: Generated<string>;
  meta: Json<unknown>;
  aliases: Json<{ short: string; full: string }[]>;
  warnings: Json<{ code: string; message: string }[]>;
  behind_points: Generated<number>;
  at_risk_points: Generated<number>;
  review_required: Generated<boolean>;
  evidence_required: Generated<boolean>;
  /** When reminders fire (migration 0110), validated by core's ReminderPolicy. */
  reminder_policy: ColumnType<unknown, string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  published_at: Date | null;
  /** Raised by every plan-wide change (migration 0081): part of the tree's and summary's ETags. */
  content_rev: Generated<number>;
  /** The plan's 督办 rules (migration 0150), validated by core's SupervisionRules; {} = the defaults. */
  supervision_rules: ColumnType<unknown, string | undefined, string>;
  /** Bulk values accepted at once (migration 0190); default: they wait for review. */
  bulk_values_accepted: Generated<boolean>;
  /** The public page's id while the plan is shown there (migration 0190). */
  public_id: string | null;
}

export interface ItemTable {
  tenant_id: string;
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  position: number;
  number: string;
  level: number;
  title: string;
  text: string;
  is_task: boolean;
  deadline: string | null;
  deadline_text: string | null;
  source_start: number | null;
  source_end: number | null;
  version: Generated<number>;
  /** The owning leader (委领导包抓, migration 0150). */
  leader_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type AssignmentRole = 'lead' | 'support' | 'unit';

export interface AssignmentTable {
  tenant_id: string;
  item_id: string;
  unit_id: string;
  role: AssignmentRole;
}

export interface UnmatchedUnitTable {
  tenant_id: string;
  item_id: string;
  name: string;
  role: AssignmentRole;
}

export interface TargetTable {
  tenant_id: string;
  id: Generated<string>;
  item_id: string;
  position: number;
  metric: string;
  op: '>=' | '<=' | '=' | '~' | 'range';
  value: number | null;
  lo: number | null;
  hi: number | null;
  unit: string;
  basis: 'level' | 'change';
  direction: 'higher' | 'lower';
  baseline: number | null;
  deadline: string | null;
  deadline_text: string | null;
  text: string;
  source_start: number | null;
  source_end: number | null;
  version: Generated<number>;
  /** How the counties' accepted values make this (city) target's figure; null: the default its kind implies. */
  rollup_method: ColumnType<RollupMethod | null, RollupMethod | null | undefined, RollupMethod | null>;
  /** The tenant weight (常住人口 …) a weighted mean uses; null: every county weighs the same. */
  rollup_weight: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportingPeriodTable {
  tenant_id: string;
  id: Generated<string>;
  plan_id: string;
  kind: 'monthly' | 'quarterly';
  label: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
}

export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface ProgressReportTable {
  tenant_id: string;
  id: Generated<string>;
  item_id: string;
  unit_id: string;
  period_id: string;
  percent: number;
  narrative: string;
  problems: string;
  next_steps: string;
  state: ReportState;
  return_reason: string | null;
  version: Generated<number>;
  idempotency_key: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  /** When it was returned as without substance (migration 0160). */
  no_substance_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TargetActualTable {
  tenant_id: string;
  report_id: string;
  target_id: string;
  value: number;
  note: string;
}

export interface CommentTable {
  tenant_id: string;
  id: Generated<string>;
  item_id: string | null;
  report_id: string | null;
  author_id: string;
  body: string;
  created_at: Date;
}

export interface AuditLogTable {
  tenant_id: string;
  id: ColumnType<number, never, never>;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

/** The audit log's hash chain, one row per sealed entry (migration 0072). */
export interface AuditChainTable {
  tenant_id: string;
  seq: number;
  entry_id: number;
  algorithm: 'sha256' | 'sm3';
  entry_hash: string;
  chain_hash: string;
  sealed_at: Date;
}

export interface AttachmentTable {
  tenant_id: string;
  id: Generated<string>;
  report_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface TaskStatusTable {
  tenant_id: string;
  plan_id: string;
  item_id: string;
  status: TaskStatus;
  reason_code: StatusReasonCode;
  reason: string;
  percent: number | null;
  computed_at: Date;
  /** The task's place in plan order, its section and effective units (migration 0080); null until placed. */
  position: ColumnType<number | null, number | null | undefined, number | null>;
  section_id: ColumnType<string | null, string | null | undefined, string | null>;
  lead_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  support_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  reporting_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Raised by one by every write that touches the task (migration 0081). */
  change_count: Generated<number>;
}

export type JobState = 'pending' | 'done' | 'failed';

export interface JobTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  key: string;
  payload: Json<Record<string, unknown>>;
  state: Generated<JobState>;
  run_at: Date;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface WorkingDayOverrideTable {
  tenant_id: string;
  day: ColumnType<string, string, string>;
  workday: boolean;
  note: Generated<string>;
}

export interface NotificationTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  key: string;
  created_at: Date;
  read_at: Date | null;
}

export type RobotKind = 'wecom' | 'dingtalk';

export interface UnitRobotTable {
  tenant_id: string;
  unit_id: string;
  kind: RobotKind;
  webhook_url: string;
  secret: string | null;
  enabled: Generated<boolean>;
}

export type MessageChannel = 'email' | RobotKind;

export interface OutboundMessageTable {
  tenant_id: string;
  id: Generated<string>;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
  key: string;
  state: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface SupervisionCounterTable {
  tenant_id: string;
  year: number;
  last: number;
}

export interface SupervisionNoticeTable {
  tenant_id: string;
  id: Generated<string>;
  plan_id: string;
  year: number;
  seq: number;
  level: 'blue' | 'yellow' | 'red';
  status: 'issued' | 'signed' | 'responded' | 'closed' | 'escalated';
  rule: 'manual' | 'overdue' | 'behind' | 'stale' | 'returns' | 'trajectory';
  rule_key: string | null;
  reason: string;
  response_due: string;
  issued_by: string | null;
  issued_at: Date;
  signed_by: string | null;
  signed_at: Date | null;
  response: string | null;
  responded_by: string | null;
  responded_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
  close_note: string | null;
  previous_id: string | null;
  next_id: string | null;
  idempotency_key: string | null;
  version: Generated<number>;
}

export interface SupervisionNoticeUnitTable {
  tenant_id: string;
  notice_id: string;
  unit_id: string;
}

export interface SupervisionNoticeItemTable {
  tenant_id: string;
  notice_id: string;
  item_id: string;
}

export interface ItemInstructionTable {
  tenant_id: string;
  id: Generated<string>;
  item_id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

/** A task's dated step (migration 0160); `actual_on` counts once `confirmed_at` is set. */
export interface MilestoneTable {
  tenant_id: string;
  id: Generated<string>;
  plan_id: string;
  item_id: string;
  position: number;
  name: string;
  planned_on: string;
  actual_on: string | null;
  note: Generated<string>;
  recorded_by: string | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

/** A task linked to its predecessor in an earlier plan (migration 0200, issue 10 part 3). */
export interface YearLinkTable {
  tenant_id: string;
  id: Generated<string>;
  plan_id: string;
  item_id: string;
  previous_plan_id: string;
  previous_item_id: string;
  origin: 'matched' | 'carried';
  score: number;
  reasons: Json<string[]>;
  status: Generated<'proposed' | 'confirmed' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

/** A target linked to last year's target of the same metric, and where its baseline came from (0200). */
export interface TargetYearLinkTable {
  tenant_id: string;
  link_id: string;
  target_id: string;
  previous_target_id: string;
  score: number;
  baseline_report_id: string | null;
  baseline_value: number | null;
  baseline_period: string | null;
  baseline_set_at: Date | null;
}

export interface AssessmentRuleTable {
  tenant_id: string;
  plan_id: string;
  rules: Json<unknown>;
  version: Generated<number>;
  updated_at: Date;
  updated_by: string;
}

export interface LeaderEvaluationTable {
  tenant_id: string;
  plan_id: string;
  unit_id: string;
  evaluator_id: string;
  score: number;
  note: Generated<string>;
  evaluated_at: Date;
}

export interface AssessmentSnapshotTable {
  tenant_id: string;
  plan_id: string;
  as_of: string;
  rules: Json<unknown>;
  result: Json<unknown>;
  published_at: Date;
  published_by: string;
}

export interface DB {
  tenants: TenantTable;
  org_units: OrgUnitTable;
  org_unit_aliases: OrgUnitAliasTable;
  unit_groups: UnitGroupTable;
  unit_group_members: UnitGroupMemberTable;
  users: UserTable;
  password_policies: PasswordPolicyTable;
  password_history: PasswordHistoryTable;
  user_units: UserUnitTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_throttle: LoginThrottleTable;
  plans: PlanTable;
  items: ItemTable;
  assignments: AssignmentTable;
  unmatched_units: UnmatchedUnitTable;
  targets: TargetTable;
  reporting_periods: ReportingPeriodTable;
  progress_reports: ProgressReportTable;
  target_actuals: TargetActualTable;
  comments: CommentTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  audit_anchors: AuditAnchorTable;
  attachments: AttachmentTable;
  task_status: TaskStatusTable;
  jobs: JobTable;
  working_day_overrides: WorkingDayOverrideTable;
  notifications: NotificationTable;
  unit_robots: UnitRobotTable;
  outbound_messages: OutboundMessageTable;
  supervision_counters: SupervisionCounterTable;
  supervision_notices: SupervisionNoticeTable;
  supervision_notice_units: SupervisionNoticeUnitTable;
  supervision_notice_items: SupervisionNoticeItemTable;
  item_instructions: ItemInstructionTable;
  milestones: MilestoneTable;
  year_links: YearLinkTable;
  target_year_links: TargetYearLinkTable;
  cascade_plans: CascadePlanTable;
  cascade_links: CascadeLinkTable;
  cascade_target_links: CascadeTargetLinkTable;
  tenant_weights: TenantWeightTable;
  county_quotas: CountyQuotaTable;
  assessment_rules: AssessmentRuleTable;
  leader_evaluations: LeaderEvaluationTable;
  assessment_snapshots: AssessmentSnapshotTable;
  api_tokens: ApiTokenTable;
}

/** An API token (migration 0190): its sha-256 hash, never the secret. */
export interface ApiTokenTable {
  tenant_id: string;
  id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string[];
  unit_id: string | null;
  expires_at: Date;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

export type ApiTokenRow = Selectable<ApiTokenTable>;
export type RollupMethod = 'sum' | 'weighted_mean' | 'min';

/** A county plan that receives a city plan's tasks (county's tenant; the city named by plain ids). */
export interface CascadePlanTable {
  tenant_id: string;
  plan_id: string;
  city_tenant: string;
  city_plan: string;
  created_at: Date;
}

/** A county task ↔ the city task it carries out (county's tenant). */
export interface CascadeLinkTable {
  tenant_id: string;
  item_id: string;
  plan_id: string;
  city_tenant: string;
  city_plan: string;
  city_item: string;
  origin: 'pushed' | 'linked';
  /** The city's task as this county last accepted it (domain/cascade-ask.ts CityAsk). */
  accepted: Json<unknown>;
  accepted_at: Date;
  created_at: Date;
}

/** A county target ↔ the city target its accepted actuals roll up to (county's tenant). */
export interface CascadeTargetLinkTable {
  tenant_id: string;
  target_id: string;
  item_id: string;
  city_tenant: string;
  city_target: string;
}

/** Data a commission enters about each child commission (常住人口 …): weights for quotas and means. */
export interface TenantWeightTable {
  tenant_id: string;
  name: string;
  child_tenant: string;
  value: number;
}

/** A city target's share asked of one county (city's tenant). */
export interface CountyQuotaTable {
  tenant_id: string;
  target_id: string;
  county_tenant: string;
  value: number;
}

export type UserRow = Selectable<UserTable>;
export type PlanRow = Selectable<PlanTable>;
export type ItemRow = Selectable<ItemTable>;
export type NewItem = Insertable<ItemTable>;
export type TargetRow = Selectable<TargetTable>;
export type NewTarget = Insertable<TargetTable>;
export type TargetUpdate = Updateable<TargetTable>;
export type ReportRow = Selectable<ProgressReportTable>;
export type PeriodRow = Selectable<ReportingPeriodTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type TaskStatusRow = Selectable<TaskStatusTable>;
export type JobRow = Selectable<JobTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type OutboundMessageRow = Selectable<OutboundMessageTable>;
export type SupervisionNoticeRow = Selectable<SupervisionNoticeTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type YearLinkRow = Selectable<YearLinkTable>;
export type TargetYearLinkRow = Selectable<TargetYearLinkTable>;
