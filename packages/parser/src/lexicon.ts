/**
 * The parser's lexicon: every word list the stages share, in one place (the way marked keeps its grammar in
 * one rules module). A stage builds its expressions from these lists and never spells a member again, so a
 * word added here (a new role word, a unit suffix, an op word) reaches every stage that reads it.
 *
 * Sections: role words (who leads, who supports), unit-name suffixes, noun makers, operator words.
 */

import type { TargetBasis, TargetOp } from './plan.js';

/** `a|b|c` for a regular-expression alternation (members hold no metacharacters). */
export function alternation(words: readonly string[]): string {
  return words.join('|');
}

// ---------------------------------------------------------------------------------------------------------
// Role words

/** The role a clause prints for a unit: 牵头 (lead), 配合/参与/协办 (support), 负责 (duty), none. */
export type PrintedRole = 'lead' | 'support' | 'duty' | 'none';

/** Words that make a unit a lead: 牵头, 主责. */
export const LEAD_WORDS: readonly string[] = ['牵头', '主责'];

/** Words that make a unit a supporting one: 配合, 协办, 协助, 协同, 协作, 参与. */
export const SUPPORT_WORDS: readonly string[] = ['配合', '协办', '协助', '协同', '协作', '参与'];

/** Words that say a unit answers for the work without ranking it: 责任, 负责. */
export const DUTY_WORDS: readonly string[] = ['责任', '负责'];

/** The role one bare role word gives (牵头 → lead, 协作 → support, 负责 → duty). */
export function roleOfWord(word: string): PrintedRole {
  if (LEAD_WORDS.includes(word)) return 'lead';
  if (SUPPORT_WORDS.includes(word)) return 'support';
  if (DUTY_WORDS.includes(word)) return 'duty';
  return 'none';
}

// 牵头单位：, 配合部门:, 责任科室：, 责任股室： … County bureaus divide into 股 (责任股室, 承办股). 主办单位 is left
// out on purpose: portal footers print it (主办单位：XX市人民政府办公室) far more often than plans do.
/** Words a unit label starts with (牵头单位：, 承办科室：). */
export const LABEL_WORDS: readonly string[] = [
  ...LEAD_WORDS,
  ...SUPPORT_WORDS,
  ...DUTY_WORDS,
  '承办',
  '实施',
];
/** What a unit label names after its role word (单位, 部门, 科室 …). */
export const LABEL_KINDS: readonly string[] = [
  '单位',
  '部门',
  '科室',
  '处室',
  '股室',
  '机构',
  '主体',
  '处',
  '科',
  '股',
];
/** Role words that are a label on their own (牵头：A；配合：B). */
export const BARE_LABEL_WORDS: readonly string[] = ['牵头', ...SUPPORT_WORDS];

/** Role words printed after a unit or a run of units, longest first; the first one stripped is the role. */
export const ROLE_TAILS: readonly (readonly [string, PrintedRole])[] = [
  ['按照职责分工负责', 'duty'],
  ['按职责分工负责', 'duty'],
  ['按职能分工负责', 'duty'],
  ['按职责分工落实', 'duty'],
  ['根据职责分工负责', 'duty'],
  ['按职责分工', 'duty'],
  ['按照职责', 'duty'],
  ['按职责负责', 'duty'],
  ['按职责', 'duty'],
  ['各司其职', 'duty'],
  // X、Y共同牵头 / 分别牵头: each of the run leads.
  ['共同牵头负责', 'lead'],
  ['分别牵头负责', 'lead'],
  ['共同牵头', 'lead'],
  ['分别牵头', 'lead'],
  ['联合牵头', 'lead'],
  ['牵头负责', 'lead'],
  ['牵头落实', 'lead'],
  ['牵头抓总', 'lead'],
  ['牵头', 'lead'],
  ['配合落实', 'support'],
  ['共同配合', 'support'],
  ['分别配合', 'support'],
  ['积极配合', 'support'],
  ['协同配合', 'support'],
  ['共同参与', 'support'],
  ['配合', 'support'],
  ['协助', 'support'],
  ['协办', 'support'],
  ['参与', 'support'],
  ['协同', 'support'],
  ['具体落实', 'duty'],
  ['落实', 'duty'],
  ['分别负责', 'duty'],
  ['共同负责', 'duty'],
  ['具体负责', 'duty'],
  ['负责落实', 'duty'],
  ['负责', 'duty'],
];

