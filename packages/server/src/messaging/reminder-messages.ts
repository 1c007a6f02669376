/*
 * The words of every reminder, in one catalogue (Chinese; the commission's working language). A reminder
 * names the period, the due date and each task owed, so it can be acted on without opening the app.
 */
export const REMINDER_MESSAGES = {
  title: {
    before: (period: string, dueOn: string) => `【填报提醒】${period}进展请于${formatDate(dueOn)}前报送`,
    due: (period: string, dueOn: string) => `【今日截止】${period}进展今日（${formatDate(dueOn)}）截止报送`,
    after: (period: string, days: number) => `【逾期未报】${period}进展已逾期${String(days)}个工作日`,
    digest: (period: string, units: number) => `【未报汇总】${period}尚有${String(units)}个单位未报送`,
  },
  taskLine: (number: string, title: string, unit: string) => `${number} ${title}（${unit}）`,
  unitLine: (unit: string, tasks: number) => `${unit}：${String(tasks)}项`,
  footer: '请登录要点系统填报：我的任务。',
  digestFooter: '请在审核页查看本期未填报单位并督促报送。',
  robotHeading: (unit: string) => `**${unit}**`,
} as const;

/** 2026-05-25 → 5月25日 */
export function formatDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-');
  return `${String(Number(month))}月${String(Number(day))}日`;
}
