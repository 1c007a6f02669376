import type { ValidationIssue } from '@yaodian/core';

/*
 * The password policy's refusals in words (Chinese first): the server's message, shown as is by the command
 * line; the web says the same from `details` with its own catalogue.
 */
const RULE_TEXT: Partial<Record<ValidationIssue['rule'], (limit: number) => string>> = {
  too_short: (limit) => `密码长度不少于 ${String(limit)} 位`,
  password_classes: (limit) => `密码须包含小写字母、大写字母、数字、符号四类中的至少 ${String(limit)} 类`,
  password_reused: (limit) => `新密码不能与最近 ${String(limit)} 次使用的密码（含当前密码）相同`,
};

export function passwordPolicyMessage(issues: readonly ValidationIssue[]): string {
  const parts = issues.map((issue) => RULE_TEXT[issue.rule]?.(issue.limit ?? 0) ?? issue.rule);
  return `密码不符合安全策略：${parts.join('；')}`;
}

export const PASSWORD_CHANGE_REQUIRED_MESSAGE = {
  reset: '密码已由安全管理员重置，请先修改密码',
  expired: '密码已过期，请先修改密码',
} as const;
