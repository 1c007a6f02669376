import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan, type Item } from '@yaodian/parser';
import type { TruthLink } from '../domain/year-over-year/evaluate.js';
import type { YearTask } from '../domain/year-over-year/match-plans.js';

/*
 * The year-over-year fixture pairs (plans written for the test, never corpus documents): each pair is two
 * plan texts and a ground truth written before the matcher ran. Tasks are keyed by their number in the
 * plan, which the truth file uses.
 */
export const FIXTURE_DIR = fileURLToPath(new URL('../domain/year-over-year/fixtures/', import.meta.url));

export interface FixturePair {
  name: string;
  previous: YearTask[];
  current: YearTask[];
  truth: TruthLink[];
}

/** A parsed plan's tasks (leaves) as the matcher sees them, keyed by number (section number for tables). */
function tasksOf(items: readonly Item[], section: readonly string[] = [], out: YearTask[] = []): YearTask[] {
  for (const item of items) {
    if (item.children.length > 0) {
      tasksOf(item.children, [...section, item.title], out);
      continue;
    }
    out.push({
      id: item.number.replace(/[.、．\s]/g, ''),
      title: item.title,
      section,
      leads: item.lead,
      targets: item.targets.map((t, i) => ({
        id: `${item.number}#${String(i)}`,
        metric: t.metric,
        unit: t.unit,
      })),
    });
  }
  return out;
}

async function planTasks(file: string): Promise<YearTask[]> {
  const bytes = await fs.readFile(path.join(FIXTURE_DIR, file));
  const plan = await parsePlan(bytes, { fileName: file });
  return tasksOf(plan.items);
}

/** Loads a pair by its truth file's name (`qinghe-truth.json`). */
export async function loadFixturePair(truthFile: string): Promise<FixturePair> {
  const truth = JSON.parse(await fs.readFile(path.join(FIXTURE_DIR, truthFile), 'utf8')) as {
    previous: string;
    current: string;
    links: TruthLink[];
  };
  return {
    name: truthFile.replace(/-truth\.json$/, ''),
    previous: await planTasks(truth.previous),
    current: await planTasks(truth.current),
    truth: truth.links,
  };
}
