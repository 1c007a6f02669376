import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block } from './document.js';
import { loadDocx } from './docx-loader.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function lvl(ilvl: number, numFmt: string, lvlText: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}<w:suff w:val="nothing"/></w:lvl>`;
}

const OUTLINE = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;

function numbering(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${body}</w:numbering>`;
}

function para(text: string, numId?: number, ilvl?: number, style?: string): string {
  const numPr =
    numId === undefined
      ? ''
      : `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`;
  const pStyle = style === undefined ? '' : `<w:pStyle w:val="${style}"/>`;
  return `<w:p><w:pPr>${pStyle}${numPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function docx(bodyXml: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
    ),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

describe('loadDocx numbering', () => {
  it('prepends 一、 （一） 1. labels and restarts deeper levels when a shallower one advances', () => {
    const body = [
      para('总体要求', 1, 0),
      para('工作目标', 1, 1),
      para('推进医共体建设', 1, 2),
      para('加强队伍建设', 1, 2),
      para('重点任务', 1, 0),
      para('深化改革', 1, 1),
      para('完善机制', 1, 2),
      para('细化措施', 1, 3),
    ].join('');
    const doc = loadDocx(
      docx(body, {
        'word/numbering.xml': numbering(`${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`),
      }),
    );
    expect(texts(doc.blocks)).toEqual([
      '一、总体要求',
      '（一）工作目标',
      '1.推进医共体建设',
      '2.加强队伍建设',
      '二、重点任务',
      '（一）深化改革',
      '1.完善机制',
      '（1）细化措施',
    ]);
  });

  it('counts past ten in Chinese: 十、 十一、 … 二十一、', () => {
    const body = Array.from({ length: 21 }, (_, i) => para(`第${i + 1}项`, 1, 0)).join('');
    const doc = loadDocx(
      docx(body, {
        'word/numbering.xml': numbering(`${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`),
      }),
    );
    const labels = texts(doc.blocks).map((text) => text.slice(0, text.indexOf('、') + 1));
    expect(labels.slice(8, 12)).toEqual(['九、', '十、', '十一、', '十二、']);
    expect(labels[19]).toBe('二十、');
    expect(labels[20]).toBe('二十一、');
  });

  it('builds multi-level labels such as 2.1 from %1.%2', () => {
    const defs = `<w:abstractNum w:abstractNumId="5">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>`;
    const body = [para('甲', 3, 0), para('乙', 3, 0), para('丙', 3, 1), para('丁', 3, 1)].join('');
    expect(texts(loadDocx(docx(body, { 'word/numbering.xml': numbering(defs) })).blocks)).toEqual([
      '1.甲',
      '2.乙',
      '2.1丙',
      '2.2丁',
    ]);
  });

  it('shows shallower levels in decimal under isLgl', () => {
    const defs = `<w:abstractNum w:abstractNumId="5">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>`;
    const body = [para('甲', 3, 0), para('乙', 3, 0), para('丙', 3, 1)].join('');
    expect(texts(loadDocx(docx(body, { 'word/numbering.xml': numbering(defs) })).blocks)).toEqual([
      '一、甲',
      '二、乙',
      '2.1丙',
    ]);
  });

  it('continues a count across two w:num of one definition, and restarts at a startOverride', () => {
    const defs = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const body = [para('a', 1, 2), para('b', 1, 2), para('c', 2, 2), para('d', 7, 2), para('e', 7, 2)].join(
      '',
    );
    expect(texts(loadDocx(docx(body, { 'word/numbering.xml': numbering(defs) })).blocks)).toEqual([
      '1.a',
      '2.b',
      '3.c',
      '5.d',
      '6.e',
    ]);
  });

  it('keeps a level counting when lvlRestart is 0', () => {
    const defs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [para('甲', 1, 0), para('a', 1, 1), para('乙', 1, 0), para('b', 1, 1)].join('');
    expect(texts(loadDocx(docx(body, { 'word/numbering.xml': numbering(defs) })).blocks)).toEqual([
      '一、甲',
      '1.a',
      '二、乙',
      '2.b',
    ]);
  });

  it('finds numbering through the paragraph style and its basedOn parent', () => {
    const styles = `<?xml version="1.0"?><w:styles ${W}>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="OutlineBase"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="OutlineBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="OutlineBase"/></w:style>
    </w:styles>`;
    const body = [
      para('总体要求', undefined, undefined, 'Heading1'),
      para('目标', undefined, undefined, 'Heading2'),
      para('正文'),
      para('主要任务', undefined, undefined, 'Heading1'),
    ].join('');
    const doc = loadDocx(
      docx(body, {
        'word/styles.xml': styles,
        'word/numbering.xml': numbering(`${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`),
      }),
    );
    expect(texts(doc.blocks)).toEqual(['一、总体要求', '（一）目标', '正文', '二、主要任务']);
  });

  it('drops the label when numId is 0 and gives bullets no label', () => {
    const defs = `<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="9"/></w:num>`;
    const body = [para('要点', 4, 0), para('普通', 0, 0)].join('');
    expect(texts(loadDocx(docx(body, { 'word/numbering.xml': numbering(defs) })).blocks)).toEqual([
      '要点',
      '普通',
    ]);
  });
});

describe('loadDocx text and tables', () => {
  it('skips deleted text, keeps inserted text, and reads tabs and breaks', () => {
    const body = `<w:p><w:r><w:t>加强</w:t></w:r><w:del><w:r><w:delText>旧的</w:delText></w:r></w:del><w:ins><w:r><w:t>新的</w:t></w:r></w:ins><w:r><w:tab/><w:t>建设</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`;
    expect(texts(loadDocx(docx(body)).blocks)).toEqual(['加强新的\t建设', '第二行']);
  });

  it('reads field results but not field codes, and one branch of alternate content', () => {
    const body = `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`;
    expect(texts(loadDocx(docx(body)).blocks)).toEqual(['结果链接']);
  });

  it('reads gridSpan as colSpan and a vMerge continuation as continued, joining a cell’s paragraphs with a newline', () => {
    const tc = (inner: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${inner}</w:tc>`;
    const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = `<w:tbl><w:tblPr/><w:tblGrid/>
      <w:tr>${tc(p('一、深化改革'), '<w:gridSpan w:val="3"/>')}</w:tr>
      <w:tr>${tc(p('1'))}${tc(p('第一段') + p('第二段'))}${tc(p('医政科'), '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${tc(p('2'))}${tc(p('任务'))}${tc(p(''), '<w:vMerge/>')}</w:tr>
    </w:tbl>`;
    const [table] = loadDocx(docx(body)).blocks;
    expect(table).toEqual({
      kind: 'table',
      rows: [
        { cells: [{ text: '一、深化改革', colSpan: 3, continued: false }] },
        {
          cells: [
            { text: '1', colSpan: 1, continued: false },
            { text: '第一段\n第二段', colSpan: 1, continued: false },
            { text: '医政科', colSpan: 1, continued: false },
          ],
        },
        {
          cells: [
            { text: '2', colSpan: 1, continued: false },
            { text: '任务', colSpan: 1, continued: false },
            { text: '', colSpan: 1, continued: true },
          ],
        },
      ],
    });
  });

  it('takes the title hint from docProps/core.xml', () => {
    const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>2025年工作要点</dc:title></cp:coreProperties>`;
    expect(loadDocx(docx(para('正文'), { 'docProps/core.xml': core })).hints).toEqual({
      title: '2025年工作要点',
    });
  });
});

describe('loadDocx robustness', () => {
  it('rejects XML nested thousands deep as corrupt_container instead of parsing it slowly', () => {
    const body = `${'<w:sdt><w:sdtContent>'.repeat(5000)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(5000)}`;
    expect(() => loadDocx(docx(body))).toThrow(expect.objectContaining({ code: 'corrupt_container' }));
  });
});
