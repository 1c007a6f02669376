/*
 * The year-over-year matcher's rules, in one place (issue 10, part 3). A proposal's score is the weighted
 * mean of the parts both tasks have (each part is 0..1):
 * - title:   how alike the titles are — jieba words (IDF-weighted cosine over both plans' titles) blended
 *            with character pairs, after the verbs and fillers below are dropped and synonyms folded;
 * - metric:  the best pair of their targets — the same normalised metric phrase (years, numbers,
 *            punctuation and 提高/达到-style verbs stripped) with a compatible unit scores 1;
 * - lead:    the lead units' overlap (Jaccard);
 * - section: how alike the level-1 section titles are (sections are renamed too, so it weighs little).
 * A part either task lacks (no targets, no lead units) is left out of the mean rather than counted as 0:
 * a task without targets last year may well have none this year. Pairs under LINK_THRESHOLD are not
 * proposed; the rest are assigned one-to-one, best score first.
 */
export const LINK_WEIGHTS = { title: 0.5, metric: 0.3, lead: 0.12, section: 0.08 } as const;

/**
 * The section carried tasks are put under in the new plan: plan content (an item's title, in the plan's
 * language), not an interface message, so it is stored as the planner would have typed it.
 */
export const CARRIED_SECTION_TITLE = '上年结转任务';

/** The lowest score proposed as a link; below it the new task is new. */
export const LINK_THRESHOLD = 0.42;

/** Within a linked pair of tasks, the lowest metric similarity for linking two targets. */
export const TARGET_LINK_THRESHOLD = 0.5;

/** A part at or above this counts as a reason shown to the planner (同一指标, 标题相近, …). */
export const REASON_THRESHOLDS = {
  metricSame: 1,
  metricSimilar: 0.6,
  title: 0.5,
  lead: 0.5,
  section: 0.5,
} as const;

/** How much the word cosine counts against the character-pair Dice in the title part. */
export const TITLE_WORD_SHARE = 0.6;

/**
 * Verbs and fillers that open a task or a metric in every plan (推进…, 提高到…) and say nothing about
 * which task it is; dropped before comparing. Longest first so 进一步 goes before 进.
 */
export const FILLER_WORDS = [
  '进一步',
  '持续',
  '全面',
  '深入',
  '纵深',
  '广泛',
  '全力',
  '切实',
  '大力',
  '着力',
  '积极',
  '稳步',
  '不断',
  '推进',
  '推动',
  '推行',
  '促进',
  '深化',
  '加强',
  '强化',
  '加快',
  '提升',
  '提高',
  '增强',
  '巩固',
  '完善',
  '健全',
  '做好',
  '做实',
  '做优',
  '抓好',
  '落实',
  '实施',
  '开展',
  '组织',
  '确保',
  '保障',
  '达到',
  '保持',
  '增加',
  '新增',
  '不低于',
  '不少于',
  '以上',
  '以下',
  '以内',
  '左右',
  '控制',
  '工作',
  '成效',
  '水平',
  '全县',
  '全市',
  '全省',
  '全区',
  '年内',
  '年底',
  '力争',
  '争取',
] as const;

/** Word pairs plans use for one another from year to year; the second folds into the first. */
export const SYNONYMS: readonly (readonly [string, string])[] = [
  ['医共体', '医疗共同体'],
  ['慢性病', '慢病'],
  ['标准化', '规范化'],
  ['建设', '创建'],
  ['就医', '就诊'],
  ['感受', '体验'],
  ['防治', '防控'],
  ['人群', '群众'],
  ['引进', '招引'],
  ['薪酬', '薪资'],
];

/**
 * Units that count the same kind of thing; a metric measured in one unit of a class matches another of
 * the same class (个 and 家 both count institutions). Anything else must be equal after normalisation.
 */
export const UNIT_CLASSES: readonly (readonly string[])[] = [
  ['个', '家', '所', '座', '处', '间', '张'],
  ['人', '名', '位'],
  ['项', '种', '类'],
  ['%', '％', '个百分点'],
];
