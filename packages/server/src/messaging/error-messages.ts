import type { TextProblem } from '../domain/text-safety.js';
import { CASCADE_ERRORS } from './cascade-messages.js';

/*
 * The server's words for what went wrong (Chinese, the commission's working language). Every message an API
 * caller can read comes from here or from a resource's own catalogue (supervision-messages, password-messages);
 * the web words errors by their stable code and shows these only where it has nothing more specific.
 */

/** What a resource is called in a "not found" or "changed by someone else" answer. */
export const RESOURCE_NAMES = {
  assessmentRules: '考核规则',
  attachment: '附件',
  commission: '机构',
  evaluation: '领导评价',
  instruction: '批示',
  item: '条目',
  mergedItem: '被合并的条目',
  milestone: '节点',
  notification: '通知',
  parentCommission: '上级机构',
  passwordPolicy: '密码策略',
  period: '报送周期',
  plan: '计划',
  previousPlan: '上年计划',
  publishedAssessment: '已发布的考核结果',
  report: '报告',
  sourceDocument: '原文件',
  supervisionNotice: '督办单',
  target: '指标',
  token: '接口令牌',
  task: '任务',
  unit: '单位',
  user: '用户',
  yearLink: '上年对照关联',
} as const;

export type ResourceName = keyof typeof RESOURCE_NAMES;

export const COMMON_ERRORS = {
  notFound: (what: ResourceName) => `${RESOURCE_NAMES[what]}不存在，或您无权查看`,
  versionConflict: (what: ResourceName) => `该${RESOURCE_NAMES[what]}已被他人修改，请刷新后重试`,
  forbidden: '您无权执行此操作',
  duplicate: '与已有记录冲突',
  concurrentChange: '他人同时修改了此内容，请重试',
  dataRule: '修改违反数据规则（引用的记录不存在或仍在使用，或数值超出范围）',
  uploadTooLarge: '上传的文件过大',
  internal: '服务器内部错误，请稍后重试',
  invalid: '格式不正确',
  noRoute: (method: string, path: string) => `没有这个接口：${method} ${path}`,
} as const;

/** Text no field may hold (NUL, broken Unicode) or no name may hold (look-alikes, reversed display). */
export const TEXT_PROBLEMS: Readonly<Record<TextProblem, string>> = {
  nul: '含有 NUL 字符，不允许',
  unpaired_surrogate: '含有不成对的代理字符（不是有效的 Unicode 文本）',
  invisible: '含有双向控制符或零宽字符，名称中不允许出现',
};

