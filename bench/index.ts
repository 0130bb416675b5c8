/**
 * `npm run bench`: runs every bench/<area>.ts in its own process (so one area's memory and JIT state do not
 * skew another's) and prints each one's report. Pass area names to run a subset: `npm run bench -- parse matching`.
 * Extra flags after `--` are forwarded, e.g. `npm run bench -- matching --sizes 10000,100000`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

const args = process.argv.slice(2);
const flagStart = args.findIndex((arg) => arg.startsWith('--'));
const names = flagStart === -1 ? args : args.slice(0, flagStart);
const flags = flagStart === -1 ? [] : args.slice(flagStart);
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench: ${unknown.join(', ')} (available: ${available.join(', ')})\n`);
  process.exit(2);
}

let failed = 0;
for (const name of names.length > 0 ? names : available) {
  process.stdout.write(`\n=== bench/${name}.ts ===\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${benchDir}${name}.ts`, ...flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
  process.stdout.write(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${result.status})\n`);
}
process.exit(failed > 0 ? 1 : 0);
