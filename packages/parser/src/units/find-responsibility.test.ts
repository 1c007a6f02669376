import { describe, it, expect } from 'vitest';
import { findResponsibility } from './find-responsibility.js';

interface Case {
  name: string;
  /** The item's own text. */
  item: string;
  /** The clause as printed (span text), brackets included. */
  clause: string;
  units: string[];
  lead?: string[];
  support?: string[];
}

const read = (item: string) => findResponsibility(item, { start: 0, end: item.length });

// Original sentences in the genre; every clause style, bracket, colon and separator variant.
const CLAUSES: Case[] = [
  {
    name: 'a unit name ending in a bracketed note (各街道（园区）) on an own-line clause stays one unit',
    item: '开展城乡环境卫生整治。\n责任单位：各街道（园区）、区卫生健康局',
    clause: '责任单位：各街道（园区）、区卫生健康局',
    units: ['各街道（园区）', '区卫生健康局'],
  },
  {
    name: 'a bracketed note after a unit name in a labelled support line (区人民医院（含分院）)',
    item: '推进病媒生物防制。\n牵头单位：区卫生健康局\n配合单位：区人民医院（含分院）、各街道（园区）',
    clause: '牵头单位：区卫生健康局\n配合单位：区人民医院（含分院）、各街道（园区）',
    units: ['区卫生健康局', '区人民医院（含分院）', '各街道（园区）'],
    lead: ['区卫生健康局'],
    support: ['区人民医院（含分院）', '各街道（园区）'],
  },
  {
    name: 'regression: county 股 sections on their own line (医政股 was not read as a unit)',
    item: '推进胸痛中心建设，年内通过省级认证。\n牵头单位：医政股；配合单位：县人民医院、基层股',
    clause: '牵头单位：医政股；配合单位：县人民医院、基层股',
    units: ['医政股', '县人民医院', '基层股'],
    lead: ['医政股'],
    support: ['县人民医院', '基层股'],
  },
  {
    name: 'full-width brackets, one lead, the rest 按职责分工负责 with a nested 县（市、区）',
    item: '深化县域医共体改革，推动优质资源下沉。（体改科牵头，财务科、基层卫生科，各县（市、区）卫生健康局按职责分工负责）',
    clause: '（体改科牵头，财务科、基层卫生科，各县（市、区）卫生健康局按职责分工负责）',
    units: ['体改科', '财务科', '基层卫生科', '各县（市、区）卫生健康局'],
    lead: ['体改科'],
    support: ['财务科', '基层卫生科', '各县（市、区）卫生健康局'],
  },
  {
    name: 'half-width brackets and commas',
    item: '完善院前急救网络,缩短急救反应时间。(急救指挥中心牵头,医政科配合)',
    clause: '(急救指挥中心牵头,医政科配合)',
    units: ['急救指挥中心', '医政科'],
    lead: ['急救指挥中心'],
    support: ['医政科'],
  },
  {
    name: 'mixed brackets, collective names only, no lead',
    item: '统筹做好全年各项工作。(委机关各科室，市计生协,委直属单位,各县市区卫生健康局按职责分工负责）',
    clause: '(委机关各科室，市计生协,委直属单位,各县市区卫生健康局按职责分工负责）',
    units: ['委机关各科室', '市计生协', '委直属单位', '各县市区卫生健康局'],
  },
  {
    name: '责任科室 with a full-width colon: units only',
    item: '做好干部教育培训，全年举办专题班三期。（责任科室：组织人事科、科教科）',
    clause: '（责任科室：组织人事科、科教科）',
    units: ['组织人事科', '科教科'],
  },
  {
    name: '责任科室 with a half-width colon',
    item: '规范专项资金管理。（责任科室:财务审计科）',
    clause: '（责任科室:财务审计科）',
    units: ['财务审计科'],
  },
  {
    name: '责任单位 whose list prints its own roles',
    item: '推进医保支付方式改革。（责任单位：市卫健委牵头，市医保局、市财政局配合）',
    clause: '（责任单位：市卫健委牵头，市医保局、市财政局配合）',
    units: ['市卫健委', '市医保局', '市财政局'],
    lead: ['市卫健委'],
    support: ['市医保局', '市财政局'],
  },
  {
    name: '牵头单位/配合单位 on the item’s last line',
    item: '推进智慧医院建设，年内完成电子病历评级。\n牵头单位：规划信息科；配合单位：医政医管科、财务科',
    clause: '牵头单位：规划信息科；配合单位：医政医管科、财务科',
    units: ['规划信息科', '医政医管科', '财务科'],
    lead: ['规划信息科'],
    support: ['医政医管科', '财务科'],
  },
  {
    name: '牵头部门/配合部门 with half-width colons and semicolons inside brackets',
    item: '开展学校传染病防控督导。（牵头部门:疾控科;配合部门:卫生监督所、疾控中心）',
    clause: '（牵头部门:疾控科;配合部门:卫生监督所、疾控中心）',
    units: ['疾控科', '卫生监督所', '疾控中心'],
    lead: ['疾控科'],
    support: ['卫生监督所', '疾控中心'],
  },
  {
    name: '协办单位 separated from 牵头单位 by spaces',
    item: '实施出生缺陷综合防治项目。\n牵头单位：妇幼健康科  协办单位：市妇幼保健院',
    clause: '牵头单位：妇幼健康科  协办单位：市妇幼保健院',
    units: ['妇幼健康科', '市妇幼保健院'],
    lead: ['妇幼健康科'],
    support: ['市妇幼保健院'],
  },
  {
    name: '参与单位 and a 完成时限 field inside the clause',
    item: '推进安宁疗护试点。（牵头单位：老龄健康科；参与单位：医政医管科、中医科；完成时限：2025年10月底）',
    clause: '（牵头单位：老龄健康科；参与单位：医政医管科、中医科；完成时限：2025年10月底）',
    units: ['老龄健康科', '医政医管科', '中医科'],
    lead: ['老龄健康科'],
    support: ['医政医管科', '中医科'],
  },
  {
    name: 'X牵头，Y、Z配合',
    item: '建设中医优势专科集群。（中医科牵头，医政医管科、科教科配合）',
    clause: '（中医科牵头，医政医管科、科教科配合）',
    units: ['中医科', '医政医管科', '科教科'],
    lead: ['中医科'],
    support: ['医政医管科', '科教科'],
  },
  {
    name: 'two leads and nothing else',
    item: '持续改善护理服务。（医政医管科、护理部牵头）',
    clause: '（医政医管科、护理部牵头）',
    units: ['医政医管科', '护理部'],
    lead: ['医政医管科', '护理部'],
    support: [],
  },
  {
    name: '由X负责 as the last sentence: units only',
    item: '全年开展两次专项督查，由综合监督科负责。',
    clause: '由综合监督科负责',
    units: ['综合监督科'],
  },
  {
    name: '由X牵头，Y配合 followed by prose',
    item: '由疾控科牵头，卫生监督所配合，开展学校卫生专项检查。',
    clause: '由疾控科牵头，卫生监督所配合',
    units: ['疾控科', '卫生监督所'],
    lead: ['疾控科'],
    support: ['卫生监督所'],
  },
  {
    name: '由X负责组织实施 stops at the role word',
    item: '年度目标考核工作由规划信息科负责组织实施。',
    clause: '由规划信息科负责',
    units: ['规划信息科'],
  },
  {
    name: 'bracketed clause on its own last line',
    item: '建立重点项目包抓制度，每月调度一次。\n（规划信息科牵头，财务科配合）',
    clause: '（规划信息科牵头，财务科配合）',
    units: ['规划信息科', '财务科'],
    lead: ['规划信息科'],
    support: ['财务科'],
  },
  {
    name: 'bare clause on its own last line',
    item: '开展安全生产大检查。\n办公室牵头，委机关各科室配合',
    clause: '办公室牵头，委机关各科室配合',
    units: ['办公室', '委机关各科室'],
    lead: ['办公室'],
    support: ['委机关各科室'],
  },
  {
    name: 'bare clause as the last sentence of the paragraph',
    item: '开展无偿献血宣传活动。医政医管科牵头，市中心血站配合。',
    clause: '医政医管科牵头，市中心血站配合',
    units: ['医政医管科', '市中心血站'],
    lead: ['医政医管科'],
    support: ['市中心血站'],
  },
  {
    name: '等有关科室 tail names each unit before it',
    item: '提升基层服务能力。（医政医管科牵头，妇幼健康科、疾控科等有关科室按职责分工负责）',
    clause: '（医政医管科牵头，妇幼健康科、疾控科等有关科室按职责分工负责）',
    units: ['医政医管科', '妇幼健康科', '疾控科'],
    lead: ['医政医管科'],
    support: ['妇幼健康科', '疾控科'],
  },
  {
    name: '等相关单位 tail without a lead',
    item: '做好饮用水卫生监测。（疾控科、卫生监督所等相关单位按职责分工负责）',
    clause: '（疾控科、卫生监督所等相关单位按职责分工负责）',
    units: ['疾控科', '卫生监督所'],
  },
  {
    name: 'trailing 等 after a collective name',
    item: '打造中医药文化品牌。（中医科牵头，各县区卫生健康局等按职责分工负责）',
    clause: '（中医科牵头，各县区卫生健康局等按职责分工负责）',
    units: ['中医科', '各县区卫生健康局'],
    lead: ['中医科'],
    support: ['各县区卫生健康局'],
  },
  {
    name: 'collective names kept as printed',
    item: '落实意识形态工作责任制。（委机关各有关科室，委直属各单位按职责分工负责）',
    clause: '（委机关各有关科室，委直属各单位按职责分工负责）',
    units: ['委机关各有关科室', '委直属各单位'],
  },
  {
    name: '分别负责',
    item: '推动两个中心项目建设。（医政医管科、中医科分别负责）',
    clause: '（医政医管科、中医科分别负责）',
    units: ['医政医管科', '中医科'],
  },
  {
    name: '协办',
    item: '修订行政执法裁量基准。（法规科牵头，各县区卫健局协办）',
    clause: '（法规科牵头，各县区卫健局协办）',
    units: ['法规科', '各县区卫健局'],
    lead: ['法规科'],
    support: ['各县区卫健局'],
  },
  {
    name: '参与',
    item: '组织医学科研课题申报。（科教科牵头，各三级医院参与）',
    clause: '（科教科牵头，各三级医院参与）',
    units: ['科教科', '各三级医院'],
    lead: ['科教科'],
    support: ['各三级医院'],
  },
  {
    name: 'a clause followed by a separate deadline bracket',
    item: '完成二级医院评审工作。（医政医管科牵头）（2024年6月底前）',
    clause: '（医政医管科牵头）',
    units: ['医政医管科'],
    lead: ['医政医管科'],
  },
  {
    name: 'a deadline written inside the clause',
    item: '建成区域检验中心。（医政医管科牵头，2025年底前完成）',
    clause: '（医政医管科牵头，2025年底前完成）',
    units: ['医政医管科'],
    lead: ['医政医管科'],
  },
  {
    name: 'half-width colon and semicolon without brackets',
    item: '推进合理用药监测。\n牵头单位:药政科;配合单位:中医科,疾控科',
    clause: '牵头单位:药政科;配合单位:中医科,疾控科',
    units: ['药政科', '中医科', '疾控科'],
    lead: ['药政科'],
    support: ['中医科', '疾控科'],
  },
  {
    name: 'units separated by spaces',
    item: '做好汛期防病工作。（责任科室：医政科 中医科 疾控科）',
    clause: '（责任科室：医政科 中医科 疾控科）',
    units: ['医政科', '中医科', '疾控科'],
  },
  {
    name: 'units separated by ideographic spaces',
    item: '开展中医适宜技术推广。（责任科室：医政科\u3000中医科）',
    clause: '（责任科室：医政科\u3000中医科）',
    units: ['医政科', '中医科'],
  },
  {
    name: 'the 、 inside 各县（市、区） does not split the name',
    item: '推进家庭医生签约服务。（基层卫生科牵头，各县（市、区）卫生健康局配合）',
    clause: '（基层卫生科牵头，各县（市、区）卫生健康局配合）',
    units: ['基层卫生科', '各县（市、区）卫生健康局'],
    lead: ['基层卫生科'],
    support: ['各县（市、区）卫生健康局'],
  },
  {
    name: 'a clause followed by a full stop',
    item: '巩固血吸虫病防治成果。（疾控科牵头，各县区卫健局配合）。',
    clause: '（疾控科牵头，各县区卫健局配合）',
    units: ['疾控科', '各县区卫健局'],
    lead: ['疾控科'],
    support: ['各县区卫健局'],
  },
  {
    name: '和 between two units splits them; both lead',
    item: '推进中西医协同旗舰医院建设。（医政医管科和中医科牵头，财务科配合）',
    clause: '（医政医管科和中医科牵头，财务科配合）',
    units: ['医政医管科', '中医科', '财务科'],
    lead: ['医政医管科', '中医科'],
    support: ['财务科'],
  },
  {
    name: '和 inside a collective name does not split it',
    item: '深化清廉医院建设。（机关党委牵头，委直属和联系单位按职责分工负责）',
    clause: '（机关党委牵头，委直属和联系单位按职责分工负责）',
    units: ['机关党委', '委直属和联系单位'],
    lead: ['机关党委'],
    support: ['委直属和联系单位'],
  },
  {
    name: '牵头科室 alone',
    item: '编制区域卫生规划。（牵头科室：规划信息科）',
    clause: '（牵头科室：规划信息科）',
    units: ['规划信息科'],
    lead: ['规划信息科'],
    support: [],
  },
  {
    name: '负责单位 label',
    item: '开展公共场所卫生监督抽检。（负责单位：卫生监督所）',
    clause: '（负责单位：卫生监督所）',
    units: ['卫生监督所'],
  },
  {
    name: 'place names count as units where the clause prints a role word',
    item: '推进国家卫生城市复审迎检。（东湖区、西湖区负责）',
    clause: '（东湖区、西湖区负责）',
    units: ['东湖区', '西湖区'],
  },
  {
    name: 'collectives starting with 各',
    item: '加强乡村医疗卫生机构一体化管理。（各乡镇卫生院、各村卫生室按职责分工负责）',
    clause: '（各乡镇卫生院、各村卫生室按职责分工负责）',
    units: ['各乡镇卫生院', '各村卫生室'],
  },
  {
    name: 'a 责任领导 field names no unit',
    item: '推进重点项目前期工作。（责任领导：分管副主任；责任科室：医政医管科）',
    clause: '（责任领导：分管副主任；责任科室：医政医管科）',
    units: ['医政医管科'],
  },
  {
    name: '责任单位 on its own last line without brackets',
    item: '完善重大疫情监测预警体系。\n责任单位：市疾控中心、各县（市、区）疾控中心',
    clause: '责任单位：市疾控中心、各县（市、区）疾控中心',
    units: ['市疾控中心', '各县（市、区）疾控中心'],
  },
  {
    name: '牵头负责',
    item: '深入开展爱国卫生运动。（爱卫办牵头负责，各成员单位配合）',
    clause: '（爱卫办牵头负责，各成员单位配合）',
    units: ['爱卫办', '各成员单位'],
    lead: ['爱卫办'],
    support: ['各成员单位'],
  },
  {
    name: '负责 and 配合 without 牵头: nobody singled out',
    item: '开展医疗美容专项整治。（医政科负责，综合监督科配合）',
    clause: '（医政科负责，综合监督科配合）',
    units: ['医政科', '综合监督科'],
    lead: [],
    support: [],
  },
  {
    name: 'a clause at the end of a line that is not the last',
    item: '完善分级诊疗制度（体改科牵头）\n推动常见病、多发病在基层首诊。',
    clause: '（体改科牵头）',
    units: ['体改科'],
    lead: ['体改科'],
  },
  {
    name: 'a unit printed twice is listed once',
    item: '推进临床路径管理。（医政科牵头，医政科、中医科配合）',
    clause: '（医政科牵头，医政科、中医科配合）',
    units: ['医政科', '中医科'],
    lead: ['医政科'],
    support: ['中医科'],
  },
  {
    name: 'a list without role words after a full stop',
    item: '加强财务内控建设。（财务科、审计科）',
    clause: '（财务科、审计科）',
    units: ['财务科', '审计科'],
  },
  {
    name: 'a parenthetical note before the real clause',
    item: '推进市中心医院（市急救中心）新院区建设。（规划信息科牵头，市中心医院配合）',
    clause: '（规划信息科牵头，市中心医院配合）',
    units: ['规划信息科', '市中心医院'],
    lead: ['规划信息科'],
    support: ['市中心医院'],
  },
  {
    name: 'a clause with numbers in unit names',
    item: '提升院前急救能力。（120急救指挥中心、市第一人民医院牵头，各县区卫健局配合）',
    clause: '（120急救指挥中心、市第一人民医院牵头，各县区卫健局配合）',
    units: ['120急救指挥中心', '市第一人民医院', '各县区卫健局'],
    lead: ['120急救指挥中心', '市第一人民医院'],
    support: ['各县区卫健局'],
  },
  {
    name: 'a roles list where supporting units carry no role word',
    item: '推进人口监测工作。（人口家庭科牵头，市计生协，各县区卫健局）',
    clause: '（人口家庭科牵头，市计生协，各县区卫健局）',
    units: ['人口家庭科', '市计生协', '各县区卫健局'],
    lead: ['人口家庭科'],
    support: ['市计生协', '各县区卫健局'],
  },
  {
    name: 'a role printed as a bracketed note',
    item: '开展控烟宣传。（健康促进中心（牵头）、各县区卫健局）',
    clause: '（健康促进中心（牵头）、各县区卫健局）',
    units: ['健康促进中心', '各县区卫健局'],
    lead: ['健康促进中心'],
    support: ['各县区卫健局'],
  },
  {
    name: '配合 before the lead',
    item: '开展职业健康保护行动。（职业健康科、卫生监督所配合，疾控科牵头）',
    clause: '（职业健康科、卫生监督所配合，疾控科牵头）',
    units: ['职业健康科', '卫生监督所', '疾控科'],
    lead: ['疾控科'],
    support: ['职业健康科', '卫生监督所'],
  },
  {
    name: '协办部门 label with 牵头部门',
    item: '推进智慧健康养老示范建设。\n牵头部门：老龄健康科，协办部门：规划信息科、各县区卫健局',
    clause: '牵头部门：老龄健康科，协办部门：规划信息科、各县区卫健局',
    units: ['老龄健康科', '规划信息科', '各县区卫健局'],
    lead: ['老龄健康科'],
    support: ['规划信息科', '各县区卫健局'],
  },
  {
    name: '按照职责分工负责 and 共同负责',
    item: '做好重大活动医疗保障。（应急办、医政医管科共同负责，各直属医院按照职责分工负责）',
    clause: '（应急办、医政医管科共同负责，各直属医院按照职责分工负责）',
    units: ['应急办', '医政医管科', '各直属医院'],
  },
  {
    name: 'one label per line',
    item: '开展学生常见病监测。\n牵头单位：市卫生健康委\n配合单位：市教育局、市民政局',
    clause: '牵头单位：市卫生健康委\n配合单位：市教育局、市民政局',
    units: ['市卫生健康委', '市教育局', '市民政局'],
    lead: ['市卫生健康委'],
    support: ['市教育局', '市民政局'],
  },
  {
    name: 'bare 牵头：/配合： labels',
    item: '推进检查检验结果互认。（牵头：医政科；配合：规划信息科、财务科）',
    clause: '（牵头：医政科；配合：规划信息科、财务科）',
    units: ['医政科', '规划信息科', '财务科'],
    lead: ['医政科'],
    support: ['规划信息科', '财务科'],
  },
  {
    name: '为牵头单位 / 为配合单位 predicates',
    item: '推进互联网医院建设。（规划信息科为牵头单位，医政科为配合单位）',
    clause: '（规划信息科为牵头单位，医政科为配合单位）',
    units: ['规划信息科', '医政科'],
    lead: ['规划信息科'],
    support: ['医政科'],
  },
  {
    name: '落实 as a role word',
    item: '严格执行院感防控制度。（医政医管科牵头，各医疗机构落实）',
    clause: '（医政医管科牵头，各医疗机构落实）',
    units: ['医政医管科', '各医疗机构'],
    lead: ['医政医管科'],
    support: ['各医疗机构'],
  },
  {
    name: 'a clause followed by a 完成时限 field on the same line',
    item: '修订突发事件应急预案。（应急办牵头）完成时限：2024年9月',
    clause: '（应急办牵头）',
    units: ['应急办'],
    lead: ['应急办'],
  },
  {
    name: 'a clause followed by a bare deadline',
    item: '完成妇幼保健院等级评审。（妇幼健康科牵头）2025年底前完成。',
    clause: '（妇幼健康科牵头）',
    units: ['妇幼健康科'],
    lead: ['妇幼健康科'],
  },
  {
    name: 'a multi-agency clause with 人民政府',
    item: '推进紧密型县域医共体建设。（市卫生健康委、市医保局牵头，各县（市、区）人民政府负责）',
    clause: '（市卫生健康委、市医保局牵头，各县（市、区）人民政府负责）',
    units: ['市卫生健康委', '市医保局', '各县（市、区）人民政府'],
    lead: ['市卫生健康委', '市医保局'],
    support: ['各县（市、区）人民政府'],
  },
  {
    name: 'a bare list of several units on its own last line',
    item: '推进全民健康信息平台建设。\n规划信息科、医政医管科、市卫生信息中心',
    clause: '规划信息科、医政医管科、市卫生信息中心',
    units: ['规划信息科', '医政医管科', '市卫生信息中心'],
  },
  {
    name: 'a 分管领导 field before 责任股室: the leader is skipped, the 股室 are units',
    item: '推进乡镇卫生院等级评审，年内新增达标机构5家。（分管领导：王某某；责任股室：基层股、医政股）',
    clause: '（分管领导：王某某；责任股室：基层股、医政股）',
    units: ['基层股', '医政股'],
  },
  {
    name: '责任股室 with a 时间节点 field after it',
    item: '规范预防接种门诊建设。（责任股室：疾控股、公卫股；时间节点：9月底前）',
    clause: '（责任股室：疾控股、公卫股；时间节点：9月底前）',
    units: ['疾控股', '公卫股'],
  },
  {
    name: '责任股 and a 完成时限 field',
    item: '完成县级妇幼保健机构绩效评价。（责任股：妇幼股；完成时限：年内）',
    clause: '（责任股：妇幼股；完成时限：年内）',
    units: ['妇幼股'],
  },
  {
    name: '承办股室 as a unit label',
    item: '组织基层医务人员轮训。（承办股室：人事股、基层股）',
    clause: '（承办股室：人事股、基层股）',
    units: ['人事股', '基层股'],
  },
  {
    name: '责任处室 as a unit label',
    item: '修订医疗机构校验管理办法。（责任处室：医政处、法规处）',
    clause: '（责任处室：医政处、法规处）',
    units: ['医政处', '法规处'],
  },
  {
    name: 'a deadline without a colon (时间节点6月底前) inside the clause',
    item: '完成村卫生室标准化改造。（基层股牵头，规财股配合，时间节点6月底前）',
    clause: '（基层股牵头，规财股配合，时间节点6月底前）',
    units: ['基层股', '规财股'],
    lead: ['基层股'],
    support: ['规财股'],
  },
  {
    name: '责任单位 then 牵头领导 on the last line: the leader is no unit and 牵头领导 is no role',
    item: '开展母婴安全专项督查，全年覆盖全部助产机构。\n责任单位：妇幼健康科、市妇幼保健院；牵头领导：孙某某',
    clause: '责任单位：妇幼健康科、市妇幼保健院；牵头领导：孙某某',
    units: ['妇幼健康科', '市妇幼保健院'],
  },
  {
    name: 'a 分管领导 field naming two people after the units',
    item: '推进医养结合机构规范化建设。\n责任单位：老龄健康科、市康复医院；分管领导：钱某某、郑某某',
    clause: '责任单位：老龄健康科、市康复医院；分管领导：钱某某、郑某某',
    units: ['老龄健康科', '市康复医院'],
  },
  {
    name: 'a leader named without a colon, then units with their roles after a comma',
    item: '开展托育机构安全隐患排查。（包抓领导 冯某某，人口家庭股牵头，公卫股配合）',
    clause: '（包抓领导 冯某某，人口家庭股牵头，公卫股配合）',
    units: ['人口家庭股', '公卫股'],
    lead: ['人口家庭股'],
    support: ['公卫股'],
  },
  {
    name: 'a 联系领导 field followed by a roled list in the same segment',
    item: '推进健康县城建设。（联系领导：韩某某，健康促进股牵头，各乡镇卫生院配合）',
    clause: '（联系领导：韩某某，健康促进股牵头，各乡镇卫生院配合）',
    units: ['健康促进股', '各乡镇卫生院'],
    lead: ['健康促进股'],
    support: ['各乡镇卫生院'],
  },
  {
    name: 'a (牵头) note on the second unit marks that unit only',
    item: '推进院前急救体系建设。\n责任单位：财务科、医政科（牵头）、市急救中心',
    clause: '责任单位：财务科、医政科（牵头）、市急救中心',
    units: ['财务科', '医政科', '市急救中心'],
    lead: ['医政科'],
    support: ['财务科', '市急救中心'],
  },
  {
    name: 'X、Y共同牵头: two leads, the 参与 unit supports',
    item: '编制省级区域医疗中心建设方案。（医政处、规划处共同牵头，财务处参与）',
    clause: '（医政处、规划处共同牵头，财务处参与）',
    units: ['医政处', '规划处', '财务处'],
    lead: ['医政处', '规划处'],
    support: ['财务处'],
  },
  {
    name: 'X、Y分别牵头 with a 协办 unit',
    item: '实施急诊急救能力提升工程。（应急处、医政处分别牵头，财务处协办）',
    clause: '（应急处、医政处分别牵头，财务处协办）',
    units: ['应急处', '医政处', '财务处'],
    lead: ['应急处', '医政处'],
    support: ['财务处'],
  },
  {
    name: 'X、Y联合牵头 alone',
    item: '推进医学教育协同创新。（科教处、人事处联合牵头）',
    clause: '（科教处、人事处联合牵头）',
    units: ['科教处', '人事处'],
    lead: ['科教处', '人事处'],
  },
  {
    name: 'X牵头负责 with a 参与 unit',
    item: '完善公立医院绩效考核指标体系。（财务处牵头负责，医政处参与）',
    clause: '（财务处牵头负责，医政处参与）',
    units: ['财务处', '医政处'],
    lead: ['财务处'],
    support: ['医政处'],
  },
  {
    name: '由X牵头，Y、Z参与 at the start of the body, prose after it',
    item: '由医政处牵头，财务处、人事处参与，年内完成区域医疗中心建设方案。',
    clause: '由医政处牵头，财务处、人事处参与',
    units: ['医政处', '财务处', '人事处'],
    lead: ['医政处'],
    support: ['财务处', '人事处'],
  },
  {
    name: '由X、Y共同牵头，Z参与',
    item: '由疾控处、应急办共同牵头，宣传处参与，组织开展传染病应急演练。',
    clause: '由疾控处、应急办共同牵头，宣传处参与',
    units: ['疾控处', '应急办', '宣传处'],
    lead: ['疾控处', '应急办'],
    support: ['宣传处'],
  },
  {
    name: '由X牵头负责 before a verb',
    item: '全市院感质控工作由医政科牵头负责，每季度通报一次。',
    clause: '由医政科牵头负责',
    units: ['医政科'],
    lead: ['医政科'],
  },
];

