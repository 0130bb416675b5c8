/**
 * Writes eval/occupations/calibration.tsv: titles the hand-written vocabularies were NOT written from, to fit
 * and check the occupation confidence model on.
 *
 * - ESCO English occupation labels (preferred and alternative, `../shared/data/esco-en/occupations_en.csv`) of
 *   the concepts whose French labels join a ROME title exactly (same terms as a ROME label or appellation):
 *   gold = the ROME codes those joins give (the bridge's exact step, not the matcher).
 * - ROME v460 appellations (`../shared/data/rome-v460/`): gold = the appellation's own code.
 *
 * Each label gets realistic job-board noise (H/F, seniority, contract words, company and agency tails, places,
 * typos, missing accents, capitals, plural, English seniority inside French), drawn from a PRNG seeded by the
 * label, so the file is the same on every run. The third column is the clean label: the evaluation masks every
 * indexed title with the same terms (`searchOccupationsUnseen`), so each title is one nobody wrote down and the
 * matcher has to reach it through other titles. Split by title hash: `fit` (60 %) and `check` (40 %).
 *
 *   npx tsx scripts/occupation-eval/build-calibration-set.ts [--source ../shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRandom } from '../../src/support/create-random.js';
import { FRENCH, genderForms } from '../../src/taxonomy/occupation-entries.js';
import { foldAccents } from '../../src/text/index.js';
import { buildArguments, parseCsv } from '../build-taxonomy.js';
import { CALIBRATION_FILE } from './calibration-titles.js';
import { titleHash } from './labelled-titles.js';

/** Appellations kept: one in this many (by label hash), so the two sources weigh about the same. */
const APPELLATION_STRIDE = 4;
/** Alternative labels kept per ESCO concept, besides the preferred one. */
const ALT_LABELS = 2;

function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new Error(`${path}: empty file`);
  return rows
    .filter((row) => row.length > 1)
    .map((row) => Object.fromEntries(header.map((name, position) => [name, (row[position] ?? '').trim()])));
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const FRENCH_MARKERS = ['H/F', '(H/F)', 'F/H', '(F/H)', 'H/F/X', '- H/F'];
const FRENCH_SENIORITY = ['Confirmé', 'Senior', 'Junior', 'Débutant accepté', 'Expérimenté', 'Lead'];
const FRENCH_CONTRACT = ['CDI', 'CDD 6 mois', 'Intérim', '- Mission intérim', 'Temps plein', 'Poste de nuit'];
const FRENCH_TAILS = [
  '- PROXI SERVICES AGENCE DE MENDE',
  '- Atlas Intérim',
  '- Groupe Vernet',
  '- ALPHA NETTOYAGE',
  'chez Ducrocq SA',
  '- Cabinet Morel & Associés',
];
const FRENCH_PLACES = ['Lyon (69)', 'Mende', 'Bordeaux 33', '- Nord', 'Rennes', '(75)', 'Villeurbanne'];
const ENGLISH_SENIORITY = ['Senior', 'Sr.', 'Junior', 'Lead', 'Principal', 'Trainee'];
const ENGLISH_SUFFIXES = [
  'II',
  'III',
  '- Night Shift',
  '(Contract)',
  '- Full Time',
  '(Temporary)',
  '- Remote',
];
const ENGLISH_TAILS = ['at Acme Corp', '- Northwind Ltd', '| Brightpath Staffing', '@ Globex', '- Initech'];
const ENGLISH_PLACES = ['London', 'Manchester, UK', 'Austin, TX', '- Chicago', 'Leeds'];

/** One typo in one word of 6+ letters: a letter dropped, doubled or swapped with the next (never the first). */
function typo(title: string, next: () => number): string {
  const words = title.split(' ');
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => word.length >= 6);
  if (candidates.length === 0) return title;
  const [word, index] = pick(next, candidates);
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = Math.floor(next() * 3);
  words[index] =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at + 1) + word.slice(at)
        : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

