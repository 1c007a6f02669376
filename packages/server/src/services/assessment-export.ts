import type { AssessmentDto, AssessmentLineKind } from '@yaodian/core';
import ExcelJS from 'exceljs';
import type { Actor } from '../policies/actor.js';
import { appendAudit } from '../repositories/audit-repository.js';
import { assessmentForExport } from './assessment-service.js';
import type { Deps } from './deps.js';

const KIND_LABELS: Readonly<Record<string, string>> = {
  department: '委机关科室',
  affiliated: '委直属单位',
  county: '县（市、区）卫生健康局',
  facility: '医疗卫生机构',
  other: '其他',
};

const RANKING_HEADERS = [
  '排名',
  '单位',
  '类别',
  '同类排名',
  '得分',
  '任务完成',
  '目标指标',
  '扣分',
  '领导评价',
];
const EXPLANATION_HEADERS = ['单位', '得分', '分值', '说明'];

const sum = (a: AssessmentDto['units'][number], kinds: readonly AssessmentLineKind[]): number =>
  Math.round(a.lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.points, 0) * 100) / 100;

const DEDUCTIONS: readonly AssessmentLineKind[] = [
  'missing_report',
  'late_report',
  'no_substance',
  'supervision',
  'deduction_cap',
  // The floor gives back what the deductions took beyond it: counted with them, the columns still add up.
  'floor',
];

/** The workbook: 排名 (one row per unit, the parts of its score) and 得分说明 (every line of every unit). */
export function assessmentWorkbook(title: string, assessment: AssessmentDto): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const state = assessment.publishedAt ? '已发布' : '试算';
  const heading = `${title}年度考核结果（截至${assessment.asOf}，${state}）`;

  const ranking = workbook.addWorksheet('排名');
  ranking.addRow([heading]);
  ranking.mergeCells(1, 1, 1, RANKING_HEADERS.length);
  ranking.addRow(RANKING_HEADERS).font = { bold: true };
  for (const u of assessment.units)
    ranking.addRow([
      u.rank,
      u.unitName,
      KIND_LABELS[u.unitKind] ?? u.unitKind,
      u.kindRank,
      u.score,
      sum(u, ['base', 'completion']),
      sum(u, ['target']),
      sum(u, DEDUCTIONS),
      sum(u, ['leader_evaluation']),
    ]);
  ranking.columns.forEach((column, i) => (column.width = i === 1 || i === 2 ? 24 : 10));

  const explanation = workbook.addWorksheet('得分说明');
  explanation.addRow([heading]);
  explanation.mergeCells(1, 1, 1, EXPLANATION_HEADERS.length);
  explanation.addRow(EXPLANATION_HEADERS).font = { bold: true };
  for (const u of assessment.units)
    for (const l of u.lines) explanation.addRow([u.unitName, u.score, l.points, l.text]);
  explanation.columns.forEach((column, i) => (column.width = i === 3 ? 70 : i === 0 ? 24 : 10));
  return workbook;
}

/** The assessment as .xlsx (the published one unless a day is asked for); audited as data leaving the system. */
export async function exportAssessment(
  deps: Deps,
  actor: Actor,
  planId: string,
  asOf: string | undefined,
): Promise<{ fileName: string; bytes: Buffer }> {
  const { plan, assessment } = await assessmentForExport(deps, actor, planId, asOf);
  const bytes = Buffer.from(await assessmentWorkbook(plan.title, assessment).xlsx.writeBuffer());
  const fileName = `${plan.title}年度考核.xlsx`;
  await appendAudit(deps.db, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'assessment.export',
    entity: 'plan',
    entityId: plan.id,
    after: {
      fileName,
      bytes: bytes.length,
      asOf: assessment.asOf,
      published: assessment.publishedAt !== null,
    },
    at: deps.clock.now(),
  });
  return { fileName, bytes };
}
