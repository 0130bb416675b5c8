/**
 * Where skill precision and recall are lost, on the dotin DEVELOPMENT resumes only (the held-out part is
 * never read). Each gold skill (list rule, see dotin-gold.ts) that no predicted skill matched gets one
 * cause, decided from its line and the parser's skills on that line:
 *
 * - `wrongly split`: a skill predicted on the same line shares words with it (joined with a neighbour,
 *   cut in two, a label or a duration left on it…);
 * - `line read, item dropped`: the parser took other skills from the line but not this one (filtered by
 *   confidence, by the not-a-skill rules, or not an item for the splitter);
 * - `listed, not read: <section>`: the list splitter (`listItems`, no filter) gives the item on its line,
 *   yet nothing was kept from the line; by the section the line is in;
 * - `not an item: <section>`: not even the splitter gives it (a sentence, a label the splitter reads as
 *   such, a heading line…).
 * Each cause is split by whether the taxonomy knows the skill (`normalizeSkill`).
 *
 * Each spurious prediction gets one cause from the gold spans around it:
 * - `other label`: it overlaps a span of another kind (a degree, a title, a company, a school…);
 * - `sentence mention`: it overlaps a skill span that is not a list item (the gold counts list items only);
 * - `unlabelled, labelled line`: nothing labelled under it, but skills are labelled on its line;
 * - `unlabelled line`: no span at all on its line (the annotator left the line alone);
 * - `labelled near`: it overlaps nothing yet is on a line with other labels (not skills).
 * and by where it came from (its line's section) and whether the taxonomy knows it.
 *
 * It also measures how the dataset labels skills: for each labelled skill of a document, how many of its
 * whole-word occurrences in the text are labelled (every mention, or one).
 *
 *   npx tsx scripts/parse-eval/skill-miss-causes.ts [--dotin DIR] [--list CAUSE] [--spurious CAUSE]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentFromText } from '../../src/parsing/extract/text-document.js';
import { parseCvText } from '../../src/parsing/index.js';
import { listItems } from '../../src/parsing/profile/fields/skill-lists.js';
import { splitSections } from '../../src/parsing/profile/sections.js';
import { normalizeSkill } from '../../src/taxonomy/index.js';
import { DOTIN_DIRECTORY, isHeldOut, predictedValues } from './dotin-eval.js';
import { dotinGold, isListSpan } from './dotin-gold.js';
import { documentLines, readDotinResume } from './dotin-resume.js';
import { matchField, matchScore, normalizeValue } from './field-matching.js';

const SKILL_LABELS = new Set(['Tech Tools', 'Job Specific Skills', 'Soft Skills']);

interface Row {
  file: string;
  cause: string;
  value: string;
  line: string;
}

const argument = (flag: string) => {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

function count(rows: Row[], title: string): void {
  const table = new Map<string, number>();
  for (const row of rows) table.set(row.cause, (table.get(row.cause) ?? 0) + 1);
  process.stdout.write(`\n${title} (${rows.length})\n`);
  for (const [cause, n] of [...table].sort((a, b) => b[1] - a[1]))
    process.stdout.write(`  ${cause.padEnd(48)} ${String(n).padStart(5)}\n`);
}

async function main(): Promise<void> {
  const directory = argument('--dotin') ?? DOTIN_DIRECTORY;
  const files = (await readdir(directory)).filter((file) => file.endsWith('.xml') && !isHeldOut(file));
  const missed: Row[] = [];
  const spurious: Row[] = [];
  let labelledMentions = 0;
  let textMentions = 0;
  let labelledOnce = 0;
  let labelledValues = 0;
  for (const file of files) {
    const resume = readDotinResume(await readFile(path.join(directory, file), 'utf8'));
    const gold = dotinGold(resume);
    const { profile } = await parseCvText(resume.text, { file, now: '2019-06-01' });
    const predicted = predictedValues(profile).skills;
    const document = documentFromText(resume.text);
    const sections = splitSections(document);
    const { rawLines, documentLineOfRaw, lineOfOffset } = documentLines(resume.text);
    const sectionOf = new Map<number, string>();
    const itemsByLine = new Map<number, string[]>();
    for (const section of sections) {
      for (const line of section.lines) sectionOf.set(line.lineNumber, section.kind);
      for (const item of listItems(section.lines, { requireList: false }))
        itemsByLine.set(item.lineNumber, [...(itemsByLine.get(item.lineNumber) ?? []), item.text]);
    }
    const spansByLine = new Map<number, typeof resume.spans>();
    for (const span of resume.spans) {
      const line = lineOfOffset(span.start);
      spansByLine.set(line, [...(spansByLine.get(line) ?? []), span]);
    }
    const skillsByLine = new Map<number, string[]>();
    for (const skill of profile.skills) {
      const line = skill.source?.line;
      if (line === undefined) continue;
      skillsByLine.set(line, [...(skillsByLine.get(line) ?? []), skill.name]);
    }

    // How the dataset labels skills: labelled occurrences against whole-word occurrences in the text.
    const labelledByValue = new Map<string, number>();
    for (const span of resume.spans)
      if (SKILL_LABELS.has(span.label)) {
        const key = normalizeValue(span.text);
        labelledByValue.set(key, (labelledByValue.get(key) ?? 0) + 1);
      }
    const foldedText = ` ${normalizeValue(resume.text)} `;
    for (const [key, labelled] of labelledByValue) {
      if (key.length === 0) continue;
      const occurrences = foldedText.split(` ${key} `).length - 1;
      labelledValues++;
      labelledMentions += labelled;
      textMentions += Math.max(occurrences, labelled);
      if (labelled === 1 && occurrences > 1) labelledOnce++;
    }

    const match = matchField(
      'skill',
      gold.skills,
      predicted.map((item) => item.value),
    );
    const missedKeys = new Set(match.missed.map(normalizeValue));
    const seen = new Set<string>();
    for (const span of resume.spans) {
      if (!SKILL_LABELS.has(span.label) || !isListSpan(resume, span)) continue;
      const key = normalizeValue(span.text);
      if (!missedKeys.has(key) || seen.has(key)) continue;
      seen.add(key);
      const lineNumber = lineOfOffset(span.start);
      const section = sectionOf.get(lineNumber) ?? 'heading line';
      const known = normalizeSkill(span.text) ? 'known' : 'unknown';
      const onLine = skillsByLine.get(lineNumber) ?? [];
      const overlapping = onLine.some((name) => {
        const a = new Set(normalizeValue(name).split(' '));
        return normalizeValue(span.text)
          .split(' ')
          .some((word) => word.length > 1 && a.has(word));
      });
      const items = itemsByLine.get(lineNumber) ?? [];
      const itemized = items.some((item) => matchScore('skill', span.text, item) > 0);
      let cause: string;
      if (overlapping) cause = 'wrongly split';
      else if (onLine.length > 0) cause = `line read, item dropped${itemized ? '' : ' (not an item)'}`;
      else if (itemized) cause = `listed, not read: ${section}`;
      else cause = `not an item: ${section}`;
      missed.push({
        file,
        cause: `${cause} [${known}]`,
        value: span.text,
        line: document.lines[lineNumber - 1]?.text ?? '',
      });
    }

    const spuriousKeys = new Set(match.spurious.map(normalizeValue));
    for (const skill of profile.skills) {
      const key = normalizeValue(skill.name);
      if (!spuriousKeys.has(key)) continue;
      spuriousKeys.delete(key);
      const lineNumber = skill.source?.line ?? -1;
      const section = sectionOf.get(lineNumber) ?? 'heading line';
      const lineText = document.lines[lineNumber - 1]?.text ?? '';
      const lineSpans = spansByLine.get(lineNumber) ?? [];
      // The skill's place in the resume text: its document offsets mapped through the line's start.
      const documentLine = document.lines[lineNumber - 1];
      const rawStart = (() => {
        if (!documentLine || !skill.source) return -1;
        const raw = rawLines.findIndex((_, index) => documentLineOfRaw[index] === lineNumber);
        const rawOffset = rawLines.slice(0, raw).reduce((sum, text) => sum + text.length + 1, 0);
        const within = rawLines[raw]!.indexOf(skill.source.text);
        return within < 0 ? -1 : rawOffset + within;
      })();
      const rawEnd = rawStart + (skill.source?.text.length ?? 0);
      const under = lineSpans.filter((span) => rawStart >= 0 && span.start < rawEnd && span.end > rawStart);
      let cause: string;
      if (under.some((span) => !SKILL_LABELS.has(span.label)))
        cause = `other label (${under.find((span) => !SKILL_LABELS.has(span.label))!.label})`;
      else if (under.some((span) => SKILL_LABELS.has(span.label))) cause = 'sentence mention';
      else if (lineSpans.some((span) => SKILL_LABELS.has(span.label))) cause = 'unlabelled, labelled line';
      else if (lineSpans.length === 0) cause = 'unlabelled line';
      else cause = 'labelled near';
      const known = skill.normalized ? 'known' : 'unknown';
      spurious.push({
        file,
        cause: `${cause} | ${section} [${known}]`,
        value: skill.name,
        line: lineText,
      });
    }
  }
  process.stdout.write(
    `dev resumes: ${files.length}; labelled skill values ${labelledValues}, labelled mentions ${labelledMentions} ` +
      `of ${textMentions} whole-word occurrences; values labelled once but written more often: ${labelledOnce}\n`,
  );
  count(missed, 'missed gold skills');
  count(spurious, 'spurious skills');
  const listed = argument('--list');
  if (listed)
    for (const row of missed.filter((item) => item.cause.startsWith(listed)))
      process.stdout.write(`${row.file} ${JSON.stringify(row.value)} | ${row.line.slice(0, 160)}\n`);
  const spuriousListed = argument('--spurious');
  if (spuriousListed)
    for (const row of spurious.filter((item) => item.cause.startsWith(spuriousListed)))
      process.stdout.write(`${row.file} ${JSON.stringify(row.value)} | ${row.line.slice(0, 160)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
