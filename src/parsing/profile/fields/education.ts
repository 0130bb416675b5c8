import type { Education } from '../../../domain/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { parseDateRange } from './dates.js';

// Degree words that start (or name) a French or English qualification.
const DEGREE =
  /(?<![\p{L}])(cap|bep|bac(?:calaureat)?(?:\s*pro(?:fessionnel)?)?|brevet|bts|dut|but|licence(?:\s+pro(?:fessionnelle)?)?|master|mba|ingenieur|doctorat|titre\s+professionnel|deas|deap|deaes|diplome|dipl\.|cqp|cap\s*[\p{L}]*|dees|btec|a-levels?|gcse|nvq|qqi|bachelor|certificate|diploma|degree|hnd)(?![\p{L}])/iu;

/** Whether a line names a qualification (a degree keyword near its start). */
export function hasDegreeKeyword(text: string): boolean {
  const match = DEGREE.exec(foldForMatch(text));
  return match !== null && match.index <= 12;
}

const SPLIT = /\s+[–—-]\s+|\s*\|\s*/u;

/**
 * Education entries: each non-bullet line of the section with a degree keyword or a year. The year is the
 * last year written (an end year for "2016-2018"); the degree is the part with the degree keyword, the
 * institution the part after it.
 * @param strict only lines with a degree keyword (used when scanning a CV without headings).
 */
export function extractEducation(lines: SectionLine[], options: { strict: boolean }): Education[] {
  const education: Education[] = [];
  let previous: { line: SectionLine; entry: Education } | null = null;
  for (const line of lines) {
    const last = previous;
    previous = null;
    // A long line wrapped by a PDF: "Bac pro … – Lycée hôtelier" + "François Rabelais (2019)".
    if (
      last &&
      !options.strict &&
      line.lineNumber === last.line.lineNumber + 1 &&
      !hasDegreeKeyword(line.text)
    ) {
      const range = parseDateRange(line.text);
      const rest = (
        range ? line.text.slice(0, range.index) + line.text.slice(range.index + range.length) : line.text
      )
        .replace(/[()\s:–—-]+$/u, '')
        .trim();
      if (last.entry.year === null && range)
        last.entry.year = Number((range.end ?? range.start)!.slice(0, 4));
      if (rest) last.entry.institution = last.entry.institution ? `${last.entry.institution} ${rest}` : rest;
      else if (!last.entry.institution) last.entry.degree = `${last.entry.degree} ${rest}`.trim();
      last.entry.source = {
        ...last.entry.source!,
        text: `${last.entry.source!.text}\n${line.text}`,
        end: line.start + line.text.length,
      };
      continue;
    }
    if (line.isBullet && !hasDegreeKeyword(line.text)) continue;
    if (/\b(?:permis|driving)\b/iu.test(line.text)) continue;
    const range = parseDateRange(line.text);
    const keyword = hasDegreeKeyword(line.text.replace(/^[\d\s:/–—-]+/u, ''));
    if (!keyword && (options.strict || !range)) continue;
    let year: number | null = null;
    let rest = line.text;
    if (range) {
      const yearText = range.end ?? range.start;
      year = yearText ? Number(yearText.slice(0, 4)) : null;
      rest = `${line.text.slice(0, range.index)} ${line.text.slice(range.index + range.length)}`;
    }
    rest = rest
      .replace(/\(\s*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s:,;|–—-]+|[\s:,;|–—(-]+$/gu, '')
      .trim();
    if (rest.length === 0) continue;
    const parts = rest
      .split(SPLIT)
      .map((part) => part.trim())
      .filter(Boolean);
    const degreeIndex = Math.max(
      0,
      parts.findIndex((part) => hasDegreeKeyword(part)),
    );
    const degree = parts[degreeIndex]!;
    const institution = parts.slice(degreeIndex + 1).join(' – ') || null;
    const entry: Education = {
      degree,
      institution,
      year: year !== null && year >= 1950 && year <= 2100 ? year : null,
      source: spanIn(line),
      confidence: keyword ? (year ? 0.9 : 0.7) : 0.5,
    };
    education.push(entry);
    // Only an entry whose line does not end with its year can continue on the next line.
    if (!range || range.index + range.length < line.text.replace(/[)\s]+$/u, '').length)
      previous = { line, entry };
  }
  return education;
}
