import type { Education } from '../../../domain/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { LineContext } from '../line-context.js';
import type { SectionLine } from '../sections.js';
import { type DateRange, parseDateRange } from './dates.js';
import { hasCue, isPlace, splitParts } from './entry-parts.js';
import { isBulletLine, isSentenceLike } from './header-lines.js';
import { classifyHeaderPart, type PartScores } from './part-classifier.js';

// Degree words that start (or name) a French or English qualification, on folded text. Short letter
// codes need their dots ("B.A.", "M.S.") or a capital form at the start of a line (see `isDegreeLine`).
const DEGREE = new RegExp(
  [
    'cap',
    'bep',
    'bac(?:calaureat)?(?:\\s*pro(?:fessionnel)?)?',
    'brevet',
    'bts',
    'dut',
    'but',
    'licence(?:\\s+pro(?:fessionnelle)?)?',
    'master\\s*\\d?',
    'masters?',
    "master['’]?s",
    'mba',
    'ingenieur',
    'doctorat',
    'titre\\s+professionnel',
    'deas',
    'deap',
    'deaes',
    'diplome',
    'dipl\\.',
    'cqp',
    'dees',
    'btec',
    'a-levels?',
    'gcse',
    'nvq',
    'qqi',
    "bachelor(?:['’]?s)?",
    'bachelors',
    'certificate',
    'diploma',
    'degree',
    'hnd',
    'hnc',
    'phd',
    'ph\\.\\s?d\\.?',
    'doctorate',
    'doctor of',
    "associate(?:\\s+of|\\s+in|[’']?s?\\s+degree)",
    'b[.-]?\\s?tech',
    'm[.-]?\\s?tech',
    'b\\.?\\s?sc',
    'm\\.?\\s?sc',
    'b\\.?\\s?com',
    'm\\.?\\s?com',
    'b\\.\\s?e\\.?',
    'm\\.\\s?e\\.',
    'b\\.\\s?s\\.?',
    'm\\.\\s?s\\.',
    'b\\.\\s?a\\.?',
    'm\\.\\s?a\\.',
    '[bm]\\.\\s?ed\\.?',
    'ed\\.\\s?d\\.?',
    'll\\.\\s?[bm]\\.?',
    'bba',
    'bca',
    'mca',
    'pgdm',
    'pgdba',
    'pgd',
    'post\\s?-?\\s?graduat(?:e|ion)',
    'graduation',
    'hsc',
    'ssc',
    'high school',
    'higher secondary',
    'senior secondary',
    'secondary school',
    'intermediate',
    'ged',
  ].join('|'),
  'iu',
);
const DEGREE_AT_START = new RegExp(`(?<![\\p{L}])(?:${DEGREE.source})(?![\\p{L}])`, 'iu');
// Capital letter codes written without dots, at the start of a line: "BE Computer Science", "MS in …".
const CODE_AT_START = /^(?:BE|ME|BS|MS|BA|MA|BSc|MSc|BEng|MEng|BTech|MTech)(?=[\s,(-]|$)/u;

/**
 * Whether a text names a qualification: a degree word near its start, or anywhere with `anywhere` (a short
 * line of an education section: "MERCY COLLEGE City , State Bachelor of Science").
 */
export function hasDegreeKeyword(text: string, anywhere = false): boolean {
  if (CODE_AT_START.test(text.trim())) return true;
  const match = DEGREE_AT_START.exec(foldForMatch(text));
  return match !== null && (anywhere || match.index <= 12);
}

// A qualification written in full at the start of a line ("Master of Arts, Counseling Psychology",
// "Bachelors in Arts", "Associate's Degree in Education"): no job title or heading starts so.
const DEGREE_IN_FULL =
  /^(?:[Bb]achelor|[Mm]aster|[Aa]ssociate|[Dd]octor)(?:['’]?s)?(?:\s+[Dd]egree)?\s+(?:of|in)\s+\p{Lu}/u;

/** Whether a line starts with a qualification written in full (see `DEGREE_IN_FULL`). */
export function namesDegreeInFull(text: string): boolean {
  return DEGREE_IN_FULL.test(text.trim().replace(/^[•●▪■◦\p{Co}*-]\s*/u, ''));
}

// Words of a school's name.
const SCHOOL_WORDS = new Set(
  (
    'university universite universidad universita college school institute institut academy academie ' +
    'polytechnic lycee lyc ecole iut afpa greta cfa cnam faculty faculte campus conservatoire vidyalaya ' +
    'vidyapeeth mahavidyalaya'
  ).split(' '),
);

/** The year of a range: its end, or its start when it has no end. */
const yearOf = (range: DateRange) => Number((range.end ?? range.start)!.slice(0, 4));

/** Whether a line is only a date (or dates): "2012 to 2016", "June 2014 to March 2016", "(2019)". */
function isDateOnly(text: string, range: DateRange | null): boolean {
  if (!range) return false;
  const rest = `${text.slice(0, range.index)} ${text.slice(range.index + range.length)}`;
  return !/\p{L}{3,}/u.test(
    rest.replace(/\b(?:expected|anticipated|graduated?|class of|since|prevue?|obtenue?)\b/giu, ''),
  );
}

/**
 * Education entries. Each line naming a qualification (a degree word near its start) opens an entry; on
 * the same line, the part with the degree word is the degree, a part with a school word ("University",
 * "Lycée", "Institute") or the part after it the institution, and a date the year (the last year written).
 * The next lines complete the entry until another degree line: a date line gives the year, a short line the
 * institution (or continues it, when a PDF wrapped it). In an education section without any degree word,
 * dated short lines are entries. Places, bullets and sentences are left out.
 * @param strict only lines with a degree word (used when scanning a CV without headings).
 */
export function extractEducation(
  lines: SectionLine[],
  options: { strict: boolean; contexts?: ReadonlyMap<number, LineContext> },
): Education[] {
  const contexts = options.contexts;
  // The learned scores of a line's parts (see part-classifier.ts), when the lines' context is known.
  const learned: DegreeScorer | null = contexts
    ? (line, part) =>
        classifyHeaderPart(
          line,
          contexts.get(line.lineNumber) ?? { section: 'education', previous: null, next: null },
          part,
        )
    : null;
  const learnedDegreeLine = (line: SectionLine) =>
    learned !== null &&
    !options.strict &&
    !isBulletLine(line) &&
    line.text.split(/\s+/).length <= 14 &&
    splitParts(line.text).some((part) => learned(line, part).degree >= OPEN_DEGREE);
  const isDegreeLine = (line: SectionLine) => isRuleDegreeLine(line) || learnedDegreeLine(line);
  const isRuleDegreeLine = (line: SectionLine) =>
    !isBulletLine(line) &&
    !/\b(?:permis|driving)\b/iu.test(line.text) &&
    // "Masters of Commerce in Sales and Marketing, London School of Commerce.": a final dot is no sentence.
    !isSentenceLike(line.text.trim().replace(/\.$/u, '')) &&
    (hasDegreeKeyword(
      line.text.replace(/^[\d\s:/–—-]+/u, ''),
      !options.strict && line.text.split(/\s+/).length <= 14,
    ) ||
      // "Course: Bachelor of Arts", "2019 - Diplôme : CAP cuisine"
      hasDegreeKeyword(line.text.replace(/^[\d\s:/–—-]+/u, '').replace(/^[^:]{1,20}:\s*/u, '')));
  const anyDegree = lines.some(isDegreeLine);
  const education: Education[] = [];
  let current: { entry: Education; last: SectionLine; followers: number } | null = null;
  for (const line of lines) {
    const range = parseDateRange(line.text);
    const opened =
      isDegreeLine(line) ||
      (!options.strict && !anyDegree && range && !isBulletLine(line) && line.text.split(/\s+/).length <= 10)
        ? entryOf(line, range, learned)
        : null;
    // "Expected Graduation: May 2020", "Arlington High School": no qualification named, the line completes
    // the entry above it (its year, its school) like any other line.
    if (opened && !isNotADegree(opened.degree)) {
      current = { entry: opened, last: line, followers: 0 };
      const { degree, confidence } = current.entry;
      // A line the degree-word rules open keeps its entry; one opened by the learned scores alone must
      // have a degree they are sure enough of.
      if (
        degree.length > 0 &&
        (!learned ||
          isRuleDegreeLine(line) ||
          // Without a degree word, one word ("Marketing", "Pallipalayam") is a major, a place or a heading.
          ((confidence ?? 0) >= MIN_DEGREE && /\S\s+\S/u.test(degree)))
      )
        education.push(current.entry);
      else current = null;
      continue;
    }
    // Lines after a degree line complete it: its year, its school (or the rest of a wrapped school name).
    if (
      !current ||
      options.strict ||
      isBulletLine(line) ||
      current.followers >= 2 ||
      isSentenceLike(line.text)
    ) {
      current = null;
      continue;
    }
    if (line.lineNumber !== current.last.lineNumber + 1) {
      current = null;
      continue;
    }
    const { entry } = current;
    // A dated line after a dated degree is something else (an award, a second course).
    if (range && entry.year !== null && !isDateOnly(line.text, range)) {
      current = null;
      continue;
    }
    const hadYear = entry.year !== null;
    current.followers += 1;
    current.last = line;
    // "BSc (Hons)" then "Marketing": a degree written as a bare code takes its subject from the next line.
    if (current.followers === 1 && !range && isSubjectOf(entry.degree, line.text)) {
      entry.degree = `${entry.degree} ${line.text.trim()}`;
      entry.confidence = Math.max(entry.confidence ?? 0, 0.6);
      entry.source = {
        ...entry.source!,
        text: `${entry.source!.text}\n${line.text}`,
        end: line.start + line.text.length,
      };
      continue;
    }
    if (range && entry.year === null) entry.year = validYear(yearOf(range));
    if (!isDateOnly(line.text, range)) {
      const text = range
        ? `${line.text.slice(0, range.index)} ${line.text.slice(range.index + range.length)}`
        : line.text;
      const name = institutionOf(text);
      if (name) entry.institution = joinInstitution(entry.institution, name, hadYear);
    }
    entry.source = {
      ...entry.source!,
      text: `${entry.source!.text}\n${line.text}`,
      end: line.start + line.text.length,
    };
  }
  return education;
}

// Words that name no qualification alone: a table header ("Examination/Degree Institution"), a label.
const GENERIC_WORDS = new Set(
  'certificate certificates certification certifications degree degrees undergraduate examination institution qualification qualifications'.split(
    ' ',
  ),
);
// A school named after its kind: "Arlington High School", "S.B.K.V Higher Secondary School", "Shri … Degree College".
const SCHOOL_NAME =
  /^\S.*\s(?:high|higher\s+secondary|senior\s+secondary|secondary|public|grammar|degree|junior)\s+(?:school|college)$/iu;
// "Expected Graduation Date", "Anticipated Graduation", "(Expected) Graduation Month Year".
const GRADUATION_DATE =
  /^\(?(?:expected|anticipated)\)?\s+graduation\b|^graduation\s+(?:date|month|year)\b/iu;

/**
 * Whether the text a degree line gave names no qualification: generic words alone ("Certificate",
 * "UNDERGRADUATE DEGREE"), a school named after its kind ("ABC High School"), a graduation date's label,
 * or a place.
 */
function isNotADegree(degree: string): boolean {
  const text = degree.trim();
  const words = foldForMatch(text).match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  if (words.every((word) => GENERIC_WORDS.has(word))) return true;
  // "teaching undergraduate and postgraduate courses.", "and B. Šter": a sentence's tail, not a degree.
  if (/^\p{Ll}/u.test(text) && !hasDegreeKeyword(text)) return true;
  // "MBA programs put pressure on operating results. Engaged…": sentences.
  if (/\p{Ll}{2}\.\s+\p{Lu}/u.test(text) && text.split(/\s+/u).length > 8) return true;
  return SCHOOL_NAME.test(text) || GRADUATION_DATE.test(text) || isPlace(text.replace(/[.,;]+$/u, ''));
}

/**
 * The institution once a following line is read: that line's school when there was none; the rest of a
 * school name a PDF wrapped ("Lycée hôtelier" + "François Rabelais (2019)": the year comes last); else a
 * school-named line replaces a part without a school word. Other lines (a major, a GPA) are not schools.
 */
function joinInstitution(current: string | null, next: string, hadYear: boolean): string | null {
  if (current === null) return next;
  if (!hadYear && !hasCue(next, SCHOOL_WORDS)) return `${current} ${next}`;
  if (hasCue(next, SCHOOL_WORDS) && !hasCue(current, SCHOOL_WORDS)) return next;
  return current;
}

// A degree named by its broad field only ("Master of Arts", "Bachelor of Science"), whose subject follows.
const GENERIC_DEGREE =
  /^(?:bachelor|master|associate|doctor)s?\s+of\s+(?:science|arts|fine arts|education|engineering|laws|applied science|business administration)$/iu;

/**
 * Whether a line is the subject of a degree written as a bare code above it ("BSc (Hons)" / "Marketing",
 * "B.TECH" / "(Electronics and Communication)"): the degree is a code of at most three words with nothing
 * after its degree word but a parenthesis, and the line is short, with no school word, place or digit.
 */
function isSubjectOf(degree: string, line: string): boolean {
  const text = line.trim();
  const bare = degree.replace(/\([^()]*\)/gu, ' ').trim();
  if (
    !GENERIC_DEGREE.test(bare) &&
    (bare.split(/\s+/).length > 2 || !hasDegreeKeyword(bare) || /\b(?:in|of|en|de)\b/iu.test(degree))
  )
    return false;
  return (
    text.length > 0 &&
    text.split(/\s+/).length <= 6 &&
    !/\d|@|:|\b(?:coursework|courses|gpa)\b/iu.test(text) &&
    !hasCue(text, SCHOOL_WORDS) &&
    !hasDegreeKeyword(text, true) &&
    !isPlace(text) &&
    !isSentenceLike(text)
  );
}

/** The learned scores of a part of a line. */
type DegreeScorer = (line: SectionLine, part: { text: string; offset: number }) => PartScores;

/** Learned degree probability above which a line without a degree word opens an entry. */
const OPEN_DEGREE = 0.6;
/** Below this learned probability an entry without a degree word is left out (a school, a heading, a note). */
const MIN_DEGREE = 0.2;

const validYear = (year: number) => (year >= 1950 && year <= 2100 ? year : null);

/** The school in a text: its parts without places ("Goa Institute of Management - Goa" → the first). */
function institutionOf(text: string): string | null {
  const parts = splitParts(text.replace(/\(\s*\)/g, ' ')).filter(
    (part) => !isPlace(part.text) && /\p{L}/u.test(part.text),
  );
  if (parts.length === 0) return null;
  const school = parts.find((part) => hasCue(part.text, SCHOOL_WORDS)) ?? parts[0]!;
  return school.text;
}

/** The entry a degree line opens: degree part, institution part, year. */
function entryOf(line: SectionLine, range: DateRange | null, learned: DegreeScorer | null): Education {
  const text = range
    ? `${line.text.slice(0, range.index)}${' '.repeat(range.length)}${line.text.slice(range.index + range.length)}`
    : line.text;
  const parts = splitParts(text.replace(/\(\s*\)/g, '  ')).filter((part) => /\p{L}/u.test(part.text));
  const byKeyword = parts.findIndex(
    (part) => hasDegreeKeyword(part.text) || hasDegreeKeyword(part.text.replace(/^[^:]{1,20}:\s*/u, '')),
  );
  // The learned scores decide when no part has a degree word, or when another part is clearly the degree.
  const scores = learned ? parts.map((part) => learned(line, part).degree) : null;
  const byScore = scores ? scores.indexOf(Math.max(...scores)) : -1;
  const degreeIndex = Math.max(
    0,
    scores && byScore >= 0 && (byKeyword < 0 || scores[byScore]! - scores[byKeyword]! >= 0.3)
      ? byScore
      : byKeyword,
  );
  let degree = (parts[degreeIndex]?.text ?? '').replace(/^[^:]{1,20}:\s*(?=\S)/u, (label) =>
    hasDegreeKeyword(label) && !/^(?:course|cursus|degree|dipl[oô]me)\b/iu.test(label) ? label : '',
  );
  // "Degree in Engineering (Metallurgy)": a parenthesis right after the degree that is no place is its subject.
  const degreePart = parts[degreeIndex];
  const next = parts[degreeIndex + 1];
  if (degreePart && next && !isPlace(next.text)) {
    const between = text.slice(degreePart.offset + degreePart.text.length, next.offset);
    if (/^\s*\($/u.test(between) && text[next.offset + next.text.length] === ')') {
      degree = `${degree} (${next.text})`;
      parts.splice(degreeIndex + 1, 1);
    }
  }
  // "B.S., Elementary Education", "BS - Behavioral Science": a bare degree code, then its subject.
  const subject = parts[degreeIndex + 1];
  if (
    degreePart &&
    subject &&
    degree === degreePart.text &&
    !degree.includes('(') &&
    isSubjectOf(degree, subject.text)
  ) {
    const between = text.slice(degreePart.offset + degreePart.text.length, subject.offset);
    if (/^\s*[,–-]\s*$/u.test(between)) {
      degree = text.slice(degreePart.offset, subject.offset + subject.text.length);
      parts.splice(degreeIndex + 1, 1);
    }
  }
  const after = parts.slice(degreeIndex + 1).filter((part) => !isPlace(part.text));
  const before = parts.slice(0, degreeIndex).filter((part) => !isPlace(part.text));
  // The school is usually after the degree; some templates write it first ("MERCY COLLEGE … Bachelor of …").
  const school =
    after.find((part) => hasCue(part.text, SCHOOL_WORDS)) ??
    before.find((part) => hasCue(part.text, SCHOOL_WORDS)) ??
    after[0] ??
    null;
  const year = range ? validYear(yearOf(range)) : null;
  return {
    degree,
    institution: school?.text ?? null,
    year,
    source: spanIn(line),
    // Measured on the dotin development resumes: ~0.75 with a degree word and a year, ~0.6 without the
    // year, rarely right without a degree word. With the learned scores: their probability.
    confidence: scores
      ? Math.round((scores[degreeIndex] ?? 0) * 100) / 100
      : hasDegreeKeyword(degree)
        ? year
          ? 0.75
          : 0.6
        : 0.2,
  };
}
