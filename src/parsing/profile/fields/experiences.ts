import type { Experience, OccupationRef } from '../../../domain/index.js';
import { spanIn } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';
import { type DateRange, parseDateRange } from './dates.js';

/** Maps a job title to an occupation (the taxonomy's `normalizeOccupation` in production). */
export type OccupationResolver = (title: string) => OccupationRef | null;

interface Header {
  title: string;
  company: string | null;
  location: string | null;
}

const SEPARATORS = /\s+[–—-]\s+|\s*\|\s*/u;

/** Splits "Cariste – Entrepôt X, Corbas", "Cariste chez X (Lyon)", "X | Lyon" into parts. */
export function splitHeader(text: string): Header | null {
  let rest = text.replace(/^[\s:,;|–—-]+|[\s:,;|–—-]+$/gu, '').trim();
  if (rest.length === 0) return null;
  let location: string | null = null;
  const parenthesis = /\s*\(([^)]+)\)\s*$/u.exec(rest);
  if (parenthesis) {
    location = parenthesis[1]!.trim();
    rest = rest.slice(0, parenthesis.index).trim();
  }
  const at = /\s+(?:chez|at|@|pour|for)\s+/iu.exec(rest);
  if (at) {
    const title = rest.slice(0, at.index).trim();
    let company = rest.slice(at.index + at[0].length).trim();
    if (!location) {
      const comma = company.lastIndexOf(',');
      if (comma > 0) {
        location = company.slice(comma + 1).trim();
        company = company.slice(0, comma).trim();
      }
    }
    return { title, company: company || null, location };
  }
  const parts = rest
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length >= 2) {
    let company = parts[1]!;
    if (parts.length >= 3) location ??= parts.slice(2).join(', ');
    else if (!location) {
      const comma = company.lastIndexOf(',');
      if (comma > 0) {
        location = company.slice(comma + 1).trim();
        company = company.slice(0, comma).trim();
      }
    }
    return { title: parts[0]!, company, location };
  }
  const comma = rest.split(/\s*,\s*/u);
  if (comma.length >= 2)
    return { title: comma[0]!, company: comma[1]!, location: location ?? (comma[2] || null) };
  return { title: rest, company: null, location };
}

/** Company and place written without a title: "Transports Ferrand | Villeurbanne". */
function splitCompanyLine(text: string): { company: string | null; location: string | null } {
  const header = splitHeader(text);
  if (!header) return { company: null, location: null };
  return { company: header.title, location: header.company ?? header.location };
}

function looksLikeTitleLine(line: SectionLine): boolean {
  if (line.isBullet || line.isTable) return false;
  const words = line.text.split(/\s+/).length;
  return words <= 12 && !/[.;]$/.test(line.text);
}

/**
 * Experiences of a section (or of a whole CV without headings): every line with a period ("03/2019 -
 * 06/2020", "Depuis 2020"…) opens an entry; the title and company come from the same line or the line
 * just before; following lines are the description.
 * @param strict only lines with a real range open an entry (used when scanning a CV without headings).
 */
export function extractExperiences(
  lines: SectionLine[],
  options: { resolveOccupation: OccupationResolver; strict: boolean },
): Experience[] {
  const dated: { index: number; range: DateRange }[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.isBullet) continue;
    const range = parseDateRange(line.text);
    if (!range || (options.strict && !range.isRange)) continue;
    dated.push({ index, range });
  }
  const experiences: Experience[] = [];
  const used = new Set<number>();
  const isOccupation = (text: string | undefined) =>
    text !== undefined && options.resolveOccupation(text) !== null;
  // A dated line carries its own title when it says "chez"/"at", or when its first part is a known occupation
  // and the line before it is neither an occupation nor bold ("2015 - 2019 Magasinier - Z - Paris").
  const hasOwnTitle = (line: SectionLine, previous: SectionLine | undefined): boolean => {
    const range = parseDateRange(line.text);
    if (!range) return false;
    const remainder =
      `${line.text.slice(0, range.index)} ${line.text.slice(range.index + range.length)}`.trim();
    if (/\s(?:chez|at|@)\s/iu.test(` ${remainder} `)) return true;
    const header = remainder ? splitHeader(remainder) : null;
    if (!header || header.company === null || !isOccupation(header.title)) return false;
    return !previous || (previous.bold !== true && !isOccupation(splitHeader(previous.text)?.title));
  };
  for (const [position, { index, range }] of dated.entries()) {
    const line = lines[index]!;
    const before = line.text.slice(0, range.index);
    const after = line.text.slice(range.index + range.length);
    const remainder = `${before} ${after}`
      .replace(/\(\s*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const previousIndex = index - 1;
    const previous =
      previousIndex >= 0 && !used.has(previousIndex) && !dated.some((entry) => entry.index === previousIndex)
        ? lines[previousIndex]
        : undefined;
    let header: Header | null = null;
    let headerLine = line;
    const fromRemainder = remainder ? splitHeader(remainder) : null;
    const remainderHasTitle =
      (fromRemainder !== null && previous === undefined) || hasOwnTitle(line, previous);
    if (fromRemainder && remainderHasTitle) header = fromRemainder;
    else if (previous && looksLikeTitleLine(previous)) {
      headerLine = previous;
      used.add(previousIndex);
      const fromPrevious = splitHeader(previous.text);
      if (fromPrevious && remainder) {
        const companyLine = splitCompanyLine(remainder);
        header = {
          title: fromPrevious.title,
          company: fromPrevious.company ?? companyLine.company,
          location: fromPrevious.location ?? companyLine.location,
        };
      } else header = fromPrevious;
    } else header = fromRemainder;
    if (!header || header.title.length === 0) continue;
    used.add(index);
    // "Cariste (2018 – 2020)" then "Entreprise X – Lyon": the company on the line after the dates.
    const following = lines[index + 1];
    if (
      header.company === null &&
      following &&
      !following.isBullet &&
      !parseDateRange(following.text) &&
      following.text.split(/\s+/).length <= 10 &&
      /\s[–—-]\s|\s\|\s|,\s/u.test(following.text)
    ) {
      const companyLine = splitCompanyLine(following.text);
      header = { ...header, company: companyLine.company, location: header.location || companyLine.location };
      used.add(index + 1);
    }
    // Description: lines after the header up to the next entry (minus the next entry's title line).
    const nextIndex = dated[position + 1]?.index ?? lines.length;
    const description: string[] = [];
    for (let cursor = index + 1; cursor < nextIndex; cursor++) {
      const candidate = lines[cursor]!;
      if (used.has(cursor)) continue;
      const isNextTitle = cursor === nextIndex - 1 && nextIndex < lines.length && !candidate.isBullet;
      if (isNextTitle && looksLikeTitleLine(candidate) && !hasOwnTitle(lines[nextIndex]!, candidate)) break;
      description.push(candidate.text);
      used.add(cursor);
    }
    // Title line and dates line next to each other: one span over both; otherwise the title line alone.
    const adjacent = line.start === headerLine.start + headerLine.text.length + 1;
    const source =
      headerLine === line
        ? spanIn(line)
        : adjacent
          ? {
              ...spanIn(headerLine),
              text: `${headerLine.text}\n${line.text}`,
              end: line.start + line.text.length,
            }
          : spanIn(headerLine);
    experiences.push({
      title: header.title,
      company: header.company,
      location: header.location,
      start: range.start,
      end: range.end,
      current: range.current,
      description: description.join('\n'),
      occupation: options.resolveOccupation(header.title),
      source,
      confidence: header.company ? 0.85 : 0.6,
    });
  }
  return experiences;
}
