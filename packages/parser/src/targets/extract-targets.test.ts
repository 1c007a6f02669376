import { describe, expect, it } from 'vitest';
import type { Target, TargetBasis, TargetOp } from '../plan.js';
import { extractTargets } from './extract-targets.js';

/** [metric, op, value, unit, basis, deadline, deadlineText] — basis defaults to level, deadlines to null. */
type Expected = [
  string,
  TargetOp,
  number | [number, number],
  string,
  TargetBasis?,
  (string | null)?,
  (string | null)?,
];

interface Case {
  name: string;
  sentence: string;
  year: number | null;
  expected: Expected[];
}

const Y = 2024;

function c(name: string, sentence: string, expected: Expected[], year: number | null = Y): Case {
  return { name, sentence, year, expected };
}

const CASES: Case[] = [
  // >= : levels to reach or hold
  c('达到…以上 is >=', '全市高血压患者规范管理率达到75%以上。', [['高血压患者规范管理率', '>=', 75, '%']]),
  c('保持在…以上 is >=', '儿童健康管理率保持在92%以上。', [['儿童健康管理率', '>=', 92, '%']]),
  c('不低于 is >=', '乡镇卫生院中医馆设置比例不低于95%。', [['乡镇卫生院中医馆设置比例', '>=', 95, '%']]),
  c('超过 is >=', '基层诊疗量占比超过65%。', [['基层诊疗量占比', '>=', 65, '%']]),
  c('bare 达 is >=', '市人民医院床位数达800张。', [['市人民医院床位数', '>=', 800, '张']]),
  c('提高到 is a level', '居民健康素养水平提高到28%。', [['居民健康素养水平', '>=', 28, '%']]),
  c('提升至…以上 is a level', '门诊患者满意度提升至90%以上。', [['门诊患者满意度', '>=', 90, '%']]),
  c('至少建成 counts what follows', '每个县至少建成2个县域医疗卫生次中心。', [
    ['县域医疗卫生次中心', '>=', 2, '个'],
  ]),
  c('新增 with the object before the number', '全年新增家庭医生签约服务对象2万人。', [
    ['家庭医生签约服务对象', '>=', 2, '万人', 'level', '2024-12-31', '全年'],
  ]),
  c('建成 with the object before the number', '建成示范性老年友善医疗机构10家。', [
    ['示范性老年友善医疗机构', '>=', 10, '家'],
  ]),
  c('完成 with 人次', '完成基层卫生人员轮训800人次。', [['基层卫生人员轮训', '>=', 800, '人次']]),
  c('招聘 names the people', '招聘紧缺专业技术人员120名。', [['紧缺专业技术人员', '>=', 120, '名']]),
  c('实施 with 项', '实施12项民生实事项目。', [['民生实事项目', '>=', 12, '项']]),
  c('开展 with 种', '开展6种重点慢性病早期筛查。', [['重点慢性病早期筛查', '>=', 6, '种']]),
  c('新增 with 床', '新增精神科床位200床。', [['精神科床位', '>=', 200, '床']]),
  c('a bare count without a verb', '推动15家县级医院完成胸痛中心建设。', [['县级医院', '>=', 15, '家']]),
  c('不少于 with money', '家庭医生签约服务经费投入不少于800万元。', [
    ['家庭医生签约服务经费投入', '>=', 800, '万元'],
  ]),
  c('a unitless value after 达到', 'CMI值达到1.1。', [['CMI值', '>=', 1.1, '']]),
  c('人 after a per-population metric', '每万人口全科医生数达到3.93人。', [
    ['每万人口全科医生数', '>=', 3.93, '人'],
  ]),
  c('两句 targets in one sentence', '全市艾滋病病毒感染者治疗覆盖率不低于95%，病毒抑制率达到95%以上。', [
    ['艾滋病病毒感染者治疗覆盖率', '>=', 95, '%'],
    ['病毒抑制率', '>=', 95, '%'],
  ]),
  c('two targets joined by 、', '县域内住院人次占比达到90%、基层就诊率达到65%。', [
    ['县域内住院人次占比', '>=', 90, '%'],
    ['基层就诊率', '>=', 65, '%'],
  ]),
  c('half-width commas separate clauses', '一类疫苗接种率达95%以上,慢病患者规范管理率保持在80%以上。', [
    ['一类疫苗接种率', '>=', 95, '%'],
    ['慢病患者规范管理率', '>=', 80, '%'],
  ]),
  c('full-width digits and ％', '住院分娩率达到９９％以上。', [['住院分娩率', '>=', 99, '％']]),
  c('确保 and 以…为单位 are cut from the metric', '确保以乡为单位适龄儿童麻疹疫苗接种率保持在95%以上。', [
    ['适龄儿童麻疹疫苗接种率', '>=', 95, '%'],
  ]),
  c('a metric keeps its age qualifier', '65岁及以上老年人健康管理率达到72%。', [
    ['65岁及以上老年人健康管理率', '>=', 72, '%'],
  ]),
  c('力争 before 达到 is not part of the metric', '健康社区建设率力争达到30%以上。', [
    ['健康社区建设率', '>=', 30, '%'],
  ]),
  c('a lead-in subject is cut after its verb', '每个乡镇建成标准化预防接种门诊不少于1个。', [
    ['标准化预防接种门诊', '>=', 1, '个'],
  ]),
  c('a capacity per day', '核酸日检测能力达到1.5万管/日。', [['核酸日检测能力', '>=', 1.5, '万管/日']]),
  c('a count of a built thing with its object after', '新建8千管/日的核酸检测实验室。', [
    ['核酸检测实验室', '>=', 8, '千管/日'],
  ]),
  c('a count with 以上 before its object', '全市争创12个以上省级健康乡镇。', [
    ['省级健康乡镇', '>=', 12, '个'],
  ]),

  // <= : ceilings
  c('控制在…以下 with /10万', '孕产妇死亡率控制在10/10万以下。', [['孕产妇死亡率', '<=', 10, '/10万']]),
  c('控制在…以内 with ‰', '婴儿死亡率控制在5‰以内。', [['婴儿死亡率', '<=', 5, '‰']]),
  c('days need an op and get one', '平均住院日控制在8.5天以内。', [['平均住院日', '<=', 8.5, '天']]),
  c('不超过 is <=', '药占比不超过28%。', [['药占比', '<=', 28, '%']]),
  c('低于 is <=', '公立医院资产负债率低于50%。', [['公立医院资产负债率', '<=', 50, '%']]),
  c('降至 is <=', '个人卫生支出占卫生总费用的比重降至26.5%。', [
    ['个人卫生支出占卫生总费用的比重', '<=', 26.5, '%'],
  ]),
  c('不超过 with people', '全市基层医疗卫生机构人员招聘总量不超过300人。', [
    ['基层医疗卫生机构人员招聘总量', '<=', 300, '人'],
  ]),
  c('/10万 with 以内', '全市法定报告传染病发病率控制在260/10万以内。', [
    ['法定报告传染病发病率', '<=', 260, '/10万'],
  ]),
  c('以下 alone makes a ceiling', '新生儿死亡率3‰以下。', [['新生儿死亡率', '<=', 3, '‰']]),

  // = : exact requirements
  c('达100% is exactly 100%', '适龄儿童免疫规划疫苗接种率达100%。', [
    ['适龄儿童免疫规划疫苗接种率', '=', 100, '%'],
  ]),
  c('为 with money', '基本公共卫生服务经费人均补助标准为89元。', [
    ['基本公共卫生服务经费人均补助标准', '=', 89, '元'],
  ]),
  c('a bare rate is exact', '城乡居民电子健康档案建档率95%。', [
    ['城乡居民电子健康档案建档率', '=', 95, '%'],
  ]),
  c('完成率 is a noun, not 完成', '重点传染病报告完成率100%。', [['重点传染病报告完成率', '=', 100, '%']]),
  c('a rate with 为', '血液标本核酸检测率为100%。', [['血液标本核酸检测率', '=', 100, '%']]),
  c('per person per year', '按常住人口每人每年6元落实健康教育经费。', [['常住人口', '=', 6, '元']]),

  // ~ : approximations
  c('左右 wins over 达到', '全市千人口执业医师数达到3.2人左右。', [['千人口执业医师数', '~', 3.2, '人']]),
  c('约为 is ~', '床位使用率约为85%。', [['床位使用率', '~', 85, '%']]),
  c('左右 wins over 保持在', '孕产妇系统管理率保持在90%左右。', [['孕产妇系统管理率', '~', 90, '%']]),
  c('左右 with a count', '千人口托位数达到2.5个左右。', [['千人口托位数', '~', 2.5, '个']]),

  // range
  c('X-Y with days', '二级医院平均住院日控制在7-9天。', [['二级医院平均住院日', 'range', [7, 9], '天']]),
  c('X%～Y%', '县域就诊率提高到85%～90%。', [['县域就诊率', 'range', [85, 90], '%']]),
  c('X到Y', '每个乡镇培育3到5名乡村医生骨干。', [['乡村医生骨干', 'range', [3, 5], '名']]),
  c('X至Y', '遴选10至15个重点专科进行培育。', [['重点专科', 'range', [10, 15], '个']]),
  c('a range of a change', '中医诊疗人次占比提升1-2个百分点。', [
    ['中医诊疗人次占比', 'range', [1, 2], '个百分点', 'change'],
  ]),

  // change
  c('下降 BY points is a change', '心脑血管疾病死亡率较上年下降2个百分点。', [
    ['心脑血管疾病死亡率', '>=', 2, '个百分点', 'change'],
  ]),
  c('提高…以上 BY points', '居民健康素养水平比上年提高3个百分点以上。', [
    ['居民健康素养水平', '>=', 3, '个百分点', 'change'],
  ]),
  c('提高 with the metric between verb and number', '提高基层医疗卫生机构诊疗量占比5个百分点。', [
    ['基层医疗卫生机构诊疗量占比', '>=', 5, '个百分点', 'change'],
  ]),
  c('一倍 is 1 倍', '监督检查覆盖率较上年提高一倍。', [['监督检查覆盖率', '>=', 1, '倍', 'change']]),
  c('降低 BY a percent', '次均住院费用增幅较上年降低2%。', [['次均住院费用增幅', '>=', 2, '%', 'change']]),
  c('增长…以内 is a ceiling of a level', '医疗费用增长幅度控制在8%以内。', [
    ['医疗费用增长幅度', '<=', 8, '%'],
  ]),

  // 分别 lists
  c(
    '分别 gives one target per metric',
    '孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别控制在12/10万、5‰、6.5‰以内。',
    [
      ['孕产妇死亡率', '<=', 12, '/10万'],
      ['婴儿死亡率', '<=', 5, '‰'],
      ['5岁以下儿童死亡率', '<=', 6.5, '‰'],
    ],
  ),
  c(
    '分别 with 以上 after the last value',
    '高血压患者规范管理率、糖尿病患者规范管理率分别达到65%、62%以上。',
    [
      ['高血压患者规范管理率', '>=', 65, '%'],
      ['糖尿病患者规范管理率', '>=', 62, '%'],
    ],
  ),
  c('分别 with one unit for both values', '新生儿死亡率、婴儿死亡率分别控制在3、4.5‰以下。', [
    ['新生儿死亡率', '<=', 3, '‰'],
    ['婴儿死亡率', '<=', 4.5, '‰'],
  ]),

  // Chinese numerals
  c('百分之七十五', '重点人群签约覆盖率达到百分之七十五。', [['重点人群签约覆盖率', '>=', 75, '%']]),
  c('两家 after 新增', '新增两家胸痛中心。', [['胸痛中心', '>=', 2, '家']]),
  c('十五个 after 建成', '建成十五个健康主题公园。', [['健康主题公园', '>=', 15, '个']]),
  c('二十所 after 创建', '创建二十所健康促进学校。', [['健康促进学校', '>=', 20, '所']]),
  c('两万人 after 培训', '培训家庭照护者两万人。', [['家庭照护者', '>=', 2, '万人']]),

  // ratios and money
  c('a ratio keeps its second term', '医护比达到1:1.25。', [['医护比', '>=', 1.25, '']]),
  c('a full-width colon ratio under 不低于', '乡镇卫生院床护比不低于1：0.6。', [
    ['乡镇卫生院床护比', '>=', 0.6, ''],
  ]),
  c('亿元 after 争取', '争取上级补助资金1.5亿元。', [['上级补助资金', '>=', 1.5, '亿元']]),
  c('万元 after 投入', '投入设备更新资金2000万元。', [['设备更新资金', '>=', 2000, '万元']]),

  // deadlines
  c('6月底前', '6月底前完成120名乡村医生岗前培训。', [
    ['乡村医生岗前培训', '>=', 120, '名', 'level', '2024-06-30', '6月底前'],
  ]),
  c('上半年', '上半年完成40家基层医疗机构信息系统升级。', [
    ['基层医疗机构信息系统升级', '>=', 40, '家', 'level', '2024-06-30', '上半年'],
  ]),
  c('2025年底前 takes its own year', '2025年底前全市建成5个区域医疗中心。', [
    ['区域医疗中心', '>=', 5, '个', 'level', '2025-12-31', '2025年底前'],
  ]),
  c('第三季度前', '第三季度前完成20所学校的视力筛查。', [
    ['学校的视力筛查', '>=', 20, '所', 'level', '2024-09-30', '第三季度前'],
  ]),
  c('三季度末', '三季度末实现乡镇卫生院远程心电诊断覆盖率达到80%。', [
    ['乡镇卫生院远程心电诊断覆盖率', '>=', 80, '%', 'level', '2024-09-30', '三季度末'],
  ]),
  c('9月30日前', '9月30日前完成3家医院的等级评审。', [
    ['医院的等级评审', '>=', 3, '家', 'level', '2024-09-30', '9月30日前'],
  ]),
  c('年底前', '年底前家庭医生签约率达到45%。', [
    ['家庭医生签约率', '>=', 45, '%', 'level', '2024-12-31', '年底前'],
  ]),
  c(
    '年内 without a plan year has no date',
    '年内培训社区护士300名。',
    [['社区护士', '>=', 300, '名', 'level', null, '年内']],
    null,
  ),
  c('a milestone deadline in the same sentence', '新建的中医院于2026年竣工投入使用，新增床位500张。', [
    ['床位', '>=', 500, '张', 'level', '2026-12-31', '2026年竣工投入使用'],
  ]),
  c('年内 separated by a comma still applies', '年内，新增普惠托位1500个。', [
    ['普惠托位', '>=', 1500, '个', 'level', '2024-12-31', '年内'],
  ]),
  c('a deadline of another sentence does not apply', '年底前完成方案制定。全市新增托位800个。', [
    ['托位', '>=', 800, '个'],
  ]),

  // past results
  c('a sentence about last year is not a target', '2023年全市孕产妇死亡率为9.8/10万。', []),
  c('去年 is not a target', '去年全市新增托位1200个。', []),
  c('已建成 is not a target', '全市已建成胸痛中心8家。', []),
  c('截至 last year is not a target', '截至2023年底，全市累计建成标准化村卫生室520个。', []),
  c('this year after last year is a target', '2023年，全市婴儿死亡率下降到4.2‰，今年要控制在4‰以内。', [
    ['婴儿死亡率', '<=', 4, '‰'],
  ]),
  c('a year equal to the plan year is not past', '2024年二级及以上医院预约诊疗率达到60%以上。', [
    ['二级及以上医院预约诊疗率', '>=', 60, '%'],
  ]),
  c(
    'a year is not past without a plan year',
    '2023年全市新增家庭病床300张。',
    [['家庭病床', '>=', 300, '张']],
    null,
  ),

  // past results that a later clause turns away from
  c(
    'a clause after one that turns to this year is not past',
    '2023年已建成示范社区卫生服务站6个，今年新建站点10个，每个街道至少配备2名心理咨询师。',
    [
      ['站点', '>=', 10, '个'],
      ['心理咨询师', '>=', 2, '名'],
    ],
  ),
  c('回顾 a past year is not a target', '回顾2023年，全市婴儿死亡率降至3.9‰，各项工作稳步推进。', []),

  // printed comparison signs
  c('≥ right before the number is >=', '二级医院门诊电子病历使用率≥85%。', [
    ['二级医院门诊电子病历使用率', '>=', 85, '%'],
  ]),
  c('≤ after 控制在 keeps 控制在 out of the metric', '住院患者抗菌药物使用强度控制在≤40DDDs。', [
    ['住院患者抗菌药物使用强度', '<=', 40, 'DDDs'],
  ]),
  c('＜ after 降至 is <=', '新生儿死亡率降至＜3‰。', [['新生儿死亡率', '<=', 3, '‰']]),
  c('≦ in a run of targets', '甲类传染病报告及时率达到100%，急诊留观时间≦72小时。', [
    ['甲类传染病报告及时率', '=', 100, '%'],
    ['急诊留观时间', '<=', 72, '小时'],
  ]),

  // per-population denominators printed before the number
  c('每千人口 before the number belongs to the measure', '养老机构护理型床位数达到每千名老年人12张。', [
    ['养老机构护理型床位数', '>=', 12, '张'],
  ]),
  c('每万常住人口 before the number', '注册护士数提高到每千常住人口4.1人。', [
    ['注册护士数', '>=', 4.1, '人'],
  ]),
  c('a per-population metric keeps its own 每万人口', '每万人口拥有公共卫生人员数达到8.2名。', [
    ['每万人口拥有公共卫生人员数', '>=', 8.2, '名'],
  ]),
  c('a count per facility after 至少有', '每个社区卫生服务中心至少有2名康复治疗师。', [
    ['康复治疗师', '>=', 2, '名'],
  ]),
  c('a count per facility after 不少于', '每个村卫生室乡村医生不少于1名。', [['乡村医生', '>=', 1, '名']]),

  // not targets
  c(
    'a document number',
    '根据《关于印发健康城市建设方案的通知》（卫健发〔2023〕12号）要求，做好相关工作。',
    [],
  ),
  c('a phone number', '咨询电话：0771-2803456。', []),
  c('an article number', '按照第12条规定执行。', []),
  c('十四五 in quotes', '认真落实“十四五”卫生健康规划。', []),
  c('quoted counted phrases', '坚持“两个维护”，落实“一岗双责”。', []),
  c('an age qualifier', '加强3岁以下婴幼儿照护服务。', []),
  c('an age range', '落实0-6岁儿童眼保健。', []),
  c('65岁及以上 qualifies a population', '为65岁及以上老年人提供健康体检。', []),
  c('a hospital grade', '推进二级以上医院预约诊疗。', []),
  c('a 1+6 scheme name', '贯彻“1+6”政策体系。', []),
  c('slogans with Chinese counts', '统筹推进“三医”联动改革，实施八大行动。', []),
  c('an ordinal count', '配合开展第四次全国卫生服务调查。', []),
  c('a date', '2024年6月底召开全市卫生健康工作会议。', []),
  c('a frequency', '每年开展一次应急演练。', []),
  c('5G', '上线5G急救系统。', []),
  c('a full date', '于2024年3月15日印发实施。', []),
  c('a hotline', '开通12345热线。', []),
  c('四早 in quotes', '严格落实“四早”要求。', []),
  c('an anniversary', '庆祝建党100周年。', []),
  c('a range of years', '实施2024—2027年行动计划。', []),
  c('全覆盖 is not a number', '全面实现乡镇卫生院中医馆全覆盖。', []),
  c('a timestamp', '发布日期：2024-03-12 10:15:30。', []),
  c('an article-like 一支', '组建一支应急医疗队。', []),
  c('a slogan count after a weak verb', '统筹抓好十项重点工作，落实三项机制。', []),
  c('a quoted number', '深入实施“健康365”工程。', []),
  c('a count in an explaining bracket', '落实“3+2”方案（一个总体方案加4个配套方案）。', []),
  c('a baseline after 由 is not a target', '孕产妇住院分娩率由96%提高到98%。', [
    ['孕产妇住院分娩率', '>=', 98, '%'],
  ]),
  c('a diabetes type', '开展2型糖尿病患者健康管理。', []),
  c('book titles', '贯彻《健康中国行动（2019—2030年）》。', []),
  c('a scope count after 在', '在6个试点县推行医保打包付费。', []),
  c('a count of what exists', '组织全市12家三级医院开展对口帮扶。', []),
  c('a stock count with 以上 is a commitment', '力争全市20个以上乡镇创成省级卫生乡镇。', [
    ['乡镇', '>=', 20, '个'],
  ]),
  c('a share before its noun', '推动90%以上的乡镇卫生院达到服务能力推荐标准。', [
    ['乡镇卫生院', '>=', 90, '%'],
  ]),

  // units that are targets only after a level word
  c('岁 after 提高到 is a life-expectancy target', '全区人均预期寿命提高到80.5岁以上。', [
    ['人均预期寿命', '>=', 80.5, '岁'],
  ]),
  c('岁 after 达到 with the clause going on', '居民人均预期寿命达到78岁，健康素养水平提高到30%。', [
    ['居民人均预期寿命', '>=', 78, '岁'],
    ['健康素养水平', '>=', 30, '%'],
  ]),
  c(
    'an age with a population noun after it stays a qualifier',
    '重点做好3岁以下婴幼儿和65岁及以上老年人健康服务。',
    [],
  ),
  c('an age after 为 is no target', '筛查对象年龄为35岁以上居民。', []),
  c('分 after 在…以上 is a score target', '患者就医满意度在88分以上。', [['患者就医满意度', '>=', 88, '分']]),
  c('分 after 不低于', '公立医院绩效考核得分不低于90分。', [['公立医院绩效考核得分', '>=', 90, '分']]),
  c('在 a count of places is a scope, not a level', '在30个以上乡镇推行家庭病床服务。', []),
  c('级 after 达到 is a target', '二级以上医院电子病历应用水平平均级别达到4级以上。', [
    ['二级以上医院电子病历应用水平平均级别', '>=', 4, '级'],
  ]),
  c('a hospital grade after 达到 stays a grade', '推动县中医院达到二级甲等医院标准。', []),
  c('类 counts kinds of services after a verb', '每个乡镇卫生院推广8类以上中医适宜技术。', [
    ['中医适宜技术', '>=', 8, '类'],
  ]),
  c('至少 before a verb makes a round count a target', '年内至少组织一轮基层医疗机构巡查。', [
    ['基层医疗机构巡查', '>=', 1, '轮', 'level', '2024-12-31', '年内'],
  ]),
  c('至少 before 开设 names the thing after the count', '每个县区至少开设3个儿童友好门诊。', [
    ['儿童友好门诊', '>=', 3, '个'],
  ]),
  c('一成 after 减少 is a change of 1 成', '重点人群肺结核发病数较上年减少一成。', [
    ['重点人群肺结核发病数', '>=', 1, '成', 'change'],
  ]),
  c('a Latin unit after 控制在', '门诊抗菌药物使用强度控制在30DDDs以下。', [
    ['门诊抗菌药物使用强度', '<=', 30, 'DDDs'],
  ]),
  c('one Latin letter stays a model', '建成5G远程会诊系统。', []),
  c('a money unit per bed', '改扩建床位补助标准不低于5万元/床。', [
    ['改扩建床位补助标准', '>=', 5, '万元/床'],
  ]),
  c('a count per thousand people', '每千人口护士数达到3.6人/千人。', [
    ['每千人口护士数', '>=', 3.6, '人/千人'],
  ]),
  c('beds per thousand people', '医疗卫生机构床位达到6.8张/千人口。', [
    ['医疗卫生机构床位', '>=', 6.8, '张/千人口'],
  ]),
  c('颗 counts teeth', '年内完成2.5万颗适龄儿童窝沟封闭。', [
    ['适龄儿童窝沟封闭', '>=', 2.5, '万颗', 'level', '2024-12-31', '年内'],
  ]),

  // ops
  c('完成 with money is >=', '全年完成医疗卫生项目投资4.2亿元。', [
    ['医疗卫生项目投资', '>=', 4.2, '亿元', 'level', '2024-12-31', '全年'],
  ]),
  c('a per-head standard after 按 is exact', '城乡居民医保财政补助标准按每人每年670元执行。', [
    ['城乡居民医保财政补助标准', '=', 670, '元'],
  ]),
  c(
    'a per-head standard after 为 keeps the noun with a verb in it',
    '家庭医生签约服务补助标准为每人每年15元。',
    [['家庭医生签约服务补助标准', '=', 15, '元']],
  ),
  c('a per-head standard after 提高到 is a level to reach', '人均健康教育经费提高到每人每年8元。', [
    ['人均健康教育经费', '>=', 8, '元'],
  ]),
  c('约 inside 预约 is not 约', '二级以上医院分时段预约诊疗率100%。', [
    ['二级以上医院分时段预约诊疗率', '=', 100, '%'],
  ]),
  c('达 inside 达标 is not 达', '医疗废物规范处置达标率100%。', [['医疗废物规范处置达标率', '=', 100, '%']]),

  // one value shared by a list of measures
  c('均 after two rates gives one target each', '产前筛查率、新生儿听力筛查率均保持在90%以上。', [
    ['产前筛查率', '>=', 90, '%'],
    ['新生儿听力筛查率', '>=', 90, '%'],
  ]),
  c('都 after rates joined by 和', '院感监测覆盖率和手卫生依从率都达到95%。', [
    ['院感监测覆盖率', '>=', 95, '%'],
    ['手卫生依从率', '>=', 95, '%'],
  ]),
  c('subjects of one measure stay one metric', '孕妇、产妇和新生儿系统管理率均达到90%以上。', [
    ['孕妇、产妇和新生儿系统管理率', '>=', 90, '%'],
  ]),
  c(
    'subjects before the last measure go with it',
    '食品安全标准备案率、企业负责人和从业人员培训率达到90%。',
    [
      ['食品安全标准备案率', '>=', 90, '%'],
      ['企业负责人和从业人员培训率', '>=', 90, '%'],
    ],
  ),

  // metrics
  c(
    'an adverb before the op of the previous clause gives way to its object',
    '合理提高护理人员占卫生技术人员的比例，逐步达到50%。',
    [['护理人员占卫生技术人员的比例', '>=', 50, '%']],
  ),
  c('sub-groups after a measure share it', '全人群丙肝抗体检测比例城区达到22%、乡镇达到15%。', [
    ['全人群丙肝抗体检测比例', '>=', 22, '%'],
    ['全人群丙肝抗体检测比例', '>=', 15, '%'],
  ]),
  c(
    'groups with their own per-head amounts keep their own names',
    '按城镇人口每人每年60元、农村人口每人每年55元的标准安排经费。',
    [
      ['城镇人口', '=', 60, '元'],
      ['农村人口', '=', 55, '元'],
    ],
  ),
  c('a leading verb is cut from the metric before 不少于', '推出家庭医生特色服务包不少于6类。', [
    ['家庭医生特色服务包', '>=', 6, '类'],
  ]),
  c('a count after 等 sums up a list', '做好食道癌、胃癌等18种重大疾病的专项救治。', []),
];

