import type { PortalFields } from '../clean/portal-fields.js';
import type { DocumentHints } from '../load/document.js';
import type { PlanMeta, Span } from '../plan.js';
import type { Segment } from '../segment/segments.js';
import { readMarker } from '../structure/markers.js';
import { isDateLine, parseDate } from './dates.js';
import { findRegion } from './region.js';

export interface MetaResult {
  meta: PlanMeta;
  /** Segments [bodyStart, bodyEnd) are the plan itself; before is the wrapper and title, after the signature. */
  bodyStart: number;
  bodyEnd: number;
  /** Where the title stands, when it is in the text. */
  titleSource: Span | null;
}

const HEAD_WINDOW = 40;
const PLAN_KIND_END =
  /(要点|计划|方案|安排|任务|清单|推进表|台账|分工|工作重点|行动|意见|责任书|(?:任务|分工|分解|推进|进度|一览|安排|计划|责任|指标)表)$/;
/** A title may end with its span (…方案（2024—2026年）) or stand between decorative dots (· … ·). */
const PLAN_KIND = { test: (title: string): boolean => PLAN_KIND_END.test(bareTitle(title)) };
const TITLE_SPAN = /[（(]\s*(?:19|20)\d\d\s*[—–\-－~～至到]\s*(?:19|20)?\d\d\s*年?\s*[）)]$/;
const DOTS = /^[·•・\s]+|[·•・\s]+$/g;
const bareTitle = (title: string): string => title.replace(DOTS, '').replace(TITLE_SPAN, '').trim();
// 关于印发…的通知, also with its issuer in front (某某市人民政府办公室关于印发…).
const NOTICE_START = /^(?:[\u4e00-\u9fa5]{2,30}?(?:委员会|办公室|办公厅|人民政府|卫生健康局|局|委|厅))?关于/;
const NOTICE_END = /通知$/;
const TRANSMITTAL = /^(现将|现把|现印发|经.{0,20}同意，?现将)/;
const ORG_SUFFIX = /(委员会|卫生健康委|卫健委|卫生健康局|卫健局|卫生局|人民政府|办公室|领导小组|委|局|厅)$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔［[(（【]\s*(19|20)\d{2}\s*[〕］\])）】]\s*\d{1,4}\s*号/;

