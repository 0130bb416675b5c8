/**
 * Reading order for one PDF page, from positioned text runs: runs on one baseline become rows, a
 * whitespace gutter that splits many rows becomes a column boundary, and lines come out column by
 * column (full-width lines such as a name banner cut the page into bands, each read left then right).
 * Pure geometry: no pdfjs here, so it is unit-tested with hand-made runs.
 */

/** A run of text at a position, in PDF user space (origin bottom-left, y up, baseline). */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  bold: boolean;
}

/** A line in reading order with its layout cues. */
export interface OrderedLine {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  bold: boolean;
  /** 0 = left (or only) column, 1 = right. */
  column: number;
  region: 'body' | 'sidebar';
}

interface Fragment {
  items: PositionedText[];
  x: number;
  right: number;
  y: number;
  fontSize: number;
}

interface Gutter {
  start: number;
  end: number;
}

const datePattern = /\b(?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{2,4}\b/;

/** Groups runs into rows of one baseline, top to bottom; each row is sorted left to right. */
function groupRows<T extends { y: number; x: number; fontSize: number }>(runs: T[]): T[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: T[][] = [];
  let current: T[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const run of sorted) {
    const tolerance = Math.max(1, 0.35 * Math.min(size || run.fontSize, run.fontSize));
    if (current.length > 0 && Math.abs(baseline - run.y) <= tolerance) {
      current.push(run);
      continue;
    }
    if (current.length > 0) rows.push(current);
    current = [run];
    baseline = run.y;
    size = run.fontSize;
  }
  if (current.length > 0) rows.push(current);
  return rows.map((row) => row.sort((a, b) => a.x - b.x || b.y - a.y));
}

/** Splits a row into fragments wherever the horizontal gap is wider than a word space can be. */
function splitFragments(row: PositionedText[]): Fragment[] {
  const fragments: Fragment[] = [];
  for (const item of row) {
    const last = fragments.at(-1);
    const gapLimit = Math.max(1.2 * item.fontSize, 8);
    if (last !== undefined && item.x - last.right <= gapLimit) {
      last.items.push(item);
      last.right = Math.max(last.right, item.x + item.width);
      last.fontSize = Math.max(last.fontSize, item.fontSize);
      continue;
    }
    fragments.push({
      items: [item],
      x: item.x,
      right: item.x + item.width,
      y: item.y,
      fontSize: item.fontSize,
    });
  }
  return fragments;
}

/** Joins runs of one row: no space where runs touch, one space where there is a gap. */
function joinRuns(items: PositionedText[]): string {
  let text = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const gap = item.x - right;
    const touching = gap < 0.12 * item.fontSize;
    if (text.length > 0 && !touching && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
    text += item.text;
    right = Math.max(right, item.x + item.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The font size and boldness most characters of the line have. */
function dominantStyle(items: PositionedText[]): { fontSize: number; bold: boolean } {
  const sizes = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;
  for (const item of items) {
    const length = item.text.trim().length;
    const size = Math.round(item.fontSize * 10) / 10;
    sizes.set(size, (sizes.get(size) ?? 0) + length);
    chars += length;
    if (item.bold) boldChars += length;
  }
  let fontSize = 0;
  let best = -1;
  for (const [size, count] of sizes) {
    if (count > best || (count === best && size > fontSize)) {
      best = count;
      fontSize = size;
    }
  }
  return { fontSize, bold: chars > 0 && boldChars * 2 > chars };
}

/**
 * Finds the vertical whitespace gutter that best splits the fragments into two columns, or `null`.
 * A gutter must be ≥ 8pt wide, crossed by few fragments, have ≥ 3 fragments on each side, and not be
 * a table-like layout (dates or labels on the left, aligned row by row with text on the right, or nearly
 * every left fragment on a row shared with the right, as in a Europass CV's label column).
 */
function findGutter(fragments: Fragment[], rowCount: number): Gutter | null {
  if (fragments.length < 6) return null;
  const minX = Math.min(...fragments.map((fragment) => fragment.x));
  const maxX = Math.max(...fragments.map((fragment) => fragment.right));
  const binWidth = 2;
  const binCount = Math.ceil((maxX - minX) / binWidth) + 1;
  if (binCount < 10 || binCount > 5000) return null;
  const coverage = new Array<number>(binCount).fill(0);
  for (const fragment of fragments) {
    const first = Math.floor((fragment.x - minX) / binWidth);
    const last = Math.min(binCount - 1, Math.floor((fragment.right - minX) / binWidth));
    for (let bin = first; bin <= last; bin += 1) coverage[bin] = (coverage[bin] ?? 0) + 1;
  }
  const allowance = Math.max(2, Math.floor(rowCount * 0.1));
  let best: { gutter: Gutter; support: number } | null = null;
  let runStart = -1;
  for (let bin = 0; bin <= binCount; bin += 1) {
    const open = bin < binCount && (coverage[bin] ?? 0) <= allowance;
    if (open && runStart < 0) runStart = bin;
    if (open || runStart < 0) continue;
    const start = minX + runStart * binWidth;
    const end = minX + bin * binWidth;
    runStart = -1;
    if (end - start < 8 || start <= minX || end >= maxX) continue;
    const gutter = { start, end };
    const support = scoreGutter(fragments, gutter);
    if (support > 0 && (best === null || support > best.support)) best = { gutter, support };
  }
  return best?.gutter ?? null;
}

/** How well a gutter separates columns (0 = it does not). */
function scoreGutter(fragments: Fragment[], gutter: Gutter): number {
  const middle = (gutter.start + gutter.end) / 2;
  const left = fragments.filter((fragment) => fragment.right <= middle);
  const right = fragments.filter((fragment) => fragment.x >= middle);
  if (left.length < 3 || right.length < 3) return 0;
  const aligned = left.filter((fragment) =>
    right.some(
      (other) => Math.abs(other.y - fragment.y) <= 0.35 * Math.min(other.fontSize, fragment.fontSize),
    ),
  );
  const tableLike = left.filter((fragment) => {
    const text = joinRuns(fragment.items);
    return datePattern.test(text) || /[:：]$/.test(text);
  });
  if (aligned.length >= 0.6 * left.length && tableLike.length >= 0.5 * left.length) return 0;
  // Dates pushed to the right margin beside each entry's header ("ELIOR, Le Havre ........ 2020-2023"):
  // a right "column" of dates, each on a row shared with the left, is the entries' own dates.
  const rightDates = right.filter((fragment) => datePattern.test(joinRuns(fragment.items)));
  const rightAligned = right.filter((fragment) =>
    left.some(
      (other) => Math.abs(other.y - fragment.y) <= 0.35 * Math.min(other.fontSize, fragment.fontSize),
    ),
  );
  if (rightDates.length >= 0.8 * right.length && rightAligned.length >= 0.8 * right.length) return 0;
  // A label column (Europass: "Téléphone", "Langue(s) maternelle(s)", dates, right-aligned against the
  // content): nearly every left fragment shares its row with text on the right and ends where the others
  // end. A sidebar's lines are left-aligned and meet the main column's rows only by chance.
  const rightEdges = left.map((fragment) => fragment.right).sort((a, b) => a - b);
  const edge = rightEdges[Math.floor(rightEdges.length / 2)] ?? 0;
  const flushRight = left.filter((fragment) => Math.abs(fragment.right - edge) <= 2);
  const starts = left.map((fragment) => fragment.x);
  const ragged = Math.max(...starts) - Math.min(...starts) > 10;
  if (
    left.length >= 6 &&
    aligned.length >= 0.8 * left.length &&
    flushRight.length >= 0.8 * left.length &&
    ragged
  )
    return 0;
  return Math.min(left.length, right.length);
}

function toLine(items: PositionedText[], column: number, region: OrderedLine['region']): OrderedLine {
  const style = dominantStyle(items);
  const first = items[0];
  return {
    text: joinRuns(items),
    x: first?.x ?? 0,
    y: first?.y ?? 0,
    fontSize: style.fontSize,
    bold: style.bold,
    column,
    region,
  };
}

function rowsToLines(fragments: Fragment[], column: number, region: OrderedLine['region']): OrderedLine[] {
  const rows = groupRows(fragments);
  return rows.map((row) =>
    toLine(
      row.flatMap((fragment) => fragment.items),
      column,
      region,
    ),
  );
}

/** Orders the text runs of one page into lines, column by column. */
export function orderPageLines(runs: PositionedText[]): OrderedLine[] {
  const visible = runs.filter((run) => run.text.trim().length > 0);
  const rows = groupRows(visible);
  const fragments = rows.flatMap((row) => splitFragments(row));
  const gutter = findGutter(fragments, rows.length);
  if (gutter === null) return rowsToLines(fragments, 0, 'body');

  const middle = (gutter.start + gutter.end) / 2;
  const leftFragments = fragments.filter((fragment) => fragment.right <= middle);
  const rightFragments = fragments.filter((fragment) => fragment.x >= middle);
  const leftWidth =
    Math.max(...leftFragments.map((fragment) => fragment.right)) - Math.min(...leftFragments.map((f) => f.x));
  const rightWidth =
    Math.max(...rightFragments.map((fragment) => fragment.right)) -
    Math.min(...rightFragments.map((f) => f.x));
  const total = leftWidth + rightWidth;
  const leftRegion = leftWidth < 0.4 * total ? 'sidebar' : 'body';
  const rightRegion = rightWidth < 0.4 * total ? 'sidebar' : 'body';

  // Full-width fragments (crossing the gutter) cut the page into bands read one after the other.
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: OrderedLine[] = [];
  let bandLeft: Fragment[] = [];
  let bandRight: Fragment[] = [];
  const flush = () => {
    lines.push(...rowsToLines(bandLeft, 0, leftRegion), ...rowsToLines(bandRight, 1, rightRegion));
    bandLeft = [];
    bandRight = [];
  };
  // A left-column line that overflows into the gutter (a long e-mail address) is not a full-width line:
  // only one reaching well into the right column cuts the page into bands.
  const rightStart = Math.min(...rightFragments.map((fragment) => fragment.x));
  const spanningFrom = rightStart + 0.25 * rightWidth;
  for (const fragment of sorted) {
    if (fragment.right <= middle) bandLeft.push(fragment);
    else if (fragment.x >= middle) bandRight.push(fragment);
    else if (fragment.right < spanningFrom) bandLeft.push(fragment);
    else {
      flush();
      lines.push(toLine(fragment.items, 0, 'body'));
    }
  }
  flush();
  return lines;
}
