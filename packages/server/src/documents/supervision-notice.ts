import { type TextRun } from 'docx';
import { DOCUMENT_WORDS, chineseDate } from './document-wording.js';
import { documentNumber, form, organMark, packDocument, run, signature, title } from './official-document.js';
import { TYPE_SIZE } from './official-layout.js';

/** The three rungs of the 督办 ladder, lowest first. */
export type SupervisionLevel = 'blue' | 'yellow' | 'red';
export type SupervisionStatus = 'issued' | 'signed' | 'responded' | 'closed' | 'escalated';

/**
 * A 督办单 as the documents print it: what the 督办 model (issue 9, item 3) hands to the renderer and to the
 * 通报's 督办 section. Plain data, already named (unit and task names, not ids), dates as YYYY-MM-DD in China
 * time.
 */
export interface SupervisionNoticeDoc {
  /** The notice's number as printed: 督办〔2026〕12号. */
  number: string;
  level: SupervisionLevel;
  status: SupervisionStatus;
  /** The issuing organ's full name (the commission): 临江市卫生健康委员会. */
  organName: string;
  /** The units that must act, lead first. */
  units: readonly string[];
  /** The tasks concerned, with their plan number when they have one (一、（三）). */
  tasks: readonly { number: string | null; title: string }[];
  /** Why the notice was issued, in words (a rule's explanation or the office's own). */
  reason: string;
  /** The date by which the unit must respond (整改措施 and evidence). */
  respondBy: string;
  /** Who issued it: the office or the person who signed (规划信息科, or 张明). */
  issuer: string;
  issuedOn: string;
  /** When it was closed (销号), if it was. */
  closedOn: string | null;
}

const words = DOCUMENT_WORDS.notice;

const taskLine = (t: SupervisionNoticeDoc['tasks'][number], k: number, all: number): string =>
  `${all > 1 ? `${String(k + 1)}. ` : ''}${t.number ? `${t.number} ` : ''}${t.title}`;

/**
 * The 督办单 as a .docx on one page: the commission's red header, the notice's number over the red rule, the
 * title, and a form with the level in words and in its colour, the units, the tasks, the reason, what is asked
 * and by when, who issued it, blank 签收, 反馈 and 销号 rows for the unit and the office to fill; the signature.
 */
export function renderSupervisionNotice(doc: SupervisionNoticeDoc): Promise<Buffer> {
  const level = DOCUMENT_WORDS.levels[doc.level];
  const sized = (value: string, style: { color?: string; bold?: boolean } = {}): TextRun[] => [
    run(value, { sizePt: TYPE_SIZE.sihao, ...style }),
  ];
  const blocks = [
    organMark(doc.organName, 'form'),
    documentNumber(doc.number, 'form'),
    title(words.title, 'form'),
    form([
      { label: words.labels.level, content: [sized(level.name, { color: level.color, bold: true })] },
      { label: words.labels.units, content: [sized(doc.units.join('、'))] },
      {
        label: words.labels.tasks,
        content: doc.tasks.map((t, k) => sized(taskLine(t, k, doc.tasks.length))),
      },
      { label: words.labels.reason, content: [sized(doc.reason)] },
      {
        label: words.labels.demand,
        content: [sized(words.demand(level.name, chineseDate(doc.respondBy), doc.issuer))],
      },
      {
        label: words.labels.issuer,
        content: [sized(`${doc.issuer}\u3000\u3000${chineseDate(doc.issuedOn)}`)],
      },
      { label: words.labels.signed, content: [sized(words.signedBlank)] },
      { label: words.labels.response, content: [sized('')], minHeightMm: 25 },
      { label: words.labels.closed, content: [sized('')], minHeightMm: 15 },
    ]),
    ...signature(doc.organName, chineseDate(doc.issuedOn)),
  ];
  return packDocument({ title: `${words.title} ${doc.number}` }, blocks);
}
