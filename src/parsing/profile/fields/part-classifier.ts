import { TaxonomyDataError } from '../../../errors.js';
import { lazyTable } from '../../../taxonomy/tables.js';
import { foldForMatch } from '../../../text/index.js';
import type { LineContext } from '../line-context.js';
import type { SectionLine } from '../sections.js';
import { parseDateRange } from './dates.js';
import { hasDegreeKeyword } from './education.js';
import { hasCue, isPlace, splitParts } from './entry-parts.js';
import { COMPANY_WORDS, TITLE_WORDS } from './entry-words.js';
import { isSentenceLike } from './header-lines.js';
import type { ListItem } from './skill-lists.js';

/**
 * A learned scorer of the pieces of a CV line ("Senior Software Engineer", "Infosys Limited", "B.E. in
 * Mechanical Engineering", "Java"): which of title, employer, degree, school, skill or other a piece is.
 *
 * The rule-based readers propose the pieces (entry header parts, list items) and consult this scorer to
 * choose between them and to say how sure they are. The model is a multinomial logistic regression over
 * sparse binary features of the piece, its line and the neighbouring lines (words, first and last word,
 * shape, punctuation, dates on the line and around it, section heading kind, gazetteer hits: job-title
 * words, employer legal suffixes, degree words, places). Its weights are fitted on the dotin DEVELOPMENT
 * resumes by `npm run fit:parts` (scripts/fit-part-classifier.ts, deterministic) and shipped as the table
 * `cv-part-classifier.json`; the held-out resumes are never read by the fit.
 */

export const PART_LABELS = ['title', 'employer', 'degree', 'college', 'skill', 'other'] as const;
export type PartLabel = (typeof PART_LABELS)[number];

/** A piece of a line and its surroundings, as the features see it. */
export interface PartInput {
  /** The piece itself. */
  text: string;
  /** The whole line it was cut from. */
  line: string;
  /** Its position among the pieces of the line (0-based) and their count. */
  partIndex: number;
  partCount: number;
  /** The text of the previous and next non-empty lines of the same area, or null. */
  previous: string | null;
  next: string | null;
  /** The line is a bullet or a list item. */
  bullet: boolean;
  /** The kind of the section the line is in ('top', 'experience', 'education', 'skills', …). */
  section: string;
  /** How the piece was cut: from an entry header ('header') or a list ('list'). */
  unit: 'header' | 'list';
  /** The skill taxonomy (ESCO FR/EN, ROME) knows the piece (looked up for list items only). */
  knownSkill?: boolean;
}

const bucket = (count: number, edges: readonly number[]) => {
  let index = 0;
  while (index < edges.length && count > edges[index]!) index++;
  return index;
};

function lineFacts(text: string | null): string[] {
  if (text === null) return ['none'];
  const facts: string[] = [];
  const range = parseDateRange(text);
  if (range) facts.push(range.isRange ? 'range' : 'date');
  const words = text.trim().split(/\s+/u).length;
  facts.push(`nw${bucket(words, [1, 3, 6, 12])}`);
  if (isSentenceLike(text)) facts.push('sentence');
  if (hasCue(text, TITLE_WORDS)) facts.push('titleword');
  if (hasCue(text, COMPANY_WORDS)) facts.push('companyword');
  if (hasDegreeKeyword(text)) facts.push('degree');
  return facts;
}

