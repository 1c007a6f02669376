import type {
  CommentList,
  Me,
  PeriodList,
  PlanDetail,
  PlanList,
  PlanSummaryReport,
  ReportFields as ReportFieldsSchema,
  ReportResponse,
  TargetAttainment,
  TargetFields as TargetFieldsSchema,
  TaskList,
  Unit,
  User,
} from '@yaodian/core';
import type { z } from 'zod';
import { client, progressFetch, saveFile } from './http.js';

export type MeDto = z.infer<typeof Me>;
export type PlanSummaryDto = z.infer<typeof PlanList>['plans'][number];
export type PlanDetailDto = z.infer<typeof PlanDetail>;
export type ItemDto = PlanDetailDto['items'][number];
export type TargetDto = ItemDto['targets'][number];
export type TaskDto = z.infer<typeof TaskList>['tasks'][number];
export type ReportDto = z.infer<typeof ReportResponse>['report'];
export type PeriodDto = z.infer<typeof PeriodList>['periods'][number];
export type UnitDto = z.infer<typeof Unit>;
export type UserDto = z.infer<typeof User>;
/** What the server computes for a plan's dashboard (counts accepted reports only). */
export type PlanSummaryReportDto = z.infer<typeof PlanSummaryReport>;
/** Each target's accepted actuals and attainment, as the server computes them. */
export type AttainmentDto = z.infer<typeof TargetAttainment>;
export type TargetAttainmentDto = AttainmentDto['targets'][number];
/** What the signed-in user's units owe this period, as the server's owed rule answers it. */
export type { MyOwedDto, OwedRowDto } from '@yaodian/core';
export type CommentDto = z.infer<typeof CommentList>['comments'][number];

/** A report's fields as the form holds them (every field filled). */
export type ReportFields = z.infer<typeof ReportFieldsSchema>;
/** A target's fields as the editor sends them. */
export type TargetFields = z.input<typeof TargetFieldsSchema>;

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/**
 * Every call the web app makes: the shared typed client, plus what only a browser does — files
 * from a picker with upload progress, and downloads handed to the browser.
 */
export const api = {
  ...client,
  importPlan: (file: File, onProgress: (percent: number) => void) =>
    client.importPlan(fileForm(file), { fetch: progressFetch(onProgress) }),
  uploadAttachment: (reportId: string, file: File, onProgress: (percent: number) => void) =>
    client.uploadAttachment(reportId, fileForm(file), { fetch: progressFetch(onProgress) }),
  /** The assessment workbook: the published one, or the live one as of `asOf`. */
  async downloadAssessment(planId: string, asOf: string | undefined, fallbackName: string): Promise<void> {
    const { bytes, fileName } = await client.exportAssessment({
      params: { planId },
      query: asOf ? { asOf } : {},
    });
    saveFile(bytes, fileName ?? fallbackName);
  },
  async exportXlsx(planId: string, fallbackName: string): Promise<void> {
    const { bytes, fileName } = await client.exportXlsx(planId);
    saveFile(bytes, fileName ?? fallbackName);
  },
  /** The period's value sheet (.xlsx) with the caller's tasks and targets. */
  async downloadValuesTemplate(planId: string, periodId: string, fallbackName: string): Promise<void> {
    const { bytes, fileName } = await client.valuesTemplate({ params: { planId, periodId } });
    saveFile(bytes, fileName ?? fallbackName);
  },
  previewValues: (planId: string, periodId: string, file: File) =>
    client.previewValues({ params: { planId, periodId }, body: fileForm(file) }),
  uploadValues: (planId: string, periodId: string, file: File) =>
    client.uploadValues({ params: { planId, periodId }, body: fileForm(file) }),
  /** The 督办单 (.docx), saved under the file name the server chose (督办单督办〔2026〕3号.docx). */
  async downloadSupervisionNotice(id: string, fallbackName: string): Promise<void> {
    const { bytes, fileName } = await client.supervisionDocument({ params: { id } });
    saveFile(bytes, fileName ?? fallbackName);
  },
  /** The period's 通报 (.docx), saved under the Chinese file name the server chose. */
  async downloadBulletin(
    planId: string,
    periodId: string,
    docNumber: string | undefined,
    fallbackName: string,
  ): Promise<void> {
    const { bytes, fileName } = await client.bulletin({
      params: { planId },
      query: { periodId, ...(docNumber ? { docNumber } : {}) },
    });
    saveFile(bytes, fileName ?? fallbackName);
  },
};

/** The cleaned document text the items' spans index into. */
export function planSource(planId: string): Promise<string> {
  return client.planText(planId);
}
