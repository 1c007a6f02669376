import { TASK_STATUSES, type TaskStatus } from '@yaodian/core';
import { DOCUMENT_WORDS, chineseDate, percentText } from './document-wording.js';
import {
  addressee,
  colophon,
  documentNumber,
  heading1,
  heading2,
  organMark,
  packDocument,
  paragraph,
  run,
  signature,
  table,
  title,
  type Block,
} from './official-document.js';
import { FONT } from './official-layout.js';
import type { SupervisionNoticeDoc } from './supervision-notice.js';

type StatusCounts = Record<TaskStatus, number>;

/** A row of completion figures (a section or a lead unit). */
export interface CompletionRow {
  name: string;
  tasks: number;
  counts: StatusCounts;
  averagePercent: number;
}

/** A unit's reporting in the period, ranked (domain/period-reporting.ts decides the order and the ties). */
export interface RankingRow {
  rank: number;
  name: string;
  owed: number;
  onTime: number;
  accepted: number;
  onTimePercent: number;
  acceptedPercent: number;
}

export interface LaggingTask {
  /** The task's title: 推进紧密型县域医共体建设 (the list numbers the tasks itself). */
  label: string;
  leadUnits: string;
  status: TaskStatus;
  /** Why the task has its status, as the status rule explains it. */
  reason: string;
  /** 存在问题 from the task's latest accepted report, when it gave any. */
  problems: string | null;
}

export interface TargetRow {
  metric: string;
  goal: string;
  /** The latest accepted actual with its period (81%（2026年4月）), or null when none is accepted yet. */
  actual: string | null;
  attainment: number | null;
}

/**
 * A 通报 as the document prints it: every figure already computed by the services (summary, attainment, the
 * period's reports, the 督办 notices); the renderer only lays them out.
 */
export interface BulletinDoc {
  organName: string;
  /** 临卫督〔2026〕3号, or 〔2026〕\u3000号 left for the office to number. */
  documentNumber: string;
  title: string;
  addressees: string;
  planTitle: string;
  periodLabel: string;
  /** The day the figures stand at (YYYY-MM-DD, China time). */
  asOf: string;
  overall: { tasks: number; done: number; completion: number; averagePercent: number; counts: StatusCounts };
  bySection: CompletionRow[];
  byUnit: CompletionRow[];
  reporting: { owed: number; onTime: number; accepted: number; ranking: RankingRow[]; late: string[] };
  lagging: LaggingTask[];
  targets: TargetRow[];
  supervision: { issued: SupervisionNoticeDoc[]; closed: SupervisionNoticeDoc[] };
  /** The date of issue (YYYY-MM-DD). */
  issuedOn: string;
}

const words = DOCUMENT_WORDS.bulletin;
const COUNTED: readonly TaskStatus[] = ['done', 'on_track', 'at_risk', 'behind', 'overdue'];

function completionTable(rows: readonly CompletionRow[], header: readonly string[]): Block {
  return table({
    widths: [4.6, 1, 1, 1, 1, 1, 1, 1.2],
    header,
    centred: [1, 2, 3, 4, 5, 6, 7],
    rows: rows.map((r) => [
      r.name,
      String(r.tasks),
      ...COUNTED.map((s) => String(r.counts[s])),
      percentText(r.averagePercent),
    ]),
  });
}

function overall(doc: BulletinDoc): Block[] {
  const o = doc.overall;
  const parts = TASK_STATUSES.filter((s) => s !== 'done' && o.counts[s] > 0)
    .map((s) => words.statusPart(s, o.counts[s]))
    .join('，');
  return [
    heading1(words.headings.overall),
    paragraph(
      words.overall(
        chineseDate(doc.asOf),
        o.tasks,
        o.done,
        o.completion,
        parts || '其余任务均已完成',
        o.averagePercent,
      ),
    ),
    heading2(words.headings.bySection),
    completionTable(doc.bySection, words.sectionHeader),
    heading2(words.headings.byUnit),
    paragraph(words.unitIntro),
    completionTable(doc.byUnit, words.unitHeader),
  ];
}