/** The label with 0 to 3 kinds of noise. */
export function noisyTitle(label: string, language: 'fr' | 'en'): string {
  // mulberry32, seeded by the label: the same label always gets the same noise.
  const next = createRandom(titleHash(`${language}:${label}`));
  const roll = next();
  const count = roll < 0.25 ? 0 : roll < 0.65 ? 1 : roll < 0.9 ? 2 : 3;
  let title = label;
  const kinds =
    language === 'fr'
      ? ['plural', 'marker', 'seniority', 'contract', 'tail', 'place', 'typo', 'accents', 'capitals']
      : ['plural', 'seniority', 'suffix', 'tail', 'place', 'typo', 'lower', 'capitals'];
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(next, kinds));
  for (const kind of kinds) {
    if (!chosen.has(kind)) continue;
    if (kind === 'marker') title = `${title} ${pick(next, FRENCH_MARKERS)}`;
    else if (kind === 'seniority' && language === 'fr')
      title =
        next() < 0.5
          ? `${title} ${pick(next, FRENCH_SENIORITY)}`
          : `${pick(next, FRENCH_SENIORITY)} ${title}`;
    else if (kind === 'seniority') title = `${pick(next, ENGLISH_SENIORITY)} ${title}`;
    else if (kind === 'contract') title = `${title} ${pick(next, FRENCH_CONTRACT)}`;
    else if (kind === 'suffix') title = `${title} ${pick(next, ENGLISH_SUFFIXES)}`;
    else if (kind === 'tail')
      title = `${title} ${pick(next, language === 'fr' ? FRENCH_TAILS : ENGLISH_TAILS)}`;
    else if (kind === 'place')
      title = `${title} ${pick(next, language === 'fr' ? FRENCH_PLACES : ENGLISH_PLACES)}`;
    else if (kind === 'typo') title = typo(title, next);
    else if (kind === 'accents') title = foldAccents(title);
    else if (kind === 'capitals') title = title.toUpperCase();
    else if (kind === 'lower') title = title.toLowerCase();
    // A French title's head comes first ("Caristes"), an English one's last ("Bus Drivers").
    else if (kind === 'plural' && language === 'fr')
      title = title.replace(/^(\p{L}{4,}?)(?<![sxz])(?=\s|$)/u, '$1s');
    else if (kind === 'plural') title = title.replace(/(?<=\p{L}{3})(?<![sxzy])$/u, 's');
  }
  return title.replace(/\s+/g, ' ').trim();
}

export interface CalibrationRow {
  title: string;
  /** `|`-separated ROME v460 codes (any is right). */
  expected: string;
  /** The clean label the title was made from (masked at evaluation). */
  label: string;
}

const termKey = (title: string) =>
  [...new Set(FRENCH.words(title, false).map((word) => FRENCH.stem(word)))].sort().join(' ');

export function buildCalibrationRows(sourceDir: string): CalibrationRow[] {
  const appellations = readCsv(join(sourceDir, 'rome-v460', 'unix_referentiel_appellation_v460_utf8.csv'));
  const codes = readCsv(join(sourceDir, 'rome-v460', 'unix_referentiel_code_rome_v460_utf8.csv'));
  // ROME titles by terms, for the exact join of ESCO French labels.
  const romeByKey = new Map<string, Set<string>>();
  const offer = (title: string, code: string) => {
    for (const form of genderForms(title)) {
      const key = termKey(form);
      if (key) romeByKey.set(key, (romeByKey.get(key) ?? new Set()).add(code));
    }
  };
  for (const row of codes) offer(row.libelle_rome!, row.code_rome!);
  for (const row of appellations) offer(row.libelle_appellation_long!, row.code_rome!);

  const rows: CalibrationRow[] = [];
  const seen = new Set<string>();
  const push = (label: string, expected: string, language: 'fr' | 'en') => {
    const title = noisyTitle(label, language);
    const key = title.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ title, expected, label });
  };

  const frenchEsco = new Map(
    readCsv(join(sourceDir, 'esco-fr', 'occupations_fr.csv')).map((row) => [row.conceptUri!, row]),
  );
  for (const row of readCsv(join(sourceDir, 'esco-en', 'occupations_en.csv'))) {
    const french = frenchEsco.get(row.conceptUri!);
    if (!french) continue;
    const votes = new Map<string, number>();
    const frLabels = [french.preferredLabel!, ...french.altLabels!.split('\n')]
      .flatMap((label) => label.split(/\/(?=\S)/))
      .map((label) => label.trim())
      .filter(Boolean);
    for (const label of frLabels)
      for (const code of romeByKey.get(termKey(label)) ?? []) votes.set(code, (votes.get(code) ?? 0) + 1);
    if (votes.size === 0) continue;
    const expected = [...votes.keys()].sort().join('|');
    const alternatives = row
      .altLabels!.split('\n')
      .map((label) => label.trim())
      .filter(Boolean)
      .sort((a, b) => titleHash(a) - titleHash(b))
      .slice(0, ALT_LABELS);
    for (const label of [row.preferredLabel!, ...alternatives]) push(label, expected, 'en');
  }
  for (const row of appellations) {
    const label = row.libelle_appellation_long!;
    if (titleHash(`rome:${label}`) % APPELLATION_STRIDE !== 0) continue;
    const forms = genderForms(label);
    const form = forms[titleHash(label) % forms.length]!;
    push(form, row.code_rome!, 'fr');
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { sourceDir } = buildArguments();
  const rows = buildCalibrationRows(sourceDir);
  const header = [
    '# Calibration titles: ESCO English labels (gold: exact ROME joins of the concept French labels) and ROME',
    '# appellations (gold: their code), with generated job-board noise. Columns: title, expected codes, the',
    '# clean label (masked at evaluation). Written by scripts/occupation-eval/build-calibration-set.ts.',
  ];
  const lines = rows.map((row) => `${row.title}\t${row.expected}\t${row.label}`);
  writeFileSync(CALIBRATION_FILE, `${[...header, ...lines].join('\n')}\n`);
  process.stderr.write(`wrote ${rows.length} titles to ${CALIBRATION_FILE}\n`);
}
