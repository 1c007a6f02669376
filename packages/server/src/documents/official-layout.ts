/*
 * The layout of a Chinese official document (党政机关公文格式, GB/T 9704-2012), every measure in one place.
 * Each constant names the clause it follows; the wording of the comments is ours, not the standard's.
 *
 * Units: Word measures the page in twips (1/1440 inch), font sizes in half-points and border widths in
 * eighths of a point; the standard speaks in millimetres and in Chinese type sizes (字号), so each value is
 * derived from the standard's own unit by the helpers below rather than typed as a bare number.
 */

/** Millimetres → twips (Word's page unit), rounded as Word stores them. */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** Points → twips. */
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
/** Points → half-points (Word's font-size unit, `w:sz`). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Chinese type sizes (字号) in points, as printers and Word/WPS name them. */
export const TYPE_SIZE = {
  /** 初号 */
  chuhao: 42,
  /** 小初 */
  xiaochu: 36,
  /** 二号: the title (7.3.1). */
  erhao: 22,
  /** 三号: the body and most elements (clause 6: unless stated otherwise, elements are set in 三号). */
  sanhao: 16,
  /** 四号: page numbers (7.5) and the 版记 (7.4). */
  sihao: 14,
  /** 小四: tables inside the body (the standard leaves table type to the drafter; a size below the body's keeps
   * a six-column table legible within the 版心). */
  xiaosi: 12,
} as const;

/**
 * Font family names as the reader's Word or WPS knows them. They are named in the document, not embedded: the
 * offices that open these files have them; a machine without them (a CI runner) substitutes a CJK face of the
 * same metrics, which keeps every line where it would be.
 */
export const FONT = {
  /** 小标宋: the issuing organ's mark in the 版头 (7.2.2) and the title (7.3.1). */
  title: '方正小标宋简体',
  /** 仿宋: the body and everything not named otherwise (clause 6, 7.3.3). */
  body: '仿宋_GB2312',
  /** 黑体: first-level headings 一、 (7.3.3). */
  heading1: '黑体',
  /** 楷体: second-level headings （一） (7.3.3). */
  heading2: '楷体_GB2312',
  /** 宋体: the page number (7.5, 4号半角宋体阿拉伯数字). */
  pageNumber: '宋体',
} as const;

/** 5.2.1: the page is A4, 210 × 297 mm (portrait). */
export const PAGE_MM = { width: 210, height: 297 } as const;

/**
 * 5.2.2: the text block (版心) is 156 × 225 mm; the top white space (天头) is 37 mm and the binding-side
 * margin (订口) 28 mm, which leaves 35 mm below and 26 mm on the right.
 */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_BLOCK_MM = {
  width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right,
  height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom,
} as const;

/**
 * 5.2.3: a page usually holds 22 lines of 28 characters that fill the text block. 28 characters of 三号
 * (16 pt ≈ 5.64 mm) are 158 mm, i.e. the 156 mm block with no extra tracking; 22 lines in 225 mm give a fixed
 * line pitch of about 28.95 pt.
 */
export const LINES_PER_PAGE = 22;

/** The page in Word's units (A4 is 11906 × 16838 twips). */
export const PAGE_TWIPS = {
  width: mmToTwip(PAGE_MM.width),
  height: mmToTwip(PAGE_MM.height),
  margin: {
    top: mmToTwip(MARGIN_MM.top),
    bottom: mmToTwip(MARGIN_MM.bottom),
    left: mmToTwip(MARGIN_MM.left),
    right: mmToTwip(MARGIN_MM.right),
    header: mmToTwip(15),
    /*
     * 7.5: the page number's dashes sit 7 mm below the text block, i.e. the number's line begins 28 mm above the
     * page's bottom edge; a 四号 line is about 5 mm tall, so the footer's own baseline distance is 23 mm.
     */
    footer: mmToTwip(MARGIN_MM.bottom - 7 - 5),
  },
} as const;

/** The text block's width in twips: tables are set to exactly this width so no cell crosses a margin. */
export const TEXT_BLOCK_WIDTH_TWIPS = PAGE_TWIPS.width - PAGE_TWIPS.margin.left - PAGE_TWIPS.margin.right;

/**
 * The fixed line pitch of 5.2.3 in twips, rounded down (579 twips = 28.95 pt) so that 22 lines never overflow the
 * block and push the 22nd onto the next page.
 */
export const LINE_PITCH_TWIPS = Math.floor(
  (PAGE_TWIPS.height - PAGE_TWIPS.margin.top - PAGE_TWIPS.margin.bottom) / LINES_PER_PAGE,
);

/**
 * 7.2.2: in the 文件 form the organ's mark begins 35 mm below the top of the text block. A working form such as
 * the 督办单 is not one of the standard's document forms; like its compact letter form (10.1) it starts the mark
 * at once, here at the top of the text block, so the form fits on one page and nothing is set in the margin.
 */
export const ORGAN_MARK_OFFSET_MM = { file: 35, form: 0 } as const;

/**
 * 7.2.3 and 7.3.1: the document number sits two blank lines under the organ's mark, the title two under the red
 * rule. A form (the 督办单) leaves one, so that it and its hand-written rows fit on one page.
 */
export const HEADER_GAP_LINES = { file: 2, form: 1 } as const;

/**
 * 7.2.2 asks for a mark that is striking and dignified, centred, narrower than the block; the size is the
 * drafter's. We take 小初 and shrink it so that the whole mark fits in 90 % of the block's width.
 */
export function organMarkSizePt(characters: number): number {
  const widthPt = (TEXT_BLOCK_MM.width / 25.4) * 72 * 0.9;
  return Math.min(TYPE_SIZE.xiaochu, Math.floor(widthPt / Math.max(characters, 1)));
}

/** The red of the 版头 (the organ's mark and the separator line, 7.2.2 and 7.2.5). */
export const HEADER_RED = 'FF0000';

/**
 * 7.2.5: a red line as wide as the text block, 4 mm under the document number. Width in eighths of a point
 * (the standard gives no thickness for it; 1.5 pt reads as the usual rule).
 */
export const SEPARATOR = { color: HEADER_RED, eighthsOfPoint: 12, gapPt: 4 } as const;

/** 7.3.3: each paragraph begins two characters in, continuation lines start flush left. */
export const FIRST_LINE_INDENT_CHARS = 2;

/**
 * 7.3.5.2 (a document without a seal): the organ's name ends two characters from the right; the date, on the
 * next line, begins two characters right of where the name begins; a date longer than that moves to two
 * characters from the right and pushes the name left by the same amount.
 */
export const SIGNATURE = { nameRightChars: 2, dateShiftChars: 2, minDateRightChars: 2 } as const;

/** 7.5: 单页码居右空一字，双页码居左空一字 — odd pages right, even pages left, one character in. */
export const PAGE_NUMBER_INSET_CHARS = 1;

/**
 * 7.4 (版记): set in 四号 仿宋, one character in from each side; its first and last rules are thick (0.35 mm),
 * the ones between thin (0.25 mm), all black and as wide as the block. Widths in eighths of a point.
 */
export const COLOPHON = { thickEighths: 8, thinEighths: 6, insetChars: 1 } as const;

/** Width in 三号 characters of a run of text: CJK and full-width forms count 1, ASCII digits and letters ½. */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return width;
}
