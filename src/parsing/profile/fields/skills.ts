import type { Certification, Skill } from '../../../domain/index.js';
import { isTechTerm } from '../../../taxonomy/index.js';
import { foldForMatch, spanIn } from '../../../text/index.js';
import type { LineContext } from '../line-context.js';
import type { SectionLine } from '../sections.js';
import type { Found } from './found.js';
import { classifyPart, listItemInputs } from './part-classifier.js';
import { type ListItem, listItems } from './skill-lists.js';

/** A mention found by the taxonomy in free text, with offsets into that text. */
export interface TaxonomyMention<T> {
  value: T;
  text: string;
  start: number;
  end: number;
}

/** The taxonomy lookups field extraction needs (`src/taxonomy` in production; fakes in tests). */
export interface TaxonomyLookups {
  findCertifications(
    text: string,
  ): TaxonomyMention<{ code: string; label: string; validityYears: number | null }>[];
  findLicences(text: string): TaxonomyMention<{ code: string; label: string }>[];
  findSkills(text: string): TaxonomyMention<{ id: string; label: string }>[];
  normalizeSkill(text: string): { id: string; label: string } | null;
  normalizeOccupation(
    title: string,
    options?: { limit?: number },
  ): { matches: { romeCode: string; label: string; score: number }[]; abstained: boolean };
}

