/**
 * Why experience titles and employers are missed, on the dotin DEVELOPMENT resumes only (the held-out part
 * is never read): each gold title or employer (header rule, see dotin-gold.ts) that no predicted value
 * matched gets one cause, decided from the resume's lines and the parser's entries, never from the gold of
 * other fields:
 *
 * - `opened, other piece`: an entry's header lines include the gold's line (the entry exists, its title or
 *   employer is another piece, or was left empty);
 * - `section: <kind>`: the line is outside every experience section (summary, skills, top, other…);
 * - `bullet`, `paragraph`: inside an experience section, a bullet line or a sentence-like / long line;
 * - `no date nearby`: no line within 3 of it reads as a date (and no gold date span is there either);
 * - `date not read`: a gold date span is within 3 lines but the date reader finds nothing there;
 * - `date nearby, not opened`: a date is read within 3 lines, yet no entry covers the line (multi-role
 *   employers, lines taken by the neighbouring entry…).
 *
 *   npx tsx scripts/parse-eval/miss-causes.ts [--dotin DIR] [--list CAUSE]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentFromText } from '../../src/parsing/extract/text-document.js';
import { parseCvText } from '../../src/parsing/index.js';
import { parseDateRange } from '../../src/parsing/profile/fields/dates.js';
import { isBulletLine, isSentenceLike } from '../../src/parsing/profile/fields/header-lines.js';
import { type SectionLine, splitSections } from '../../src/parsing/profile/sections.js';
import { DOTIN_DIRECTORY, isHeldOut, predictedValues, RULES } from './dotin-eval.js';
import { dotinGold, goldDateKey, isHeaderSpan } from './dotin-gold.js';
import { documentLines, readDotinResume } from './dotin-resume.js';
import { matchField, normalizeValue } from './field-matching.js';

const FIELDS = [
  ['experience.title', 'Designation'],
  ['experience.company', 'Companies worked at'],
] as const;

interface Miss {
  file: string;
  field: string;
  value: string;
  cause: string;
  line: string;
}

async function main(): Promise<void> {
  const argument = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const directory = argument('--dotin') ?? DOTIN_DIRECTORY;
  const listed = argument('--list');
  const files = (await readdir(directory)).filter((file) => file.endsWith('.xml') && !isHeldOut(file));
  const misses: Miss[] = [];
  for (const file of files) {
    const resume = readDotinResume(await readFile(path.join(directory, file), 'utf8'));
    const gold = dotinGold(resume);
    const { profile } = await parseCvText(resume.text, { file, now: '2019-06-01' });
    const predicted = predictedValues(profile);
    const document = documentFromText(resume.text);
    const sections = splitSections(document);
    const { lineOfOffset } = documentLines(resume.text);
    const sectionLine = new Map<
      number,
      { line: SectionLine; kind: string; index: number; all: SectionLine[] }
    >();
    for (const section of sections)
      for (const [index, line] of section.lines.entries())
        sectionLine.set(line.lineNumber, { line, kind: section.kind, index, all: section.lines });
    // Lines every entry used (its source span's lines).
    const entryLines = new Set<number>();
    for (const experience of profile.experiences) {
      const source = experience.source;
      if (!source) continue;
      const first = document.text.slice(0, source.start).split('\n').length;
      const last = document.text.slice(0, source.end).split('\n').length;
      for (let line = first; line <= last; line++) entryLines.add(line);
    }
    const goldDateLines = new Set(
      resume.spans
        .filter((span) => span.label === 'Years of Experience' && goldDateKey(span.text) !== null)
        .map((span) => lineOfOffset(span.start)),
    );
    for (const [field, label] of FIELDS) {
      const match = matchField(
        RULES[field],
        gold[field],
        predicted[field].map((item) => item.value),
      );
      const missed = new Set(match.missed.map(normalizeValue));
      const seen = new Set<string>();
      for (const span of resume.spans) {
        if (span.label !== label || !isHeaderSpan(resume, span)) continue;
        const key = normalizeValue(span.text);
        if (!missed.has(key) || seen.has(key)) continue;
        seen.add(key);
        const lineNumber = lineOfOffset(span.start);
        const where = sectionLine.get(lineNumber);
        const text = document.lines[lineNumber - 1]?.text ?? '';
        let cause: string;
        if (entryLines.has(lineNumber)) cause = 'opened, other piece';
        else if (!where) cause = 'section: heading line';
        else if (where.kind !== 'experience') cause = `section: ${where.kind}`;
        else if (isBulletLine(where.line)) cause = 'bullet';
        else if (isSentenceLike(where.line.text) || where.line.text.split(/\s+/u).length > 12)
          cause = 'paragraph';
        else {
          const near = where.all.slice(Math.max(0, where.index - 3), where.index + 4);
          const dated = near.some((line) => parseDateRange(line.text) !== null);
          const goldNear = near.some((line) => goldDateLines.has(line.lineNumber));
          cause = dated ? 'date nearby, not opened' : goldNear ? 'date not read' : 'no date nearby';
        }
        misses.push({ file, field, value: span.text, cause, line: text });
      }
    }
  }
  const table = new Map<string, Record<string, number>>();
  for (const miss of misses) {
    const row = table.get(miss.cause) ?? {};
    row[miss.field] = (row[miss.field] ?? 0) + 1;
    table.set(miss.cause, row);
  }
  const rows = [...table.entries()].sort(
    (a, b) =>
      Object.values(b[1]).reduce((sum, value) => sum + value, 0) -
      Object.values(a[1]).reduce((sum, value) => sum + value, 0),
  );
  process.stdout.write(`${'cause'.padEnd(28)} ${'title'.padStart(6)} ${'company'.padStart(8)}\n`);
  for (const [cause, row] of rows)
    process.stdout.write(
      `${cause.padEnd(28)} ${String(row['experience.title'] ?? 0).padStart(6)} ${String(row['experience.company'] ?? 0).padStart(8)}\n`,
    );
  const totals = (field: string) => misses.filter((miss) => miss.field === field).length;
  process.stdout.write(
    `${'total missed'.padEnd(28)} ${String(totals('experience.title')).padStart(6)} ${String(totals('experience.company')).padStart(8)}\n`,
  );
  if (listed)
    for (const miss of misses.filter((item) => item.cause === listed))
      process.stdout.write(`${miss.file} ${miss.field} ${JSON.stringify(miss.value)} | ${miss.line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
