import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLabel, type PlanLabel } from './label.js';

export const LABEL_SUFFIX = '.label.json';
export const EVAL_DIR = fileURLToPath(new URL('.', import.meta.url));
export const LABELS_DIR = join(EVAL_DIR, 'labels');
export const REPO_ROOT = resolve(EVAL_DIR, '../../..');
/** The shared corpus lives beside the clone (CI puts it there too). */
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus');
export const FIXTURE_PLANS_DIR = resolve(REPO_ROOT, 'packages/parser/fixtures/plans');

export interface LabelledDocument {
  path: string;
  labelPath: string;
  label: PlanLabel;
}

export interface Discovery {
  documents: LabelledDocument[];
  /** Documents found without any label; reported, not scored. */
  unlabelled: string[];
}

const MAX_DEPTH = 4;

function listFiles(dir: string, depth: number, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) listFiles(path, depth + 1, out);
    } else if (entry.isFile() && !entry.name.endsWith(LABEL_SUFFIX) && !entry.name.endsWith('.md')) {
      out.push(path);
    }
  }
}

/** The label for a document: eval/labels/<name>.label.json first, else <document>.label.json beside it. */
export function findLabelPath(documentPath: string, labelsDir = LABELS_DIR): string | null {
  const central = join(labelsDir, basename(documentPath) + LABEL_SUFFIX);
  if (existsSync(central)) return central;
  const beside = documentPath + LABEL_SUFFIX;
  return existsSync(beside) ? beside : null;
}

export function defaultDirs(): string[] {
  return [CORPUS_DIR, FIXTURE_PLANS_DIR].filter((dir) => existsSync(dir) && statSync(dir).isDirectory());
}

/** Every document file under `dirs` (a file given directly counts as itself), labels and notes excluded. */
export function listDocuments(dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    if (statSync(dir).isDirectory()) listFiles(dir, 0, files);
    else files.push(dir);
  }
  return files;
}

/** Every document under `dirs` that has a label, with the label parsed and checked. */
export function discover(dirs: readonly string[], labelsDir = LABELS_DIR): Discovery {
  const documents: LabelledDocument[] = [];
  const unlabelled: string[] = [];
  for (const path of listDocuments(dirs)) {
    const labelPath = findLabelPath(path, labelsDir);
    if (labelPath === null) unlabelled.push(path);
    else documents.push({ path, labelPath, label: parseLabel(readFileSync(labelPath, 'utf8'), labelPath) });
  }
  return { documents, unlabelled };
}
