import type { OrderedLine } from './reading-order.js';

/** The ordered lines of one page. */
export interface PageLines {
  page: number;
  /** Page height, points (to know what is near the top or bottom). */
  height: number;
  lines: OrderedLine[];
}

/** A line ready for the document, with its page. */
export interface PlacedLine extends OrderedLine {
  page: number;
}

/** Share of the page height, at the top and at the bottom, where running headers and footers live. */
const marginShare = 0.1;

const pageNumberPatterns = [
  /^\d{1,3}\s*(?:\/|sur|of)\s*\d{1,3}$/i,
  /^(?:page|p\.)\s*\d{1,3}(?:\s*(?:\/|sur|of)\s*\d{1,3})?$/i,
  /^[-–—]\s*\d{1,3}\s*[-–—]$/,
  /^\d{1,3}$/,
];

/** Whether a line is a page number such as `1/2`, `Page 2`, `2 sur 3` or `- 2 -`. */
export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return pageNumberPatterns.some((pattern) => pattern.test(trimmed));
}

function isInMargin(line: OrderedLine, height: number): boolean {
  return line.y > height * (1 - marginShare) || line.y < height * marginShare;
}

/** Text compared across pages: digits stand for any number (`Page 1` ≡ `Page 2`). */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Drops running headers/footers (same text in the top or bottom margin of ≥ 2 pages: kept on the first
 * page it appears on, dropped on the others) and page numbers in the margins, then joins words hyphenated across line ends within a column
 * (`manu-` + `tention` → `manutention`; `Jean-` + `Pierre` keeps its hyphen).
 */
export function cleanPageLines(pages: PageLines[]): PlacedLine[] {
  const pagesByKey = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!isInMargin(line, page.height)) continue;
      const key = runningKey(line.text);
      const seen = pagesByKey.get(key) ?? new Set<number>();
      seen.add(page.page);
      pagesByKey.set(key, seen);
    }
  }
  const kept: PlacedLine[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      if (isInMargin(line, page.height)) {
        if (isPageNumber(line.text)) continue;
        // A running header often carries the name and contact details: keep its first occurrence.
        const pagesWithLine = pagesByKey.get(runningKey(line.text));
        if (
          pagesWithLine !== undefined &&
          pagesWithLine.size >= 2 &&
          Math.min(...pagesWithLine) !== page.page
        )
          continue;
      }
      kept.push({ ...line, page: page.page });
    }
  }
  return joinHyphenatedWords(kept);
}

const hyphenEnd = /(\p{L})-$/u;

/** Moves the second half of a word hyphenated at a line end up to the line where it started. */
export function joinHyphenatedWords<T extends { text: string; column: number; page: number }>(
  input: T[],
): T[] {
  const lines = [...input];
  const result: T[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined) continue;
    const next = lines[index + 1];
    if (
      next === undefined ||
      !hyphenEnd.test(line.text) ||
      next.column !== line.column ||
      next.page !== line.page
    ) {
      result.push(line);
      continue;
    }
    const match = /^(\p{L}[\p{L}'’-]*)([.,;:!?)]*)\s*(.*)$/u.exec(next.text);
    if (match === null) {
      result.push(line);
      continue;
    }
    const [, word = '', punctuation = '', rest = ''] = match;
    const lowerCase =
      word[0] !== undefined && word[0] === word[0].toLowerCase() && word[0] !== word[0].toUpperCase();
    const joined = lowerCase ? line.text.slice(0, -1) + word : line.text + word;
    result.push({ ...line, text: joined + punctuation });
    if (rest.length > 0) lines[index + 1] = { ...next, text: rest };
    else index += 1;
  }
  return result;
}