// ---------------------------------------------------------------------------------------------------------
// Unit names

/** Organisational suffixes, longest first so 中心 wins over 心-less matches and 党委 over 委. */
export const UNIT_SUFFIXES: readonly string[] = [
  '办公室',
  '委员会',
  '医共体',
  '医联体',
  '指挥部',
  '党委',
  '党组',
  '单位',
  '机构',
  '部门',
  '科室',
  '处室',
  '中心',
  '政府',
  '公司',
  '集团',
  '学校',
  '大学',
  '机关',
  '街道',
  '专班',
  '股室',
  '科',
  '处',
  '室',
  '办',
  '委',
  '局',
  '院',
  '站',
  '所',
  '会',
  '协',
  '联',
  '队',
  '组',
  '部',
  '厅',
  '署',
  '校',
  '台',
  // County bureaus are divided into 股 (医政股, 基层股).
  '股',
  '馆',
];

/** Place-name endings: a unit only as a collective (各县区) or where the clause prints a role word. */
export const REGION_SUFFIXES: readonly string[] = ['街道', '县', '区', '市', '镇', '乡', '旗'];

/** Generic category nouns: a name ending in one of these is a collective, not one specific unit. */
export const COLLECTIVE_SUFFIXES: readonly string[] = [
  '单位',
  '机构',
  '部门',
  '科室',
  '处室',
  '股室',
  '机关',
];

// ---------------------------------------------------------------------------------------------------------
// Noun makers

/**
 * Characters that turn the word before them into part of a noun: 完成率, 建成数, 提高值, 改造后. An op word
 * or lead-in verb followed by one of them is inside a metric's name, not a commitment.
 */
export const NOUN_MAKERS: ReadonlySet<string> = new Set([
  '率',
  '比',
  '数',
  '量',
  '度',
  '值',
  '额',
  '费',
  '面',
  '例',
  '者',
  '后',
  '前',
]);

/**
 * After an op word 标 also makes a noun (达标, 超标: 达标率100% has no 达 op), while after a lead-in verb it
 * starts the metric (建成|标准化门诊), so it is added for op words only.
 */
export const OP_NOUN_MAKERS: ReadonlySet<string> = new Set([...NOUN_MAKERS, '标']);

// ---------------------------------------------------------------------------------------------------------
// Operator words

/**
 * What a word before a number says about it.
 * - `explicit`: a comparison or level word (达到, 不低于, 控制在 …): it makes even a unitless number a target.
 * - `change`: 提高/下降 … BY an amount (basis `change`); with 到/至 after it, it is `explicit` instead.
 * - `verb`: a commitment verb (新增, 建成, 培训 …): it makes a count a target but not a bare number.
 * - `tight`: 为/是, which only count when directly before the number (检测率为100%), never across a gap.
 */
export type OpKind = 'explicit' | 'change' | 'verb' | 'tight';

export interface OpWord {
  word: string;
  op: TargetOp;
  basis: TargetBasis;
  kind: OpKind;
  /** A verb that creates or adds countable things (新增, 建成, 培训): it makes even a Chinese-numeral count a target. */
  strong: boolean;
}

const GE = '>=';
const LE = '<=';

export const STRONG_VERBS = new Set([
  '新增',
  '新建',
  '新设',
  '增设',
  '扩建',
  '改建',
  '建成',
  '创建',
  '创成',
  '争创',
  '培训',
  '培养',
  '招聘',
  '招收',
  '招募',
  '引进',
  '遴选',
  '组建',
  '设立',
  '打造',
  '认定',
  '配备',
  '完成',
]);

function words(list: readonly string[], op: TargetOp, basis: TargetBasis, kind: OpKind): OpWord[] {
  return list.map((word) => ({ word, op, basis, kind, strong: kind !== 'verb' || STRONG_VERBS.has(word) }));
}

