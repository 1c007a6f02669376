/**
 * An original task table long enough to run over a page break (the header row repeats on each page):
 * the fixtures for reading one table across pages from a PDF.
 */

export const LONG_TABLE_TITLE = '白溪县2025年卫生健康重点工作推进表';

export const LONG_TABLE_INTRO =
  '为压实工作责任，确保年度重点任务按期落地见效，现将各项任务的牵头单位、配合单位和完成时限列表如下，各股室要对照表中要求逐项推进，每月底前报送进展情况。';

export const LONG_TABLE_NOTE = '本表由局办公室负责解释。';

export const LONG_TABLE_HEADER = ['序号', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限'];

const TASKS: [string, string][] = [
  ['完善分级诊疗制度', '县域内就诊率稳定在90%以上，基层诊疗量占比逐步提高'],
  ['推进医共体一体化管理', '实现人员、财务、药品耗材统一管理，牵头医院下派骨干不少于20人次'],
  ['加强重点专科建设', '新建县级临床重点专科2个，胸痛、卒中中心通过复评'],
  ['改善老年健康服务', '二级以上综合医院设老年医学科比例达到60%'],
  ['推进智慧医院建设', '电子病历系统应用水平分级评价达到4级'],
  ['强化院感防控', '开展院感专项督查4次，问题整改率达到100%'],
  ['做好职业健康保护', '重点行业职业健康检查覆盖率达到90%以上'],
  ['提升院前急救能力', '急救呼叫满足率达到95%，平均反应时间缩短到12分钟以内'],
  ['落实慢病综合防控', '高血压患者规范管理率不低于65%'],
  ['深化爱国卫生运动', '创建省级卫生乡镇3个，健康村覆盖率达到40%'],
];

const UNITS = ['医政股', '基层股', '疾控股', '妇幼股', '人事股', '财务股', '规划股'];

function unit(i: number): string {
  return UNITS[i % UNITS.length] ?? '医政股';
}

/** Rows as text lines' cells: section rows are one cell, task rows six. */
export function longTableRows(): string[][] {
  const rows: string[][] = [LONG_TABLE_HEADER];
  const sections = ['一、医疗服务提质', '二、公共卫生强基', '三、健康环境共建'];
  let number = 0;
  sections.forEach((section, s) => {
    rows.push([section]);
    for (let k = 0; k < 9; k++) {
      const [task, content] = TASKS[(s * 3 + k) % TASKS.length] ?? ['', ''];
      number++;
      rows.push([
        String(number),
        task,
        content,
        unit(number),
        `${unit(number + 2)}、${unit(number + 4)}`,
        `2025年${(number % 12) + 1}月底前`,
      ]);
    }
  });
  return rows;
}
