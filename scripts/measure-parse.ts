/**
 * Parses each file in its own child process and prints its outcome, wall time and peak RSS (the child's
 * `process.resourceUsage().maxRSS`); `--batch` also parses all of them in one child with `parseCvs`.
 * `--warm-up cv.pdf` parses that file first, untimed, so the time is the file's, not the libraries' loading.
 *
 *   npx tsx scripts/measure-parse.ts [--batch] [--concurrency 4] [--warm-up cv.pdf] [--in-process] file…
 *
 * `--in-process` reads documents in the calling thread (`isolation: 'in-process'`) instead of a worker.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What one child reported. */
export interface ParseMeasure {
  files: string[];
  /** `ok`, a `DocumentError` reason per file (joined with `,` for a batch). */
  outcomes: string[];
  /** Warning codes per file. */
  warnings: string[][];
  /** The error's class name per file (`''` when it parsed; not in a batch). */
  errorNames: string[];
  /** Time until the results were returned. */
  ms: number;
  /** Time of each file (not in a batch, where they overlap). */
  fileMs: number[];
  /** Time until the process could exit (background work included). */
  exitMs: number;
  peakRssMb: number;
  /** Peak RSS of the parsing process alone (without its extraction processes), MB. */
  parentPeakRssMb: number;
  /** Highest RSS one extraction process reached (sampled), MB. */
  workerPeakRssMb: number;
}

const childPath = fileURLToPath(import.meta.url);

/** Runs the parse of `files` in a child Node process (through tsx, on the sources). */
export function measureParse(
  files: string[],
  options: { batch?: boolean; concurrency?: number; warmUp?: string; inProcess?: boolean } = {},
): Promise<ParseMeasure> {
  const args = [
    '--import',
    'tsx',
    childPath,
    '--child',
    `${options.batch ? 'batch' : 'one'}${options.inProcess ? '-in-process' : ''}`,
    String(options.concurrency ?? 4),
    options.warmUp ?? '-',
    ...files,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`measure child failed: ${error.message}\n${stderr}`, { cause: error }));
          return;
        }
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as ParseMeasure);
      },
    );
  });
}

/** Resident memory of a process, MB, from /proc (Linux); 0 once it is gone. */
function residentMb(pid: number | 'self'): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // The process ended between the listing and the read.
  }
}

/** Ids of this process's children (documents are read in child processes: their memory counts too). */
function childPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command name in parentheses: the state, then the parent's id.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid)
        pids.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/**
 * Peak memory of this process and its children together, and of its largest child alone, MB: sampled every
 * 10 ms (the children are killed or exit before this process, so their own peak cannot be read at the end).
 */
function sampleTreeMemory(): () => { tree: number; child: number } {
  let tree = 0;
  let child = 0;
  const timer = setInterval(() => {
    const children = childPids().map((pid) => residentMb(pid));
    child = Math.max(child, ...children);
    tree = Math.max(tree, residentMb('self') + children.reduce((sum, mb) => sum + mb, 0));
  }, 10);
  timer.unref();
  return () => ({ tree, child });
}

async function child(
  modeArgument: string,
  concurrency: number,
  warmUp: string,
  files: string[],
): Promise<void> {
  const mode = modeArgument.replace('-in-process', '');
  const isolation = modeArgument.endsWith('-in-process') ? 'in-process' : 'worker';
  const { parseCv, parseCvs, DocumentError } = await import('../src/index.js');
  // One document first, untimed: loading pdfjs, the taxonomy and the commune tables is paid once per process.
  if (warmUp !== '-') await parseCv(warmUp, { now: '2026-11-01', limits: { timeoutMs: 300_000 }, isolation });
  const treePeak = sampleTreeMemory();
  const started = performance.now();
  const outcomes: string[] = [];
  const warnings: string[][] = [];
  const errorNames: string[] = [];
  const fileMs: number[] = [];
  if (mode === 'batch') {
    for (const item of await parseCvs(files, { concurrency, now: '2026-11-01', isolation })) {
      outcomes.push('error' in item ? item.error.reason : 'ok');
      warnings.push('error' in item ? [] : item.warnings.map((warning) => warning.code));
    }
  } else {
    for (const file of files) {
      const fileStarted = performance.now();
      try {
        const result = await parseCv(file, { now: '2026-11-01', isolation });
        outcomes.push('ok');
        warnings.push(result.warnings.map((warning) => warning.code));
        errorNames.push('');
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        outcomes.push(error.reason);
        warnings.push([]);
        errorNames.push(error.name);
      }
      fileMs.push(Math.round(performance.now() - fileStarted));
    }
  }
  const ms = Math.round(performance.now() - started);
  // Measured when the process exits: work a parse left running in the background (an image still being
  // decoded, a timed-out conversion) counts too, and keeps the process alive.
  process.on('exit', () => {
    const measure: ParseMeasure = {
      files,
      outcomes,
      warnings,
      errorNames,
      ms,
      fileMs,
      exitMs: Math.round(performance.now() - started),
      peakRssMb: Math.round(Math.max(process.resourceUsage().maxRSS / 1024, treePeak().tree)),
      parentPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      workerPeakRssMb: Math.round(treePeak().child),
    };
    process.stdout.write(`${JSON.stringify(measure)}\n`);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    await child(args[1] ?? 'one', Number(args[2] ?? 4), args[3] ?? '-', args.slice(4));
    return;
  }
  const batch = args.includes('--batch');
  const inProcess = args.includes('--in-process');
  const concurrencyIndex = args.indexOf('--concurrency');
  const concurrency = concurrencyIndex >= 0 ? Number(args[concurrencyIndex + 1]) : 4;
  const warmUpIndex = args.indexOf('--warm-up');
  const warmUp = warmUpIndex >= 0 ? args[warmUpIndex + 1] : undefined;
  const files = args.filter(
    (arg, index) =>
      !arg.startsWith('--') &&
      (concurrencyIndex < 0 || index !== concurrencyIndex + 1) &&
      (warmUpIndex < 0 || index !== warmUpIndex + 1),
  );
  console.log('file\toutcome\twarnings\tms\texit ms\tpeak RSS MB\tparent MB\tlargest worker MB');
  for (const file of files) {
    const measure = await measureParse([file], { inProcess, ...(warmUp === undefined ? {} : { warmUp }) });
    console.log(
      `${file}\t${measure.outcomes[0]}\t${measure.warnings[0]?.join(',')}\t${measure.ms}\t${measure.exitMs}\t${measure.peakRssMb}\t${measure.parentPeakRssMb}\t${measure.workerPeakRssMb}`,
    );
  }
  if (batch) {
    const measure = await measureParse(files, {
      batch: true,
      concurrency,
      inProcess,
      ...(warmUp === undefined ? {} : { warmUp }),
    });
    console.log(
      `batch of ${files.length} (concurrency ${concurrency})\t${measure.outcomes.join(',')}\t\t${measure.ms}\t${measure.exitMs}\t${measure.peakRssMb}\t${measure.parentPeakRssMb}\t${measure.workerPeakRssMb}`,
    );
  }
}

if (process.argv[1] === childPath) await main();