export const OP_WORDS: readonly OpWord[] = [
  ...words(
    [
      '达到',
      '达',
      '保持在',
      '保持',
      '维持在',
      '稳定在',
      '不低于',
      '不少于',
      '不小于',
      '不下于',
      '至少',
      '超过',
      '高于',
      '大于',
      '多于',
      '提高到',
      '提高至',
      '提升到',
      '提升至',
      '增加到',
      '增加至',
      '增长到',
      '增长至',
      '增至',
      '增到',
      '上升到',
      '上升至',
      '扩大到',
      '扩大至',
      '扩大为',
    ],
    GE,
    'level',
    'explicit',
  ),
  ...words(
    [
      '控制在',
      '控制到',
      '控制',
      '降至',
      '降到',
      '降低到',
      '降低至',
      '下降到',
      '下降至',
      '减少到',
      '减少至',
      '减至',
      '压缩到',
      '压缩至',
      '压减到',
      '压减至',
      '缩短到',
      '缩短至',
      '不超过',
      '不高于',
      '不大于',
      '不多于',
      '低于',
      '小于',
      '少于',
    ],
    LE,
    'level',
    'explicit',
  ),
  // Printed comparison signs (≤12/10万, 控制在≤5%). A strict sign reads as the level it bounds: plans mean
  // "at least" by ＞95% as often as "more than", and TargetOp has no strict comparison.
  ...words(['≥', '≧', '＞', '>'], GE, 'level', 'explicit'),
  ...words(['≤', '≦', '＜', '<'], LE, 'level', 'explicit'),
  ...words(['约为', '大约', '约'], '~', 'level', 'explicit'),
  ...words(['等于'], '=', 'level', 'explicit'),
  ...words(['为', '是'], '=', 'level', 'tight'),
  ...words(
    [
      '提高',
      '提升',
      '增长',
      '增加',
      '上升',
      '扩大',
      '下降',
      '降低',
      '减少',
      '缩短',
      '压缩',
      '压减',
      '增幅',
      '降幅',
    ],
    GE,
    'change',
    'change',
  ),
  ...words(
    [
      '新增',
      '新建',
      '新设',
      '增设',
      '扩建',
      '改建',
      '改造',
      '完成',
      '建成',
      '建设',
      '创建',
      '创成',
      '争创',
      '培训',
      '培养',
      '招聘',
      '招收',
      '招募',
      '引进',
      '遴选',
      '选派',
      '派驻',
      '推进',
      '落实',
      '实现',
      '覆盖',
      '开展',
      '组建',
      '设立',
      '设置',
      '配备',
      '配置',
      '打造',
      '认定',
      '举办',
      '实施',
      '建立',
      '培育',
      '扶持',
      '支持',
      '救治',
      '筛查',
      '接种',
      '签约',
      '申报',
      '评选',
      '提供',
      '投入',
      '争取',
      '发展',
      '启动',
      '升级',
      '达标',
      '命名',
      '授牌',
      '补助',
      '资助',
      '培植',
      '推广',
      '推出',
      '开设',
      '入选',
      '通过',
      '有',
    ],
    GE,
    'level',
    'verb',
  ),
];

export const OP_SUFFIXES: readonly { word: string; op: TargetOp }[] = [
  { word: '及以上', op: GE },
  { word: '以上', op: GE },
  { word: '及以下', op: LE },
  { word: '以下', op: LE },
  { word: '以内', op: LE },
  { word: '之内', op: LE },
  { word: '左右', op: '~' },
  { word: '上下', op: '~' },
];

/** Printed comparison signs (≥, ＜ …), as opposed to words. */
export const COMPARISON_SIGNS: ReadonlySet<string> = new Set(['≥', '≧', '＞', '>', '≤', '≦', '＜', '<']);

/** Small words allowed between an op word and its number without changing its meaning (达到了, 再提升). */
export const OP_CONNECTORS: readonly string[] = [
  '到',
  '至',
  '在',
  '为',
  '了',
  '再',
  '约',
  '有',
  '要',
  '达',
  '将',
  '共',
  '计',
];

/**
 * A section whose heading says it reports the past (工作总结, 发展基础, 取得的成效, 上年完成情况): its figures are
 * results, not commitments.
 */
export const PAST_SECTION_WORDS: readonly string[] = [
  '工作总结',
  '工作回顾',
  '回顾',
  '发展基础',
  '工作基础',
  '现实基础',
  '基本情况',
  '发展现状',
  '现状',
  '取得的成效',
  '取得成效',
  '主要成效',
  '工作成效',
  '主要成绩',
  '完成情况',
  '总结',
];
