/** The original plan behind the format fixtures: one source, rendered into every container. */

export type PlanLineKind = 'notice-title' | 'plain' | 'signature' | 'title' | 'heading';

export interface PlanLine {
  kind: PlanLineKind;
  /** Numbering depth for headings and tasks: 0 一、, 1 （一）, 2 1. — the label is generated, not typed. */
  level?: 0 | 1 | 2;
  text: string;
}

export interface PlanTableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export const PLAN_TITLE = '青岚县2025年卫生健康重点工作任务及分工方案';

export const PLAN_LINES: PlanLine[] = [
  { kind: 'notice-title', text: `关于印发《${PLAN_TITLE}》的通知` },
  { kind: 'plain', text: '青卫发〔2025〕3号' },
  { kind: 'plain', text: '各乡镇卫生院，县直各医疗卫生单位，局机关各股室：' },
  {
    kind: 'plain',
    text: `现将《${PLAN_TITLE}》印发给你们，请结合工作实际，认真抓好贯彻落实。各牵头股室要于每月25日前报送上月进展情况，逾期未报的纳入季度通报。`,
  },
  { kind: 'signature', text: '青岚县卫生健康局' },
  { kind: 'signature', text: '2025年2月18日' },
  { kind: 'title', text: PLAN_TITLE },
  {
    kind: 'plain',
    text: '为扎实推进健康青岚建设，持续提升全县医疗卫生服务水平，切实解决群众看病就医的急难愁盼问题，结合我县实际，制定本方案。',
  },
  { kind: 'heading', level: 0, text: '总体目标' },
  {
    kind: 'plain',
    text: '到2025年底，全县居民健康素养水平达到32%以上，孕产妇系统管理率保持在95%以上，婴儿死亡率控制在5‰以下，每千人口执业（助理）医师数达到2.8人，县域内就诊率稳定在90%左右。',
  },
  { kind: 'heading', level: 0, text: '重点任务' },
  { kind: 'heading', level: 1, text: '深化医药卫生体制改革' },
  {
    kind: 'heading',
    level: 2,
    text: '推进紧密型县域医共体建设。完善医共体内人员统筹、财务统管、药品耗材统一配送的运行机制，推动县级医院专家定期下沉乡镇卫生院坐诊带教，年内建成县域医学影像、心电诊断和临床检验三个共享中心。（医政股牵头，财务股、基层股配合）',
  },
  {
    kind: 'heading',
    level: 2,
    text: '深化公立医院综合改革。落实公立医院薪酬制度改革要求，医疗服务收入占医疗收入比例提高1个百分点，门诊和住院次均费用增幅控制在5%以内。（医政股牵头，体改股、人事股配合）',
  },
  { kind: 'heading', level: 1, text: '提升基层医疗卫生服务能力' },
  {
    kind: 'heading',
    level: 2,
    text: '实施基层服务能力提升行动。乡镇卫生院达到“优质服务基层行”基本标准的比例达到80%以上，新增2家社区医院。（基层股牵头，医政股配合）',
  },
  {
    kind: 'heading',
    level: 2,
    text: '做实家庭医生签约服务。优化签约服务包，重点人群签约服务覆盖率不低于75%，签约居民续约率稳步提升。（基层股牵头，疾控股、妇幼股配合）',
  },
  {
    kind: 'heading',
    level: 2,
    text: '加强乡村医生队伍建设。新增订单定向医学生10名，村卫生室执业（助理）医师占比达到45%以上。（人事股牵头，基层股、财务股配合）',
  },
  { kind: 'heading', level: 1, text: '加强公共卫生体系建设' },
  {
    kind: 'heading',
    level: 2,
    text: '提升疾病预防控制能力。适龄儿童免疫规划疫苗接种率保持在95%以上，肺结核患者成功治疗率达到90%以上。（疾控股牵头，县疾控中心配合）',
  },
  {
    kind: 'heading',
    level: 2,
    text: '守护妇幼健康。孕产妇死亡率控制在12/10万以下，5岁以下儿童死亡率控制在6‰以下，3岁以下儿童系统管理率达到92%。（妇幼股牵头，县妇幼保健院、医政股配合）',
  },
  { kind: 'heading', level: 0, text: '保障措施' },
  {
    kind: 'heading',
    level: 1,
    text: '加强组织领导。各牵头股室要细化工作举措，明确时间节点和责任人，确保各项任务按期完成。',
  },
  {
    kind: 'heading',
    level: 1,
    text: '强化督导考核。局办公室每季度对重点任务推进情况进行督导，结果纳入年度目标管理考核。',
  },
  { kind: 'plain', text: '附件：重点工作任务分工表' },
];

export const PLAN_TABLE: PlanTableCell[][] = [
  [
    { text: '序号' },
    { text: '重点任务' },
    { text: '具体内容' },
    { text: '牵头单位' },
    { text: '配合单位' },
    { text: '完成时限' },
  ],
  [{ text: '一、深化医药卫生体制改革', colSpan: 6 }],
  [
    { text: '1' },
    { text: '推进紧密型县域医共体建设' },
    { text: '建成三个共享中心，县域内就诊率达到90%以上' },
    { text: '医政股', rowSpan: 2 },
    { text: '财务股、基层股' },
    { text: '2025年12月底前' },
  ],
  [
    { text: '2' },
    { text: '深化公立医院综合改革' },
    { text: '医疗服务收入占比提高1个百分点' },
    { text: '体改股、人事股' },
    { text: '2025年10月底前' },
  ],
  [{ text: '二、提升基层医疗卫生服务能力', colSpan: 6 }],
  [
    { text: '3' },
    { text: '做实家庭医生签约服务' },
    { text: '重点人群签约服务覆盖率不低于75%' },
    { text: '基层股' },
    { text: '疾控股、妇幼股' },
    { text: '2025年11月底前' },
  ],
  [
    { text: '4' },
    { text: '加强乡村医生队伍建设' },
    { text: '新增订单定向医学生10名' },
    { text: '人事股' },
    { text: '基层股、财务股' },
    { text: '2025年9月底前' },
  ],
];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The labels Word prints for levels 0–2 (一、 / （一） / 1.), for the containers that carry them as text. */
export function labelledLines(lines: readonly PlanLine[] = PLAN_LINES): string[] {
  const counters = [0, 0, 0];
  return lines.map((line) => {
    if (line.level === undefined) return line.text;
    const level = line.level;
    const n = (counters[level] ?? 0) + 1;
    counters[level] = n;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    const label = level === 0 ? `${CN[n - 1] ?? n}、` : level === 1 ? `（${CN[n - 1] ?? n}）` : `${n}.`;
    return label + line.text;
  });
}

/** Table rows as tab-separated lines, a merged-away cell left empty. */
export function tableAsTextLines(): string[] {
  const lines: string[] = [];
  const carried = new Map<number, number>();
  for (const row of PLAN_TABLE) {
    const cells: string[] = [];
    let column = 0;
    let index = 0;
    while (index < row.length || (carried.get(column) ?? 0) > 0) {
      const held = carried.get(column) ?? 0;
      if (held > 0) {
        cells.push('');
        carried.set(column, held - 1);
        column++;
        continue;
      }
      const cell = row[index++];
      if (!cell) break;
      cells.push(cell.text);
      if ((cell.rowSpan ?? 1) > 1) carried.set(column, (cell.rowSpan ?? 1) - 1);
      column += cell.colSpan ?? 1;
    }
    lines.push(cells.join('\t'));
  }
  return lines;
}
