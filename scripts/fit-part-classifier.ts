/**
 * Fits the CV part classifier (src/parsing/profile/fields/part-classifier.ts) on the dotin DEVELOPMENT
 * resumes only (the held-out ones, `isHeldOut`, are never read) and writes its weights to
 * src/taxonomy/data/cv-part-classifier.json.
 *
 * Examples: every piece the readers can propose, cut the way they cut it — each line's entry-header parts
 * (`splitParts`) and each list item (`listItems`) of every section — with the features the run time sees
 * (the document rebuilt by `documentFromText`, its sections by `splitSections`). A piece's label is the
 * dotin label covering at least half of its letters (Designation → title, Companies worked at → employer,
 * Degree → degree, College Name → college, Tech Tools / Job Specific Skills / Soft Skills → skill), else
 * `other`. The model: multinomial logistic regression, L2-regularised, fitted by stochastic gradient
 * descent in a seeded order (same data, same file). Features seen in fewer than MIN_DOCS resumes are dropped.
 *
 *   npm run fit:parts [-- --dotin DIR] [--check]
 *
 * `--check` also prints a 5-fold cross-validated accuracy per label on the development resumes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentFromText } from '../src/parsing/extract/text-document.js';
import { splitParts } from '../src/parsing/profile/fields/entry-parts.js';
import {
  listItemInputs,
  PART_LABELS,
  type PartClassifierModel,
  type PartInput,
  type PartLabel,
  partFeatures,
  scoreFeatures,
} from '../src/parsing/profile/fields/part-classifier.js';
import { listItems } from '../src/parsing/profile/fields/skill-lists.js';
import { lineContexts } from '../src/parsing/profile/line-context.js';
import { splitSections } from '../src/parsing/profile/sections.js';
import { defaultTaxonomy } from '../src/parsing/profile/taxonomy-lookups.js';
import { createRandom } from '../src/support/create-random.js';
import { DOTIN_DIRECTORY, isHeldOut } from './parse-eval/dotin-eval.js';
import { type DotinLabel, readDotinResume } from './parse-eval/dotin-resume.js';

export const MODEL_FILE = path.resolve('src', 'taxonomy', 'data', 'cv-part-classifier.json');
const SEED = 14;
const EPOCHS = 12;
const LEARNING_RATE = 0.1;
const L2 = 1e-4;
const MIN_DOCS = 3;

const LABEL_OF: Partial<Record<DotinLabel, PartLabel>> = {
  Designation: 'title',
  'Companies worked at': 'employer',
  Degree: 'degree',
  'College Name': 'college',
  'Tech Tools': 'skill',
  'Job Specific Skills': 'skill',
  'Soft Skills': 'skill',
};

export interface Example {
  file: string;
  features: string[];
  label: number;
  input: PartInput;
}

/**
 * The dotin text as `documentFromText` rebuilds it (spaces collapsed, lines trimmed, empty lines dropped),
 * with the label of every character carried along.
 */
function normalisedWithLabels(
  text: string,
  labels: (PartLabel | null)[],
): { text: string; labels: (PartLabel | null)[] } {
  let out = '';
  const outLabels: (PartLabel | null)[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const rawLabels = labels.slice(offset, offset + raw.length);
    offset += raw.length + 1;
    let line = '';
    const lineLabels: (PartLabel | null)[] = [];
    let space = false;
    for (let index = 0; index < raw.length; index++) {
      const char = raw[index]!;
      if (/[\t\u00a0\u202f ]/u.test(char)) {
        space = true;
        continue;
      }
      if (space && line.length > 0) {
        line += ' ';
        lineLabels.push(rawLabels[index] ?? null);
      }
      space = false;
      line += char;
      lineLabels.push(rawLabels[index] ?? null);
    }
    if (line.length === 0) continue;
    if (out.length > 0) {
      out += '\n';
      outLabels.push(null);
    }
    out += line;
    outLabels.push(...lineLabels);
  }
  return { text: out, labels: outLabels };
}

/** The label covering at least half of the letters of `[start, end)`, else `other`. */
function labelOf(text: string, labels: (PartLabel | null)[], start: number, end: number): PartLabel {
  const counts = new Map<PartLabel, number>();
  let letters = 0;
  for (let index = start; index < end; index++) {
    if (!/[\p{L}\p{N}]/u.test(text[index] ?? '')) continue;
    letters++;
    const label = labels[index];
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] * 2 >= letters && letters > 0 ? best[0] : 'other';
}

/** The examples of one resume. */
export function resumeExamples(file: string, source: string): Example[] {
  const resume = readDotinResume(source);
  const charLabels: (PartLabel | null)[] = new Array(resume.text.length).fill(null);
  for (const span of resume.spans) {
    const label = LABEL_OF[span.label];
    if (!label) continue;
    for (let index = span.start; index < span.end; index++) charLabels[index] = label;
  }
  const { text, labels } = normalisedWithLabels(resume.text, charLabels);
  const document = documentFromText(text);
  if (document.text !== text) throw new Error(`${file}: the rebuilt text differs from documentFromText's`);
  const sections = splitSections(document);
  const examples: Example[] = [];
  const push = (input: PartInput, start: number, end: number) =>
    examples.push({
      file,
      input,
      features: partFeatures(input),
      label: PART_LABELS.indexOf(labelOf(text, labels, start, end)),
    });
  const contexts = lineContexts(sections);
  const taxonomy = defaultTaxonomy;
  for (const section of sections) {
    for (const line of section.lines) {
      const context = contexts.get(line.lineNumber)!;
      const parts = splitParts(line.text);
      for (const [partIndex, part] of parts.entries())
        push(
          {
            text: part.text,
            line: line.text,
            partIndex,
            partCount: parts.length,
            previous: context.previous,
            next: context.next,
            bullet: line.isBullet,
            section: context.section,
            unit: 'header',
          },
          line.start + part.offset,
          line.start + part.offset + part.text.length,
        );
    }
    const items = listItems(section.lines, { requireList: section.kind !== 'skills', inSentences: true });
    const inputs = listItemInputs(
      items,
      (lineNumber) => section.lines.find((line) => line.lineNumber === lineNumber)!,
      (lineNumber) => contexts.get(lineNumber)!,
      (text) => taxonomy.normalizeSkill(text) !== null,
    );
    for (const [index, item] of items.entries()) push(inputs[index]!, item.source.start, item.source.end);
  }
  return examples;
}

