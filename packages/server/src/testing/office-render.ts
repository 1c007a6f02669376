import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { MARGIN_MM, PAGE_MM } from '../documents/official-layout.js';

/*
 * Renders a .docx as its readers would see it (LibreOffice headless, the CJK faces of fonts-noto-cjk standing in
 * for the named Chinese fonts) and reads the PDF back with poppler-utils: page sizes (pdfinfo) and every word's
 * box (pdftotext -bbox). .ci/run installs the three packages; a machine without them fails with the reason.
 */

const run = promisify(execFile);
const MISSING =
  'needs LibreOffice headless and poppler-utils: apt-get install libreoffice-writer-nogui fonts-noto-cjk ' +
  'poppler-utils (.ci/run installs them)';

async function tool(
  command: string,
  args: readonly string[],
  timeout = 60_000,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      timeout,
      maxBuffer: 64 * 1024 * 1024,
      ...(env ? { env } : {}),
    });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${command} not found: ${MISSING}`);
    throw error;
  }
}

/** The part of a .docx as text (word/document.xml, a footer). */
export function docxPart(bytes: Buffer, part: string): string {
  const entry = unzipSync(new Uint8Array(bytes))[part];
  if (!entry) throw new Error(`no ${part} in the .docx`);
  return strFromU8(entry);
}

export interface RenderedPdf {
  dir: string;
  pdf: string;
  cleanup(): Promise<void>;
}

/*
 * The named faces are not on this machine; fontconfig would give every one of them the same sans face. These
 * aliases give each the Noto CJK face of its kind (仿宋, 楷体 and 小标宋 are serif faces, 黑体 a sans), so the
 * rendering reads like the document in its reader's Word — the widths, and so the layout, are the same either way.
 */
const FONT_ALIASES: Readonly<Record<string, string>> = {
  方正小标宋简体: 'Noto Serif CJK SC',
  仿宋_GB2312: 'Noto Serif CJK SC',
  楷体_GB2312: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
};
const fontsConf = (): string =>
  [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...Object.entries(FONT_ALIASES).map(
      ([name, face]) =>
        `  <alias binding="same"><family>${name}</family><prefer><family>${face}</family></prefer></alias>`,
    ),
    '</fontconfig>',
  ].join('\n');

/**
 * soffice --headless --convert-to pdf, in a temporary directory with its own LibreOffice profile (parallel runs
 * would otherwise share ~/.config/libreoffice and one would fail or wait on the other's lock).
 */
export async function renderPdf(docx: Buffer, name = 'document'): Promise<RenderedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'yaodian-office-'));
  const source = join(dir, `${name}.docx`);
  await writeFile(source, docx);
  await writeFile(join(dir, 'fonts.conf'), fontsConf());
  const profile = `file://${join(tmpdir(), `yaodian-lo-profile-${randomUUID()}`)}`;
  await tool(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source],
    180_000,
    { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  );
  return {
    dir,
    pdf: join(dir, `${name}.pdf`),
    cleanup: async () => {
      await rm(dir, { recursive: true, force: true });
      await rm(new URL(profile), { recursive: true, force: true });
    },
  };
}

/** Each page's size in points, from pdfinfo. */
export async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const info = await tool('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points from the page's top left (pdftotext -bbox). */
export async function pdfWords(pdf: string): Promise<PdfWord[]> {
  const html = join(`${pdf}.bbox.html`);
  await tool('pdftotext', ['-bbox', pdf, html]);
  const text = await readFile(html, 'utf8');
  const words: PdfWord[] = [];
  text
    .split(/<page /)
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ))
        words.push({
          page: index + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5] ?? '',
        });
    });
  return words;
}

/** All the PDF's text, page by page (pdftotext keeps the reading order). */
export async function pdfText(pdf: string): Promise<string> {
  return tool('pdftotext', ['-layout', pdf, '-']);
}

const pt = (mm: number): number => (mm / 25.4) * 72;
/** The text block in points: the page less the standard's margins. */
export const TEXT_BLOCK_PT = {
  left: pt(MARGIN_MM.left),
  right: pt(PAGE_MM.width - MARGIN_MM.right),
  top: pt(MARGIN_MM.top),
  bottom: pt(PAGE_MM.height - MARGIN_MM.bottom),
} as const;

/** A page number's words ("—", "3", "—") are the only ones set below the block, in the bottom margin. */
const isPageNumber = (w: PdfWord): boolean => /^(—|-|–|\d+)$/.test(w.text) && w.yMin > TEXT_BLOCK_PT.bottom;

/*
 * Chinese typesetting lets a line's closing 。，、；：） hang past the right edge rather than start the next line
 * with it (标点悬挂: Word's and WPS's default for Chinese, and LibreOffice's, which its .docx import cannot turn
 * off). Such a word may reach one 三号 character (16 pt) beyond the block; every other character stays inside.
 */
const HANGING = /[。，、；：！？）》”’]$/;
const HANG_PT = 16;

/**
 * What breaks the layout: a page not A4 (595 × 842 pt ± 1), a word outside the text block (± `tolerance` pt; a
 * hanging closing punctuation mark aside), a page number outside the bottom margin or not within the block's
 * width. Empty when the document is right.
 */
export async function layoutProblems(pdf: string, tolerance = 2): Promise<string[]> {
  const problems: string[] = [];
  const sizes = await pageSizes(pdf);
  if (sizes.length === 0) problems.push('pdfinfo found no pages');
  sizes.forEach((s, k) => {
    if (Math.abs(s.width - 595.28) > 1 || Math.abs(s.height - 841.89) > 1)
      problems.push(`page ${String(k + 1)} is ${String(s.width)} × ${String(s.height)} pt, not A4`);
  });
  const words = await pdfWords(pdf);
  if (words.length === 0) problems.push('pdftotext found no words');
  const b = TEXT_BLOCK_PT;
  for (const w of words) {
    const where = `page ${String(w.page)} "${w.text}" at (${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)})–(${w.xMax.toFixed(1)}, ${w.yMax.toFixed(1)})`;
    const right = b.right + tolerance + (HANGING.test(w.text) ? HANG_PT : 0);
    const across = w.xMin >= b.left - tolerance && w.xMax <= right;
    if (isPageNumber(w)) {
      if (!across || w.yMax > pt(PAGE_MM.height) - tolerance)
        problems.push(`page number outside its place: ${where}`);
      continue;
    }
    if (!across || w.yMin < b.top - tolerance || w.yMax > b.bottom + tolerance)
      problems.push(`outside the text block: ${where}`);
  }
  return problems;
}

/** The first page as a PNG (pdftoppm -r dpi), for a person to look at. */
export async function firstPagePng(pdf: string, outPrefix: string, dpi = 60): Promise<string> {
  await tool('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, outPrefix]);
  return `${outPrefix}.png`;
}