/** Title, dates, issuer, recipients and document number; and where the plan body starts and ends. */
export function readMeta(
  text: string,
  segments: readonly Segment[],
  folded: string,
  portal: PortalFields,
  hints: DocumentHints,
): MetaResult {
  const lines = segments.map((s) =>
    s.kind === 'paragraph' ? text.slice(s.span.start, s.span.end).trim() : null,
  );
  const isMarked = (i: number): boolean => {
    const s = segments[i];
    return (
      s?.kind === 'paragraph' &&
      readMarker(folded.slice(s.span.start, Math.min(s.span.end, s.span.start + 24))) !== null
    );
  };
  // 附件：1.… 2.… lists the notice's attachments; they are not the plan's first item.
  const inAttachmentList = (i: number): boolean => {
    let k = i;
    while (k > 0 && isMarked(k)) k--;
    return k < i && /^附\s*件\s*[:：]/.test(lines[k] ?? '') ? true : /^附\s*件\s*[:：]/.test(lines[i] ?? '');
  };
  const firstMarked = firstIndex(
    lines.length,
    (i) => (isMarked(i) && !inAttachmentList(i)) || segments[i]?.kind === 'table',
  );
  const headEnd = Math.min(HEAD_WINDOW, firstMarked < 0 ? lines.length : firstMarked);

  const notice = findNotice(lines, headEnd);
  const afterNotice = notice ? notice.end : 0;
  const transmittal = firstIndex(headEnd, (i) => i >= afterNotice && TRANSMITTAL.test(lines[i] ?? ''));
  const title = findTitle(lines, afterNotice, headEnd, notice?.inner ?? null, isMarked);

  const recipients = notice
    ? readRecipients(lines, notice.end, transmittal >= 0 ? transmittal : headEnd)
    : [];
  const signatureHead =
    findSignature(lines, Math.max(afterNotice, transmittal), title ? title.start : headEnd) ??
    (title ? findSignature(lines, title.end, Math.min(title.end + 2, headEnd)) : null);
  const signatureTail = findTailSignature(lines, Math.max(title?.end ?? 0, 0));

  let bodyStart = 0;
  if (title)
    bodyStart = Math.max(
      title.end,
      signatureHead && signatureHead.start >= title.end ? signatureHead.end : 0,
    );
  else if (signatureHead) bodyStart = signatureHead.end;
  else if (transmittal >= 0) bodyStart = transmittal + 1;
  // A plan without a notice may still address its recipients (各乡镇卫生院，局机关各科室：), before its title
  // or right under it.
  let openingRecipients: string[] = [];
  if (!notice) {
    for (let i = 0; i < Math.min(headEnd, bodyStart + 1); i++) {
      const found = readRecipientsLine(lines[i] ?? null);
      if (found.length === 0) continue;
      openingRecipients = found;
      if (i === bodyStart) bodyStart++;
      break;
    }
  }
  const bodyEnd = signatureTail ? signatureTail.start : lines.length;

  const headText = lines
    .slice(0, Math.max(bodyStart, 1))
    .filter((l): l is string => l !== null)
    .join('\n');
  const planTitle = title?.text ?? notice?.inner ?? cleanHintTitle(portal.title ?? hints.title ?? null);
  const signature = signatureHead ?? signatureTail;
  const byline = signature ? null : findByline(lines, title, headEnd);
  const lastLine = lines[lines.length - 1] ?? null;
  const closingDate = lastLine && isDateLine(lastLine) ? parseDate(lastLine) : null;
  // 信息来源 names who posted the page, not who issued the plan.
  const issuer = signature?.issuer ?? portal.issuer ?? byline?.issuer ?? hints.issuer ?? null;
  const issuedOn =
    signature?.date ?? (portal.issuedOn ? parseDate(portal.issuedOn) : null) ?? byline?.date ?? closingDate;
  const publishedOn = parseDate(portal.publishedOn ?? hints.publishedOn ?? '');
  const docNumber =
    DOC_NUMBER.exec(headText)?.[0]?.replace(/\s+/g, '') ??
    validDocNumber(portal.docNumber) ??
    byline?.docNumber ??
    null;
  const { region } = findRegion(
    [planTitle, signature?.issuer, byline?.issuer, notice?.inner, portal.issuer, portal.source, hints.issuer],
    text.slice(0, 2000),
  );

  const span = yearSpanOf(planTitle) ?? yearSpanOf(notice?.inner ?? null);
  const meta: PlanMeta = {
    title: planTitle,
    year:
      span?.year ??
      yearOf(planTitle) ??
      yearOf(notice?.inner ?? null) ??
      yearFromDate(issuedOn) ??
      yearFromDate(publishedOn),
    region,
    issuer,
    issuedOn,
    publishedOn,
    docNumber,
    recipients: recipients.length > 0 ? recipients : openingRecipients,
    ...(span ? { yearEnd: span.yearEnd } : {}),
  };
  const titleSegment = title ? segments[title.start] : undefined;
  const titleSource =
    title && titleSegment
      ? { start: titleSegment.span.start, end: segments[title.end - 1]?.span.end ?? titleSegment.span.end }
      : null;
  return { meta, bodyStart, bodyEnd, titleSource };
}

interface Found {
  start: number;
  end: number;
}

function findNotice(
  lines: readonly (string | null)[],
  headEnd: number,
): (Found & { inner: string | null }) | null {
  for (let i = 0; i < headEnd; i++) {
    const first = lines[i];
    if (!first || !NOTICE_START.test(first)) continue;
    let joined = first;
    let end = i + 1;
    while (!NOTICE_END.test(joined) && end < Math.min(i + 3, lines.length) && joined.length < 80) {
      const next = lines[end];
      if (!next || next.length > 40) break;
      joined += next;
      end++;
    }
    if (!NOTICE_END.test(joined)) continue;
    return { start: i, end, inner: noticeInner(joined) };
  }
  return null;
}

/** 关于印发《2021年全市卫生健康工作要点》的通知 → 2021年全市卫生健康工作要点 */
function noticeInner(notice: string): string | null {
  const quoted = /《([^》]{2,60})》/.exec(notice);
  if (quoted?.[1]) return quoted[1];
  const m = /^关于(?:印发|下达|转发|公布)(.{2,60}?)的?通知$/.exec(notice);
  return m?.[1] ?? null;
}

