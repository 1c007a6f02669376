import { isVacuous, prf, type Counts } from './counts.js';
import { COUNT_MEASURES, type CountMeasure, type DocumentScore, type TotalScore } from './score.js';

const HEADINGS: Record<CountMeasure, string> = {
  items: 'items',
  units: 'units',
  lead: 'lead',
  support: 'support',
  targetsLenient: 'tgt-len',
  targetsStrict: 'tgt-str',
  targetsPlaced: 'tgt-item',
};

function fixed(value: number): string {
  return value.toFixed(2);
}

function f1Cell(counts: Counts): string {
  return isVacuous(counts) ? '—' : fixed(prf(counts).f1);
}

function pad(text: string, width: number): string {
  // CJK-free columns only (document names are ASCII in practice); plain padding is enough.
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => pad(cell, widths[index] ?? 0))
    .join('  ')
    .trimEnd();
}

/** One line per document with F1 per measure and meta accuracy. */
export function formatDocumentTable(scores: readonly DocumentScore[]): string {
  const nameWidth = Math.max(8, ...scores.map((score) => score.document.length));
  const widths = [nameWidth, ...COUNT_MEASURES.map(() => 8), 8];
  const lines = [row(['document', ...COUNT_MEASURES.map((measure) => HEADINGS[measure]), 'meta'], widths)];
  for (const score of scores) {
    const meta = `${score.meta.correct}/${score.meta.total}`;
    lines.push(
      row([score.document, ...COUNT_MEASURES.map((measure) => f1Cell(score[measure])), meta], widths),
    );
  }
  return lines.join('\n');
}

/** Totals: precision, recall, F1 and the raw counts per measure, then meta accuracy. */
export function formatTotals(total: TotalScore): string {
  const widths = [10, 9, 9, 9, 6, 6, 6];
  const lines = [row(['measure', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn'], widths)];
  for (const measure of COUNT_MEASURES) {
    const counts = total.counts[measure];
    const { precision, recall, f1 } = prf(counts);
    lines.push(
      row(
        [
          HEADINGS[measure],
          fixed(precision),
          fixed(recall),
          fixed(f1),
          `${counts.tp}`,
          `${counts.fp}`,
          `${counts.fn}`,
        ],
        widths,
      ),
    );
  }
  const accuracy = total.meta.total === 0 ? 1 : total.meta.correct / total.meta.total;
  lines.push(`meta accuracy ${fixed(accuracy)} (${total.meta.correct}/${total.meta.total} fields)`);
  lines.push(`documents ${total.documents}, engine failures ${total.failed}`);
  return lines.join('\n');
}

/** Engine errors and wrong metadata fields, so a low figure can be traced. */
export function formatDetails(scores: readonly DocumentScore[]): string {
  const lines: string[] = [];
  for (const score of scores) {
    if (score.error !== null) lines.push(`${score.document}: parsePlan failed: ${score.error}`);
    else {
      for (const wrong of score.meta.wrong) {
        lines.push(
          `${score.document}: meta.${wrong.field} expected ${JSON.stringify(wrong.gold)} got ${JSON.stringify(wrong.predicted)}`,
        );
      }
    }
  }
  return lines.join('\n');
}

/** What did not pair, per document: items, then targets under the strict rule. */
export function formatUnpaired(scores: readonly DocumentScore[]): string {
  const lines: string[] = [];
  for (const score of scores) {
    const { missedItems, extraItems, missedTargets, extraTargets } = score.unpaired;
    const entries = [
      ...missedItems.map((text) => `  missed item   ${text}`),
      ...extraItems.map((text) => `  extra item    ${text}`),
      ...missedTargets.map((text) => `  missed target ${text}`),
      ...extraTargets.map((text) => `  extra target  ${text}`),
    ];
    if (entries.length > 0) lines.push(score.document, ...entries);
  }
  return lines.join('\n');
}

export interface JsonReport {
  documents: {
    document: string;
    error: string | null;
    measures: Record<CountMeasure, Counts & { precision: number; recall: number; f1: number }>;
    meta: { correct: number; total: number };
  }[];
  totals: {
    documents: number;
    failed: number;
    measures: Record<CountMeasure, Counts & { precision: number; recall: number; f1: number }>;
    meta: { correct: number; total: number; accuracy: number };
  };
}

function measures(source: Record<CountMeasure, Counts>): JsonReport['totals']['measures'] {
  return Object.fromEntries(
    COUNT_MEASURES.map((measure) => [measure, { ...source[measure], ...prf(source[measure]) }]),
  ) as JsonReport['totals']['measures'];
}

export function jsonReport(scores: readonly DocumentScore[], total: TotalScore): JsonReport {
  return {
    documents: scores.map((score) => ({
      document: score.document,
      error: score.error,
      measures: measures(score),
      meta: { correct: score.meta.correct, total: score.meta.total },
    })),
    totals: {
      documents: total.documents,
      failed: total.failed,
      measures: measures(total.counts),
      meta: {
        ...total.meta,
        accuracy: total.meta.total === 0 ? 1 : total.meta.correct / total.meta.total,
      },
    },
  };
}