/** The sparse binary features of a piece (names only; absent = 0). */
export function partFeatures(input: PartInput): string[] {
  const features = ['bias', `unit:${input.unit}`, `sec:${input.section}`];
  const text = input.text.trim();
  const words = foldForMatch(text).match(/[\p{L}\p{N}+#]+/gu) ?? [];
  for (const word of new Set(words.slice(0, 8))) features.push(`w:${word}`);
  const first = words[0];
  const last = words.at(-1);
  if (first !== undefined) features.push(`first:${first}`);
  if (last !== undefined) {
    features.push(`last:${last}`);
    if (last.length >= 4) features.push(`sfx:${last.slice(-3)}`);
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) features.push('shape:caps');
  else if (/^\p{Lu}/u.test(text)) {
    const tokens = text.split(/\s+/u).filter((token) => /^\p{L}/u.test(token));
    const capitalised = tokens.filter((token) => /^\p{Lu}/u.test(token)).length;
    features.push(capitalised === tokens.length ? 'shape:title' : 'shape:upperfirst');
  } else if (/^\p{Ll}/u.test(text)) features.push('shape:lowerfirst');
  else features.push('shape:other');
  features.push(`nw:${bucket(words.length, [1, 2, 3, 5, 8])}`);
  if (/\d/u.test(text)) features.push('digit');
  if (/\.$/u.test(text)) features.push('enddot');
  if (/,/u.test(text)) features.push('comma');
  if (/[()]/u.test(text)) features.push('paren');
  if (/[/&]/u.test(text)) features.push('slash');
  if (hasCue(text, TITLE_WORDS)) features.push('gz:titleword');
  if (hasCue(text, COMPANY_WORDS)) features.push('gz:companyword');
  if (hasDegreeKeyword(text)) features.push('gz:degree');
  if (isPlace(text)) features.push('gz:place');
  if (input.knownSkill === true) features.push('gz:skill', `gz:skill&nw:${bucket(words.length, [1, 2, 3])}`);
  if (isSentenceLike(text)) features.push('sentence');
  features.push(
    `pos:${input.partIndex === 0 ? 'first' : input.partIndex === input.partCount - 1 ? 'last' : 'mid'}`,
  );
  features.push(`parts:${bucket(input.partCount, [1, 2, 4])}`);
  if (input.bullet) features.push('bullet');
  if (text.length < input.line.trim().length * 0.9) features.push('partial');
  for (const fact of lineFacts(input.line)) features.push(`line:${fact}`);
  for (const fact of lineFacts(input.previous)) features.push(`prev:${fact}`);
  for (const fact of lineFacts(input.next)) features.push(`next:${fact}`);
  // Conjunctions the linear model cannot build alone.
  features.push(`sec:${input.section}&unit:${input.unit}`);
  if (last !== undefined) features.push(`sec:${input.section}&last:${last}`);
  return features;
}

/** The fitted table: labels, and per feature one weight per label. */
export interface PartClassifierModel {
  labels: readonly string[];
  weights: Readonly<Record<string, readonly number[]>>;
}

const modelTable = lazyTable<PartClassifierModel>('cv-part-classifier');

let checkedModel: PartClassifierModel | null = null;
function model(): PartClassifierModel {
  if (checkedModel === null) {
    const table = modelTable();
    if (table.labels.join(',') !== PART_LABELS.join(','))
      throw new TaxonomyDataError(
        'cv-part-classifier.json',
        'the part-classifier table does not list PART_LABELS: run npm run fit:parts',
      );
    checkedModel = table;
  }
  return checkedModel;
}

/** Softmax probabilities of each label for a feature list under a model. */
export function scoreFeatures(features: readonly string[], table: PartClassifierModel): number[] {
  const sums = table.labels.map(() => 0);
  for (const feature of features) {
    const row = table.weights[feature];
    if (!row) continue;
    for (let index = 0; index < sums.length; index++) sums[index]! += row[index] ?? 0;
  }
  const top = Math.max(...sums);
  const exps = sums.map((sum) => Math.exp(sum - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

export type PartScores = Record<PartLabel, number>;

/**
 * The learned scores of a part of an entry-header line (`splitParts`), given the line's context: the part
 * is placed among the parts of the whole line (a dates line's parts, cut without its dates, keep their
 * offsets).
 */
export function classifyHeaderPart(
  line: Pick<SectionLine, 'text' | 'isBullet'>,
  context: LineContext,
  part: { text: string; offset: number },
): PartScores {
  const parts = splitParts(line.text);
  const found = parts.findIndex(
    (candidate) =>
      candidate.offset < part.offset + part.text.length &&
      part.offset < candidate.offset + candidate.text.length,
  );
  return classifyPart({
    text: part.text,
    line: line.text,
    partIndex: Math.max(0, found),
    partCount: Math.max(1, parts.length),
    previous: context.previous,
    next: context.next,
    bullet: line.isBullet,
    section: context.section,
    unit: 'header',
  });
}

/**
 * The classifier's inputs for list items (one per item, in order): each item's position among the items
 * of its line, its line and that line's context. Shared by the run time and the fit.
 */
export function listItemInputs(
  items: readonly ListItem[],
  lineOf: (lineNumber: number) => SectionLine,
  contextOf: (lineNumber: number) => LineContext,
  knownSkill: (text: string) => boolean,
): PartInput[] {
  const perLine = new Map<number, number>();
  for (const item of items) perLine.set(item.lineNumber, (perLine.get(item.lineNumber) ?? 0) + 1);
  const seen = new Map<number, number>();
  return items.map((item) => {
    const line = lineOf(item.lineNumber);
    const partIndex = seen.get(item.lineNumber) ?? 0;
    seen.set(item.lineNumber, partIndex + 1);
    const context = contextOf(item.lineNumber);
    return {
      text: item.text,
      line: line.text,
      partIndex,
      partCount: perLine.get(item.lineNumber)!,
      previous: context.previous,
      next: context.next,
      bullet: line.isBullet,
      section: context.section,
      unit: 'list',
      knownSkill: knownSkill(item.text),
    };
  });
}

const memo = new Map<string, PartScores>();

/** The probability of each label for a piece (the shipped model). */
export function classifyPart(input: PartInput): PartScores {
  const key = JSON.stringify(input);
  let scores = memo.get(key);
  if (scores === undefined) {
    if (memo.size >= 20_000) memo.clear();
    const probabilities = scoreFeatures(partFeatures(input), model());
    scores = Object.fromEntries(
      PART_LABELS.map((label, index) => [label, probabilities[index]!]),
    ) as PartScores;
    memo.set(key, scores);
  }
  return scores;
}
