import { describe, expect, it } from 'vitest';
import type { Block } from './document.js';
import { looksLikeHtml, sniffHtmlCharset } from './html-detect.js';
import { loadHtml } from './html-loader.js';

function paragraphs(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

const ARTICLE = [
  '一、总体目标',
  '全县居民健康素养水平达到30%以上，孕产妇系统管理率保持在90%以上。',
  '二、重点任务',
  '（一）推进分级诊疗。完善双向转诊机制，县域内就诊率达到90%以上。（医政科牵头，基层科配合）',
];

function page(article: string): string {
  return `<!DOCTYPE html><html><head><meta charset="gbk"><title>某县工作要点_某县人民政府</title>
<meta name="ArticleTitle" content="某县2024年卫生健康工作要点"><meta name="PubDate" content="2024-03-01 09:30"><meta name="ContentSource" content="某县卫生健康局">
<script>var a = "<p>脚本里的文字</p>";</script></head><body>
<div id="topnav"><a>首页</a><a>政务公开</a><a>政策解读</a><a>互动交流</a></div>
<div class="location">当前位置：首页 &gt; 通知公告</div>
<div class="wrap"><div class="left-list"><ul><li><a>关于开展爱国卫生月活动的通知</a></li><li><a>关于做好春季传染病防控工作的通知</a></li></ul></div>
<div class="detail">${article}</div></div>
<div class="bottom-links"><a>国务院</a><a>省政府</a></div>
<footer>主办单位：某县人民政府办公室\u3000网站标识码：1234567890\u3000ICP备05001234号</footer>
</body></html>`;
}

describe('loadHtml', () => {
  it('keeps the article paragraphs and drops navigation, lists of links, scripts and footers', () => {
    const html = page(ARTICLE.map((text) => `<p>&nbsp;&nbsp;${text}</p>`).join('\n'));
    const doc = loadHtml(html, 'gb18030');
    expect(paragraphs(doc.blocks)).toEqual(ARTICLE);
    const all = JSON.stringify(doc.blocks);
    for (const chrome of ['首页', '脚本里的文字', '主办单位', '爱国卫生月', '国务院'])
      expect(all).not.toContain(chrome);
  });

  it('reads ArticleTitle, PubDate and ContentSource as hints', () => {
    expect(loadHtml(page('<p>正文内容较长的一段文字，用来构成文章主体部分。</p>'), 'utf-8').hints).toEqual({
      title: '某县2024年卫生健康工作要点',
      publishedOn: '2024-03-01 09:30',
      issuer: '某县卫生健康局',
    });
  });

  it('breaks paragraphs at <br> and block elements and decodes entities', () => {
    const doc = loadHtml(
      page(
        `<div>一、总体目标<br>到年底达到&ge;95%&nbsp;以上<br/><span>（一）强化&lt;基层&gt;能力</span></div><div>1．推进&amp;落实各项任务要求，确保按期完成。</div>`,
      ),
      'utf-8',
    );
    expect(paragraphs(doc.blocks)).toEqual([
      '一、总体目标',
      '到年底达到≥95%\u00a0以上',
      '（一）强化<基层>能力',
      '1．推进&落实各项任务要求，确保按期完成。',
    ]);
  });

  it('turns a data table into a table block with rowspan continuations and colspan', () => {
    const table = `<table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>
      <tr><td colspan="3">一、医疗服务</td></tr>
      <tr><td>1</td><td>改善就医体验</td><td rowspan="2">医政科</td></tr>
      <tr><td>2</td><td>推进<br>检查结果互认</td></tr></table>`;
    const doc = loadHtml(page(`<p>${ARTICLE[1] ?? ''}</p>${table}`), 'utf-8');
    const block = doc.blocks.find((b) => b.kind === 'table');
    expect(block?.kind === 'table' ? block.rows.map((row) => row.cells) : null).toEqual([
      [
        { text: '序号', colSpan: 1, continued: false },
        { text: '任务', colSpan: 1, continued: false },
        { text: '牵头单位', colSpan: 1, continued: false },
      ],
      [{ text: '一、医疗服务', colSpan: 3, continued: false }],
      [
        { text: '1', colSpan: 1, continued: false },
        { text: '改善就医体验', colSpan: 1, continued: false },
        { text: '医政科', colSpan: 1, continued: false },
      ],
      [
        { text: '2', colSpan: 1, continued: false },
        { text: '推进\n检查结果互认', colSpan: 1, continued: false },
        { text: '', colSpan: 1, continued: true },
      ],
    ]);
  });

  it('reads a one-column layout table as paragraphs', () => {
    const doc = loadHtml(
      page(`<table><tr><td><p>${ARTICLE[0] ?? ''}</p><p>${ARTICLE[1] ?? ''}</p></td></tr></table>`),
      'utf-8',
    );
    expect(doc.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(paragraphs(doc.blocks)).toEqual(ARTICLE.slice(0, 2));
  });

  it('survives ten thousand nested elements', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}卫生健康工作要点的正文内容${'</div>'.repeat(10_000)}</body></html>`;
    expect(paragraphs(loadHtml(html, 'utf-8').blocks)).toEqual(['卫生健康工作要点的正文内容']);
  });
});

describe('HTML detection', () => {
  it('finds the declared charset in <meta charset> and http-equiv', () => {
    expect(sniffHtmlCharset(new TextEncoder().encode('<meta charset="GB2312">'))).toBe('gb2312');
    expect(
      sniffHtmlCharset(
        new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />'),
      ),
    ).toBe('gbk');
    expect(sniffHtmlCharset(new TextEncoder().encode('一、总体要求'))).toBeNull();
  });

  it('tells pages and tag-dense fragments from plain text that mentions a tag', () => {
    expect(looksLikeHtml('<!doctype html><html><body><p>x</p></body></html>')).toBe(true);
    expect(looksLikeHtml('<div><p>一、总体要求</p><p>二、重点任务</p></div>')).toBe(true);
    expect(looksLikeHtml('一、总体要求\n在网页中使用<p>标签分段。\n二、重点任务')).toBe(false);
  });
});

describe('pathological nesting', () => {
  it('reads 50,000 nested elements by flattening them (no recursion to overflow)', () => {
    const html = `<html><body>${'<div class="a">'.repeat(50_000)}<p>卫生健康工作要点</p><p>第二段</p>${'</div>'.repeat(50_000)}</body></html>`;
    expect(paragraphs(loadHtml(html, 'utf-8').blocks)).toEqual(['卫生健康工作要点', '第二段']);
  }, 60_000);
});