const UNTIL =
  /(?:jusqu['’]?(?:au|en|a)|valable|valide|expire|expiration|valid until|expires?|until)\D{0,12}?(?:(\d{1,2})[/.-](\d{1,2})[/.-])?((?:19|20)\d{2})/iu;
const OBTAINED =
  /^\s*(?:\(|[-–:,]\s*|\s)(?:obtenu(?:e)?\s+(?:en\s+)?|passé(?:e)?\s+(?:en\s+)?|in\s+|en\s+)?((?:19|20)\d{2})\b/iu;

/**
 * Expiry of a certification mention: a date written after it ("valable jusqu'au 31/03/2027", "valid until
 * 2026"), or the year it was obtained right after it ("FCO (2021)", "CACES 3 obtenu en 2019") plus the
 * certification's validity, counted from 1 January of that year (the earliest the CV allows).
 */
export function validUntilOf(after: string, validityYears: number | null): string | null {
  const until = UNTIL.exec(after.slice(0, 60));
  if (until) {
    const year = until[3]!;
    if (until[1] && until[2]) return `${year}-${until[2].padStart(2, '0')}-${until[1].padStart(2, '0')}`;
    return `${year}-12-31`;
  }
  const obtained = OBTAINED.exec(after.slice(0, 25));
  if (obtained && validityYears !== null) return `${Number(obtained[1]) + validityYears}-01-01`;
  return null;
}

/** Certifications anywhere in the given lines, one per code (first mention kept). */
export function extractCertifications(lines: SectionLine[], taxonomy: TaxonomyLookups): Certification[] {
  const found = new Map<string, Certification>();
  for (const [index, line] of lines.entries()) {
    for (const mention of taxonomy.findCertifications(line.text)) {
      if (found.has(mention.value.code)) continue;
      found.set(mention.value.code, {
        code: mention.value.code,
        label: mention.text,
        validUntil: validUntilOf(line.text.slice(mention.end), mention.value.validityYears),
        source: spanIn(line, mention.start, mention.end - mention.start),
        confidence: 0.9,
      });
    }
    // A list wrapped over two lines in a narrow column: "Habilitations électriques B1V," + "BR, H0V".
    const next = lines[index + 1];
    if (!next || !/[,&]$|\b(?:et|and)$/u.test(line.text)) continue;
    const joined = `${line.text} ${next.text}`;
    for (const mention of taxonomy.findCertifications(joined)) {
      if (found.has(mention.value.code) || mention.start <= line.text.length) continue;
      const offset = mention.start - line.text.length - 1;
      found.set(mention.value.code, {
        code: mention.value.code,
        label: mention.text,
        validUntil: null,
        source: spanIn(next, offset, mention.end - mention.start),
        confidence: 0.8,
      });
    }
  }
  return [...found.values()];
}

/** Driving licence categories anywhere in the given lines ("Permis B", "permis poids lourd", "Permis C et CE"). */
export function extractLicences(lines: SectionLine[], taxonomy: TaxonomyLookups): Found<string>[] {
  const found = new Map<string, Found<string>>();
  for (const line of lines) {
    for (const mention of taxonomy.findLicences(line.text)) {
      if (found.has(mention.value.code)) continue;
      found.set(mention.value.code, {
        value: mention.value.code,
        source: spanIn(line, mention.start, mention.end - mention.start),
        confidence: 0.9,
      });
    }
  }
  return [...found.values()];
}

// Lines of a skills section that are something else (licences, certifications, languages, availability).
const NOT_A_SKILL =
  /^(?:permis|driving licen[cs]e|caces|habilitation|sst\b|fimo|fco|adr\b|disponib|available|vehicul|langues?\b|anglais|english|francais|french)/;

/**
 * Skills of list paragraphs: one per bullet, table cell or comma/semicolon/pipe-separated item, as written
 * (wrapped lines joined, "Languages:" labels and "(2 years)" durations left out), with the taxonomy's label
 * as `normalized` when it knows the skill. Certifications, licences, spoken languages and sensitive lines
 * are not skills. `requireList`: read only real lists (a label, or two items or more), for sections that
 * are not about skills.
 */
export function extractSkills(
  lines: SectionLine[],
  taxonomy: TaxonomyLookups,
  options: { excludedLines: Set<number>; requireList?: boolean; contexts?: ReadonlyMap<number, LineContext> },
): Skill[] {
  const skills: Skill[] = [];
  const seen = new Set<string>();
  const usable = lines.filter((line) => !options.excludedLines.has(line.lineNumber));
  const items = listItems(usable, {
    requireList: options.requireList === true,
    inSentences: options.contexts !== undefined,
  }).flatMap((item) => splitJoinedNames(item, taxonomy));
  const normalizedOf = new Map(items.map((item) => [item.text, taxonomy.normalizeSkill(item.text)]));
  // The learned scores of each item (see part-classifier.ts), when the lines' context is known.
  const contexts = options.contexts;
  const learned = contexts
    ? listItemInputs(
        items,
        (lineNumber) => usable.find((line) => line.lineNumber === lineNumber)!,
        (lineNumber) => contexts.get(lineNumber) ?? { section: 'other', previous: null, next: null },
        (text) => normalizedOf.get(text) != null,
      ).map((input) => classifyPart(input).skill)
    : null;
  for (const [index, item] of items.entries()) {
    const name = item.text;
    if (name.length < 1) continue;
    const folded = foldForMatch(name);
    if (NOT_A_SKILL.test(folded) || taxonomy.findCertifications(name).length > 0) continue;
    if (seen.has(folded)) continue;
    seen.add(folded);
    const normalized = normalizedOf.get(name) ?? null;
    // A listed item the taxonomy or the tool lexicon knows stays (the classifier learned from IT-heavy
    // resumes, and ESCO has no label for most tools: "Linux", "Jira").
    const known = normalized !== null || isTechTerm(name);
    const confidence = learned
      ? Math.max(
          learned[index]!,
          known ? KNOWN_LISTED_SKILL : 0,
          options.requireList === true && item.categoryLabelled && name.split(/\s+/u).length <= 3
            ? CATEGORY_LISTED_SKILL
            : 0,
        )
      : listItemConfidence(name, known);
    const least = !learned
      ? MIN_SKILL_CONFIDENCE
      : options.requireList === true
        ? MIN_LEARNED_LISTED_SKILL_CONFIDENCE
        : MIN_LEARNED_SKILL_CONFIDENCE;
    if (confidence < least) continue;
    skills.push({
      name,
      ...(normalized ? { normalized: normalized.label } : {}),
      source: item.source,
      confidence: Math.round(confidence * 100) / 100,
    });
  }
  return skills;
}

// "Java and Perl", "Oracle &SQL Server", "HTML & CSS": two names joined by a conjunction.
const JOINED = /^(.+?)(?:\s+(?:and|et)\s+|\s*&\s*)(.+)$/iu;

/**
 * The item, or its two names when it joins two names the taxonomy or the tool lexicon knows ("Windows and
 * Linux", "JSP & JSTL") and is not itself a known skill ("Research and Development" stays whole, so does
 * "Sales & Marketing", whose sides are not both known).
 */
function splitJoinedNames(item: ListItem, taxonomy: TaxonomyLookups): ListItem[] {
  const joined = JOINED.exec(item.text);
  if (!joined) return [item];
  const [first, second] = [joined[1]!.trim(), joined[2]!.trim()];
  const known = (text: string) =>
    text.split(/\s+/u).length <= 3 && (isTechTerm(text) || taxonomy.normalizeSkill(text) !== null);
  if (!known(first) || !known(second) || taxonomy.normalizeSkill(item.text) !== null) return [item];
  const raw = item.source.text;
  const secondAt = raw.lastIndexOf(second);
  const firstAt = raw.indexOf(first);
  if (firstAt < 0 || secondAt < firstAt + first.length) return [item];
  const piece = (text: string, at: number): ListItem => ({
    ...item,
    text,
    source: {
      ...item.source,
      text,
      start: item.source.start + at,
      end: item.source.start + at + text.length,
    },
  });
  return [piece(first, firstAt), piece(second, secondAt)];
}

/**
 * Below this confidence a listed item is left out: an unknown item of four content words or more is a
 * skill about once in eight on the dotin development resumes (a phrase, a school, an award, a title
 * otherwise), and a wrong skill weighs on matching more than a missing one.
 */
export const MIN_SKILL_CONFIDENCE = 0.1;
/**
 * The same for the learned probability that an item is a skill (used when the lines' context is known),
 * for probabilities that are calibrated out of sample (5-fold on the dotin development resumes, `npm run
 * fit:parts -- --check`): in a skills section, about the F1-best cut (the classifier learned from IT-heavy
 * resumes and scores the skills of other trades lower: "Loading and unloading" ~0.35).
 */
export const MIN_LEARNED_SKILL_CONFIDENCE = 0.3;
/**
 * The same for the items of inline lists in other sections ("Environment: Java, Spring", "Worked in C,
 * C++"), more often tasks or subjects: on the dotin development resumes 0.45 is the F1-best cut once lists
 * are split finer (sub-lists, slashed names).
 */
export const MIN_LEARNED_LISTED_SKILL_CONFIDENCE = 0.45;
/** The least confidence of a listed item the taxonomy knows, with the learned scores. */
const KNOWN_LISTED_SKILL = 0.5;
/**
 * The least confidence of a short item (three words at most) of a list labelled with a kind of skill or the
 * tools of a job ("Environment: Win7, ESB, Toad", "Databases: Oracle 9i"), outside a skills section, where
 * the classifier scores unknown names low. On the dotin development resumes it adds 41 items: 18 labelled
 * skills, and among the others mostly tools the annotators left unlabelled ("Kintana", "HDFS", "Oracle 10g").
 */
const CATEGORY_LISTED_SKILL = 0.5;

// Function words left out when counting an item's words: French skill names are nominal phrases
// ("Respect des normes d'hygiène") whose length is in their content words.
const FUNCTION_WORDS = new Set(
  'of in with on for to the a an and or & de des du d la le les l au aux et en pour ou sur par'.split(' '),
);

/**
 * How often a listed skill is right, measured on the dotin development resumes (npm run eval:parse): one
 * the taxonomy knows ~0.8; an unknown item of one or two content words ~0.45; of three ~0.25; of four or
 * more ~0.1 (a phrase, a school, an award more often than a skill).
 */
function listItemConfidence(name: string, known: boolean): number {
  if (known) return 0.85;
  const words = foldForMatch(name)
    .split(/[\s'’]+/u)
    .filter((word) => word.length > 0 && !FUNCTION_WORDS.has(word)).length;
  return words <= 2 ? 0.45 : words === 3 ? 0.25 : 0.08;
}

/** Skills of the first list, then those of the others not already there (same folded name). */
export function mergeSkills(...lists: Skill[][]): Skill[] {
  const seen = new Set<string>();
  const merged: Skill[] = [];
  for (const skill of lists.flat()) {
    const key = foldForMatch(skill.name);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(skill);
  }
  return merged;
}

/** Skills the taxonomy recognises in free text, for CVs without a skills section. */
export function findSkillMentions(
  lines: SectionLine[],
  taxonomy: TaxonomyLookups,
  options: { excludedLines: Set<number> },
): Skill[] {
  const skills: Skill[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (options.excludedLines.has(line.lineNumber)) continue;
    for (const mention of taxonomy.findSkills(line.text)) {
      if (seen.has(mention.value.id)) continue;
      seen.add(mention.value.id);
      skills.push({
        name: mention.text,
        normalized: mention.value.label,
        source: spanIn(line, mention.start, mention.end - mention.start),
        // Named in a sentence, not listed: often a task rather than a skill the candidate claims.
        confidence: 0.3,
      });
    }
  }
  return skills;
}
