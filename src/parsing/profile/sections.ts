import { type CvHeadingKind, foldTerm, fromEveryLocale } from '../../locale/index.js';
import { foldForMatch } from '../../text/index.js';
import type { DocumentLine, ExtractedDocument } from '../extract/types.js';
import { headingKindByWords } from './heading-words.js';

/** What a CV section is about. `top` is what comes before the first heading of a column. */
export type SectionKind = 'top' | CvHeadingKind | 'other';

/** A line of a section, with its 1-based line number in the document. */
export interface SectionLine extends DocumentLine {
  lineNumber: number;
  /** Starts with a bullet, or is a list item in the document structure. */
  isBullet: boolean;
  isTable: boolean;
}

export interface Section {
  kind: SectionKind;
  /** The heading as written, null for `top`. */
  heading: SectionLine | null;
  lines: SectionLine[];
}

/** Folded heading texts of every language (`src/locale/<language>/cv-headings.ts`) → kind. */
const HEADINGS: ReadonlyMap<string, CvHeadingKind> = new Map(
  fromEveryLocale((locale) =>
    (Object.entries(locale.cvHeadings) as [CvHeadingKind, readonly string[]][]).flatMap(([kind, headings]) =>
      headings.map((heading) => [foldTerm(heading), kind] as const),
    ),
  ),
);

