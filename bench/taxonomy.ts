/**
 * Taxonomy speed: table load time in a fresh process (module import, then the first lookup, which reads the
 * JSON tables and builds the French and English title indexes), then `normalizeOccupation` throughput over the eval titles, certification/licence
 * finding over CV-like text, and the skill tables' first-use cost.
 *
 *   npx tsx bench/taxonomy.ts [--rounds 20]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readAllTitleSets } from '../scripts/occupation-eval/labelled-titles.js';
import { findCertifications, findLicences, findSkills, normalizeOccupation } from '../src/taxonomy/index.js';

export interface TaxonomyBenchResult {
  freshImportMs: number;
  freshFirstLookupMs: number;
  /** The same two steps in CPU time (user + system), less sensitive to a busy machine than wall time. */
  freshImportCpuMs: number;
  freshFirstLookupCpuMs: number;
  titlesPerSecondCold: number;
  titlesPerSecondWarm: number;
  /** Warm throughput per CPU second (user + system): what an idle core would do. */
  titlesPerCpuSecondWarm: number;
  cvTextsPerSecond: number;
  skillTablesFirstUseMs: number;
}

/** Load time measured in a child process, so nothing is cached or JIT-warm. */
interface FreshLoad {
  importMs: number;
  firstLookupMs: number;
  importCpuMs: number;
  firstLookupCpuMs: number;
}

function freshLoad(): FreshLoad {
  const module = pathToFileURL(fileURLToPath(new URL('../src/taxonomy/index.ts', import.meta.url))).href;
  const script = `
    const cpu = () => { const usage = process.cpuUsage(); return (usage.user + usage.system) / 1000; };
    const c0 = cpu(), t0 = performance.now();
    const taxonomy = await import(${JSON.stringify(module)});
    const c1 = cpu(), t1 = performance.now();
    taxonomy.normalizeOccupation('cariste');
    const c2 = cpu(), t2 = performance.now();
    process.stdout.write(JSON.stringify({
      importMs: t1 - t0, firstLookupMs: t2 - t1, importCpuMs: c1 - c0, firstLookupCpuMs: c2 - c1,
    }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`fresh-process load failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as FreshLoad;
}

const CV_TEXT = `Jean Exemple — Cariste / préparateur de commandes
PERMIS
B, C et CE — véhiculé
CERTIFICATIONS
CACES R489 cat 1A, 3 et 5 (2022) ; habilitation électrique B0H0V ; SST à jour ; FIMO/FCO marchandises
EXPÉRIENCES
2019-2024 Cariste chez Entrepôt du Rhône : préparation de commandes en picking vocal, chargement et
déchargement de camions, filmage des palettes, gestion des stocks sur SAP, inventaires tournants.
Compétences : conduite de chariots élévateurs, lecture de plans, Pack Office, anglais B1.`;

export async function runTaxonomyBench(rounds = 20): Promise<TaxonomyBenchResult> {
  const fresh = freshLoad();
  const titles = readAllTitleSets().map((item) => item.title);
  let started = performance.now();
  for (const title of titles) normalizeOccupation(title);
  const titlesPerSecondCold = titles.length / ((performance.now() - started) / 1000);
  started = performance.now();
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < rounds; round++) for (const title of titles) normalizeOccupation(title);
  const cpu = process.cpuUsage(cpuStart);
  const titlesPerSecondWarm = (titles.length * rounds) / ((performance.now() - started) / 1000);
  const titlesPerCpuSecondWarm = (titles.length * rounds) / ((cpu.user + cpu.system) / 1_000_000);
  started = performance.now();
  findSkills('préparation de commandes');
  const skillTablesFirstUseMs = performance.now() - started;
  started = performance.now();
  for (let round = 0; round < rounds * 10; round++) {
    findCertifications(CV_TEXT);
    findLicences(CV_TEXT);
    findSkills(CV_TEXT);
  }
  const cvTextsPerSecond = (rounds * 10) / ((performance.now() - started) / 1000);
  return {
    freshImportMs: fresh.importMs,
    freshFirstLookupMs: fresh.firstLookupMs,
    freshImportCpuMs: fresh.importCpuMs,
    freshFirstLookupCpuMs: fresh.firstLookupCpuMs,
    titlesPerSecondCold,
    titlesPerSecondWarm,
    titlesPerCpuSecondWarm,
    cvTextsPerSecond,
    skillTablesFirstUseMs,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const position = process.argv.indexOf('--rounds');
  const rounds = position >= 0 ? Number(process.argv[position + 1]) : 20;
  const result = await runTaxonomyBench(rounds);
  const rows: [string, number, string][] = [
    ['import taxonomy (fresh process, tsx)', result.freshImportMs, 'ms'],
    ['first lookup = parse tables + build index', result.freshFirstLookupMs, 'ms'],
    ['  same, CPU time', result.freshFirstLookupCpuMs, 'ms cpu'],
    ['import taxonomy, CPU time', result.freshImportCpuMs, 'ms cpu'],
    ['normalizeOccupation, first pass', result.titlesPerSecondCold, 'titles/s'],
    ['normalizeOccupation, warm', result.titlesPerSecondWarm, 'titles/s'],
    ['normalizeOccupation, warm, per CPU second', result.titlesPerCpuSecondWarm, 'titles/cpu-s'],
    ['normalizeOccupation, warm, time per title', 1000 / result.titlesPerSecondWarm, 'ms'],
    ['skill tables, first use', result.skillTablesFirstUseMs, 'ms'],
    ['certifications+licences+skills per CV text', result.cvTextsPerSecond, 'texts/s'],
  ];
  for (const [name, value, unit] of rows) {
    process.stdout.write(`${name.padEnd(46)}${value.toFixed(value < 100 ? 1 : 0).padStart(10)} ${unit}\n`);
  }
}
