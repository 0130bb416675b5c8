import type { Experience, OccupationRef, SourceSpan } from '../../../domain/index.js';
import { MONTH_NUMBERS } from '../../../locale/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import { headingKind, type SectionLine } from '../sections.js';
import { type DateRange, parseDateRange, parsePlaceholderRange } from './dates.js';
import { hasDegreeKeyword } from './education.js';
import { type Assembly, assembleEntry } from './entry-assembly.js';
import {
  companyScore,
  type EntryLabel,
  type EntryPart,
  entryLabel,
  hasCue,
  isLegalForm,
  isPlace,
  splitParts,
  titleScore,
} from './entry-parts.js';
import { COMPANY_PLACEHOLDER, COMPANY_WORDS, TITLE_WORDS } from './entry-words.js';
import { isBulletLine, isHeaderLike, isRunningHeader, isSentenceLike } from './header-lines.js';
import { classifyHeaderPart, type PartScores } from './part-classifier.js';

/** Maps a job title to an occupation (the taxonomy's `normalizeOccupation` in production). */
export type OccupationResolver = (title: string) => OccupationRef | null;

interface Header {
  title: string;
  company: string | null;
  location: string | null;
}

/** Splits "Cariste – Entrepôt X, Corbas", "Cariste chez X (Lyon)", "X | Lyon" into title, company, place. */
export function splitHeader(
  text: string,
  isOccupation: (text: string) => boolean = () => false,
): Header | null {
  const parts = splitParts(text).map((part) => ({ ...part, line: 0 }));
  if (parts.length === 0) return null;
  const assigned = assignParts(parts, isOccupation, { title: null, company: null });
  if (!assigned) return null;
  return {
    title: assigned.title?.text ?? '',
    company: assigned.company?.text ?? null,
    location: assigned.location?.text ?? null,
  };
}

/** A part of an entry header, with the header line it came from (relative to the dates line). */
interface SlottedPart extends EntryPart {
  line: number;
}

interface Assigned {
  /** Null for an entry that names only its employer ("Infosys Limited - Pune" then dates). */
  title: SlottedPart | null;
  company: SlottedPart | null;
  location: SlottedPart | null;
  /** How the title was chosen: by a label or its words, by the CV's template, or by position only. */
  decidedBy: 'cues' | 'template' | 'position';
  /** With the learned scores: the joint assembly's marginal probabilities of its title and employer. */
  titleProbability?: number;
  companyProbability?: number;
}

/** Where titles and employers sit in this CV's clear entries ("-2:0": first part, two lines above the dates). */
interface Template {
  title: string | null;
  company: string | null;
}

const slotOf = (part: SlottedPart, parts: SlottedPart[]) =>
  `${part.line}:${parts.filter((other) => other.line === part.line).indexOf(part)}`;

/**
 * Decides which part is the title, which the employer and which the place. Labels decide first
 * ("Position: …"); places are recognised next; then the title is the part whose words say "job title"
 * most clearly ("Engineer", "Cariste", a known occupation) against employer words ("Ltd", "Technologies",
 * "Transports"); when no part stands out, the CV's own template decides (where titles sat in its clear
 * entries), else the first part. The employer is the most employer-like remaining part, nearest after the
 * title on ties. A lone part with employer words, or at the template's employer place, is an employer
 * without a title. With the learned scores, title and employer are chosen jointly instead (`assignJointly`).
 */
function assignParts(
  allParts: SlottedPart[],
  isOccupation: (text: string) => boolean,
  template: Template,
  classify: PartClassifier | null = null,
): Assigned | null {
  const parts = allParts.filter((part) => part.label !== 'dates');
  const labelled = (label: EntryLabel) => parts.find((part) => part.label === label) ?? null;
  const places = parts.filter((part) => part.label === 'location' || (!part.label && isPlace(part.text)));
  let others = parts.filter((part) => !places.includes(part));
  // A lone commune-like word is more likely the employer than nothing ("Orange", "Nice Matin").
  if (others.length === 0 && places.length > 0 && !places[0]!.label) others = [places.shift()!];
  if (others.length === 0) return null;
  if (classify) return assignJointly(parts, others, places, isOccupation, template, classify);
  const scored = others.map((part) => ({
    part,
    score: part.label === 'title' ? 10 : part.label === 'company' ? -10 : titleScore(part.text, isOccupation),
  }));
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  let title: SlottedPart | null = best.part;
  let decidedBy: Assigned['decidedBy'] = 'cues';
  const clear = best.score > 0 && (ranked.length === 1 || best.score - ranked[1]!.score >= 1);
  if (others.length === 1 && best.score <= 0) {
    const only = best.part;
    const employerLike =
      only.label === 'company' ||
      companyScore(only.text) > 0 ||
      (template.company !== null &&
        slotOf(only, parts) === template.company &&
        template.title !== template.company);
    if (employerLike) return { title: null, company: only, location: places[0] ?? null, decidedBy: 'cues' };
    decidedBy = 'position';
  } else if (!clear) {
    const tied = scored.filter((item) => item.score === best.score).map((item) => item.part);
    const fromTemplate = template.title
      ? tied.find((part) => slotOf(part, parts) === template.title)
      : undefined;
    if (fromTemplate) {
      title = fromTemplate;
      decidedBy = 'template';
    } else {
      title = tied[0]!;
      decidedBy = 'position';
    }
  }
  const rest = others.filter((part) => part !== title);
  const titleIndex = parts.indexOf(title);
  const company =
    labelled('company') ??
    [...rest].sort((a, b) => {
      const byScore = companyScore(b.text) - companyScore(a.text);
      if (byScore !== 0) return byScore;
      // Nearest after the title first, then before it.
      const distance = (part: SlottedPart) => {
        const index = parts.indexOf(part);
        return index > titleIndex ? index - titleIndex : 100 + titleIndex - index;
      };
      return distance(a) - distance(b);
    })[0] ??
    null;
  return { title, company, location: places[0] ?? null, decidedBy };
}