// Parentheses that are not responsibility clauses.
const NOT_CLAUSES: { name: string; item: string }[] = [
  { name: 'a hospital’s other name after its name', item: '加快建设省公共卫生临床中心（市传染病医院）' },
  { name: 'an explanation of a plan', item: '全力推动1+6方案（一个总体方案加6个子方案）' },
  { name: 'a list of rates', item: '提高三率（县域就诊率，医保基金县域内支付率，群众满意率）。' },
  { name: 'a facility type', item: '在乡镇卫生院设置中医综合服务区（中医馆）' },
  { name: '县（区）', item: '支持创建全国中医药先进县（区）' },
  { name: 'bare suffixes in a note', item: '推进老年医院、护理院（中心、站）' },
  { name: 'an inclusion note', item: '推动一批县级医院（含中医医院）' },
  { name: 'a heading with no clause', item: '深化医药卫生体制改革' },
  { name: '由于 is not 由', item: '由于基层医疗机构负责人变动频繁，需加强培训。' },
  { name: '由 a non-unit', item: '所需经费由政府负责保障。' },
  { name: 'prose that ends in 负责', item: '要压实主体责任，做到院长负责。' },
  { name: 'place names without a role word', item: '开展血吸虫病查螺灭螺。（东湖区、西湖区）' },
  { name: 'a year range', item: '贯彻落实人均预期寿命提升行动计划（2024—2027年）' },
  { name: 'a portal footer line', item: '责任编辑:市卫健委' },
  {
    name: 'a mid-line clause with prose after it on the same line',
    item: '建立联席会议制度（医政科牵头），完善工作机制。',
  },
  { name: 'an unmatched closing bracket', item: '推进医疗质量控制中心建设）' },
  {
    name: 'a lone name on the last line (a signature)',
    item: '请结合实际认真贯彻落实。\n某市卫生健康委员会',
  },
  { name: 'a recipients line', item: '各县（区）卫生健康委，开发区卫生办，委机关各科室：' },
  { name: 'prose that ends in 落实', item: '开展督导。各科室要按照分工抓好落实。' },
  { name: 'a facility note at the end of a sentence', item: '建设公共卫生中心（市疾控中心）。' },
  { name: 'a note that is one unit after a noun', item: '推进市中心医院港务区分院（市感染性疾病诊疗中心）' },
  { name: 'a leader field alone', item: '开展行风专项整治。（分管领导：马某某）' },
  { name: 'a person with a role word', item: '开展行风专项整治。（马某某牵头，黄某某配合）' },
];

