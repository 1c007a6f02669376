/**
 * Regenerates packages/parser/fixtures/formats/ from the original plan in format-fixture-plan.ts.
 * Run: node --import tsx packages/parser/scripts/make-format-fixtures.ts [--doc-only]
 * Needs Debian's fonts-wqy-microhei (PDF) and libreoffice-writer-nogui (.doc, office PDF). CI only reads the output.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import {
  LONG_TABLE_HEADER,
  LONG_TABLE_INTRO,
  LONG_TABLE_NOTE,
  LONG_TABLE_TITLE,
  longTableRows,
} from './long-table-plan.js';
import {
  PLAN_LINES,
  PLAN_TABLE,
  PLAN_TITLE,
  labelledLines,
  tableAsTextLines,
} from './format-fixture-plan.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'formats');
const FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_NAME = 'WenQuanYiMicroHei';

function write(name: string, data: Uint8Array | string): void {
  writeFileSync(join(OUT, name), data);
  console.log(`${name}: ${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes`);
}

function plainText(): string {
  return [...labelledLines(), ...tableAsTextLines()].join('\n') + '\n';
}

function writeTexts(): void {
  const text = plainText();
  write('plan.utf8.txt', text);
  write('plan.utf8-bom.txt', '\ufeff' + text.replace(/\n/g, '\r\n'));
  write('plan.utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  write('plan.gb18030.txt', iconv.encode(text, 'gb18030'));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlTable(): string {
  const rows = PLAN_TABLE.map((row, index) => {
    const tag = index === 0 ? 'th' : 'td';
    const cells = row
      .map((cell) => {
        const span = `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}`;
        return `<${tag}${span}><p>${escapeHtml(cell.text)}</p></${tag}>`;
      })
      .join('');
    return `      <tr>${cells}</tr>`;
  });
  return `    <table border="1" cellspacing="0" style="width:100%">\n      <tbody>\n${rows.join('\n')}\n      </tbody>\n    </table>`;
}

function writeHtml(): void {
  const lines = labelledLines();
  const body = lines
    .map((line, index) => {
      const kind = PLAN_LINES[index]?.kind;
      const text = escapeHtml(line).replace(/&amp;/g, '&amp;');
      if (kind === 'notice-title' || kind === 'title')
        return `    <p style="text-align:center"><strong>${text}</strong></p>`;
      if (kind === 'signature') return `    <p style="text-align:right">${text}</p>`;
      // Portal editors indent with &nbsp; or U+3000 and split long paragraphs with <br>: both appear here.
      return `    <p style="text-indent:2em">&nbsp;&nbsp;${text.replace('。', '。<span></span>')}</p>`;
    })
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="${PLAN_TITLE}">
<meta name="PubDate" content="2025-02-20 10:15">
<meta name="ContentSource" content="青岚县卫生健康局">
<title>${PLAN_TITLE}_青岚县人民政府</title>
<style>.nav li{display:inline}</style>
<script>var _hmt = _hmt || []; document.write('<div>统计代码</div>');</script>
</head>
<body>
<div class="header"><div class="logo">青岚县人民政府</div><div class="search"><form><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjql/">走进青岚</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 部门文件</div>
<div class="main">
  <div class="xxgk_table">
    <table>
      <tr><td>索引号：</td><td>11331234MB1234567X/2025-00018</td><td>信息分类：</td><td>卫生健康</td></tr>
      <tr><td>发布机构：</td><td>青岚县卫生健康局</td><td>成文日期：</td><td>2025-02-18</td></tr>
      <tr><td>文号：</td><td>青卫发〔2025〕3号</td><td>发布日期：</td><td>2025-02-20</td></tr>
    </table>
  </div>
  <h1 class="article-title">${PLAN_TITLE}</h1>
  <div class="article-info">发布时间：2025-02-20 10:15 来源：青岚县卫生健康局 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
  <div class="article-content" id="zoom">
    <div class="TRS_Editor">
${body}
${htmlTable()}
    </div>
  </div>
  <div class="share">分享到：<a>微信</a> <a>微博</a></div>
  <div class="print-close"><a>【打印本页】</a> <a>【关闭窗口】</a></div>
</div>
<div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/a1">全县召开卫生健康工作会议</a></li><li><a href="/a2">县人民医院开展义诊进社区活动</a></li><li><a href="/a3">冬春季传染病防控提示</a></li></ul></div>
<div class="footer"><p>主办单位：青岚县人民政府办公室 承办单位：青岚县大数据中心</p><p>网站标识码：3312340001 浙ICP备12345678号</p><p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p></div>
</body>
</html>
`;
  write('plan.html', html);
}

async function writeDocx(): Promise<Buffer> {
  const paragraphs = PLAN_LINES.map((line) => {
    const run = new TextRun({
      text: line.text,
      font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' },
      size: 32,
    });
    if (line.kind === 'notice-title' || line.kind === 'title') {
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: line.text, size: 40 })],
      });
    }
    if (line.kind === 'signature') return new Paragraph({ alignment: AlignmentType.RIGHT, children: [run] });
    if (line.level !== undefined) {
      return new Paragraph({ numbering: { reference: 'plan-outline', level: line.level }, children: [run] });
    }
    return new Paragraph({ indent: { firstLine: 640 }, children: [run] });
  });

  const rowCells = PLAN_TABLE.map((row) =>
    row.map((cell) => {
      const options = {
        children: [new Paragraph({ children: [new TextRun({ text: cell.text, size: 21 })] })],
        ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
        ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
      };
      return new TableCell(options);
    }),
  );
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rowCells.map((cells) => new TableRow({ children: cells })),
  });

  const doc = new Document({
    title: PLAN_TITLE,
    creator: 'yaodian fixtures',
    numbering: {
      config: [
        {
          reference: 'plan-outline',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '%1、',
              start: 1,
              suffix: LevelSuffix.NOTHING,
            },
            {
              level: 1,
              format: LevelFormat.CHINESE_COUNTING,
              text: '（%2）',
              start: 1,
              suffix: LevelSuffix.NOTHING,
            },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1, suffix: LevelSuffix.NOTHING },
          ],
        },
      ],
    },
    sections: [{ children: [...paragraphs, table] }],
  });
  const buffer = await Packer.toBuffer(doc);
  write('plan.docx', buffer);
  return buffer;
}

/**
 * The .docx as LibreOffice should read it for the .doc export. `docx` writes a w:startOverride for
 * every level of the list; LibreOffice turns such a restart into a second, separate list in the .doc
 * (so it shows 一、 twice), though the overrides only restate each level's own start. Dropping them
 * changes nothing Word would number and keeps the .doc's list continuous.
 */