function reporting(doc: BulletinDoc): Block[] {
  const r = doc.reporting;
  return [
    heading1(words.headings.reporting),
    paragraph(words.reporting(doc.periodLabel, r.owed, r.onTime, r.accepted)),
    table({
      widths: [1.3, 4.6, 1.3, 1.3, 1.3, 1.6, 1.6],
      header: words.rankingHeader,
      centred: [0, 2, 3, 4, 5, 6],
      rows: r.ranking.map((u) => [
        String(u.rank),
        u.name,
        String(u.owed),
        String(u.onTime),
        String(u.accepted),
        percentText(u.onTimePercent),
        percentText(u.acceptedPercent),
      ]),
    }),
    ...(r.late.length > 0 ? [paragraph(words.missing(r.late.join('、')))] : []),
  ];
}

function lagging(doc: BulletinDoc): Block[] {
  if (doc.lagging.length === 0) return [heading1(words.headings.lagging), paragraph(words.noLagging)];
  const count = (s: TaskStatus) => doc.lagging.filter((t) => t.status === s).length;
  return [
    heading1(words.headings.lagging),
    paragraph(words.laggingIntro(count('behind'), count('overdue'))),
    ...doc.lagging.map((t, k) =>
      paragraph(
        words.laggingLine(k + 1, t.label, t.leadUnits, DOCUMENT_WORDS.status[t.status], t.reason) +
          (t.problems ? words.problems(t.problems) : words.noProblems),
      ),
    ),
  ];
}

function targets(doc: BulletinDoc): Block[] {
  if (doc.targets.length === 0) return [heading1(words.headings.targets), paragraph(words.noTargets)];
  return [
    heading1(words.headings.targets),
    paragraph(words.targetsIntro),
    table({
      widths: [4, 3, 3.4, 1.6],
      header: words.targetHeader,
      centred: [3],
      rows: doc.targets.map((t) => [
        t.metric,
        t.goal,
        t.actual ?? words.noActual,
        t.attainment === null ? '—' : percentText(t.attainment),
      ]),
    }),
  ];
}

function supervision(doc: BulletinDoc): Block[] {
  const { issued, closed } = doc.supervision;
  if (issued.length === 0 && closed.length === 0)
    return [heading1(words.headings.supervision), paragraph(words.noSupervision)];
  const levels = (['red', 'yellow', 'blue'] as const)
    .map((level) => ({ level, n: issued.filter((n) => n.level === level).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${DOCUMENT_WORDS.levels[x.level].short}${String(x.n)}件`);
  const listed = [...issued, ...closed.filter((c) => !issued.some((i) => i.number === c.number))];
  return [
    heading1(words.headings.supervision),
    paragraph(
      words.supervision(issued.length, levels.length > 0 ? `（${levels.join('、')}）` : '', closed.length),
    ),
    table({
      widths: [3, 1.6, 3.4, 5, 1.8],
      header: words.supervisionHeader,
      centred: [1, 4],
      rows: listed.map((n) => [
        n.number,
        DOCUMENT_WORDS.levels[n.level].short,
        n.units.join('、'),
        n.tasks.map((t) => t.title).join('；'),
        DOCUMENT_WORDS.noticeStatus[n.status],
      ]),
    }),
  ];
}

/**
 * The 通报 as a .docx in the 文件 form: the commission's red mark, the number over the red rule, the title, the
 * addressees, then 一、总体进展 (by section, by unit), 二、报送情况 (the ranking), 三、滞后和逾期任务 (with their
 * reasons and reported problems), 四、重点指标, 五、督查督办, 六、下步工作要求; the signature and the 版记.
 */
export function renderBulletin(doc: BulletinDoc): Promise<Buffer> {
  const blocks: Block[] = [
    organMark(words.organMark(doc.organName), 'file'),
    documentNumber(doc.documentNumber, 'file'),
    title(doc.title, 'file'),
    addressee(doc.addressees),
    paragraph(words.intro(doc.planTitle, doc.periodLabel)),
    ...overall(doc),
    ...reporting(doc),
    ...lagging(doc),
    ...targets(doc),
    ...supervision(doc),
    heading1(words.headings.next),
    ...words.next.map(([lead, text]) => paragraph([run(lead, { font: FONT.heading2 }), run(text)])),
    ...signature(doc.organName, chineseDate(doc.issuedOn)),
    ...colophon(words.copyTo, words.printer(doc.organName), words.printedOn(chineseDate(doc.issuedOn))),
  ];
  return packDocument({ title: doc.title }, blocks);
}
