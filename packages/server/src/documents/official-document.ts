import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import {
  COLOPHON,
  FIRST_LINE_INDENT_CHARS,
  FONT,
  HEADER_GAP_LINES,
  HEADER_RED,
  LINE_PITCH_TWIPS,
  mmToTwip,
  ORGAN_MARK_OFFSET_MM,
  organMarkSizePt,
  PAGE_NUMBER_INSET_CHARS,
  PAGE_TWIPS,
  halfPoints,
  ptToTwip,
  SEPARATOR,
  SIGNATURE,
  TEXT_BLOCK_WIDTH_TWIPS,
  textWidthChars,
  TYPE_SIZE,
} from './official-layout.js';

/*
 * The building blocks of an official document (版头, title, body, headings, tables, 落款, 版记, page numbers),
 * each laid out by official-layout.ts. A document module (the 通报, the 督办单) only chooses the blocks and
 * their words.
 */

export type Block = Paragraph | Table;

interface RunStyle {
  font?: string;
  sizePt?: number;
  color?: string;
  bold?: boolean;
}

/** The same face for every script slot, so Word and WPS never fall back to a Latin face for digits. */
const faces = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export function run(text: string, style: RunStyle = {}): TextRun {
  // Typed apart: TextRun also takes a bare string, whose (deprecated) String#bold the linter would see.
  const options: IRunOptions = {
    text,
    font: faces(style.font ?? FONT.body),
    size: halfPoints(style.sizePt ?? TYPE_SIZE.sanhao),
    ...(style.color ? { color: style.color } : {}),
    ...(style.bold ? { bold: true } : {}),
  };
  return new TextRun(options);
}

/** 5.2.3: the body's fixed line pitch. */
const pitch = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT } as const;
/** A blank line of the body's pitch (the standard's 空一行, 空二行), as space before a paragraph. */
const blankLines = (n: number): number => Math.round(n * LINE_PITCH_TWIPS);
const charsOf = (n: number, sizePt: number = TYPE_SIZE.sanhao): number => ptToTwip(n * sizePt);

/**
 * 7.2.2 the issuing organ's mark (e.g. 临江市卫生健康委员会文件), red 小标宋, centred: 35 mm below the top of the
 * text block for a 文件, at its top for a form (see ORGAN_MARK_OFFSET_MM). Its line is as tall as its type (the
 * body's pitch would clip it).
 */
export function organMark(text: string, kind: keyof typeof ORGAN_MARK_OFFSET_MM): Paragraph {
  const sizePt = organMarkSizePt(textWidthChars(text));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      before: mmToTwip(ORGAN_MARK_OFFSET_MM[kind]),
      line: ptToTwip(sizePt * 1.25),
      lineRule: LineRuleType.EXACT,
    },
    children: [run(text, { font: FONT.title, sizePt, color: HEADER_RED })],
  });
}

const redRule: IBorderOptions = {
  style: BorderStyle.SINGLE,
  size: SEPARATOR.eighthsOfPoint,
  color: SEPARATOR.color,
  space: SEPARATOR.gapPt,
};

/** 7.2.3 the document number (临卫督〔2026〕3号), two lines under the mark, centred; 7.2.5 the red rule under it. */
export function documentNumber(text: string, kind: keyof typeof HEADER_GAP_LINES): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: blankLines(HEADER_GAP_LINES[kind]), ...pitch },
    border: { bottom: redRule },
    children: [run(text)],
  });
}

/** 7.3.1 the title: 二号 小标宋, centred, two lines under the red rule; it may run over several lines. */
export function title(text: string, kind: keyof typeof HEADER_GAP_LINES): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // A form's table follows at once: half a line keeps the title off its top rule.
    spacing: {
      before: blankLines(HEADER_GAP_LINES[kind]),
      after: kind === 'form' ? blankLines(0.5) : 0,
      ...pitch,
    },
    children: [run(text, { font: FONT.title, sizePt: TYPE_SIZE.erhao })],
  });
}

/** A line centred under the title (a period or a level of 督办), in the body's type. */
export function subtitle(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: pitch, children: [run(text, style)] });
}

/** 7.3.2 the addressees: one line under the title, flush left, ending with a full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ spacing: { before: blankLines(1), ...pitch }, children: [run(text)] });
}

/** 7.3.3 a body paragraph: two characters in, continuation lines flush left, justified. */
export function paragraph(text: string | TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: pitch,
    indent: { firstLine: charsOf(FIRST_LINE_INDENT_CHARS) },
    children: typeof text === 'string' ? [run(text)] : text,
  });
}

/** 7.3.3 a first-level heading (一、…) in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: pitch,
    indent: { firstLine: charsOf(FIRST_LINE_INDENT_CHARS) },
    keepNext: true,
    children: [run(text, { font: FONT.heading1 })],
  });
}

/** 7.3.3 a second-level heading (（一）…) in 楷体. */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: pitch,
    indent: { firstLine: charsOf(FIRST_LINE_INDENT_CHARS) },
    keepNext: true,
    children: [run(text, { font: FONT.heading2 })],
  });
}

export interface TableSpec {
  /** Relative column widths; the table always spans the text block exactly. */
  widths: readonly number[];
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns whose cells are centred (numbers, short labels); the rest read left to right. */
  centred?: readonly number[];
}

const TABLE_LINE = { line: ptToTwip(TYPE_SIZE.xiaosi * 1.5), lineRule: LineRuleType.EXACT } as const;

