/**
 * Start-up cost: `cvmatch --help`, `import('cvmatch')` (ESM) and `require('cvmatch')` (CommonJS), each in a
 * fresh process, next to `node -e 0` measured in the same run (interleaved, so load on the machine hits all
 * alike). CPU time (user + system) of the child and its peak memory, median of `--runs` (default 7).
 * Needs the build (`npm run build`): it measures dist/, which is what users run.
 * Run: `npx tsx bench/startup.ts [--runs 7]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** CPU ms of waited-for children (Linux /proc), to time one child without a wrapper process. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, USER_HZ = 100
}

/** CPU ms of one fresh `node <args>` process. */
function run(args: string[]): number {
  const before = childrenCpuMs();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return childrenCpuMs() - before;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

export function runStartupBench(runs = 7): void {
  if (!existsSync(`${root}dist/index.js`) || !existsSync(`${root}dist/index.cjs`)) {
    console.log('dist/ not built: run `npm run build` first (start-up is measured on the build users run)');
    return;
  }
  const cases: [string, string[]][] = [
    ['node -e 0 (baseline)', ['-e', '0']],
    ['cvmatch --help', ['dist/cli/main.js', '--help']],
    ["import('cvmatch') (ESM)", ['--input-type=module', '-e', "await import('./dist/index.js')"]],
    ["require('cvmatch') (CJS)", ['-e', "require('./dist/index.cjs')"]],
  ];
  const samples = cases.map(() => [] as number[]);
  for (const [, args] of cases) run(args); // warm the file cache
  for (let round = 0; round < runs; round++) {
    for (const [index, [, args]] of cases.entries()) samples[index]?.push(run(args));
  }
  const baseline = median(samples[0] ?? []);
  console.log(
    `start-up, CPU ms of a fresh process, median of ${runs} interleaved runs (target ≤ 3× node -e 0)`,
  );
  console.table(
    cases.map(([name], index) => {
      const cpu = median(samples[index] ?? []);
      return { what: name, 'CPU ms': cpu, '× node -e 0': Number((cpu / baseline).toFixed(2)) };
    }),
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf('--runs');
  runStartupBench(flag === -1 ? 7 : Number(process.argv[flag + 1]));
}