function docxWithoutRestatedStarts(): Uint8Array {
  const entries = unzipSync(new Uint8Array(readFileSync(join(OUT, 'plan.docx'))));
  const numbering = entries['word/numbering.xml'];
  if (numbering) {
    const xml = strFromU8(numbering).replace(
      /<w:lvlOverride w:ilvl="\d"><w:startOverride w:val="1"\/><\/w:lvlOverride>/g,
      '',
    );
    entries['word/numbering.xml'] = strToU8(xml);
  }
  return zipSync(entries);
}

/** The .doc, and a second PDF laid out by an office suite (justified CJK, its own spacing), via LibreOffice. */
function writeOfficeConversions(targets: readonly ('doc' | 'pdf')[]): void {
  const work = mkdtempSync(join(tmpdir(), 'yaodian-fixtures-'));
  try {
    for (const target of targets) {
      const source = join(work, target, 'plan.docx');
      mkdirSync(join(work, target));
      if (target === 'doc') writeFileSync(source, docxWithoutRestatedStarts());
      else copyFileSync(join(OUT, 'plan.docx'), source);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${work}/profile`,
          '--convert-to',
          target,
          '--outdir',
          join(work, target),
          source,
        ],
        {
          stdio: 'ignore',
          timeout: 180_000,
        },
      );
    }
    if (targets.includes('doc')) write('plan.doc', readFileSync(join(work, 'doc', 'plan.doc')));
    if (targets.includes('pdf')) write('plan.office.pdf', readFileSync(join(work, 'pdf', 'plan.pdf')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function writePdf(): Promise<void> {
  const margin = 72;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    info: {
      Title: PLAN_TITLE,
      CreationDate: new Date('2025-02-18T08:00:00Z'),
      ModDate: new Date('2025-02-18T08:00:00Z'),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.registerFont('body', FONT_FILE, FONT_NAME);
  pdf.font('body');

  const size = 14;
  const width = pdf.page.width - margin * 2;
  labelledLines().forEach((text, index) => {
    const kind = PLAN_LINES[index]?.kind;
    if (kind === 'notice-title' || kind === 'title') {
      pdf.fontSize(18).text(text, { align: 'center', lineGap: 8 });
      pdf.moveDown(0.5);
    } else if (kind === 'signature') {
      pdf.fontSize(size).text(text, { align: 'right', lineGap: 8 });
    } else {
      pdf.fontSize(size).text(text, { indent: size * 2, align: 'justify', lineGap: 8, width });
    }
  });

  // The attachment table: one text box per cell; rows grow to their tallest cell.
  pdf.addPage();
  pdf.fontSize(16).text('重点工作任务分工表', { align: 'center', lineGap: 8 });
  pdf.moveDown(0.5);
  const columns = [30, 100, 140, 60, 70, 51];
  const tableSize = 10;
  pdf.fontSize(tableSize);
  let y = pdf.y;
  const lines = tableAsTextLines().map((line) => line.split('\t'));
  for (const cells of lines) {
    let x = margin;
    let rowHeight = 0;
    const spanAll = cells.length === 1;
    cells.forEach((cell, column) => {
      const cellWidth = spanAll ? width : (columns[column] ?? 50);
      pdf.text(cell, x + 2, y + 3, { width: cellWidth - 4, lineGap: 2 });
      rowHeight = Math.max(rowHeight, pdf.y - y + 3);
      x += cellWidth;
    });
    y += rowHeight;
  }

  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    pdf.switchToPage(page);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .fontSize(10)
      .text(`— ${page + 1} —`, 0, pdf.page.height - 45, { align: 'center', width: pdf.page.width });
    if (page > range.start)
      pdf.fontSize(9).text('青岚县卫生健康局文件', 0, 36, { align: 'center', width: pdf.page.width });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done.then(() => {
    write('plan.pdf', Buffer.concat(chunks));
  });
}

function convertToPdf(docx: Buffer): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'yaodian-fixtures-'));
  try {
    writeFileSync(join(work, 'in.docx'), docx);
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${work}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        join(work, 'in.docx'),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    return readFileSync(join(work, 'in.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A table over several pages: ruled with a repeated header row (LibreOffice), and unruled (pdfkit). */
async function writeLongTable(): Promise<void> {
  const rows = longTableRows();
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: cells.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text, size: 21 })] })],
                ...(cells.length === 1 ? { columnSpan: LONG_TABLE_HEADER.length } : {}),
              }),
          ),
        }),
    ),
  });
  const body = (text: string): Paragraph =>
    new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text, size: 32 })] });
  const doc = new Document({
    title: LONG_TABLE_TITLE,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: LONG_TABLE_TITLE, size: 36 })],
          }),
          body(LONG_TABLE_INTRO),
          table,
          body(LONG_TABLE_NOTE),
        ],
      },
    ],
  });
  write('plan-long-table.office.pdf', convertToPdf(await Packer.toBuffer(doc)));

  const margin = 60;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    info: { Title: LONG_TABLE_TITLE, CreationDate: new Date('2025-03-01T08:00:00Z') },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.registerFont('body', FONT_FILE, FONT_NAME);
  pdf.font('body');
  pdf.fontSize(16).text(LONG_TABLE_TITLE, { align: 'center', lineGap: 8 });
  pdf.fontSize(12).text(LONG_TABLE_INTRO, { indent: 24, lineGap: 6 });
  pdf.moveDown(0.5);
  const columns = [30, 90, 170, 60, 80, 45];
  const full = columns.reduce((a, b) => a + b, 0);
  const cellWidth = (cells: string[], column: number): number =>
    cells.length === 1 ? full : (columns[column] ?? 50);
  let y = pdf.y;
  const drawRow = (cells: string[]): void => {
    pdf.fontSize(10);
    let x = margin;
    let bottom = y;
    cells.forEach((cell, column) => {
      pdf.text(cell, x + 2, y + 3, { width: cellWidth(cells, column) - 4, lineGap: 2 });
      bottom = Math.max(bottom, pdf.y + 3);
      x += cellWidth(cells, column);
    });
    y = bottom;
  };
  const rowHeight = (cells: string[]): number => {
    pdf.fontSize(10);
    const heights = cells.map((cell, column) =>
      pdf.heightOfString(cell, { width: cellWidth(cells, column) - 4, lineGap: 2 }),
    );
    return Math.max(...heights) + 6;
  };
  let pageNumber = 1;
  const footer = (): void => {
    pdf.fontSize(10).text(`— ${pageNumber} —`, 0, pdf.page.height - 40, {
      align: 'center',
      width: pdf.page.width,
      lineBreak: false,
    });
  };
  for (const [index, cells] of rows.entries()) {
    if (index > 0 && y + rowHeight(cells) > pdf.page.height - margin) {
      footer();
      pdf.addPage();
      pageNumber++;
      y = margin;
      drawRow(LONG_TABLE_HEADER);
    }
    drawRow(cells);
  }
  pdf.fontSize(12).text(LONG_TABLE_NOTE, margin, y + 12, { indent: 24 });
  footer();
  pdf.end();
  await done;
  write('plan-long-table.pdf', Buffer.concat(chunks));
}

async function main(): Promise<void> {
  // `--long-table-only` writes the long-table PDFs alone.
  if (process.argv.includes('--long-table-only')) {
    await writeLongTable();
    return;
  }
  // `--doc-only` rewrites plan.doc alone, leaving the other fixtures byte for byte as they are.
  if (process.argv.includes('--doc-only')) {
    writeOfficeConversions(['doc']);
    return;
  }
  writeTexts();
  writeHtml();
  await writeDocx();
  await writePdf();
  writeOfficeConversions(['doc', 'pdf']);
  await writeLongTable();
}

await main();
