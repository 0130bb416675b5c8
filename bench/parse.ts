/**
 * Full CV parse speed (extraction + field extraction) per format on fixtures/cvs, next to extraction
 * alone, in CPU time of this process (other load on the machine matters less) and CVs per second per core.
 * Run: `npx tsx bench/parse.ts [--rounds 3]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../src/parsing/extract/index.js';
import { parseCv } from '../src/parsing/index.js';

export interface ParseBenchRow {
  format: 'pdf' | 'docx' | 'txt';
  documents: number;
  /** Mean CPU ms per document: extraction only, and the full parse. */
  extractCpuMs: number;
  parseCpuMs: number;
  /** Full parses per second on one core (1000 / parse CPU ms). */
  parsesPerSecondPerCore: number;
}

const fixtureDirectory = fileURLToPath(new URL('../fixtures/cvs/', import.meta.url));
const NOW = '2026-11-01';

async function cpuTime(run: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const usage = process.cpuUsage(start);
  return (usage.user + usage.system) / 1000;
}

/** Benchmarks one format: a warm-up pass (loads libraries and tables), then `rounds` timed passes. */
async function benchFormat(format: ParseBenchRow['format'], rounds: number): Promise<ParseBenchRow | null> {
  const files = readdirSync(fixtureDirectory)
    .filter((file) => file.endsWith(`.${format}`))
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(path.join(fixtureDirectory, file))) }));
  if (files.length === 0) return null;
  for (const input of files) await parseCv(input.bytes, { file: input.file, now: NOW });
  const extract = await cpuTime(async () => {
    for (let round = 0; round < rounds; round++) {
      for (const input of files) await extractDocument(input.bytes, { file: input.file });
    }
  });
  const parse = await cpuTime(async () => {
    for (let round = 0; round < rounds; round++) {
      for (const input of files) await parseCv(input.bytes, { file: input.file, now: NOW });
    }
  });
  const documents = files.length * rounds;
  return {
    format,
    documents,
    extractCpuMs: extract / documents,
    parseCpuMs: parse / documents,
    parsesPerSecondPerCore: (1000 * documents) / parse,
  };
}

/** Runs the benchmark and returns its rows. */
export async function benchParse(rounds = 3): Promise<ParseBenchRow[]> {
  const rows: ParseBenchRow[] = [];
  for (const format of ['pdf', 'docx', 'txt'] as const) {
    const row = await benchFormat(format, rounds);
    if (row) rows.push(row);
  }
  return rows;
}

function formatRows(rows: ParseBenchRow[]): string {
  const lines = [
    `${'format'.padEnd(7)} ${'docs'.padStart(5)} ${'extract ms'.padStart(11)} ${'parse ms'.padStart(9)} ${'fields ms'.padStart(10)} ${'CVs/s/core'.padStart(11)}`,
    ...rows.map(
      (row) =>
        `${row.format.padEnd(7)} ${String(row.documents).padStart(5)} ${row.extractCpuMs.toFixed(1).padStart(11)} ${row.parseCpuMs.toFixed(1).padStart(9)} ${(row.parseCpuMs - row.extractCpuMs).toFixed(1).padStart(10)} ${row.parsesPerSecondPerCore.toFixed(1).padStart(11)}`,
    ),
    'CPU time per document of this process; "fields" = parse − extract (sections, fields, taxonomy, geo).',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roundsIndex = process.argv.indexOf('--rounds');
  const rounds = roundsIndex > 0 ? Number(process.argv[roundsIndex + 1]) : 3;
  benchParse(rounds).then(
    (rows) => process.stdout.write(`${formatRows(rows)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
