import type { TaskStatus } from '@yaodian/core';

/*
 * Every word the official documents print, in one catalogue (Chinese: these are the commission's own papers).
 * The figures come from the services; the sentences that carry them are written here.
 */

/** 2026-12-02 → 2026年12月2日 (7.3.5.3: Arabic numerals, the year in full, no padding zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${String(year)}年${String(month)}月${String(day)}日`;
}

/** 33.333 → "33.3%"; whole numbers without a decimal. */
export function percentText(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)}%`;
}

const STATUS_WORDS: Record<TaskStatus, string> = {
  done: '已完成',
  on_track: '正常推进',
  at_risk: '有风险',
  behind: '滞后',
  overdue: '逾期',
  not_started: '未启动',
};

export const DOCUMENT_WORDS = {
  status: STATUS_WORDS,
  levels: {
    blue: { name: '蓝色督办', short: '蓝色', color: '0070C0' },
    // A dark amber: the yellow of the ladder, legible on white paper.
    yellow: { name: '黄色督办', short: '黄色', color: 'C89B00' },
    red: { name: '红色督办', short: '红色', color: 'FF0000' },
  },
  noticeStatus: {
    issued: '已下发',
    signed: '已签收',
    responded: '已反馈',
    closed: '已销号',
    escalated: '已升级',
  },
  notice: {
    title: '督 办 单',
    /** Who signs a notice a plan's rule raised: the office that runs the rules. */
    ruleIssuer: '督查督办办公室',
    fileName: (number: string) => `督办单${number}.docx`,
    demand: (level: string, respondBy: string, issuer: string) =>
      `现予${level}。请于${respondBy}前将整改措施及进展情况书面反馈${issuer}，并附佐证材料；逾期未反馈的将升级督办。`,
    signedBlank: '签收人：\u3000\u3000\u3000\u3000\u3000签收时间：\u3000\u3000年\u3000\u3000月\u3000\u3000日',
    labels: {
      level: '督办等级',
      units: '承办单位',
      tasks: '督办事项',
      reason: '督办原因',
      demand: '办理要求',
      issuer: '签 发',
      signed: '签 收',
      response: '反馈情况',
      closed: '销号意见',
    },
  },
  bulletin: {
    organMark: (organ: string) => `${organ}文件`,
    /** 〔2026〕号 with room for the number, when the office numbers the document by hand. */
    blankNumber: (year: number) => `〔${String(year)}〕\u3000\u3000号`,
    title: (planTitle: string, period: string) => `关于${planTitle}${period}落实情况的通报`,
    addressees: {
      department: '委机关各科室',
      affiliated: '委直属各单位',
      county: '各县（市、区）卫生健康局',
      facility: '各医疗卫生机构',
      other: '各有关单位',
    } as Record<string, string>,
    intro: (planTitle: string, period: string) =>
      `为推动《${planTitle}》各项任务落地见效，根据月调度、季督导工作安排，现将${period}各单位任务推进和进展报送情况通报如下。`,
    headings: {
      overall: '一、总体进展情况',
      bySection: '（一）分领域推进情况',
      byUnit: '（二）分单位推进情况',
      reporting: '二、进展报送情况',
      lagging: '三、滞后和逾期任务',
      targets: '四、重点指标完成情况',
      supervision: '五、督查督办情况',
      next: '六、下步工作要求',
    },
    overall: (
      asOf: string,
      tasks: number,
      done: number,
      completion: number,
      parts: string,
      averagePercent: number,
    ) =>
      `截至${asOf}，纳入调度的重点任务共${String(tasks)}项，已完成${String(done)}项，完成率${percentText(completion)}；` +
      `${parts}；各项任务平均完成进度${percentText(averagePercent)}。`,
    statusPart: (status: TaskStatus, count: number) => `${STATUS_WORDS[status]}${String(count)}项`,
    // Two-character headers keep the seven figure columns narrow enough for the names to fit on a line.
    sectionHeader: ['领域', '任务', '完成', '正常', '风险', '滞后', '逾期', '进度'],
    unitIntro: '各牵头单位承担任务的推进情况如下（按平均完成进度排序）。',
    unitHeader: ['牵头单位', '任务', '完成', '正常', '风险', '滞后', '逾期', '进度'],
    reporting: (period: string, owed: number, onTime: number, accepted: number) =>
      `${period}各单位应报送任务进展${String(owed)}项次，按时报送${String(onTime)}项次（按时报送率${percentText(
        owed === 0 ? 0 : (onTime / owed) * 100,
      )}），审核通过${String(accepted)}项次（审核通过率${percentText(owed === 0 ? 0 : (accepted / owed) * 100)}）。` +
      '各单位按按时报送率、审核通过率排名如下。',
    missing: (units: string) => `${units}本期有任务进展未按时报送，请抓紧补报。`,
    rankingHeader: ['排名', '单位', '应报', '按时', '通过', '按时率', '通过率'],
    noLagging: '截至目前，无滞后或逾期任务。',
    laggingIntro: (behind: number, overdue: number) =>
      `截至目前，滞后任务${String(behind)}项、逾期任务${String(overdue)}项，具体如下：`,
    laggingLine: (k: number, label: string, units: string, status: string, reason: string) =>
      `${String(k)}. ${label}（牵头单位：${units}）。状态：${status}，${reason}。`,
    problems: (text: string) => `存在问题：${text}`,
    noProblems: '牵头单位尚未报送存在问题。',
    noTargets: '本计划暂无量化指标。',
    targetsIntro: '重点指标以审核通过的最新实际值计算达成情况如下。',
    targetHeader: ['指标', '目标', '最新实际值', '达成率'],
    noActual: '暂无',
    supervision: (issued: number, byLevel: string, closed: number) =>
      `本期共下发督办单${String(issued)}件${byLevel}，销号${String(closed)}件。`,
    noSupervision: '本期未下发或销号督办单。',
    supervisionHeader: ['督办编号', '等级', '承办单位', '督办事项', '状态'],
    /** Each requirement: its heading sentence (楷体) and what follows it (仿宋). */
    next: [
      [
        '（一）压实工作责任。',
        '各牵头单位要对照任务分工，逐项明确时间表和路线图，主要负责同志亲自研究、推动落实。',
      ],
      [
        '（二）加快滞后任务推进。',
        '对本通报列出的滞后和逾期任务，牵头单位要认真分析原因，制定整改措施，确保按期完成。',
      ],
      [
        '（三）提高报送质量。',
        '各单位要按时报送月度进展，如实反映工作进展、存在问题和下步打算，并上传佐证材料。',
      ],
    ] as const,
    copyTo: '抄送：委领导。',
    printer: (organ: string) => `${organ}办公室`,
    printedOn: (date: string) => `${date}印发`,
    fileName: (title: string) => `${title}.docx`,
  },
} as const;
