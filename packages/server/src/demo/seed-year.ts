import type { TaskDto } from '@yaodian/core';
import { fixedClock, localDate } from '../config/clock.js';
import { DEFAULT_ASSESSMENT_RULES } from '../domain/assessment/default-rules.js';
import type { Actor } from '../policies/actor.js';
import {
  publishAssessment,
  saveLeaderEvaluation,
  setAssessmentRules,
} from '../services/assessment-service.js';
import type { Deps } from '../services/deps.js';
import { confirmMilestone, saveTaskMilestones } from '../services/milestone-service.js';

/** A milestone of the demo: its name, planned date and, if it was reached, when. */
type Step = [name: string, plannedOn: string, actualOn: string | null];

/**
 * The demo plan's construction-like tasks and their milestones. 主体封顶 of the village clinics was planned for
 * 5 June and never reported: from then on that task is behind (red) for its missed milestone.
 */
const MILESTONES: readonly { task: string; steps: readonly Step[] }[] = [
  {
    task: '推进基层医疗卫生机构标准化建设',
    steps: [
      ['立项', '2026-02-28', '2026-02-26'],
      ['开工', '2026-04-15', '2026-04-20'],
      ['主体封顶', '2026-06-05', null],
      ['竣工验收', '2026-10-31', null],
      ['建成投用', '2026-12-20', null],
    ],
  },
  {
    task: '推进全民健康信息化',
    steps: [
      ['需求确认', '2026-03-15', '2026-03-12'],
      ['招标采购', '2026-05-20', '2026-05-18'],
      ['上线试运行', '2026-09-30', '2026-09-26'],
      ['验收', '2026-12-15', null],
    ],
  },
  {
    task: '加强急诊急救体系建设',
    steps: [
      ['站点选址', '2026-05-31', '2026-05-28'],
      // A month before the task's own deadline (the third quarter), so that, left unconfirmed, it is the
      // milestone that turns the task red in September, not the deadline.
      ['站点建成', '2026-08-31', '2026-08-27'],
    ],
  },
];

const at = (deps: Deps, iso: string): Deps => ({ ...deps, clock: fixedClock(new Date(iso)) });

/**
 * The year's running parts of the demo: milestones on its construction-like tasks (reached ones confirmed by
 * the planning office on the day), the default assessment rules saved for the plan, the leader's evaluation
 * of the units that lead tasks, and, once the year is nearly over (December), the published assessment.
 */
export async function seedDemoYear(
  deps: Deps,
  planId: string,
  tasks: readonly TaskDto[],
  people: { planner: Actor; leader: Actor },
  publishedOn: string,
): Promise<void> {
  const today = localDate(deps.clock.now());
  for (const { task: title, steps } of MILESTONES) {
    const task = tasks.find((x) => x.title.includes(title) || title.includes(x.title));
    if (!task) continue;
    const { milestones } = await saveTaskMilestones(
      at(deps, `${publishedOn}T03:00:00Z`),
      people.planner,
      task.id,
      steps.map(([name, plannedOn]) => ({ name, plannedOn, note: '' })),
    );
    for (const [i, [, , actualOn]] of steps.entries()) {
      const m = milestones[i];
      if (!m || actualOn === null || actualOn > today) continue;
      await confirmMilestone(at(deps, `${actualOn}T09:00:00Z`), people.planner, m.id, {
        version: m.version,
        actualOn,
      });
    }
  }

  await setAssessmentRules(deps, people.planner, planId, 0, DEFAULT_ASSESSMENT_RULES);
  const leading = [...new Set(tasks.flatMap((t) => t.reportingUnits.map((u) => u.id)))];
  for (const [i, unitId] of leading.entries())
    await saveLeaderEvaluation(deps, people.leader, planId, unitId, {
      score: [92, 85, 88, 80, 95][i % 5] ?? 85,
      note: '',
    });
  if (today >= `${today.slice(0, 4)}-12-01`) await publishAssessment(deps, people.planner, planId, today);
}