/** Messages of one rule each, by the resource they guard. */
export const ERRORS = {
  auth: {
    signInFirst: '请先登录',
    wrongCredentials: '用户名或密码错误',
    ambiguousUser: '该用户名在多个机构中存在，请填写机构代码',
    sessionExpired: '登录已过期，请重新登录',
    currentPasswordWrong: '当前密码不正确',
    locked: (minutes: number) => `登录失败次数过多，账号已锁定 ${String(minutes)} 分钟`,
    csrf: (header: string) => `缺少或错误的防跨站请求令牌：请在 ${header} 请求头中发送登录时获得的令牌`,
    roleMayNot: (role: string, permission: string) => `您的角色（${role}）无权执行“${permission}”`,
  },
  upload: {
    multipartOnly: '请以 multipart/form-data 方式上传文件',
    fileField: '请在 file 字段中附上文件',
    emptyFile: '文件为空',
    documentTooLarge: '文档过大',
    unreadable: (reason: string) => `无法读取该文档：${reason}`,
    attachmentTooLarge: (bytes: number) => `附件超过上限 ${String(bytes)} 字节`,
    attachmentTypes: '附件只能是 PDF、PNG、JPEG、Word 或 Excel 文件',
  },
  plan: {
    archivedReadOnly: '已归档的计划不能修改',
    draftOnlyRestructure: '只有草稿状态的计划才能调整结构',
    publishedOnlyArchive: '只有已发布的计划才能归档',
    noTasks: '计划中没有任务，不能发布',
    findingsOpen: (count: number, kinds: string) =>
      `还有 ${String(count)} 个审核问题未处理（${kinds}），请修正或注明理由后豁免，再发布`,
    thresholds: '“预警”差距须小于“滞后”差距',
  },
  item: {
    parentOutside: '新的上级条目不在本计划中',
    underItself: '条目不能移到自身之下',
    hasProgress: '该条目已有进度报告，不能删除',
    mergeSelf: '条目不能合并到自身',
    mergeOutside: '要合并到的条目不在本计划中',
    mergeDescendant: '条目不能合并到自己的下级条目',
    splitBoundary: '只能在句末（。；;）或“一是/二是…”之前拆分条目',
    splitEmpty: '拆分后的两部分都须有文字',
    afterOutside: '要插入其后的条目不在本计划中',
    parentNotInPlan: '上级条目不在本计划中',
    notInPlan: '该条目不在本计划中',
  },
  unit: {
    unknown: '单位不存在',
  },
  user: {
    reporterNeedsUnit: '填报人至少要属于一个单位',
    nameTaken: '该用户名已被使用',
    notOwnAccount: '不能在此修改自己的账号',
    notOtherAdmin: '不能操作其他管理员的账号',
    adminByCli: '管理员账号须用命令行创建（yaodian user add）',
  },
  report: {
    evidenceRequired: '本计划要求提交前至少上传一个附件',
    oneActualPerTarget: '每个指标只能填报一个实际值',
    targetNotTasks: '该指标不属于此任务',
    noSuchTask: '已发布的计划中没有这个任务',
    notATask: '该条目不是任务，不能填报',
    unitNotAssigned: '该单位不是此任务的责任单位',
    periodNotInPlan: '该报送周期不属于此任务的计划',
    alreadyReported: '该单位在本周期已有此任务的报告',
    keyReused: '该 Idempotency-Key 已用于另一份报告',
    notEditable: (state: string) => `${state}的报告不能修改`,
    notSubmittable: (state: string) => `${state}的报告不能提交`,
    notReviewable: (state: string) => `只有已提交的报告才能审核；这份报告${state}`,
    onceEach: '每份报告只能出现一次',
    staleBatch: (stale: number, all: number) =>
      `${String(all)} 份报告中有 ${String(stale)} 份在读取后已被修改，均未通过`,
    notYourUnit: '您不代表该单位填报',
    evidenceLocked: (state: string) => `${state}的报告不能增删附件`,
  },
  period: {
    dueBeforeStart: '截止日期早于周期开始日期',
  },
  target: {
    rangeNeedsLo: '区间指标须填写下限',
    rangeNeedsHi: '区间指标须填写上限',
    loAboveHi: '下限不能大于上限',
    needsValue: (op: string) => `运算符 ${op} 须填写目标值`,
  },
  task: {
    badCursor: '分页游标无效，请从第一页重新查询',
  },
  milestone: {
    notTasks: '该节点不属于此任务',
    publishedOnly: '只能在已发布的计划上记录节点',
    notFuture: '节点的实际完成日期不能晚于今天',
    leadOnly: '只有任务的牵头单位才能记录节点',
  },
  assessment: {
    notFuture: '考核结果不能按未来的日期发布',
    alreadyPublished: '本计划的考核结果已经发布',
    draftHasNone: '草稿计划没有可发布的考核',
  },
  supervision: {
    notAddressed: '该督办单不是发给您所在单位的',
    documentAudience: '只有督查督办办公室、被督办单位和分管（包抓）领导可以下载督办单',
  },
  yearLink: {
    earlierPublishedOnly: '只能关联到更早年度的已发布计划',
    decidedOnce: '同一请求中每条关联只能确认或驳回一次',
    notUnfinished: '该任务不是上年未完成的任务',
  },
  clock: {
    demoOnly: '只有演示或测试服务器才能调整时钟',
  },
  /** The city-to-county cascade (its own file, beside the cascade's other words). */
  cascade: CASCADE_ERRORS,
} as const;

/** What a report's state is called inside a sentence. */
export const REPORT_STATE_NAMES: Readonly<Record<string, string>> = {
  draft: '草稿状态',
  submitted: '已提交',
  accepted: '已通过',
  returned: '已退回',
};

export const stateName = (state: string): string => REPORT_STATE_NAMES[state] ?? state;