/**
 * Log-score head start of a reading that cuts a piece at its comma: its extra piece costs a log probability
 * the whole piece does not pay (dotin development resumes: titles F1 0.666 → 0.670, employers unchanged).
 */
const SPLIT_PRIOR = 1;
/** Title probability (without the template) above which the joint assembly's title is clear. */
const CLEAR_TITLE = 0.6;

/**
 * `assignParts` with the learned scores: title and employer chosen jointly (`assembleEntry`), first from the
 * pieces alone; when that leaves the title unclear, with the CV's template too.
 */
function assignJointly(
  parts: SlottedPart[],
  pieces: SlottedPart[],
  places: SlottedPart[],
  isOccupation: (text: string) => boolean,
  template: Template,
  classify: PartClassifier,
): Assigned | null {
  // "Produce Clerk, Expensive Foods": a piece with one comma may be a title and its employer. Each such
  // piece cut in two is another way to read the header; the reading whose best assignment is the most
  // probable wins, a cut reading with a small prior for the piece it adds (`SPLIT_PRIOR`).
  let others = pieces;
  const readings = [pieces];
  for (const [index, part] of others.entries()) {
    const comma = part.text.indexOf(', ');
    if (part.label || comma <= 0 || part.text.indexOf(', ', comma + 1) >= 0) continue;
    const right = part.text.slice(comma + 2).trim();
    if (!/\p{L}/u.test(right) || isPlace(right) || isLegalForm(right)) continue;
    const cut = [
      { ...part, text: part.text.slice(0, comma).trim() },
      { ...part, text: right, offset: part.offset + part.text.indexOf(right, comma) },
    ];
    readings.push([...pieces.slice(0, index), ...cut, ...pieces.slice(index + 1)]);
  }
  let alone: Assembly<SlottedPart> | null = null;
  for (const [position, reading] of readings.entries()) {
    const found = assembleEntry(reading, { classify, isOccupation, atTemplate: () => false });
    const prior = position > 0 ? SPLIT_PRIOR : 0;
    if (found && (!alone || found.score + prior > alone.score)) {
      alone = found;
      others = reading;
    }
  }
  if (!alone) return null;
  let chosen = alone;
  let decidedBy: Assigned['decidedBy'] = 'cues';
  if (alone.titleProbability < CLEAR_TITLE && (template.title !== null || template.company !== null)) {
    const withTemplate = assembleEntry(others, {
      classify,
      isOccupation,
      atTemplate: (part, role) =>
        slotOf(part, parts) === (role === 'title' ? template.title : template.company),
    })!;
    decidedBy = withTemplate.title !== alone.title ? 'template' : 'position';
    chosen = withTemplate;
  } else if (alone.titleProbability < CLEAR_TITLE) decidedBy = 'position';
  return {
    title: chosen.title,
    company: chosen.company,
    location: places[0] ?? null,
    decidedBy,
    titleProbability: chosen.titleProbability,
    companyProbability: chosen.companyProbability,
  };
}

/** The learned scores of a header part (see part-classifier.ts), null where none is consulted. */
type PartClassifier = (part: SlottedPart) => PartScores;

/**
 * Joint-assembly probability of a title below which it is left empty (the entry keeps its employer, place
 * and dates): on the dotin development resumes 14 in 100 of the titles under 0.8 were right, against 40 in
 * 100 between 0.8 and 0.95 and 77 in 100 above. A title with a job-title word needs less (`TITLE_MIN_WORD`):
 * the dotin spans leave out many real jobs ("Middle School Softball Coach", "Assistant Professor"), so its
 * count of right ones under 0.8 is a floor, and an empty title costs the candidate that job.
 */
const TITLE_MIN = 0.8;
const TITLE_MIN_WORD = 0.6;
/** Learned title probability above which a part without a job-title word stays a title. */
const KEEP_TITLE = 0.6;
/** Learned title probability above which a short line under an entry without a title becomes its title. */
const FILL_TITLE = 0.6;
/** How many lines under an entry's header are looked at for its missing title. */
const FILL_LINES = 3;
/** Learned employer probability above which a short line under a titled entry without one is its employer. */
const FILL_EMPLOYER = 0.7;
/**
 * Learned employer probability below which an employer piece is left empty rather than kept: on the dotin
 * development resumes the employers under it were mostly places, departments, clients, projects and
 * descriptions (employer precision 0.55 → 0.74 for a recall 0.49 → 0.46; a wrong value costs twice).
 */
const EMPLOYER_MIN = 0.2;
/**
 * Learned probability (title + employer, best piece) below which a short line is a description rather than a
 * header line (see `isHeaderLine` in `extractExperiences`).
 */
const HEADER_LINE = 0.1;

interface Anchor {
  index: number;
  range: DateRange;
  /** Index of a next line that only finished the dates ("Mar 2011" / "Present"), else null. */
  continuation: number | null;
  remainder: string;
  /** Offset of `remainder`'s text in the anchor line (for parts' offsets). */
  remainderParts: EntryPart[];
  /** Header parts after the end date on the continuation line ("1995" / "1998: Senior Engineer"). */
  continuationParts: EntryPart[];
}

