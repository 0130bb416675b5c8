/**
 * Extraction speed: time per document for PDF and DOCX (fixtures/cvs), next to poppler's `pdftotext`
 * on the same PDFs (skipped with a note when it is not installed: `apt-get install poppler-utils`).
 * Reports CPU time per document (this process only, so other load on the machine matters less) and
 * CVs per second per core. `pdftotext` runs as a child process: its time includes process start-up,
 * which is how it is used in practice. Run: `npx tsx bench/extract.ts [--rounds 5]`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDocument } from '../src/parsing/extract/index.js';

export interface ExtractBenchRow {
  engine: 'cvmatch' | 'pdftotext';
  format: 'pdf' | 'docx';
  documents: number;
  /** Mean CPU milliseconds per document. */
  cpuMsPerDocument: number;
  /** Mean wall milliseconds per document. */
  wallMsPerDocument: number;
  /** Documents per second on one core (1000 / CPU ms). */
  documentsPerSecondPerCore: number;
}

const fixtureDirectory = fileURLToPath(new URL('../fixtures/cvs/', import.meta.url));

function cpuMs(start: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(start);
  return (usage.user + usage.system) / 1000;
}

function row(
  engine: ExtractBenchRow['engine'],
  format: ExtractBenchRow['format'],
  documents: number,
  cpu: number,
  wall: number,
): ExtractBenchRow {
  return {
    engine,
    format,
    documents,
    cpuMsPerDocument: cpu / documents,
    wallMsPerDocument: wall / documents,
    documentsPerSecondPerCore: (1000 * documents) / cpu,
  };
}

/** Times `extractDocument` on every fixture of a format (one warm-up pass, then `rounds` passes). */
async function benchOurs(format: 'pdf' | 'docx', files: string[], rounds: number): Promise<ExtractBenchRow> {
  const inputs = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
  for (const input of inputs) await extractDocument(input.bytes, { file: input.file });
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) await extractDocument(input.bytes, { file: input.file });
  }
  return row('cvmatch', format, inputs.length * rounds, cpuMs(cpuStart), performance.now() - wallStart);
}

function hasPdftotext(): boolean {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

/** Times `pdftotext file -` per PDF; CPU time is the children's user + system time. */
function benchPdftotext(files: string[], rounds: number): ExtractBenchRow {
  for (const file of files) spawnSync('pdftotext', [file, '-']);
  const childrenBefore = readChildrenCpuMs();
  const wallStart = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const file of files) {
      const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`pdftotext failed on ${file}: ${result.stderr}`);
    }
  }
  const wall = performance.now() - wallStart;
  // Children's CPU is not in process.cpuUsage(); /proc/self/stat has it (cutime + cstime, in clock ticks).
  const childrenAfter = readChildrenCpuMs();
  const childrenCpu =
    childrenBefore === null || childrenAfter === null ? wall : childrenAfter - childrenBefore;
  return row('pdftotext', 'pdf', files.length * rounds, childrenCpu, wall);
}

/** CPU milliseconds used by waited-for children of this process (Linux), or null elsewhere. */
function readChildrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields after "(comm) ": state is index 0, so cutime is field 16 - 3 = 13 and cstime 14.
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Runs the extraction bench, prints a table and returns its rows. */
export async function runExtractBench(rounds = 5): Promise<ExtractBenchRow[]> {
  const names = readdirSync(fixtureDirectory).sort();
  const filesOf = (extension: string) =>
    names.filter((name) => name.endsWith(extension)).map((name) => path.join(fixtureDirectory, name));
  const pdfs = filesOf('.pdf');
  const docxs = filesOf('.docx');
  const rows: ExtractBenchRow[] = [];
  if (pdfs.length > 0) rows.push(await benchOurs('pdf', pdfs, rounds));
  if (docxs.length > 0) rows.push(await benchOurs('docx', docxs, rounds));
  let note = '';
  if (pdfs.length === 0) note = 'no PDF fixtures in fixtures/cvs: nothing to compare';
  else if (!hasPdftotext()) note = 'pdftotext not found (apt-get install poppler-utils): comparison skipped';
  else rows.push(benchPdftotext(pdfs, rounds));
  console.log(`fixtures: ${pdfs.length} PDF, ${docxs.length} DOCX; ${rounds} rounds after one warm-up pass`);
  console.table(
    rows.map((result) => ({
      engine: result.engine,
      format: result.format,
      documents: result.documents,
      'CPU ms/doc': Number(result.cpuMsPerDocument.toFixed(2)),
      'wall ms/doc': Number(result.wallMsPerDocument.toFixed(2)),
      'CVs/s/core': Number(result.documentsPerSecondPerCore.toFixed(1)),
    })),
  );
  const ours = rows.find((result) => result.engine === 'cvmatch' && result.format === 'pdf');
  const reference = rows.find((result) => result.engine === 'pdftotext');
  if (ours !== undefined && reference !== undefined) {
    console.log(
      `PDF: cvmatch extraction takes ${(ours.cpuMsPerDocument / reference.cpuMsPerDocument).toFixed(2)}× pdftotext's CPU time per document`,
    );
  }
  if (note.length > 0) console.log(`note: ${note}`);
  return rows;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const roundsFlag = process.argv.indexOf('--rounds');
  const rounds = roundsFlag === -1 ? 5 : Number(process.argv[roundsFlag + 1]);
  await runExtractBench(Number.isInteger(rounds) && rounds > 0 ? rounds : 5);
}