function checkConsistency(text: string, start: number, end: number, targets: Target[]): void {
  for (const t of targets) {
    expect(t.source.start).toBeGreaterThanOrEqual(start);
    expect(t.source.end).toBeLessThanOrEqual(end);
    expect(t.text).toBe(text.slice(t.source.start, t.source.end));
    expect(t.text.includes(t.metric) || t.metric === '').toBe(true);
    expect(t.metric).not.toMatch(/[，。；]/u);
  }
}

describe('extractTargets on sentences in the genre', () => {
  it('has at least 80 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((k) => [k.name, k] as const))('%s', (_name, k) => {
    // Surround the sentence with other text and scan only its span: sources must stay absolute.
    const prefix = '前文说明。';
    const text = `${prefix}${k.sentence}后文说明。`;
    const start = prefix.length;
    const end = start + k.sentence.length;
    const got = extractTargets(text, { start, end }, { year: k.year });
    checkConsistency(text, start, end, got);
    const simplified = got.map((t) => [t.metric, t.op, t.value, t.unit, t.basis, t.deadline, t.deadlineText]);
    const expected = k.expected.map(([metric, op, value, unit, basis, deadline, deadlineText]) => [
      metric,
      op,
      value,
      unit,
      basis ?? 'level',
      deadline ?? null,
      deadlineText ?? null,
    ]);
    expect(simplified).toEqual(expected);
  });
});

describe('extractTargets scanning rules', () => {
  it('reads only inside the span it is given', () => {
    const text = '孕产妇死亡率控制在10/10万以下。婴儿死亡率控制在5‰以内。';
    const second = text.indexOf('婴儿');
    const got = extractTargets(text, { start: second, end: text.length }, { year: Y });
    expect(got.map((t) => t.metric)).toEqual(['婴儿死亡率']);
  });

  it('counts a target restated twice as two targets', () => {
    const text = '推进40个村卫生室建设。重点工作：推进40个村卫生室建设。';
    const got = extractTargets(text, { start: 0, end: text.length }, { year: Y });
    expect(got).toHaveLength(2);
    expect(got[1]?.source.start).toBeGreaterThan(got[0]?.source.end ?? Infinity);
  });

  it('clamps a span that runs past the text', () => {
    const text = '药占比不超过28%。';
    const got = extractTargets(text, { start: -5, end: 1000 }, { year: Y });
    expect(got.map((t) => t.value)).toEqual([28]);
  });

  it('returns nothing for an empty span', () => {
    expect(extractTargets('药占比不超过28%。', { start: 3, end: 3 }, { year: Y })).toEqual([]);
  });
});