describe('findResponsibility', () => {
  it('has at least 70 original clause cases', () => {
    expect(CLAUSES.length).toBeGreaterThanOrEqual(70);
  });

  for (const c of CLAUSES) {
    it(`reads ${c.name}`, () => {
      const r = read(c.item);
      expect(r).not.toBeNull();
      if (r === null) return;
      expect(c.item.slice(r.span.start, r.span.end)).toBe(c.clause);
      expect(r.units).toEqual(c.units);
      expect(r.lead).toEqual(c.lead ?? []);
      expect(r.support).toEqual(c.support ?? []);
    });
  }

  for (const c of NOT_CLAUSES) {
    it(`ignores ${c.name}`, () => {
      expect(read(c.item)).toBeNull();
    });
  }

  it('returns the span absolute into the whole text and reads only the given span', () => {
    const parent = '（一）强化疾病防控。（疾控科牵头）\n';
    const child = '1.做好预防接种。（责任科室：疾控科、卫生监督所）\n';
    const text = parent + child;
    const start = parent.length + 2;
    const r = findResponsibility(text, { start, end: text.length - 1 });
    expect(r?.units).toEqual(['疾控科', '卫生监督所']);
    expect(r === null ? '' : text.slice(r.span.start, r.span.end)).toBe('（责任科室：疾控科、卫生监督所）');
    expect(r?.span.start).toBeGreaterThanOrEqual(start);
  });

  it('does not inherit a clause from text outside the span', () => {
    const text = '（一）强化疾病防控。（疾控科牵头）\n1.做好预防接种工作。';
    const start = text.indexOf('做好');
    expect(findResponsibility(text, { start, end: text.length })).toBeNull();
  });

  it('returns null for an empty or inverted span', () => {
    expect(findResponsibility('（医政科牵头）', { start: 3, end: 3 })).toBeNull();
    expect(findResponsibility('（医政科牵头）', { start: 5, end: 2 })).toBeNull();
  });

  it('prefers the clause at the end over a labelled clause earlier in the item', () => {
    const item = '牵头单位：医政科。推进远程医疗协作网建设。（规划信息科牵头，医政科配合）';
    expect(read(item)?.lead).toEqual(['规划信息科']);
  });
});

