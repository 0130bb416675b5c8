/**
 * The gold values of a dotin resume, per profile field, derived from its labelled spans.
 *
 * The dataset labels every mention of an entity, including those inside sentences ("working as a core
 * product developer on…", "experience in Oracle Hyperion products"), while a profile holds the entries of
 * the resume (its jobs, degrees, skill lists). So a span only counts as gold for a field when it is written
 * as an entry, by one of two documented rules that look at the span's line and never at the parser:
 *
 * - header rule (titles, companies, degrees, dates): the labelled spans of the line cover at least half of
 *   its letters ("Software Engineer - Disney", "B.E. in ENC North Maharashtra University"), not a sentence
 *   that mentions a title ("Over 3 years experience working as an Educational Assistant").
 * - list rule (skills): the span is an item of a list — what comes before it on its line (back to the
 *   previous label) is nothing or ends with a separator (, ; : | / ( ) [ ] - – — • and other bullets), and
 *   what follows it is nothing or starts with one (or "."). "Languages: Java, C, C++" counts; "experience in
 *   Oracle Hyperion products" does not. A conjunction (and, or, &) between two labelled spans is a separator
 *   when the span before it is itself a list item: "Operating systems: Windows and Linux" gives both (the
 *   dataset labels each), "experience in Java and Perl" neither. (Before this, 2328 gold skills on the
 *   development resumes; with it, 2616.)
 *
 * Other fields: `name` and `email` are every Name and Email Address span; `city` is the first Location
 * span written before the first date (not a duration), degree or school span (the resume's head: where the candidate's own
 * place is written; a company can be there, in a headline), not on a "willing to relocate" line, none when
 * there is none; `dates` are Years of Experience spans with a
 * year, as `startYear|endYear` or `startYear|present` ("June 2016 to Present" → `2016|present`,
 * "1979-92" → `1979|1992`, a single year → `2010|2010`); `education.year` is the last year of each
 * Graduation Year span.
 */
import { type DotinResume, type DotinSpan, lineAround } from './dotin-resume.js';

/** The fields scored on dotin, in report order. */
export const DOTIN_FIELDS = [
  'name',
  'email',
  'location.city',
  'experience.title',
  'experience.company',
  'experience.dates',
  'education.degree',
  'skills',
  'education.year',
] as const;
export type DotinField = (typeof DOTIN_FIELDS)[number];

/** The fields of the micro-average (the target list: dates included where annotated). */
export const DOTIN_MICRO_FIELDS: readonly DotinField[] = DOTIN_FIELDS.filter(
  (field) => field !== 'education.year',
);

export type DotinGold = Record<DotinField, string[]> & {
  /** Spans of each field before the header/list rules, for the report. */
  mentions: Partial<Record<DotinField, number>>;
};

const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;

/** Header rule: the labelled spans of the span's line cover at least half of the line's letters. */
export function isHeaderSpan(resume: DotinResume, span: DotinSpan): boolean {
  const line = lineAround(resume.text, span.start, span.end);
  const lineEnd = line.start + line.text.length;
  let covered = 0;
  for (const other of resume.spans) {
    const start = Math.max(other.start, line.start);
    const end = Math.min(other.end, lineEnd);
    if (end > start) covered += letters(resume.text.slice(start, end));
  }
  return covered * 2 >= letters(line.text);
}

const BEFORE = /(?:^|[,;:|/()[\]•·●▪■◦►‣➢➤✓*>–—\p{Co}-])$/u;
const AFTER = /^(?:$|[,;:|/()[\].•·●▪■◦►‣–—\p{Co}-])/u;

// A conjunction between two labelled spans ("Windows and Linux", "C, C++, and Perl", "HTML & CSS").
const CONJUNCTION_BEFORE = /(?:^|[,;])\s*(?:and|or|&)$/iu;
const CONJUNCTION_AFTER = /^,?\s*(?:and|or|&)$/iu;

/**
 * List rule: the span is delimited by separators (or its line's ends, or other labels) on both sides. A
 * conjunction counts as a separator between two labelled spans when the span before it is itself a list
 * item: "Languages: Java and Perl" gives both, "experience in Java and Perl" neither.
 */
