import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { normalizeOccupation, type OccupationResult, UsageError } from '../../index.js';

interface OccupationCommandOptions {
  json?: boolean;
  limit: string;
  stdin?: boolean;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new UsageError(`--limit must be an integer from 1 to 50, got "${value}"`);
  }
  return limit;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

function formatTable(result: OccupationResult): string {
  const lines: string[] = [];
  if (result.romeInput) lines.push(result.romeInput.note);
  if (result.matches.length === 0) lines.push('no matching ROME occupation');
  else {
    lines.push(
      result.abstained
        ? `not sure: no occupation is named clearly enough (confidence ${percent(result.confidence)}, family ${percent(result.familyConfidence)}); best guesses:`
        : `confidence ${percent(result.confidence)} (family ${percent(result.familyConfidence)})`,
    );
    for (const match of result.matches)
      lines.push(`${match.romeCode}  ${match.score.toFixed(3)}  ${match.label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `cvmatch occupation`: normalise job titles (or ROME v3/v4 codes) to ROME v460 occupations. */
export function registerOccupationCommand(program: Command): void {
  program
    .command('occupation')
    .description(
      'Normalise a job title (French or English) or a ROME v3/v4 code to ROME v460 occupations, best first, with a calibrated confidence.',
    )
    .argument('[title]', 'job title, e.g. "Cariste H/F - Lyon", or a ROME code, e.g. M1403')
    .option(
      '--json',
      'print JSON: { input, matches: [{ romeCode, label, score }], confidence, familyConfidence, abstained, romeInput? }',
    )
    .option('--limit <n>', 'how many occupations to return (1-50)', '5')
    .option(
      '--stdin',
      'read one title per line from standard input and print exactly one JSON line per input line, in order (an empty line gives an empty result)',
    )
    .addHelpText(
      'after',
      [
        '',
        "score is how close the title is to the occupation's names (0..1); confidence is the probability that the",
        'first code is right (familyConfidence: that its family, code_rome_parent, is). "abstained": true (shown',
        'as "not sure") means the title names no occupation clearly enough, e.g. "Technicien" or "Manager".',
        '',
        'Examples:',
        '  cvmatch occupation "Préparateur de commandes H/F"',
        '  cvmatch occupation "Senior Software Engineer" --json',
        '  cvmatch occupation M1403',
        '  cat titles.txt | cvmatch occupation --stdin --limit 3 > matches.jsonl',
      ].join('\n'),
    )
    .action(async (title: string | undefined, options: OccupationCommandOptions) => {
      const limit = parseLimit(options.limit);
      if (options.stdin) {
        if (title !== undefined) throw new UsageError('give either a title or --stdin, not both');
        if (process.stdin.isTTY) throw new UsageError('--stdin expects titles piped on standard input');
        const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of lines) {
          const input = line.trim();
          process.stdout.write(`${JSON.stringify({ input, ...normalizeOccupation(input, { limit }) })}\n`);
        }
        return;
      }
      if (title === undefined || !title.trim()) throw new UsageError('missing job title (or use --stdin)');
      const result = normalizeOccupation(title, { limit });
      process.stdout.write(
        options.json ? `${JSON.stringify({ input: title, ...result })}\n` : formatTable(result),
      );
    });
}