// The end of a period starting a line, before its header: "Present: Automotive Service Technician, …",
// "1998: Senior Engineer", "2013 Freelance web developer".
const LEADING_END =
  /^((?:present|current|now|today|till date|to date)|(?:\p{L}{3,9}\.?\s+)?(?:19|20)\d{2})(?![\p{L}\d])\s*[:,–—-]?\s*(?=\S)/iu;

/**
 * Dates cut over two lines with the header after them: "2007" then "Present: Associate Print Copywriter,
 * Saatchi & Saatchi". Returns the range over both and the header parts of the second line, or null.
 */
function continuedRangeWithHeader(
  line: SectionLine,
  next: SectionLine | undefined,
  range: DateRange,
): { range: DateRange; parts: EntryPart[]; text: string } | null {
  if (!next || next.isBullet || withoutDates(line.text, range).text.length > 0) return null;
  const lead = LEADING_END.exec(next.text);
  if (!lead) return null;
  const combined = parseDateRange(`${line.text} – ${lead[1]}`);
  if (!combined?.isRange || combined.current !== /^\D/u.test(lead[1]!) || combined.index > range.index)
    return null;
  const rest = `${' '.repeat(lead[0].length)}${next.text.slice(lead[0].length)}`;
  const text = rest.trim();
  if (text.split(/\s+/u).length > 14 || isSentenceLike(text)) return null;
  return {
    range: { ...combined, length: Math.min(combined.length, line.text.length - combined.index) },
    parts: splitParts(rest),
    text,
  };
}

