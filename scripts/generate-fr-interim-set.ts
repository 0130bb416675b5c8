/**
 * Writes the French intérim evaluation set `eval/parse/fr/`: 56 fictitious temp workers of eight sectors
 * (logistics, BTP, industry, cleaning, catering, transport, admin, care) in seven layouts as agencies
 * receive them (Europass, designer template with a coloured sidebar, classic one-column, "missions intérim"
 * list — printed to PDF by headless Chromium —, Word template with tables, Word with bold headings, text
 * typed by the candidate), each `<id>.<pdf|docx|txt>` with its gold `<id>.gold.json` (see
 * scripts/fr-interim/compose.ts for what the gold holds and people.ts for its conventions).
 * Scored by `npm run eval:parse` (scripts/parse-eval/fr-interim-eval.ts), a third held out by file-name hash.
 *
 *   npx tsx scripts/generate-fr-interim-set.ts [--out eval/parse/fr] [--chromium /usr/bin/chromium]
 *
 * Chromium stamps a creation date into each PDF, so PDF bytes differ from one run to the next; their text
 * and layout do not. DOCX and TXT files are byte-for-byte reproducible.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeCv } from './fr-interim/compose.js';
import { drawPeople, FR_SET_NOW } from './fr-interim/people.js';
import { renderHtml } from './fr-interim/render-html.js';
import { renderDocx, renderTypedText } from './fr-interim/render-office.js';

const value = (args: string[], flag: string, fallback: string) => {
  const index = args.indexOf(flag);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};

async function printPdf(chromium: string, html: string, target: string, scratch: string): Promise<void> {
  const source = path.join(scratch, `${path.basename(target, '.pdf')}.html`);
  await writeFile(source, html);
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(scratch, 'profile')}`,
      `--print-to-pdf=${path.resolve(target)}`,
      `file://${source}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
  );
  // Chromium writes the file before it exits; an empty or missing file is a failure.
  const bytes = await readFile(target);
  if (bytes.length < 1000) throw new Error(`Chromium wrote no PDF for ${target}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = value(args, '--out', 'eval/parse/fr');
  const chromium = value(args, '--chromium', '/usr/bin/chromium');
  await mkdir(out, { recursive: true });
  for (const file of await readdir(out)) {
    if (/\.(pdf|docx|txt|gold\.json)$/.test(file)) await rm(path.join(out, file));
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'fr-interim-'));
  try {
    for (const person of drawPeople()) {
      const extension = person.layout.endsWith('-pdf')
        ? 'pdf'
        : person.layout.endsWith('-docx')
          ? 'docx'
          : 'txt';
      const file = `${person.id}.${extension}`;
      const { cv, gold } = composeCv(person, file, FR_SET_NOW);
      const target = path.join(out, file);
      if (extension === 'pdf') await printPdf(chromium, renderHtml(cv, person.layout), target, scratch);
      else if (extension === 'docx')
        await writeFile(target, await renderDocx(cv, person.layout === 'table-docx'));
      else await writeFile(target, renderTypedText(cv));
      await writeFile(path.join(out, `${person.id}.gold.json`), `${JSON.stringify(gold, null, 2)}\n`);
      process.stderr.write(`${file}\n`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
