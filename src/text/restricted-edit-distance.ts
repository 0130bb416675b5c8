/**
 * Restricted Damerau-Levenshtein distance (optimal string alignment): the fewest insertions, deletions,
 * substitutions and swaps of two adjacent letters that turn `source` into `target`, no substring edited twice
 * (`ca` → `abc` is 3, where the unrestricted distance is 2). Every edit costs 1; letters are UTF-16 code units.
 * Gives the same numbers as natural's `DamerauLevenshteinDistance(a, b, { restricted: true })`, which cvmatch
 * used before (test/text/natural-golden.test.ts checks it).
 */
export function restrictedEditDistance(source: string, target: string): number {
  if (source === target) return 0;
  if (source.length === 0) return target.length;
  if (target.length === 0) return source.length;
  const width = target.length + 1;
  // Three rows of the (source.length + 1) × (target.length + 1) cost matrix: two rows back, previous, current.
  let twoBack = new Uint32Array(width);
  let previous = Uint32Array.from({ length: width }, (_, column) => column);
  let current = new Uint32Array(width);
  for (let row = 1; row <= source.length; row++) {
    current[0] = row;
    const sourceLetter = source.charCodeAt(row - 1);
    for (let column = 1; column <= target.length; column++) {
      const targetLetter = target.charCodeAt(column - 1);
      let cost = Math.min(
        current[column - 1]! + 1,
        previous[column]! + 1,
        previous[column - 1]! + (sourceLetter === targetLetter ? 0 : 1),
      );
      if (
        row > 1 &&
        column > 1 &&
        sourceLetter === target.charCodeAt(column - 2) &&
        source.charCodeAt(row - 2) === targetLetter
      ) {
        cost = Math.min(cost, twoBack[column - 2]! + 1);
      }
      current[column] = cost;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[target.length]!;
}