/** The dates line's text without its dates: "Cariste (2018 – 2020)" → "Cariste". */
function withoutDates(text: string, range: DateRange): { text: string; parts: EntryPart[] } {
  const masked = `${text.slice(0, range.index)}${' '.repeat(range.length)}${text.slice(range.index + range.length)}`;
  // "Cariste (2018 – 2020)", "Team Lead [July 2011 to August 2012]": the emptied brackets go too.
  const cleaned = masked
    .replace(/\(\s*\)|\[\s*\]/g, (match) => ' '.repeat(match.length))
    .replace(/[([]\s*$/u, (match) => ' '.repeat(match.length));
  return { text: cleaned.replace(/\s+/g, ' ').trim(), parts: splitParts(cleaned) };
}

/** Dates cut over two lines: "Mar 2011" then "Present". Returns the range over both, or null. */
function continuedRange(
  line: SectionLine,
  next: SectionLine | undefined,
  range: DateRange,
): DateRange | null {
  if (!next || next.isBullet || next.text.split(/\s+/).length > 3) return null;
  const joined = `${line.text} – ${next.text}`;
  const combined = parseDateRange(joined);
  if (!combined?.isRange || combined.index > range.index) return null;
  return combined.index + combined.length >= joined.trimEnd().length - 1 ? { ...combined } : null;
}

/**
 * A list item that is a whole entry header: a period at its start or end and a short header beside it
 * ("- 03/2023 à 06/2023 : Cariste chez Lidl, Lyon", "• Cariste – Adecco pour Lidl – 03/2023 à 06/2023"),
 * as missions intérim are listed. A sentence with dates inside is not one.
 */
function isDatedHeaderItem(text: string): boolean {
  const range = parseDateRange(text);
  if (!range?.isRange) return false;
  const trimmedEnd = text.trimEnd().length;
  const atEdge = range.index <= 3 || range.index + range.length >= trimmedEnd - 1;
  const masked = withoutDates(text, range).text;
  const rest = masked.replace(/^[\s:–—-]+|[\s:–—-]+$/gu, '');
  const words = rest.length === 0 ? 0 : rest.split(/\s+/u).length;
  // The header beside the dates is cut into parts ("Cariste – Lidl", "Cariste chez Lidl") or set off by a
  // colon or dash from the dates, outside the dates themselves.
  return (
    atEdge && words >= 1 && words <= 12 && !isSentenceLike(rest) && /[–—:|]|\s-\s|\schez\s/u.test(masked)
  );
}

function findAnchors(lines: SectionLine[], strict: boolean): Anchor[] {
  const anchors: Anchor[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if ((isBulletLine(line) && !isDatedHeaderItem(line.text)) || isRunningHeader(line.text)) continue;
    let range = parseDateRange(line.text) ?? parsePlaceholderRange(line.text);
    if (!range) continue;
    let continuation: number | null = null;
    let continuationParts: EntryPart[] = [];
    let continuationText = '';
    if (!range.isRange) {
      const continued = continuedRange(line, lines[index + 1], range);
      const withHeader = continued ? null : continuedRangeWithHeader(line, lines[index + 1], range);
      if (continued) {
        range = { ...continued, length: Math.min(continued.length, line.text.length - continued.index) };
        continuation = index + 1;
      } else if (withHeader) {
        range = withHeader.range;
        continuation = index + 1;
        continuationParts = withHeader.parts;
        continuationText = withHeader.text;
      }
    }
    if (strict && !range.isRange) continue;
    let remainder = withoutDates(line.text, range);
    const tooLong = (text: string) =>
      (text.length === 0 ? 0 : text.split(/\s+/).length) > (range.isRange ? 14 : 8) || isSentenceLike(text);
    if (tooLong(remainder.text)) {
      // "2001-2002: Interim Department Chair, Political Science. Responsible for…", "Aug 2012 - present.
      // Features editor of…": a header, then its description on the same line from the first sentence on.
      const rangeEnd = range.index + range.length;
      const stop = /(?<=\p{L}{4,}|\d)\.\s+(?=\p{Lu})/gu;
      stop.lastIndex = Math.max(0, rangeEnd - 1);
      const cut = range.index === 0 || range.index < 40 ? stop.exec(line.text) : null;
      if (!cut) continue;
      remainder = withoutDates(line.text.slice(0, cut.index), range);
      if (tooLong(remainder.text) || remainder.text.split(/\s+/).length > 8) continue;
    }
    anchors.push({
      index,
      range,
      continuation,
      remainder: [remainder.text, continuationText].filter(Boolean).join(' '),
      remainderParts: remainder.parts,
      continuationParts,
    });
    if (continuation !== null) index = continuation;
  }
  return anchors;
}

/** A candidate entry: its anchor, header lines before and after, and the parts read from them. */
interface Block {
  anchor: Anchor;
  before: number[];
  after: number[];
  parts: SlottedPart[];
}

const MAX_HEADER_LINES = 3;

// A line that only gives a length of time: "1 Year 3 Months", "(9 months)", "2 yrs".
const DURATION_LINE =
  /^\(?\s*(?:\d+(?:[.,]\d+)?\+?\s*(?:years?|yrs?|months?|mos?|ans?|mois)\.?\s*(?:and\s+|et\s+)?)+\)?$/iu;

/** Whether a line after the dates completes the header ("Plateforme Est – Saint-Priest", a place). */
function completesHeader(line: SectionLine): boolean {
  return /\s[–—-]\s|\s\|\s|,\s/u.test(line.text) || isPlace(line.text) || COMPANY_PLACEHOLDER.test(line.text);
}

function buildBlocks(
  lines: SectionLine[],
  anchors: Anchor[],
  isHeaderLine: (index: number) => boolean = (index) => isHeaderLike(lines[index]!),
): Block[] {
  const blocks: Block[] = [];
  const lastUsed = (position: number) => {
    const previous = blocks[position - 1];
    if (!previous) return -1;
    return Math.max(previous.anchor.continuation ?? previous.anchor.index, ...previous.after);
  };
  // Dates-first layout: the first entry has its dates before anything else ("2019 – 2021" / "Cariste" /
  // "Entrepôt X"); then every entry's header follows its dates, and lines before dates are descriptions.
  const first = anchors[0];
  const datesFirst =
    first !== undefined &&
    first.remainder.length === 0 &&
    (first.index === 0 || !isHeaderLike(lines[first.index - 1]!));
  // Header-on-dates layout: the first entry starts on its dates line, which also holds its title or
  // employer alone, the rest of its header on the next line ("Cariste | 2019 – 2021" / "Lidl, Lyon" / tasks): every entry's header starts on its dates
  // line, and the lines just before it are the previous entry's tasks.
  const headerOnDates =
    first !== undefined &&
    first.remainder.length > 0 &&
    first.remainderParts.length === 1 &&
    anchors.length >= 2 &&
    (first.index === 0 || !isHeaderLike(lines[first.index - 1]!)) &&
    lines[first.index + 1] !== undefined &&
    !lines[first.index + 1]!.isBullet &&
    isHeaderLike(lines[first.index + 1]!) &&
    completesHeader(lines[first.index + 1]!);
  for (const [position, anchor] of anchors.entries()) {
    const floor = Math.max(
      lastUsed(position),
      anchors[position - 1]?.continuation ?? anchors[position - 1]?.index ?? -1,
    );
    const before: number[] = [];
    if (!datesFirst && !headerOnDates) {
      for (let cursor = anchor.index - 1; cursor > floor && before.length < MAX_HEADER_LINES; cursor--) {
        if (!isHeaderLine(cursor)) break;
        before.unshift(cursor);
      }
    }
    const parts: SlottedPart[] = [];
    for (const index of before)
      parts.push(...splitParts(lines[index]!.text).map((part) => ({ ...part, line: index - anchor.index })));
    parts.push(...anchor.remainderParts.map((part) => ({ ...part, line: 0 })));
    parts.push(...anchor.continuationParts.map((part) => ({ ...part, line: 1 })));
    const after: number[] = [];
    const ceiling = anchors[position + 1]?.index ?? lines.length;
    const end = anchor.continuation ?? anchor.index;
    for (let cursor = end + 1; cursor < ceiling && after.length < MAX_HEADER_LINES; cursor++) {
      const line = lines[cursor]!;
      // A length of time alone ("1 Year 3 Months", "(9 months)") says nothing about the header: skipped.
      if (DURATION_LINE.test(line.text)) continue;
      // A labelled line ("Position: …", "Employer: …") is always part of the header.
      const labelled = entryLabel(line.text) !== null && !isBulletLine(line);
      if (!labelled && !isHeaderLine(cursor)) break;
      const nonPlaces = parts.filter((part) => !isPlace(part.text)).length;
      // Only what is missing: a dates-first header (the CV's, or this entry's when nothing before its dates
      // was a header: "1987" / "2007" / "Law Offices of X"), a company after "Title (dates)", a trailing place.
      if (
        !labelled &&
        !((datesFirst || nonPlaces === 0) && after.length < 2) &&
        !(nonPlaces < 2 && completesHeader(line)) &&
        !isPlace(line.text)
      )
        break;
      after.push(cursor);
      parts.push(...splitParts(line.text).map((part) => ({ ...part, line: cursor - anchor.index })));
    }
    blocks.push({ anchor, before, after, parts });
  }
  return blocks;
}

/**
 * A "title" with no job-title word is rarely one, even when the taxonomy finds an occupation close to it
 * (on the dotin development resumes: 3 in 100 without an occupation, 7 in 100 with one; what it holds is
 * mostly an employer, a project, an award or a place): it is kept as the employer when there is none,
 * else dropped, and the entry keeps its dates. A labelled title ("Position: …") stays.
 */
function demoteUnlikelyTitle(assigned: Assigned, classify: PartClassifier | null): Assigned {
  const title = assigned.title;
  if (!title || title.label === 'title' || hasTitleWord(title.text)) return assigned;
  // Unless the learned scores are sure it is one ("Controller", "Roustabout", "Laborer").
  if (classify && classify(title).title >= KEEP_TITLE) return assigned;
  return { ...assigned, title: null, company: assigned.company ?? title };
}

/**
 * "Software Engineer, Apple", "Staff Software Engineer, Twitter": a title and its employer joined by a comma
 * (commas are not part separators, they also sit inside places). When the entry has no employer, the
 * title is cut at its last comma if the part classifier reads the left side as a title and the right side
 * as an employer.
 */
function splitCommaTitle(assigned: Assigned, classify: PartClassifier): Assigned {
  const title = assigned.title;
  if (!title || assigned.company || title.label) return assigned;
  const comma = title.text.lastIndexOf(', ');
  if (comma <= 0) return assigned;
  const left = { ...title, text: title.text.slice(0, comma).trim() };
  const rightText = title.text.slice(comma + 2).trim();
  const right = { ...title, text: rightText, offset: title.offset + title.text.indexOf(rightText, comma) };
  if (!/\p{L}/u.test(right.text) || isPlace(right.text) || isNotAnEmployer(right.text)) return assigned;
  const leftScores = classify(left);
  const rightScores = classify(right);
  if (leftScores.title < 0.5 || rightScores.employer <= rightScores.title || rightScores.employer < 0.3)
    return assigned;
  return { ...assigned, title: left, company: right };
}

/**
 * Whether an assigned employer is something else: a number, a month, a heading, a place, a piece of
 * sentence (lower-case start, final dot), a link. On the dotin development resumes these made about a
 * fifth of the wrong employers.
 */
function isNotAnEmployer(company: string): boolean {
  const text = company.trim();
  const folded = foldForMatch(text);
  return (
    !/\p{L}/u.test(text) ||
    /^\p{Ll}/u.test(text) ||
    /^[(),.;:-]/u.test(text) ||
    (/\.$/u.test(text) && !/\b(?:inc|ltd|co|corp|llc|plc|pvt|s\.a|n\.v|b\.v)\.$/iu.test(text)) ||
    headingKind(text) !== null ||
    isPlace(text) ||
    MONTH_NUMBERS.has(folded.replace(/[^a-z]/g, '')) ||
    /^(?:name|company|employer|client|projects?|responsibilities|duties|tasks|duration|period|job seeker|self|summers?|winter|spring|fall|autumn)$/u.test(
      folded,
    ) ||
    // "Current / 3 months", "(2 years)": a duration.
    /^(?:current|present|till|to date)\b|\b\d+\s*(?:years?|months?|yrs?)\b/u.test(folded) ||
    // "Organized books and patron files within…", "Assisting the sales team in…": a task, not an employer.
    (/^\p{Lu}\p{Ll}+(?:ed|ing)\s/u.test(text) &&
      text.split(/\s+/u).length >= 5 &&
      !hasCue(text, COMPANY_WORDS)) ||
    // "Founder and Co-CEO": a second title, not an employer.
    (hasCue(text, TITLE_WORDS) && !hasCue(text, COMPANY_WORDS)) ||
    /^https?:|www\.|@/u.test(text)
  );
}

/**
 * Whether a text has a job-title word: one of the list, its plural ("Directors"), or an agent noun in
 * -ist / -ician that the list lacks ("Stylist", "Conservationist", "Beautician").
 */
function hasTitleWord(text: string): boolean {
  return foldForMatch(text)
    .split(/[^\p{L}]+/u)
    .some(
      (word) =>
        TITLE_WORDS.has(word) ||
        (word.endsWith('s') && TITLE_WORDS.has(word.slice(0, -1))) ||
        /^[a-z]{3,}(?:ist|ician)$/u.test(word),
    );
}

/** Whether an assigned title is something else: a heading, a degree, a sentence, a placeholder. */
function isNotAJob(title: string): boolean {
  const text = title.trim();
  return (
    text.length < 2 ||
    !/\p{L}/u.test(text) ||
    headingKind(text) !== null ||
    (hasDegreeKeyword(text) && !/\b(?:assistant|teacher|engineer|manager|officer|agent)\b/iu.test(text)) ||
    isSentenceLike(text) ||
    COMPANY_PLACEHOLDER.test(text) ||
    /^https?:|www\.|@/u.test(text) ||
    /^[(\d]|^\p{Ll}+$|:$/u.test(text) || // "( 2 years)", "5. CRM Sales", "management", "Duration:"
    parseDateRange(text)?.current === true
  );
}

/** The lines of a block as one source span when they are contiguous, else the title's line. */
function blockSource(lines: SectionLine[], indexes: number[], titleLine: number): SourceSpan {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const contiguous = sorted.every(
    (index, position) =>
      position === 0 ||
      lines[index]!.start ===
        lines[sorted[position - 1]!]!.start + lines[sorted[position - 1]!]!.text.length + 1,
  );
  if (!contiguous || sorted.length === 1) return spanIn(lines[titleLine]!);
  const firstLine = lines[sorted[0]!]!;
  const lastLine = lines[sorted.at(-1)!]!;
  return {
    ...spanIn(firstLine),
    text: sorted.map((index) => lines[index]!.text).join('\n'),
    end: lastLine.start + lastLine.text.length,
  };
}

/**
 * How often an entry's title is right, by its evidence, measured on the dotin development resumes
 * (npm run eval:parse): a title with job-title words and a known occupation ~0.7, with job-title words only
 * ~0.5, without job-title words rarely (what it holds is then mostly an employer or a project).
 */
function entryConfidence(title: string | null, hasOccupation: boolean): number {
  if (title === null) return 0.2;
  const cue = hasCue(title, TITLE_WORDS);
  if (cue) return hasOccupation ? 0.72 : 0.5;
  return hasOccupation ? 0.15 : 0.08;
}

/**
 * An entry's confidence from its title's evidence (`entryConfidence`) and the joint assembly's probability of
 * that title: a logistic recalibration, σ(a + b·logit(evidence) + c·logit(assembly)), fitted on the dotin
 * development resumes (title Brier score 0.142 → 0.117 there). Without an assembly (French CVs, a title
 * found under the header), the evidence alone.
 */
function assembledConfidence(evidence: number, assembly: number | undefined): number {
  if (assembly === undefined) return evidence;
  const logit = (value: number) => {
    const clamped = Math.min(0.999, Math.max(0.001, value));
    return Math.log(clamped / (1 - clamped));
  };
  const score = CONFIDENCE_FIT[0] + CONFIDENCE_FIT[1] * logit(evidence) + CONFIDENCE_FIT[2] * logit(assembly);
  return Math.round(100 / (1 + Math.exp(-score))) / 100;
}
const CONFIDENCE_FIT = [-1.421, 1.582, 0.451] as const;

/**
 * Experiences of a section (or of a whole CV without headings), whatever the order of title, employer,
 * place and dates: every line with a period ("03/2019 - 06/2020", "January 2018 to Present", "Depuis
 * 2020"…) anchors an entry; its header is the short lines just before it (or just after, in a dates-first
 * template), split into parts that are told apart by their words and by the CV's own template (see
 * `assignParts`). Bullets, sentences, headings and degrees never become jobs.
 * @param strict only lines with a real range anchor an entry (used when scanning a CV without headings).
 */
export function extractExperiences(
  lines: SectionLine[],
  options: { resolveOccupation: OccupationResolver; strict: boolean; section?: string; learned?: boolean },
): Experience[] {
  const memo = new Map<string, boolean>();
  const isOccupation = (text: string) => {
    let known = memo.get(text);
    if (known === undefined) {
      known = options.resolveOccupation(text) !== null;
      memo.set(text, known);
    }
    return known;
  };
  const section = options.section ?? 'experience';
  const splitMemo = new Map<number, EntryPart[]>();
  const lineParts = (index: number) => {
    let parts = splitMemo.get(index);
    if (parts === undefined) {
      parts = splitParts(lines[index]!.text);
      splitMemo.set(index, parts);
    }
    return parts;
  };
  // The learned scores of a part, with its line's neighbours in this list of lines.
  const blockClassifier =
    (anchorIndex: number): PartClassifier =>
    (part) => {
      const index = anchorIndex + part.line;
      return classifyHeaderPart(
        lines[index]!,
        { section, previous: lines[index - 1]?.text ?? null, next: lines[index + 1]?.text ?? null },
        part,
      );
    };
  // With the learned scores, a short line none of whose pieces reads as a title or an employer (a place
  // excepted) is a description, not a header line: it neither joins an entry nor stops the lines after it.
  const headerMemo = new Map<number, boolean>();
  const isHeaderLine = (index: number) => {
    let known = headerMemo.get(index);
    if (known === undefined) {
      known = isHeaderLike(lines[index]!) && (!options.learned || readsAsHeader(index));
      headerMemo.set(index, known);
    }
    return known;
  };
  const readsAsHeader = (index: number) => {
    const parts = lineParts(index).filter((part) => !part.label && !isPlace(part.text));
    if (parts.length < lineParts(index).length) return true;
    const classify = blockClassifier(index);
    return parts.some((part) => {
      const scores = classify({ ...part, line: 0 });
      return scores.title + scores.employer >= HEADER_LINE;
    });
  };
  const blocks = buildBlocks(lines, findAnchors(lines, options.strict), isHeaderLine);
  // The CV's template: where titles and employers sit in the entries whose words make them clear.
  const titleSlots = new Map<string, number>();
  const companySlots = new Map<string, number>();
  const count = (slots: Map<string, number>, slot: string) => slots.set(slot, (slots.get(slot) ?? 0) + 1);
  const classifyIn = (block: Block) => (options.learned ? blockClassifier(block.anchor.index) : null);
  for (const block of blocks) {
    const { parts } = block;
    const assigned = assignParts(parts, isOccupation, { title: null, company: null }, classifyIn(block));
    if (assigned?.decidedBy !== 'cues') continue;
    if (assigned.title && parts.length > 1) count(titleSlots, slotOf(assigned.title, parts));
    if (assigned.company && companyScore(assigned.company.text) > 0)
      count(companySlots, slotOf(assigned.company, parts));
  }
  const majority = (slots: Map<string, number>) =>
    [...slots.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const template: Template = { title: majority(titleSlots), company: majority(companySlots) };

  // Each entry's header starts at the highest line that gave it a part: lines above that are the
  // previous entry's description ("Conduite de chariots" before "2015 - 2019 Magasinier - Z").
  const entries = blocks.flatMap((block) => {
    const classify = classifyIn(block);
    const assignedParts = assignParts(block.parts, isOccupation, template, classify);
    // An employer the learned scores doubt is left empty first: the title may then hold the employer
    // after a comma ("Produce Clerk, Expensive Foods").
    const doubtful = (company: SlottedPart | null) =>
      company !== null &&
      (isNotAnEmployer(company.text) ||
        (classify !== null && !company.label && classify(company).employer < EMPLOYER_MIN));
    const checked =
      assignedParts && classify && doubtful(assignedParts.company)
        ? { ...assignedParts, company: assignedParts.title ? null : assignedParts.company }
        : assignedParts;
    const found = checked && classify ? splitCommaTitle(checked, classify) : checked;
    if (!found || (found.title ? isNotAJob(found.title.text) : !found.company)) return [];
    const demoted = demoteUnlikelyTitle(found, classify);
    // An entry that names only a doubtful employer waits for a title under its header (below): with one,
    // the employer is left empty; without one, the entry is dropped.
    const learnedDoubt =
      demoted.company !== null && !isNotAnEmployer(demoted.company.text) && doubtful(demoted.company);
    const kept =
      doubtful(demoted.company) && !(learnedDoubt && !demoted.title)
        ? { ...demoted, company: null }
        : demoted;
    // A title the joint assembly doubts is left empty; the entry keeps its employer, place and dates.
    const doubtfulTitle =
      kept.title !== null &&
      kept.title === assignedParts?.title &&
      (assignedParts.titleProbability ?? 1) < (hasTitleWord(kept.title.text) ? TITLE_MIN_WORD : TITLE_MIN);
    const assigned = doubtfulTitle ? { ...kept, title: null } : kept;
    if (!assigned.title && !assigned.company && !doubtfulTitle) return [];
    const used = [assigned.title, assigned.company, assigned.location].filter((part) => part !== null);
    const top = block.anchor.index + Math.min(0, ...used.map((part) => part.line));
    return [
      {
        block,
        assigned,
        before: block.before.filter((index) => index >= top),
        doubtfulEmployer: learnedDoubt && !demoted.title,
        assembledTitle: assignedParts?.title ?? null,
        titleProbability: assignedParts?.titleProbability,
      },
    ];
  });
  const experiences: Experience[] = [];
  const headerLines = new Set<number>();
  for (const [position, entry] of entries.entries()) {
    const { block, before } = entry;
    const { anchor } = block;
    const headerEnd = Math.max(anchor.continuation ?? anchor.index, ...block.after);
    const next = entries[position + 1];
    const descriptionEnd = next ? Math.min(next.block.anchor.index, ...next.before) : lines.length;
    // An entry that names only its employer: its title can be a short line under the header, after a line
    // about the employer ("COMPANY, INC." / "2007-Present" / "Female-owned small business…" / "Vice President").
    let assigned = entry.assigned;
    let titleAt = -1;
    const classify = classifyIn(block);
    if (assigned.title === null && classify) {
      for (
        let cursor = headerEnd + 1;
        cursor < Math.min(descriptionEnd, headerEnd + 1 + FILL_LINES);
        cursor++
      ) {
        const line = lines[cursor]!;
        if (!isHeaderLike(line) || line.text.split(/\s+/u).length > 8) continue;
        const candidates = lineParts(cursor)
          .map((part) => ({ ...part, line: cursor - anchor.index }))
          .filter((part) => !isNotAJob(part.text) && !isPlace(part.text));
        const best = candidates
          .map((part) => ({ part, score: classify(part).title }))
          .sort((a, b) => b.score - a.score)[0];
        if (best && best.score >= FILL_TITLE) {
          assigned = { ...assigned, title: best.part };
          titleAt = cursor;
          break;
        }
      }
    }
    if (entry.doubtfulEmployer) {
      if (assigned.title === null) continue;
      assigned = { ...assigned, company: null };
    }
    // A titled entry without an employer: the employer can be a short line just under the header
    // ("Counseling Intern," / "September 2012 - May 2013" / "1 Year" / "Memorial Hospital, Baltimore, MD").
    let companyAt = -1;
    if (assigned.title !== null && assigned.company === null && classify) {
      for (
        let cursor = headerEnd + 1;
        cursor < Math.min(descriptionEnd, headerEnd + 1 + FILL_LINES);
        cursor++
      ) {
        const line = lines[cursor]!;
        if (DURATION_LINE.test(line.text)) continue;
        if (!isHeaderLine(cursor) || line.text.split(/\s+/u).length > 8) break;
        const best = lineParts(cursor)
          .map((part) => ({ ...part, line: cursor - anchor.index }))
          .filter((part) => !part.label && !isPlace(part.text) && !isNotAnEmployer(part.text))
          .map((part) => ({ part, scores: classify(part) }))
          .sort((a, b) => b.scores.employer - a.scores.employer)[0];
        if (best && best.scores.employer >= FILL_EMPLOYER && best.scores.employer > best.scores.title) {
          assigned = { ...assigned, company: best.part };
          companyAt = cursor;
        }
        break;
      }
    }
    const description: string[] = [];
    for (let cursor = headerEnd + 1; cursor < descriptionEnd; cursor++)
      if (cursor !== titleAt && cursor !== companyAt) description.push(lines[cursor]!.text);
    const titleLine = anchor.index + ((assigned.title ?? assigned.company)?.line ?? 0);
    const occupation = assigned.title ? options.resolveOccupation(assigned.title.text) : null;
    const header = [
      ...before,
      anchor.index,
      ...block.after,
      ...[titleAt, companyAt].filter((index) => index >= 0),
    ];
    for (const index of header) headerLines.add(index);
    if (anchor.continuation !== null) header.push(anchor.continuation);
    experiences.push({
      title: assigned.title?.text ?? '',
      company: assigned.company?.text ?? null,
      location: assigned.location?.text ?? null,
      start: anchor.range.start,
      end: anchor.range.end,
      current: anchor.range.current,
      description: description.join('\n'),
      occupation,
      source: blockSource(lines, header, titleLine),
      confidence: assembledConfidence(
        entryConfidence(assigned.title?.text ?? null, occupation !== null),
        assigned.title !== null && assigned.title === entry.assembledTitle
          ? entry.titleProbability
          : undefined,
      ),
    });
  }
  const nested = nestRoles(experiences);
  // Undated entries come after the dated ones: nothing says they are the latest job.
  if (options.learned && !options.strict)
    nested.push(...undatedEntries(lines, headerLines, blockClassifier, lineParts, options.resolveOccupation));
  return nested;
}

/** Learned title probability above which a header-like line of an experience section without dates is an entry. */
const UNDATED_TITLE = 0.8;
/** Learned employer probability above which another part of that line is its employer. */
const UNDATED_EMPLOYER = 0.5;

/**
 * Entries written without dates ("ARLINGTON CORPORATION, Product Development Specialist", a title alone on
 * its line between two descriptions): header-like lines of an experience section that no dated entry used,
 * one of whose parts the part classifier is sure is a job title. Their employer is another part of that line,
 * else a free line just above or below read as an employer. Their confidence is the title's probability.
 */
function undatedEntries(
  lines: SectionLine[],
  used: ReadonlySet<number>,
  classifierAt: (index: number) => PartClassifier,
  lineParts: (index: number) => EntryPart[],
  resolveOccupation: OccupationResolver,
): Experience[] {
  const entries: Experience[] = [];
  const taken = new Set(used);
  const free = (index: number) => {
    const line = lines[index];
    return (
      line !== undefined &&
      !taken.has(index) &&
      isHeaderLike(line) &&
      line.text.split(/\s+/u).length <= 10 &&
      parseDateRange(line.text) === null
    );
  };
  // The employer of a title written alone on its line: the best piece of the free line just above or below
  // it that the learned scores read as an employer rather than a title ("APPLE COMPUTER" / "Software
  // Engineer, Intern").
  const neighbourEmployer = (index: number) => {
    const found = [index - 1, index + 1]
      .filter(free)
      .flatMap((neighbour) => {
        const classify = classifierAt(neighbour);
        return lineParts(neighbour).map((part) => ({
          neighbour,
          part,
          scores: classify({ ...part, line: 0 }),
        }));
      })
      .filter(
        ({ part, scores }) =>
          !part.label &&
          scores.employer >= UNDATED_EMPLOYER &&
          scores.employer > scores.title &&
          !isPlace(part.text) &&
          !isNotAnEmployer(part.text),
      )
      .sort((a, b) => b.scores.employer - a.scores.employer);
    return found[0] ?? null;
  };
  for (const [index, line] of lines.entries()) {
    if (!free(index)) continue;
    const classify = classifierAt(index);
    const whole = lineParts(index).map((part) => ({ ...part, line: 0 }));
    // "ARLINGTON CORPORATION, Product Development Specialist": comma pieces are candidates too.
    const pieces = whole.flatMap((part) =>
      part.label || !part.text.includes(', ')
        ? []
        : [...part.text.matchAll(/[^,]+/gu)].map((piece) => ({
            text: piece[0].trim(),
            offset: part.offset + piece.index + (piece[0].length - piece[0].trimStart().length),
            line: 0,
          })),
    );
    const parts = [...whole, ...pieces].filter((part) => part.text.length > 0);
    const overlaps = (a: SlottedPart, b: SlottedPart) =>
      a.offset < b.offset + b.text.length && b.offset < a.offset + a.text.length;
    const scored = parts
      .filter((part) => !isNotAJob(part.text) && !isPlace(part.text))
      .map((part) => ({ part, scores: classify(part) }));
    const title = [...scored].sort((a, b) => b.scores.title - a.scores.title)[0];
    if (!title || title.scores.title < UNDATED_TITLE) continue;
    const employer = scored
      .filter(
        (item) =>
          item !== title && item.scores.employer >= UNDATED_EMPLOYER && !isNotAnEmployer(item.part.text),
      )
      .sort((a, b) => b.scores.employer - a.scores.employer)[0];
    const beside = employer ? null : neighbourEmployer(index);
    taken.add(index);
    if (beside) taken.add(beside.neighbour);
    entries.push({
      title: title.part.text,
      company: employer?.part.text ?? beside?.part.text ?? null,
      location: parts.find((part) => !overlaps(part, title.part) && isPlace(part.text))?.text ?? null,
      start: null,
      end: null,
      current: false,
      description: '',
      occupation: resolveOccupation(title.part.text),
      source: spanIn(line),
      confidence: Math.round(title.scores.title * 100) / 100,
    });
  }
  return entries;
}

/**
 * An employer written once with its whole period, then the roles held there with their own dates
 * ("Emerson Network Power 1999 – 2005" / "Senior Marketing Manager 2002 – 2005" / …): the roles without an
 * employer inside that period take it, and the employer-only entry is dropped once a role took it.
 */
function nestRoles(experiences: Experience[]): Experience[] {
  const absorbed = new Set<Experience>();
  for (const [index, employer] of experiences.entries()) {
    if (employer.title !== '' || employer.company === null || employer.start === null) continue;
    const until = employer.current ? '9999-12' : (employer.end ?? employer.start);
    for (const role of experiences.slice(index + 1)) {
      if (role.company !== null || role.title === '') break;
      const inside =
        role.start !== null &&
        role.start >= employer.start &&
        (role.current ? employer.current : (role.end ?? role.start) <= until);
      if (!inside) break;
      role.company = employer.company;
      role.location ??= employer.location;
      absorbed.add(employer);
    }
  }
  return experiences.filter((experience) => !absorbed.has(experience));
}
