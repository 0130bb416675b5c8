import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { normalizeOccupation, type OccupationMatch, UsageError } from '../../index.js';

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

function formatTable(matches: OccupationMatch[]): string {
  if (matches.length === 0) return 'no matching ROME occupation\n';
  return `${matches.map((match) => `${match.romeCode}  ${match.score.toFixed(3)}  ${match.label}`).join('\n')}\n`;
}

/** `cvmatch occupation`: normalise job titles to ROME v460 codes. */
export function registerOccupationCommand(program: Command): void {
  program
    .command('occupation')
    .description('Normalise a job title to ROME v460 occupations (best first, score 0..1).')
    .argument('[title]', 'job title, e.g. "Cariste H/F - Lyon"')
    .option('--json', 'print JSON: { input, matches: [{ romeCode, label, score }] }')
    .option('--limit <n>', 'how many occupations to return (1-50)', '5')
    .option('--stdin', 'read one title per line from standard input and print one JSON line per title')
    .addHelpText(
      'after',
      '\nExamples:\n  cvmatch occupation "Préparateur de commandes H/F"\n  cat titles.txt | cvmatch occupation --stdin --limit 3 > matches.jsonl',
    )
    .action(async (title: string | undefined, options: OccupationCommandOptions) => {
      const limit = parseLimit(options.limit);
      if (options.stdin) {
        if (title !== undefined) throw new UsageError('give either a title or --stdin, not both');
        if (process.stdin.isTTY) throw new UsageError('--stdin expects titles piped on standard input');
        const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of lines) {
          const input = line.trim();
          if (!input) continue;
          const matches = normalizeOccupation(input, { limit });
          process.stdout.write(`${JSON.stringify({ input, matches })}\n`);
        }
        return;
      }
      if (title === undefined || !title.trim()) throw new UsageError('missing job title (or use --stdin)');
      const matches = normalizeOccupation(title, { limit });
      process.stdout.write(
        options.json ? `${JSON.stringify({ input: title, matches })}\n` : formatTable(matches),
      );
    });
}
