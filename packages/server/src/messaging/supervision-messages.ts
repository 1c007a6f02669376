import type { SupervisionLevel } from '@yaodian/core';

/*
 * The words of 督办 notices, their notifications and 批示 (Chinese; the commission's working language).
 */
export const LEVEL_NAMES: Readonly<Record<SupervisionLevel, string>> = {
  blue: '蓝色',
  yellow: '黄色',
  red: '红色',
};

export const SUPERVISION_MESSAGES = {
  issued: (number: string, level: SupervisionLevel) => `【${LEVEL_NAMES[level]}督办】${number}`,
  red: (number: string) => `【红色督办】${number}，请领导关注`,
  responded: (number: string, unit: string) => `【督办反馈】${unit}已反馈${number}`,
  body: (reason: string, tasks: string, due: string) =>
    `事由：${reason}\n任务：${tasks}\n请于${due}前签收并反馈整改措施。`,
  escalated: (level: SupervisionLevel) => `逾期未反馈，升级为${LEVEL_NAMES[level]}督办`,
  escalatedByOffice: (level: SupervisionLevel) => `督查督办办公室升级为${LEVEL_NAMES[level]}督办`,
  instruction: (leader: string, task: string) => `【领导批示】${leader}对“${task}”作出批示`,
  robotHeading: (unit: string) => `**${unit}**`,
} as const;

/** The suffix an escalation adds to the reason (either wording above), so the next rung replaces it. */
export const ESCALATION_SUFFIX = /（[^（）]*升级为[蓝黄红]色督办）$/;

export const SUPERVISION_ERRORS = {
  notOpen: '该督办单已办结或已升级，不能再办理',
  notSigned: '请先签收督办单再反馈',
  alreadyRed: '红色督办已是最高级别，不能再升级',
  unknownUnits: '督办单位不存在',
  unknownItems: '督办事项须为该计划的任务（不能是章节标题）',
  notLeader: '所选人员不是在岗的委领导',
  notTask: '批示只能针对任务',
  keyReused: '该 Idempotency-Key 已用于另一份督办单',
} as const;