describe('findResponsibility with a document convention', () => {
  const FIRST = { firstListedLeads: true, responsibleLeads: false };
  const RESPONSIBLE = { firstListedLeads: false, responsibleLeads: true };
  const roles = (item: string, convention?: typeof FIRST) => {
    const r = findResponsibility(item, { start: 0, end: item.length }, convention);
    return r === null ? null : { units: r.units, lead: r.lead, support: r.support };
  };

  it('reads the first unit of a role-less list as lead when the document says the first one leads', () => {
    expect(roles('推进老年友善医疗机构建设。（老龄健康科、医政科、中医科）', FIRST)).toEqual({
      units: ['老龄健康科', '医政科', '中医科'],
      lead: ['老龄健康科'],
      support: ['医政科', '中医科'],
    });
  });

  it('leaves the same role-less list without a lead when the document says nothing', () => {
    expect(roles('推进老年友善医疗机构建设。（老龄健康科、医政科、中医科）')).toEqual({
      units: ['老龄健康科', '医政科', '中医科'],
      lead: [],
      support: [],
    });
  });

  it('applies the first-listed convention to a 责任科室 label and to 按职责分工负责 lists', () => {
    expect(roles('完善职称评审办法。（责任科室：人事科、科教科）', FIRST)?.lead).toEqual(['人事科']);
    expect(roles('做好汛期卫生防疫。（疾控科、卫生监督所按职责分工负责）', FIRST)?.lead).toEqual(['疾控科']);
    expect(roles('由财务科、审计科负责，开展内部审计。', FIRST)?.lead).toEqual(['财务科']);
  });

  it('keeps printed roles over the first-listed convention', () => {
    expect(roles('推进检验结果互认。（中医科、医政科牵头，规划信息科配合）', FIRST)).toEqual({
      units: ['中医科', '医政科', '规划信息科'],
      lead: ['中医科', '医政科'],
      support: ['规划信息科'],
    });
  });

  it('with the first-listed convention, a labelled 配合 list gets no lead of its own', () => {
    expect(roles('开展控烟执法检查。（配合单位：卫生监督所）', FIRST)?.lead).toEqual([]);
  });

  it('reads every unit under a 责任单位 label as lead when the document says 责任单位 lead', () => {
    expect(
      roles('开展职业病危害专项治理。（责任单位：职业健康科、市职防院；配合单位：卫生监督所）', RESPONSIBLE),
    ).toEqual({
      units: ['职业健康科', '市职防院', '卫生监督所'],
      lead: ['职业健康科', '市职防院'],
      support: ['卫生监督所'],
    });
  });

  it('reads 责任股室 units as lead under the 责任单位 convention', () => {
    expect(
      roles('开展学校卫生监督检查。（分管领导：何某某；责任股室：监督股、疾控股）', RESPONSIBLE)?.lead,
    ).toEqual(['监督股', '疾控股']);
  });

  it('keeps a role printed inside a 责任单位 list over the 责任单位 convention', () => {
    expect(
      roles('推进院前急救体系建设。\n责任单位：医政科（牵头）、市急救中心、财务科', RESPONSIBLE),
    ).toEqual({
      units: ['医政科', '市急救中心', '财务科'],
      lead: ['医政科'],
      support: ['市急救中心', '财务科'],
    });
  });

  it('does not read a list without a 责任 label as lead under the 责任单位 convention', () => {
    expect(roles('推进院前急救体系建设。（医政科、市急救中心）', RESPONSIBLE)?.lead).toEqual([]);
  });
});

