import type { FairnessDetail, FairnessReport } from '../compliance/index.js';

/** Spread of a set of values. */
export interface Distribution {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/** Selection rate of one group of twins against the same candidates' own rate before the swap. */
export interface ImpactRatio {
  /**
   * `gender` and `origin` group the name swaps by the substituted identity; `gender-words`, `age`, `address`
   * and `photo` hold the twins of that swap (one group, `twin`).
   */
  dimension: string;
  group: string;
  /** Candidate × variant pairs of the group. */
  total: number;
  /** Pairs whose twin is selected, and whose original was. */
  selected: number;
  originalSelected: number;
  rate: number;
  originalRate: number;
  /** `rate / originalRate`: 1 for a ranker blind to the swap; null when neither twins nor originals are selected. */
  ratio: number | null;
  /** The four-fifths rule: ratio ≥ 0.8 (or nobody selected). */
  passesFourFifths: boolean;
}

export interface FairnessSummary {
  /** A candidate counts as selected when ranked in the first `selectionSize`. */
  selectionSize: number;
  /** Per kind of swap: signed Δscore and Δrank (variant − original) of every candidate × variant pair. */
  bySwap: Record<string, { scoreDelta: Distribution; rankDelta: Distribution; missing: number }>;
  impactRatios: ImpactRatio[];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

/** Count, min, median, 95th percentile (linear interpolation), max and mean; zeros for an empty set. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    mean: sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

const isSelected = (rank: number | null, size: number) => rank !== null && rank <= size;

/**
 * Distributions of the score and rank changes per kind of swap, and selection-rate impact ratios (the
 * four-fifths rule of US adverse-impact practice, used here as a yardstick): among the name swaps, per
 * gender and per origin of the substituted identity; for the other swaps, the twins. Each group's rate is
 * divided by the rate of the same candidates before the swap, so the ratio does not depend on which
 * candidates a group happened to get.
 */
export function summarizeFairness(
  report: FairnessReport,
  options: { selectionSize: number },
): FairnessSummary {
  const size = options.selectionSize;
  const bySwap: FairnessSummary['bySwap'] = {};
  const kinds = [...new Set(report.details.map((detail) => detail.swap))];
  for (const kind of kinds) {
    const details = report.details.filter((detail) => detail.swap === kind);
    const present = details.filter((detail) => detail.variantScore !== null);
    bySwap[kind] = {
      scoreDelta: distribution(present.map((detail) => detail.scoreDelta as number)),
      rankDelta: distribution(present.map((detail) => (detail.variantRank as number) - detail.baselineRank)),
      missing: details.length - present.length,
    };
  }
  const impactRatios: ImpactRatio[] = [];
  const identity = report.details.filter((detail) => detail.swap === 'identity');
  const dimensions: [string, FairnessDetail[], (detail: FairnessDetail) => string][] = [
    ['gender', identity, (detail) => detail.gender],
    ['origin', identity, (detail) => detail.origin],
    ...kinds
      .filter((kind) => kind !== 'identity')
      .map(
        (kind) =>
          [
            kind === 'gender' ? 'gender-words' : kind,
            report.details.filter((detail) => detail.swap === kind),
            () => 'twin',
          ] as [string, FairnessDetail[], (detail: FairnessDetail) => string],
      ),
  ];
  for (const [dimension, details, groupOf] of dimensions) {
    const groups = new Map<string, FairnessDetail[]>();
    for (const detail of details)
      groups.set(groupOf(detail), [...(groups.get(groupOf(detail)) ?? []), detail]);
    for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const selected = members.filter((detail) => isSelected(detail.variantRank, size)).length;
      const originalSelected = members.filter((detail) => isSelected(detail.baselineRank, size)).length;
      const ratio =
        originalSelected > 0 ? selected / originalSelected : selected > 0 ? Number.POSITIVE_INFINITY : null;
      impactRatios.push({
        dimension,
        group,
        total: members.length,
        selected,
        originalSelected,
        rate: selected / members.length,
        originalRate: originalSelected / members.length,
        ratio: ratio === Number.POSITIVE_INFINITY ? null : ratio,
        passesFourFifths: ratio === null || ratio >= 0.8,
      });
    }
  }
  return { selectionSize: size, bySwap, impactRatios };
}
