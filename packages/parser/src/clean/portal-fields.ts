/** Fields a government portal prints around an article (索引号 blocks, 发布日期 lines). */
export interface PortalFields {
  title?: string;
  publishedOn?: string;
  issuedOn?: string;
  issuer?: string;
  source?: string;
  docNumber?: string;
}

// Keys whose presence marks a line as portal metadata; matched with white space removed.
const STRONG_KEYS = [
  '索引号',
  '信息分类',
  '发布机构',
  '发布日期',
  '发布时间',
  '信息来源',
  '关键词',
  '主题分类',
  '服务对象分类',
  '体裁分类',
  '生命周期分类',
  '有效性',
  '信息名称',
  '生成日期',
  '成文日期',
  '公开日期',
  '所属主题',
  '公开方式',
  '公开时限',
  '公开范围',
  '所属机构',
  '发文机关',
  '主题词',
  '发文字号',
  '组配分类',
  '内容概述',
  '统一编号',
  '文号',
  '浏览次数',
  '访问次数',
  '点击数',
  '来源',
  '时效',
  '名称',
  '标题',
] as const;

const FIELD_OF: Partial<Record<(typeof STRONG_KEYS)[number], keyof PortalFields>> = {
  信息名称: 'title',
  名称: 'title',
  标题: 'title',
  发布日期: 'publishedOn',
  发布时间: 'publishedOn',
  公开日期: 'publishedOn',
  成文日期: 'issuedOn',
  发布机构: 'issuer',
  发文机关: 'issuer',
  所属机构: 'issuer',
  信息来源: 'source',
  来源: 'source',
  文号: 'docNumber',
  发文字号: 'docNumber',
};

interface KeyHit {
  key: (typeof STRONG_KEYS)[number];
  at: number;
}

// Most lines hold no key at all: one pass of this answers them before the per-key search.
const ANY_KEY = new RegExp(STRONG_KEYS.join('|'));

function keyHits(squeezed: string): KeyHit[] {
  if (!ANY_KEY.test(squeezed)) return [];
  const hits: KeyHit[] = [];
  for (const key of STRONG_KEYS) {
    let from = 0;
    for (;;) {
      const at = squeezed.indexOf(key, from);
      if (at < 0) break;
      // 来源 inside 信息来源, 文号 inside 发文字号: keep the longest key at a position.
      const covered = hits.some((h) => at >= h.at && at < h.at + h.key.length);
      if (!covered) hits.push({ key, at });
      from = at + key.length;
    }
  }
  hits.sort((a, b) => a.at - b.at || b.key.length - a.key.length);
  return hits.filter((h, i) => {
    const prev = hits[i - 1];
    return !prev || h.at >= prev.at + prev.key.length;
  });
}

/** How many distinct portal keys a line holds, and whether it starts with one. */
export function portalKeyProfile(line: string): { keys: number; startsWithKey: boolean } {
  const squeezed = line.replace(/\s+/g, '');
  const hits = keyHits(squeezed);
  return { keys: new Set(hits.map((h) => h.key)).size, startsWithKey: hits[0]?.at === 0 };
}

/** Reads `key value key value …` from a metadata line into the fields it knows (first value wins). */
export function readPortalFields(line: string, into: PortalFields): void {
  const squeezedKeys = keyHits(line.replace(/\s+/g, ''));
  if (squeezedKeys.length === 0) return;
  // Values keep their inner spaces ("2021-04-12 09:11:24"), so find keys again on the spaced line.
  const spaced = squeezedKeys.map((h) => ({ key: h.key, re: keyPattern(h.key) }));
  let cursor = 0;
  const found: { key: (typeof STRONG_KEYS)[number]; start: number; end: number }[] = [];
  for (const { key, re } of spaced) {
    re.lastIndex = cursor;
    const m = re.exec(line);
    if (!m) continue;
    found.push({ key, start: m.index, end: m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  for (let i = 0; i < found.length; i++) {
    const cur = found[i];
    if (!cur) continue;
    const field = FIELD_OF[cur.key];
    if (!field || into[field] !== undefined) continue;
    const value = line
      .slice(cur.end, found[i + 1]?.start ?? line.length)
      .replace(/^[\s:：|｜]+|[\s|｜]+$/g, '')
      .trim();
    if (value.length > 0 && value.length <= 120) into[field] = value;
  }
}

function keyPattern(key: string): RegExp {
  return new RegExp(Array.from(key).join('\\s*'), 'g');
}