export function isListSpan(resume: DotinResume, span: DotinSpan): boolean {
  const line = lineAround(resume.text, span.start, span.end);
  const lineEnd = line.start + line.text.length;
  let from = line.start;
  let to = lineEnd;
  let previous: DotinSpan | null = null;
  let next: DotinSpan | null = null;
  for (const other of resume.spans) {
    if (other.end <= span.start && other.end > from) {
      from = other.end;
      previous = other;
    }
    if (other.start >= span.end && other.start < to) {
      to = other.start;
      next = other;
    }
  }
  const before = resume.text.slice(from, span.start).trim();
  const after = resume.text.slice(span.end, to).trim();
  const leftIsSeparator =
    BEFORE.test(before) ||
    (previous !== null && CONJUNCTION_BEFORE.test(before) && isListSpan(resume, previous));
  const rightIsSeparator = AFTER.test(after) || (next !== null && CONJUNCTION_AFTER.test(after));
  return leftIsSeparator && rightIsSeparator;
}

const PRESENT = /\b(?:present|current|now|today|till date|to date|onwards|ongoing|running)\b/iu;

/** `startYear|endYear` or `startYear|present` of a Years of Experience span, null without a year. */
export function goldDateKey(text: string): string | null {
  const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/gu)].map((match) => Number(match[1]));
  const first = years[0];
  if (first === undefined) return null;
  if (PRESENT.test(text)) return `${first}|present`;
  if (years.length >= 2) return `${first}|${years.at(-1)}`;
  const twoDigit = /(?:19|20)\d{2}\s*[-–—/]\s*(\d{2})(?!\d)/u.exec(text);
  if (twoDigit) return `${first}|${Math.floor(first / 100) * 100 + Number(twoDigit[1])}`;
  return `${first}|${first}`;
}

// A company can be in the head (Indeed's headline "Software Engineer - Disney"), and so can a duration
// ("13 years of experience"); dates, degrees and schools are not.
const HEAD_ENDERS = new Set<string>(['Years of Experience', 'Degree', 'College Name', 'Graduation Year']);

/** The gold values of a resume (see the module comment for the rules). */
export function dotinGold(resume: DotinResume): DotinGold {
  const of = (...labels: DotinSpan['label'][]) => resume.spans.filter((span) => labels.includes(span.label));
  const headerValues = (spans: DotinSpan[]) =>
    spans.filter((span) => isHeaderSpan(resume, span)).map((span) => span.text);
  const headEnd =
    resume.spans.find(
      (span) =>
        HEAD_ENDERS.has(span.label) &&
        (span.label !== 'Years of Experience' || goldDateKey(span.text) !== null),
    )?.start ?? resume.text.length;
  const city = of('Location').find(
    (span) => span.start < headEnd && !/relocat/iu.test(lineAround(resume.text, span.start).text),
  );
  const dateSpans = of('Years of Experience').filter((span) => goldDateKey(span.text) !== null);
  const skillSpans = of('Tech Tools', 'Job Specific Skills', 'Soft Skills');
  return {
    name: of('Name').map((span) => span.text),
    email: of('Email Address').map((span) => span.text),
    'location.city': city ? [city.text] : [],
    'experience.title': headerValues(of('Designation')),
    'experience.company': headerValues(of('Companies worked at')),
    'experience.dates': dateSpans
      .filter((span) => isHeaderSpan(resume, span))
      .map((span) => goldDateKey(span.text)!),
    'education.degree': headerValues(of('Degree')),
    skills: skillSpans.filter((span) => isListSpan(resume, span)).map((span) => span.text),
    'education.year': of('Graduation Year')
      .map((span) => [...span.text.matchAll(/\b(?:19|20)\d{2}\b/gu)].at(-1)?.[0] ?? null)
      .filter((year): year is string => year !== null),
    mentions: {
      'experience.title': of('Designation').length,
      'experience.company': of('Companies worked at').length,
      'experience.dates': dateSpans.length,
      'education.degree': of('Degree').length,
      skills: skillSpans.length,
    },
  };
}
