/**
 * Error dump for tuning the parser on the dotin DEVELOPMENT resumes only (the held-out part is never read):
 * one JSON line per predicted value (`kind: 'predicted'`, with its confidence and whether it was credited)
 * and per missed gold value (`kind: 'missed'`), per field, with the text of the line the value came from.
 *
 *   npx tsx scripts/parse-eval/dump-dotin-values.ts [--dotin DIR] > /tmp/dotin-values.jsonl
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCvText } from '../../src/parsing/index.js';
import { DOTIN_DIRECTORY, isHeldOut, predictedValues, RULES } from './dotin-eval.js';
import { DOTIN_FIELDS, dotinGold } from './dotin-gold.js';
import { readDotinResume } from './dotin-resume.js';
import { matchField } from './field-matching.js';

async function main(): Promise<void> {
  const index = process.argv.indexOf('--dotin');
  const directory = index >= 0 ? process.argv[index + 1]! : DOTIN_DIRECTORY;
  const files = (await readdir(directory)).filter((file) => file.endsWith('.xml') && !isHeldOut(file));
  for (const file of files) {
    const resume = readDotinResume(await readFile(path.join(directory, file), 'utf8'));
    const gold = dotinGold(resume);
    let predicted: ReturnType<typeof predictedValues> | null = null;
    let lineOf: (line: number | undefined) => string = () => '';
    try {
      const { profile } = await parseCvText(resume.text, { file, now: '2019-06-01' });
      predicted = predictedValues(profile);
      const lines = profile.text.split('\n');
      lineOf = (line) => (line === undefined ? '' : (lines[line - 1] ?? ''));
      // Source lines of skills, for the dump.
      const skillLines = new Map(profile.skills.map((skill) => [skill.name, skill.source?.line]));
      for (const field of DOTIN_FIELDS) {
        const items = predicted[field];
        const match = matchField(
          RULES[field],
          gold[field],
          items.map((item) => item.value),
        );
        for (const [position, item] of items.entries()) {
          const name = Array.isArray(item.value) ? item.value[0]! : item.value;
          process.stdout.write(
            `${JSON.stringify({
              file,
              field,
              kind: 'predicted',
              value: item.value,
              confidence: item.confidence,
              credited: match.credited[position] === true,
              line: field === 'skills' ? lineOf(skillLines.get(name)) : undefined,
            })}\n`,
          );
        }
        for (const missed of match.missed)
          process.stdout.write(`${JSON.stringify({ file, field, kind: 'missed', value: missed })}\n`);
      }
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ file, kind: 'failed', message: String(error) })}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