const squeeze = (s: string): string => s.replace(/[\s《》“”"]/g, '');

function findTitle(
  lines: readonly (string | null)[],
  from: number,
  headEnd: number,
  inner: string | null,
  isMarked: (i: number) => boolean,
): (Found & { text: string }) | null {
  const candidates: (Found & { text: string })[] = [];
  for (let i = from; i < headEnd; i++) {
    const line = lines[i];
    if (!line || isMarked(i) || /^(附\s*件|关于|现将)/.test(line) || /[。；;，,：:]$/.test(line)) continue;
    if (RUNNING_HEAD.test(line)) continue;
    let text = line;
    let end = i + 1;
    // A title broken over two or three short lines; a signature, date or document number is no part of one.
    while (!PLAN_KIND.test(text) && end < Math.min(i + 3, headEnd) && text.length <= 40) {
      const next = lines[end];
      if (!next || next.length > 30 || isMarked(end) || isFurniture(next)) break;
      text += next;
      end++;
    }
    if (isFurniture(line)) continue;
    if (text.length < 4 || text.length > 80 || !PLAN_KIND.test(text)) continue;
    // …行动计划 with its span on the next line: （2026—2028年）
    const spanLine = lines[end];
    if (spanLine && end < headEnd && TITLE_SPAN.test(spanLine) && spanLine.trim().length <= 16) {
      text += spanLine.trim();
      end++;
    }
    const clean = text.replace(DOTS, '');
    candidates.push({ start: i, end, text: clean.replace(/\s+/g, '') === clean ? clean : clean.trim() });
  }
  if (candidates.length === 0) return null;
  if (inner) {
    const same = candidates.find((c) => squeeze(c.text) === squeeze(inner));
    if (same) return same;
  }
  return candidates[0] ?? null;
}

// A journal's running head: 某某卫生健康 2026年第1期（总第58期）, 【政策文件】…通讯
const RUNNING_HEAD = /第\s*\d{1,3}\s*期|^【[^】]{2,8}】/;

const ORG_WORD = /[各委局科院室办站所中心单位部门队处股会组厅部]/;

/** A line that only addresses organisations and ends with a colon. */
function readRecipientsLine(line: string | null): string[] {
  if (!line || line.length > 200) return [];
  const labelled = /^主\s*送\s*[:：]/.test(line);
  if (!labelled && (!/[:：]\s*$/.test(line) || /[。；;]/.test(line))) return [];
  const list = line.replace(/^主\s*送\s*[:：]/, '').replace(/[:：。；;]\s*$/, '');
  const parts = splitTopLevel(list)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => p.length <= 40 && ORG_WORD.test(p)) ? parts : [];
}

/** Lines that stand near a title but are none: an issuer, a date, a document number, 附件1, （此件公开发布）. */
function isFurniture(line: string): boolean {
  return (
    isIssuerLine(line) ||
    isDateLine(line) ||
    DOC_NUMBER.test(line) ||
    /^附\s*件\s*\d{0,2}\s*[:：]?$/.test(line) ||
    RUNNING_HEAD.test(line) ||
    /^[（(][^（）()]{1,20}[）)]$/.test(line)
  );
}

function readRecipients(lines: readonly (string | null)[], from: number, to: number): string[] {
  for (let i = from; i < Math.min(to, from + 3); i++) {
    const line = lines[i];
    if (!line || line.length > 200 || DOC_NUMBER.test(line)) continue;
    // A run-on notice keeps the recipients and the transmittal on one line: 各区县人民政府，…：《…》已经…
    const colon = line.search(/[:：]/);
    const head = /[。]/.test(line) && colon > 0 ? line.slice(0, colon + 1) : line;
    if (/[。]/.test(head)) continue;
    const body = head.replace(/^主送\s*[:：]?/, '').replace(/[:：]\s*$/, '');
    const parts = splitTopLevel(body)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const orgs = head === line || parts.every((p) => ORG_WORD.test(p));
    if (parts.length >= 1 && orgs && parts.every((p) => p.length <= 40)) return parts;
  }
  return [];
}

interface Signature extends Found {
  issuer: string;
  date: string | null;
}

/** An issuer line followed by a date line (or both on one line) at line `i`. */
function signatureAt(lines: readonly (string | null)[], i: number): Signature | null {
  const line = lines[i];
  if (!line) return null;
  const next = lines[i + 1];
  if (next && isIssuerLine(line) && isDateLine(next)) {
    return {
      start: i,
      end: i + 2,
      issuer: line.replace(/\s+/g, ''),
      date: parseDate(next.replace(/^[（(]/, '')),
    };
  }
  const joined = /^(\S{3,40}?)\s+(\S{8,14})$/.exec(line.trim());
  if (joined?.[1] && joined[2] && isIssuerLine(joined[1]) && isDateLine(joined[2])) {
    return { start: i, end: i + 1, issuer: joined[1], date: parseDate(joined[2]) };
  }
  return null;
}

/** The first signature in lines [from, to). */
function findSignature(lines: readonly (string | null)[], from: number, to: number): Signature | null {
  for (let i = Math.max(0, from); i < to; i++) {
    const found = signatureAt(lines, i);
    if (found) return found;
  }
  return null;
}

/** A signature closing the document: the issuer and the date in the last lines. */
function findTailSignature(lines: readonly (string | null)[], min: number): Signature | null {
  for (let i = lines.length - 1; i >= Math.max(min, lines.length - 6); i--) {
    const found = signatureAt(lines, i);
    if (found && found.end >= lines.length - 1) return found;
  }
  return null;
}

function isIssuerLine(line: string): boolean {
  const s = line.replace(/\s+/g, '');
  return s.length >= 3 && s.length <= 40 && ORG_SUFFIX.test(s) && !/[，。；,;]/.test(s);
}

function cleanHintTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title.split(/[_|｜-]{1,2}/)[0]?.trim() ?? '';
  return t.length > 0 ? (noticeInner(t) ?? t) : null;
}

function validDocNumber(value: string | undefined): string | null {
  if (!value) return null;
  const m = DOC_NUMBER.exec(value);
  return m ? m[0].replace(/\s+/g, '') : null;
}

/**
 * The plan's year from its title: with several years (2025年工作总结和2026年工作计划) the last one, the year
 * the plan part is for.
 */
function yearOf(title: string | null): number | null {
  if (!title) return null;
  const years = [...title.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  return years.length > 0 ? Math.max(...years) : null;
}

/** 2024—2026年 → year 2024, yearEnd 2026. */
function yearSpanOf(title: string | null): { year: number; yearEnd: number } | null {
  const m = title ? /((?:19|20)\d\d)\s*[—–\-－~～至到]\s*((?:19|20)\d\d)\s*年/.exec(title) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const yearEnd = Number(m[2]);
  return yearEnd > year && yearEnd - year <= 10 ? { year, yearEnd } : null;
}

interface Byline {
  issuer: string | null;
  date: string | null;
  docNumber: string | null;
}

/**
 * A plan without a signature may name its issuer on a line of its own next to the title (before it or under
 * it), or in a bracketed line under it: （某某县卫生健康局 2026年2月）, （某卫发〔2026〕3号 2026年1月30日）.
 */
function findByline(lines: readonly (string | null)[], title: Found | null, headEnd: number): Byline | null {
  if (!title) return null;
  const near = [title.start - 1, title.end, title.end + 1].filter(
    (i) => i >= 0 && i < Math.max(headEnd, title.end + 2),
  );
  let issuer: string | null = null;
  let date: string | null = null;
  let docNumber: string | null = null;
  for (const i of near) {
    const line = lines[i]?.trim();
    if (!line) continue;
    if (!issuer && isIssuerLine(line)) {
      issuer = line.replace(/\s+/g, '');
      continue;
    }
    const bracketed = /^[（(]([^（）()]{4,60})[）)]$/.exec(line)?.[1];
    if (!bracketed) continue;
    for (const part of bracketed.split(/[\s\u3000]+/)) {
      if (!issuer && isIssuerLine(part)) issuer = part;
      else if (!docNumber && DOC_NUMBER.test(part)) docNumber = DOC_NUMBER.exec(part)?.[0] ?? null;
      else if (!date && isDateLine(part)) date = parseDate(part);
    }
  }
  return issuer || date || docNumber ? { issuer, date, docNumber } : null;
}

function yearFromDate(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

function firstIndex(n: number, predicate: (i: number) => boolean): number {
  for (let i = 0; i < n; i++) if (predicate(i)) return i;
  return -1;
}

/** Splits on ，、； outside brackets: 各县（市、区）卫生健康局 stays one name. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '（' || ch === '(') depth++;
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && /[，,、；;]/.test(ch)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}