describe('findResponsibility with full names and more support roles', () => {
  it('reads 协同单位 as a support label after 牵头单位', () => {
    const r = read(
      '开展重点场所消毒质量抽检。（牵头单位：县卫生健康局疾病预防控制股；协同单位：县疾病预防控制中心、县卫生监督所）',
    );
    expect(r?.lead).toEqual(['县卫生健康局疾病预防控制股']);
    expect(r?.support).toEqual(['县疾病预防控制中心', '县卫生监督所']);
  });

  it('keeps names that begin with another organisation whole (委员会…处, 政府办公室)', () => {
    const r = read(
      '完善院前急救网络。（市卫生健康委员会医政医管处牵头，市人民政府办公室、市卫生健康委员会规划发展处协同）',
    );
    expect(r?.units).toEqual([
      '市卫生健康委员会医政医管处',
      '市人民政府办公室',
      '市卫生健康委员会规划发展处',
    ]);
    expect(r?.lead).toEqual(['市卫生健康委员会医政医管处']);
    expect(r?.support).toEqual(['市人民政府办公室', '市卫生健康委员会规划发展处']);
  });

  it('reads 参与 and 协助 after a 牵头 part as support', () => {
    expect(read('推进医防融合。（县人民政府办公室牵头，县医保局参与）')?.support).toEqual(['县医保局']);
    expect(read('推进医防融合。（县卫生健康委员会基层卫生科牵头，县中医院协助）')?.support).toEqual([
      '县中医院',
    ]);
  });

  it('reads a clause in full-width square brackets', () => {
    const item = '年内建成卒中中心2家。［牵头单位：医政医管处；配合单位：市急救中心、规划发展处］';
    const r = read(item);
    expect(r?.lead).toEqual(['医政医管处']);
    expect(r?.support).toEqual(['市急救中心', '规划发展处']);
    expect(r === null ? '' : item.slice(r.span.start, r.span.end)).toBe(
      '［牵头单位：医政医管处；配合单位：市急救中心、规划发展处］',
    );
  });

  it('does not read a 协同 in prose as a clause', () => {
    expect(read('推动医疗机构与疾控机构协同开展监测。')).toBeNull();
  });
});
