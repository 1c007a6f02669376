/**
 * How a document says its role-less unit lists are to be read. Some plans print once, in a note or the
 * transmittal, that the first unit of a list leads (列在首位的为牵头单位) or that the 责任单位 are the leads
 * (责任单位为牵头单位). Neither is assumed: without such a sentence a list without 牵头 singles nobody out.
 */

export interface RoleConvention {
  /** The first unit of a list that prints no role is the lead, the others support. */
  firstListedLeads: boolean;
  /** Units under a 责任单位 / 责任科室 / 责任股室 label or column are leads. */
  responsibleLeads: boolean;
}

/** What a document that states no convention gets. */
export const NO_CONVENTION: RoleConvention = Object.freeze({
  firstListedLeads: false,
  responsibleLeads: false,
});

// "The first one": 首位, 第一位, 第一个, 排名第一 … Bare 第一 is left out: 市第一人民医院为牵头单位 names a unit.
const FIRST =
  '(?:首位|第一位|第1位|第一个|第1个|第一家|首个|首家|最前面?|排名第一|排序第一|排在第一|列第一|位列第一|位居第一|排第一|居首)';
// "… is the lead": 为牵头单位, 是牵头科室, 负总责. A short gap (的, 的单位, 的责任单位) stands between, within
// one clause: 放在首位，牵头负责的科室… is two statements.
const IS_LEAD = '(?:(?:为|是|即|系)(?:牵头|主责|主办)|牵头负责|负总责|负主责)';
const FIRST_LEADS = new RegExp(`${FIRST}[^。；;，,\\n]{0,10}?${IS_LEAD}`);
// The other order: 牵头单位列在首位, 牵头科室排在第一位.
const LEAD_IS_FIRST = new RegExp(
  `牵头(?:单位|部门|科室|处室|股室)[^。；;，,\\n]{0,4}?(?:列|排|放|写)(?:在|于)?${FIRST}`,
);
// 责任单位为牵头单位, 责任科室即牵头科室. The verb must follow the label at once: 责任单位中第一个为牵头单位
// is the other convention.
const RESPONSIBLE_LEADS = /责任(?:单位|部门|科室|处室|股室|主体)(?:均为|即为|为|是|即|系)(?:牵头|主责)/;

const CUES: readonly string[] = ['牵头', '主责', '主办', '负总责', '负主责'];

/** Reads the document's own statement of how role-less unit lists are to be read. */
export function readRoleConvention(text: string): RoleConvention {
  let firstListedLeads = false;
  let responsibleLeads = false;
  // Such a sentence is short and turns on a cue word: only a window around each cue is read. The next
  // place of every cue is kept, so each cue's occurrences are searched once (linear in the text).
  const next = CUES.map((cue) => text.indexOf(cue));
  for (;;) {
    let at = -1;
    for (const position of next) if (position >= 0 && (at < 0 || position < at)) at = position;
    if (at < 0) break;
    const window = text.slice(Math.max(0, at - 24), at + 16);
    if (!firstListedLeads && (FIRST_LEADS.test(window) || LEAD_IS_FIRST.test(window))) {
      firstListedLeads = true;
    }
    if (!responsibleLeads && RESPONSIBLE_LEADS.test(window)) responsibleLeads = true;
    if (firstListedLeads && responsibleLeads) break;
    CUES.forEach((cue, k) => {
      if (next[k] === at) next[k] = text.indexOf(cue, at + 1);
    });
  }
  return { firstListedLeads, responsibleLeads };
}
