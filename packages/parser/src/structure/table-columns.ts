import { LEAD_WORDS, SUPPORT_WORDS, alternation } from '../lexicon.js';

export type ColumnRole =
  'number' | 'category' | 'task' | 'detail' | 'lead' | 'support' | 'units' | 'deadline' | 'other';

// Order matters: 牵头责任单位 is a lead column, 具体任务 a detail column before 任务 is a task column.
const RULES: readonly { role: ColumnRole; re: RegExp }[] = [
  { role: 'number', re: /^(序号|编号|序|No\.?)$/i },
  { role: 'deadline', re: /时限|时间节点|完成时间|时间安排|进度安排|截止时间|完成期限/ },
  { role: 'other', re: /领导|进展|完成情况|备注|状态|评分|分值|考核/ },
  { role: 'lead', re: new RegExp(alternation(LEAD_WORDS)) },
  { role: 'support', re: new RegExp(alternation(SUPPORT_WORDS)) },
  { role: 'units', re: /责任(单位|科室|部门|处室|主体)|承办|实施(单位|主体)|主体单位|负责(单位|科室|部门)/ },
  { role: 'detail', re: /具体|内容|措施|目标|要求|标准/ },
  { role: 'task', re: /任务|事项|工作|项目/ },
  { role: 'category', re: /类别|分类|领域|板块|方面/ },
];

export function classifyColumn(header: string): ColumnRole | null {
  const text = header.replace(/\s+/g, '');
  if (text.length === 0 || text.length > 16) return null;
  for (const { role, re } of RULES) if (re.test(text)) return role;
  return null;
}

/** Column roles of a header row, or null when the row is not a task table's header. */
export function readHeader(cells: readonly string[]): ColumnRole[] | null {
  const roles = cells.map((c) => classifyColumn(c));
  const known = roles.filter((r): r is ColumnRole => r !== null && r !== 'other');
  const useful = known.some((r) => r === 'task' || r === 'detail' || r === 'lead' || r === 'units');
  if (known.length < 2 || !useful) return null;
  return roles.map((r) => r ?? 'other');
}
