/**
 * Full CV parse speed per format on fixtures/cvs, and on real resume PDFs (../shared/data/dev/livecareer-resumes,
 * when present) next to poppler's `pdftotext -layout` measured in the same run.
 *
 * Each document is extracted and then turned into a profile in ONE pass, both halves timed (CPU of this
 * process): "extract", "fields" (sections, fields, taxonomy, geo, schema check) and their sum. Real PDFs are
 * also parsed the way a user does it, one `cvmatch parse` process per file (start-up included; needs
 * `npm run build`), next to one `pdftotext -layout` process per file (skipped with a note when poppler-utils
 * is not installed), and one `node -e 0` per file: the floor of any Node command started once per file (the
 * ratio a one-process-per-file parse cannot go below). Run: `npx tsx bench/parse.ts [--rounds 3] [--real 24]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidateProfileSchema } from '../src/domain/index.js';
import { extractDocument } from '../src/parsing/extract/index.js';
import { profileId } from '../src/parsing/parse-cv.js';
import { extractProfile } from '../src/parsing/profile/extract-profile.js';
import { defaultTaxonomy } from '../src/parsing/profile/taxonomy-lookups.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtureDirectory = path.join(root, 'fixtures/cvs');
const realDirectory = path.join(root, '../shared/data/dev/livecareer-resumes');
const NOW = '2026-11-01';
const NOW_DATE = new Date(`${NOW}T00:00:00Z`);

interface ParseRow {
  documents: string;
  count: number;
  extractCpuMs: number;
  fieldsCpuMs: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU ms of waited-for children (Linux /proc: cutime + cstime, USER_HZ 100). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Extract then build the profile, as `parseCv` does, timing both halves of the same pass. */
async function parseTimed(file: string, bytes: Uint8Array): Promise<{ extract: number; fields: number }> {
  const started = cpuMs();
  const document = await extractDocument(bytes, { file });
  const extracted = cpuMs();
  const profile = extractProfile(document, {
    id: profileId(bytes),
    file,
    now: NOW_DATE,
    taxonomy: defaultTaxonomy,
  });
  candidateProfileSchema.parse(profile);
  return { extract: extracted - started, fields: cpuMs() - extracted };
}

async function benchFiles(label: string, files: string[], rounds: number): Promise<ParseRow | null> {
  if (files.length === 0) return null;
  const inputs = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
  for (const input of inputs) await parseTimed(input.file, input.bytes); // warm-up: libraries, tables
  let extract = 0;
  let fields = 0;
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const timing = await parseTimed(input.file, input.bytes);
      extract += timing.extract;
      fields += timing.fields;
    }
  }
  const count = inputs.length * rounds;
  return { documents: label, count, extractCpuMs: extract / count, fieldsCpuMs: fields / count };
}

/** Real PDFs: the first `count` files in name order, spread over the categories. */
function realPdfs(count: number): string[] {
  if (!existsSync(realDirectory)) return [];
  const categories = readdirSync(realDirectory).sort();
  const perCategory = categories.map((category) =>
    readdirSync(path.join(realDirectory, category))
      .filter((name) => name.endsWith('.pdf'))
      .sort()
      .map((name) => path.join(realDirectory, category, name)),
  );
  const files: string[] = [];
  for (let position = 0; files.length < count; position++) {
    const before = files.length;
    for (const list of perCategory) {
      const file = list[position];
      if (file !== undefined && files.length < count) files.push(file);
    }
    if (files.length === before) break;
  }
  return files;
}

/** Mean CPU ms of one child process per file. */
function perProcess(files: string[], command: string, args: (file: string) => string[]): number {
  const before = childrenCpuMs();
  for (const file of files) {
    const result = spawnSync(command, args(file), { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed on ${file}: ${result.stderr}`);
  }
  return (childrenCpuMs() - before) / files.length;
}

async function main(): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(process.argv[index + 1]);
  };
  const rounds = flag('rounds', 3);
  const fixtures = readdirSync(fixtureDirectory).sort();
  const rows: ParseRow[] = [];
  for (const format of ['pdf', 'docx', 'txt']) {
    const files = fixtures
      .filter((name) => name.endsWith(`.${format}`))
      .map((name) => path.join(fixtureDirectory, name));
    const row = await benchFiles(`fixtures ${format}`, files, rounds);
    if (row) rows.push(row);
  }
  const real = realPdfs(flag('real', 24));
  const realRow = await benchFiles('real resume PDFs', real, 1);
  if (realRow) rows.push(realRow);
  console.log('parse: CPU ms per document, extraction and profile building timed in the same pass');
  console.table(
    rows.map((row) => ({
      documents: row.documents,
      count: row.count,
      'extract ms': Number(row.extractCpuMs.toFixed(1)),
      'fields ms': Number(row.fieldsCpuMs.toFixed(1)),
      'parse ms': Number((row.extractCpuMs + row.fieldsCpuMs).toFixed(1)),
      'CVs/s/core': Number((1000 / (row.extractCpuMs + row.fieldsCpuMs)).toFixed(1)),
    })),
  );
  if (real.length === 0) {
    console.log(`note: ${realDirectory} not found: no real-PDF rows`);
    return;
  }
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    console.log('note: pdftotext not found (apt-get install poppler-utils): real-PDF comparison skipped');
    return;
  }
  const pdftotext = perProcess(real, 'pdftotext', (file) => ['-layout', file, '-']);
  const table: Record<string, string | number>[] = [
    {
      what: 'pdftotext -layout, one process per file (peer)',
      'CPU ms/PDF': Number(pdftotext.toFixed(1)),
      '× pdftotext': 1,
    },
  ];
  if (realRow) {
    const inProcess = realRow.extractCpuMs + realRow.fieldsCpuMs;
    table.push({
      what: 'cvmatch parseCv in a running process',
      'CPU ms/PDF': Number(inProcess.toFixed(1)),
      '× pdftotext': Number((inProcess / pdftotext).toFixed(2)),
    });
  }
  const cli = path.join(root, 'dist/cli/main.js');
  if (existsSync(cli)) {
    const perFile = perProcess(real, process.execPath, (file) => [
      cli,
      'parse',
      '--json',
      '--now',
      NOW,
      file,
    ]);
    table.push({
      what: 'cvmatch parse, one process per file (dist/)',
      'CPU ms/PDF': Number(perFile.toFixed(1)),
      '× pdftotext': Number((perFile / pdftotext).toFixed(2)),
    });
    // The floor of any Node command run once per file: starting Node and exiting, nothing loaded.
    const nodeAlone = perProcess(real, process.execPath, () => ['-e', '0']);
    table.push({
      what: 'node -e 0, one process per file (lower bound of a Node CLI)',
      'CPU ms/PDF': Number(nodeAlone.toFixed(1)),
      '× pdftotext': Number((nodeAlone / pdftotext).toFixed(2)),
    });
  } else
    table.push({
      what: 'cvmatch parse per process: run `npm run build` first',
      'CPU ms/PDF': '',
      '× pdftotext': '',
    });
  console.log(`${real.length} real resume PDFs (target ≤ 3× pdftotext)`);
  console.table(table);
}

await main();