/** Multinomial logistic regression by seeded SGD; returns the weights of the kept features. */
export function fitPartClassifier(examples: Example[]): PartClassifierModel {
  // Document frequency: a feature must be seen in MIN_DOCS resumes (a skill name repeated in one resume
  // teaches nothing about the next one).
  const documents = new Map<string, Set<string>>();
  for (const example of examples)
    for (const feature of example.features) {
      const files = documents.get(feature) ?? new Set<string>();
      files.add(example.file);
      documents.set(feature, files);
    }
  const index = new Map<string, number>();
  for (const [feature, files] of [...documents.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (files.size >= MIN_DOCS || feature === 'bias') index.set(feature, index.size);
  const labels = PART_LABELS.length;
  const weights = new Float64Array(index.size * labels);
  const encoded = examples.map((example) => ({
    features: [...new Set(example.features)]
      .map((feature) => index.get(feature))
      .filter((value) => value !== undefined),
    label: example.label,
  }));
  const random = createRandom(SEED);
  const order = encoded.map((_, position) => position);
  const sums = new Float64Array(labels);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let position = order.length - 1; position > 0; position--) {
      const other = Math.floor(random() * (position + 1));
      [order[position], order[other]] = [order[other]!, order[position]!];
    }
    const rate = LEARNING_RATE / (1 + epoch);
    for (const position of order) {
      const example = encoded[position]!;
      sums.fill(0);
      for (const feature of example.features)
        for (let label = 0; label < labels; label++) sums[label]! += weights[feature * labels + label]!;
      const top = Math.max(...sums);
      let total = 0;
      for (let label = 0; label < labels; label++) {
        sums[label] = Math.exp(sums[label]! - top);
        total += sums[label]!;
      }
      for (const feature of example.features)
        for (let label = 0; label < labels; label++) {
          const gradient = sums[label]! / total - (label === example.label ? 1 : 0);
          const at = feature * labels + label;
          weights[at] = weights[at]! - rate * (gradient + L2 * weights[at]!);
        }
    }
  }
  const table: Record<string, number[]> = {};
  for (const [feature, row] of index.entries()) {
    const values = [...weights.subarray(row * labels, row * labels + labels)].map(
      (value) => Math.round(value * 100) / 100,
    );
    if (values.some((value) => Math.abs(value) >= 0.25)) table[feature] = values;
  }
  return { labels: [...PART_LABELS], weights: table };
}

async function developmentExamples(directory: string): Promise<Example[]> {
  const files = (await readdir(directory))
    .filter((file) => file.endsWith('.xml') && !isHeldOut(file))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const examples: Example[] = [];
  for (const file of files)
    examples.push(...resumeExamples(file, await readFile(path.join(directory, file), 'utf8')));
  return examples;
}

/** Cross-validated precision/recall per label (folds by file), for `--check`. */
function crossValidate(examples: Example[]): string {
  const files = [...new Set(examples.map((example) => example.file))];
  const foldOf = new Map(files.map((file, position) => [file, position % 5]));
  const confusion = PART_LABELS.map(() => PART_LABELS.map(() => 0));
  let logLoss = 0;
  for (let fold = 0; fold < 5; fold++) {
    const model = fitPartClassifier(examples.filter((example) => foldOf.get(example.file) !== fold));
    for (const example of examples.filter((candidate) => foldOf.get(candidate.file) === fold)) {
      const probabilities = scoreFeatures(example.features, model);
      const predicted = probabilities.indexOf(Math.max(...probabilities));
      logLoss -= Math.log(Math.max(1e-9, probabilities[example.label]!));
      confusion[example.label]![predicted]!++;
    }
  }
  return `log-loss ${(logLoss / examples.length).toFixed(4)}\n${PART_LABELS.map((label, row) => {
    const correct = confusion[row]![row]!;
    const gold = confusion[row]!.reduce((sum, value) => sum + value, 0);
    const predicted = confusion.reduce((sum, line) => sum + line[row]!, 0);
    return `${label.padEnd(9)} gold ${String(gold).padStart(6)}  P ${(correct / Math.max(1, predicted)).toFixed(3)}  R ${(correct / Math.max(1, gold)).toFixed(3)}`;
  }).join('\n')}`;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--dotin');
  const directory = flag >= 0 ? process.argv[flag + 1]! : DOTIN_DIRECTORY;
  const examples = await developmentExamples(directory);
  if (process.argv.includes('--check'))
    process.stdout.write(`5-fold cross-validation (dev resumes):\n${crossValidate(examples)}\n`);
  const model = fitPartClassifier(examples);
  await writeFile(MODEL_FILE, `${JSON.stringify(model)}\n`);
  process.stdout.write(
    `${examples.length} pieces from the dotin development resumes, ${Object.keys(model.weights).length} features → ${MODEL_FILE}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
