import type { LinkProposal } from './match-plans.js';

/*
 * Precision and recall of proposed links against a ground truth (the fixture's JSON), for the eval
 * script and the fixture test.
 */
export interface TruthLink {
  previous: string;
  current: string;
}

export interface LinkScore {
  truth: number;
  proposed: number;
  correct: number;
  precision: number;
  recall: number;
  wrong: { previous: string; current: string }[];
  missed: TruthLink[];
}

export function scoreLinks(proposals: readonly LinkProposal[], truth: readonly TruthLink[]): LinkScore {
  const expected = new Map(truth.map((t) => [t.current, t.previous]));
  const correct = proposals.filter((p) => expected.get(p.currentId) === p.previousId);
  const found = new Set(correct.map((p) => p.currentId));
  return {
    truth: truth.length,
    proposed: proposals.length,
    correct: correct.length,
    precision: proposals.length === 0 ? 1 : correct.length / proposals.length,
    recall: truth.length === 0 ? 1 : correct.length / truth.length,
    wrong: proposals
      .filter((p) => expected.get(p.currentId) !== p.previousId)
      .map((p) => ({ previous: p.previousId, current: p.currentId })),
    missed: truth.filter((t) => !found.has(t.current)),
  };
}