function cell(text: string, width: number, centred: boolean, bold: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: TABLE_LINE,
          children: [run(line, { sizePt: TYPE_SIZE.xiaosi, ...(bold ? { font: FONT.heading1 } : {}) })],
        }),
    ),
  });
}

/** Column widths in twips that add up to the text block's width exactly. */
export function columnTwips(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_BLOCK_WIDTH_TWIPS));
  twips[twips.length - 1] = (twips.at(-1) ?? 0) + TEXT_BLOCK_WIDTH_TWIPS - twips.reduce((a, b) => a + b, 0);
  return twips;
}

/** A table in the body: 小四 仿宋, its header row in 黑体 and repeated on each page, as wide as the block. */
export function table(spec: TableSpec): Table {
  const twips = columnTwips(spec.widths);
  const centred = new Set(spec.centred ?? []);
  return new Table({
    width: { size: TEXT_BLOCK_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: spec.header.map((h, k) => cell(h, twips[k] ?? 0, true, true)),
      }),
      ...spec.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, k) => cell(text, twips[k] ?? 0, centred.has(k), false)),
          }),
      ),
    ],
  });
}

const FORM_LINE = { line: ptToTwip(TYPE_SIZE.sihao * 1.5), lineRule: LineRuleType.EXACT } as const;

/**
 * A two-column form (label | content) in 四号, as a 督办单 is printed; a row may keep a minimum height for
 * the hand-written parts (签收, 反馈, 销号).
 */
export function form(rows: readonly { label: string; content: TextRun[][]; minHeightMm?: number }[]): Table {
  const twips = columnTwips([1, 4]);
  const labelCell = (label: string) =>
    new TableCell({
      width: { size: twips[0] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: FORM_LINE,
          children: [run(label, { font: FONT.heading1, sizePt: TYPE_SIZE.sihao })],
        }),
      ],
    });
  const contentCell = (lines: TextRun[][]) =>
    new TableCell({
      width: { size: twips[1] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: lines.map((children) => new Paragraph({ spacing: FORM_LINE, children })),
    });
  return new Table({
    width: { size: TEXT_BLOCK_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          ...(row.minHeightMm
            ? { height: { value: mmToTwip(row.minHeightMm), rule: 'atLeast' as const } }
            : {}),
          children: [labelCell(row.label), contentCell(row.content)],
        }),
    ),
  });
}

/**
 * 7.3.5.2 the signature of a document without a seal: one line under the body, the organ's name two characters
 * from the right, the date under it starting two characters further right (see SIGNATURE).
 */
export function signature(organ: string, date: string): Paragraph[] {
  const nameWidth = textWidthChars(organ);
  const dateWidth = textWidthChars(date);
  let nameRight: number = SIGNATURE.nameRightChars;
  let dateRight = nameRight + nameWidth - SIGNATURE.dateShiftChars - dateWidth;
  if (dateRight < SIGNATURE.minDateRightChars) {
    dateRight = SIGNATURE.minDateRightChars;
    nameRight = dateRight + dateWidth + SIGNATURE.dateShiftChars - nameWidth;
  }
  const line = (text: string, rightChars: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      keepLines: true,
      spacing: { before, ...pitch },
      indent: { right: charsOf(rightChars) },
      children: [run(text)],
    });
  return [line(organ, nameRight, blankLines(1)), line(date, dateRight, 0)];
}

const ruleOf = (eighths: number): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size: eighths,
  color: '000000',
  space: 1,
});

/**
 * 7.4 the 版记 at the end: 抄送 and 印发 lines in 四号 仿宋, one character in from each side, between a thick
 * rule above, a thin one between and a thick one below.
 */
export function colophon(copyTo: string, printer: string, printedOn: string): Paragraph[] {
  const inset = charsOf(COLOPHON.insetChars, TYPE_SIZE.sihao);
  const sized = (text: string) => run(text, { sizePt: TYPE_SIZE.sihao });
  return [
    new Paragraph({
      spacing: { before: blankLines(2), ...pitch },
      keepNext: true,
      indent: { left: inset, right: inset },
      border: { top: ruleOf(COLOPHON.thickEighths), bottom: ruleOf(COLOPHON.thinEighths) },
      children: [sized(copyTo)],
    }),
    new Paragraph({
      spacing: pitch,
      indent: { left: inset, right: inset },
      border: { bottom: ruleOf(COLOPHON.thickEighths) },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_BLOCK_WIDTH_TWIPS - inset }],
      children: [sized(printer), sized('\t'), sized(printedOn)],
    }),
  ];
}

/** 7.5 the page number, "— 1 —" in 四号 宋体: odd pages to the right, even pages to the left, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = charsOf(PAGE_NUMBER_INSET_CHARS, TYPE_SIZE.sihao);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        spacing: { line: ptToTwip(TYPE_SIZE.sihao), lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: faces(FONT.pageNumber),
            size: halfPoints(TYPE_SIZE.sihao),
          }),
        ],
      }),
    ],
  });
}

/** The whole document: A4, the standard's margins, page numbers, and the blocks in order. */
export async function packDocument(meta: { title: string }, blocks: readonly Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Yaodian',
    title: meta.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: faces(FONT.body), size: halfPoints(TYPE_SIZE.sanhao) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: PAGE_TWIPS.margin,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...blocks],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