function headingKey(text: string): string {
  return foldForMatch(text)
    .replace(/[:.\s]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading key with doubled letters made single: "profesionnelle" and "professionnelle" meet. */
const singleLetters = (key: string) => key.replace(/(\p{L})\1+/gu, '$1');

/** The written-out headings by their single-letter keys, for a heading typed with a letter doubled or not. */
const HEADINGS_SINGLE_LETTERS: ReadonlyMap<string, CvHeadingKind> = (() => {
  const byKey = new Map<string, CvHeadingKind | null>();
  for (const [key, kind] of HEADINGS) {
    const single = singleLetters(key);
    byKey.set(single, byKey.has(single) && byKey.get(single) !== kind ? null : kind);
  }
  return new Map([...byKey].filter((entry): entry is [string, CvHeadingKind] => entry[1] !== null));
})();

/** A heading-shaped line: a few words, no digits, no sentence end. */
const isShortHeadingText = (text: string) => /^[\p{L}'’ &/-]{6,40}:?$/u.test(text.trim());

/**
 * The section kind a heading text names, or null. Accepts "Compétences :" and "COMPÉTENCES", longer
 * headings by their words ("Career Experience/Job History", see `headingKindByWords`), and the written-out
 * headings with a letter doubled or not ("EXPERIENCE PROFESIONNELLE", a common French slip).
 */
export function headingKind(text: string): SectionKind | null {
  return (
    HEADINGS.get(headingKey(text)) ??
    headingKindByWords(text) ??
    letterSpacedKind(text) ??
    (isShortHeadingText(text) ? (HEADINGS_SINGLE_LETTERS.get(singleLetters(headingKey(text))) ?? null) : null)
  );
}

/** A heading written with spaced letters ("E X P E R I E N C E", "E xp er ie nc e"), read without the spaces. */
function letterSpacedKind(text: string): SectionKind | null {
  const tokens = text.trim().split(/\s+/u);
  if (tokens.length < 4 || !tokens.every((token) => /^\p{L}{1,2}$/u.test(token))) return null;
  return HEADINGS.get(headingKey(tokens.join(''))) ?? null;
}

/** A line that starts with a known heading followed by ":" and content: "Compétences : a, b". */
function inlineHeading(text: string): { kind: SectionKind; contentOffset: number } | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  // Only the headings written out: "Technologies: X, Y" inside a job is a list, not a new section.
  const kind = HEADINGS.get(headingKey(text.slice(0, colon))) ?? null;
  if (!kind || kind === 'contact') return null;
  let contentOffset = colon + 1;
  while (text[contentOffset] === ' ') contentOffset++;
  return contentOffset < text.length ? { kind, contentOffset } : null;
}

function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

const BULLET = /^[•▪■□◦●○◆◇►▸‣⁃➢➤✓✔·*-]\s+/u;

function toSectionLine(line: DocumentLine, lineNumber: number): SectionLine {
  const bullet = BULLET.exec(line.text);
  const text = bullet ? line.text.slice(bullet[0].length) : line.text;
  return {
    ...line,
    text,
    start: line.start + (bullet ? bullet[0].length : 0),
    lineNumber,
    isBullet: Boolean(bullet) || line.listItem === true,
    isTable: line.region === 'table',
  };
}

/** A page header/footer, or a column: lines of one area are read together. */
function areaOf(line: DocumentLine): string {
  if (line.region === 'header' || line.region === 'footer') return line.region;
  return `column:${line.column ?? 0}`;
}

/**
 * Lines grouped by area in the order areas first appear (stable inside an area), so that a column that
 * an extractor interleaved with another one is read in one piece. Each line keeps its 1-based number.
 */
function groupByArea(lines: DocumentLine[]): { line: DocumentLine; lineNumber: number }[] {
  const rank = new Map<string, number>();
  for (const line of lines) if (!rank.has(areaOf(line))) rank.set(areaOf(line), rank.size);
  return lines
    .map((line, index) => ({ line, lineNumber: index + 1 }))
    .sort((a, b) => rank.get(areaOf(a.line))! - rank.get(areaOf(b.line))! || a.lineNumber - b.lineNumber);
}

/**
 * Splits a document into sections by French and English headings, helped by layout cues. A heading is a
 * line whose text names a known section (alone, or followed by ":" and content), or a short capitalised
 * line with a heading style (DOCX heading level, or bold at a larger size). A new column, sidebar or page
 * header starts a `top` section, so that a sidebar's last section does not swallow the main column.
 */
export function splitSections(document: ExtractedDocument): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'top', heading: null, lines: [] };
  let area: string | null = null;
  const bodySize = medianFontSize(document.lines);
  const ordered = groupByArea(document.lines);
  for (let index = 0; index < ordered.length; index++) {
    const { line: raw, lineNumber } = ordered[index]!;
    const lineArea = areaOf(raw);
    if (area !== null && lineArea !== area) {
      sections.push(current);
      current = { kind: raw.region === 'header' ? 'contact' : 'top', heading: null, lines: [] };
    }
    area = lineArea;
    const line = toSectionLine(raw, lineNumber);
    if (line.isTable || line.isBullet) {
      current.lines.push(line);
      continue;
    }
    // A heading broken over two lines in a narrow column: "PERMIS &" + "HABILITATIONS".
    const next = ordered[index + 1]?.line;
    if (next && /(&|\bet|\band)$/iu.test(line.text) && areaOf(next) === lineArea) {
      const joined = `${line.text} ${next.text}`;
      const kind = headingKind(joined);
      if (kind) {
        sections.push(current);
        current = { kind, heading: { ...line, text: joined }, lines: [] };
        index++;
        continue;
      }
    }
    const kind = headingKind(line.text);
    if (kind) {
      sections.push(current);
      current = { kind, heading: line, lines: [] };
      continue;
    }
    const inline = inlineHeading(line.text);
    if (inline) {
      sections.push(current);
      current = {
        kind: inline.kind,
        heading: { ...line, text: line.text.slice(0, inline.contentOffset) },
        lines: [
          {
            ...line,
            text: line.text.slice(inline.contentOffset),
            start: line.start + inline.contentOffset,
          },
        ],
      };
      continue;
    }
    if (looksLikeUnknownHeading(line, bodySize)) {
      sections.push(current);
      current = { kind: 'other', heading: line, lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  sections.push(current);
  return sections.filter((section) => section.heading !== null || section.lines.length > 0);
}

function looksLikeUnknownHeading(line: DocumentLine, bodySize: number | null): boolean {
  if (/\d|@/.test(line.text) || line.text.split(/\s+/).length > 5) return false;
  if (line.headingLevel !== undefined && line.headingLevel >= 1) return isCaps(line.text);
  return (
    line.bold === true &&
    bodySize !== null &&
    (line.fontSize ?? 0) > bodySize &&
    isCaps(line.text) &&
    line.text.length > 3
  );
}

function medianFontSize(lines: DocumentLine[]): number | null {
  const sizes = lines.map((line) => line.fontSize).filter((size): size is number => size !== undefined);
  if (sizes.length === 0) return null;
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)]!;
}

/** All lines of the sections of the given kinds, in document order. */
export function linesOf(sections: Section[], ...kinds: SectionKind[]): SectionLine[] {
  return sections.filter((section) => kinds.includes(section.kind)).flatMap((section) => section.lines);
}
