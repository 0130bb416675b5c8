/** Tables of the ranking benchmark: per category and per split, cvmatch beside the BM25 baseline. */

export type Split = 'dev' | 'held-out';

/** nDCG@10 and MAP of one ranker on one category (null: undefined, no relevant document). */
export interface RankerFigures {
  ndcg10: number | null;
  map: number | null;
}

export interface CategoryRow {
  category: string;
  split: Split;
  /** Ranker name → figures. */
  figures: Record<string, RankerFigures>;
  /** Probability that the ranker loses to the baseline on random sub-pools (`lossProbability`), when known. */
  lossProbability?: number | null;
}

export interface SplitSummary {
  categories: number;
  /** Ranker name → mean figures over the split's categories. */
  mean: Record<string, RankerFigures>;
  /** Categories where the first ranker's nDCG@10 is below the baseline's. */
  losses: string[];
  /** Sum of the rows' loss probabilities: the expected number of losses on random sub-pools; null: unknown. */
  expectedLosses: number | null;
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

/** Mean figures of `rows` and where `ranker` loses to `baseline` on nDCG@10. */
export function summarize(
  rows: CategoryRow[],
  rankers: string[],
  ranker: string,
  baseline: string,
): SplitSummary {
  const means: Record<string, RankerFigures> = {};
  for (const name of rankers) {
    means[name] = {
      ndcg10: mean(rows.map((row) => row.figures[name]?.ndcg10 ?? null)),
      map: mean(rows.map((row) => row.figures[name]?.map ?? null)),
    };
  }
  const losses = rows
    .filter((row) => (row.figures[ranker]?.ndcg10 ?? 0) < (row.figures[baseline]?.ndcg10 ?? 0))
    .map((row) => row.category);
  const probabilities = rows.map((row) => row.lossProbability);
  const expectedLosses = probabilities.every((value) => typeof value === 'number')
    ? probabilities.reduce<number>((sum, value) => sum + (value ?? 0), 0)
    : null;
  return { categories: rows.length, mean: means, losses, expectedLosses };
}

const cell = (value: number | null | undefined) =>
  value === null || value === undefined ? '   –  ' : value.toFixed(3);
const delta = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined
    ? '   –  '
    : `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(3)}`;

/** A left-aligned first column, right-aligned others. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((text, column) =>
    Math.max(text.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) =>
        column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * Per-category table (nDCG@10 and MAP of each ranker, the first ranker's nDCG@10 gap to the baseline and,
 * when known, its probability of losing on random sub-pools), then one row per split and overall (with the
 * expected number of losses). Held-out categories are summed up only when
 * `showHeldOut` is false (while tuning).
 */
export function formatRankingTables(
  rows: CategoryRow[],
  summaries: Record<'dev' | 'held-out' | 'overall', SplitSummary>,
  options: { rankers: string[]; ranker: string; baseline: string; showHeldOut: boolean },
): string {
  const withProbability = rows.some((row) => row.lossProbability !== undefined);
  const header = [
    'category',
    'split',
    ...options.rankers.flatMap((name) => [`${name} nDCG@10`, `${name} MAP`]),
    'ΔnDCG@10',
    ...(withProbability ? ['P(lose)'] : []),
  ];
  const figures = (values: Record<string, RankerFigures>) => [
    ...options.rankers.flatMap((name) => [cell(values[name]?.ndcg10), cell(values[name]?.map)]),
    delta(values[options.ranker]?.ndcg10, values[options.baseline]?.ndcg10),
  ];
  const shown = rows.filter((row) => options.showHeldOut || row.split === 'dev');
  const probability = (value: number | null | undefined) =>
    withProbability ? [value === null || value === undefined ? '–' : value.toFixed(2)] : [];
  const body = shown.map((row) => [
    row.category,
    row.split,
    ...figures(row.figures),
    ...probability(row.lossProbability),
  ]);
  for (const name of ['dev', 'held-out', 'overall'] as const) {
    const summary = summaries[name];
    body.push([
      `MEAN ${name} (${summary.categories})`,
      `loses ${summary.losses.length}`,
      ...figures(summary.mean),
      ...probability(summary.expectedLosses),
    ]);
  }
  return formatTable(header, body);
}
