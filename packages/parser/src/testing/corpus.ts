import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The five real plans live beside the clone, in ../shared/corpus (they are not part of the repository). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

/** What a test needing the corpus says when it is missing: where the corpus must be. */
export const MISSING_CORPUS = `The plan corpus is missing: put the five corpus plans (000_….txt … 004_….txt) in ${CORPUS_DIR}, that is ../shared/corpus beside the repository clone; see README "Tests".`;

/** The corpus directory; throws MISSING_CORPUS when it is not there. */
export function requireCorpus(): string {
  if (!existsSync(CORPUS_DIR) || !statSync(CORPUS_DIR).isDirectory()) throw new Error(MISSING_CORPUS);
  return CORPUS_DIR;
}
