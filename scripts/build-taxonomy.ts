/**
 * Builds the taxonomy tables shipped in the package (`src/taxonomy/data/*.json`) from the open data in
 * `<repo>/../shared/data` (France Travail ROME v460, Pôle emploi ROME v347 links, ESCO v1.0 French and
 * English: occupations, and skills joined on their concept), plus the hand-written lists in
 * `src/taxonomy/catalogue/` (French aliases, English titles and the wider US/UK vocabulary of
 * `english-vocabulary.ts`, whose provenance its header gives): a curated English title decides over an ESCO
 * English label with the same words.
 *
 *   npm run build:taxonomy               # writes src/taxonomy/data
 *   npx tsx scripts/build-taxonomy.ts --out /tmp/x --source /path/to/data
 *
 * The output is deterministic (sorted, no timestamps): re-running gives byte-identical files, and a test checks it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGLISH_TITLES } from '../src/taxonomy/catalogue/english-titles.js';
import { OCCUPATION_ALIASES } from '../src/taxonomy/catalogue/occupation-aliases.js';
import {
  ENGLISH,
  FRENCH,
  type IndexedTitle,
  TITLE_SOURCES,
  titleAcronym,
  titleEntries,
  titleVocabulary,
} from '../src/taxonomy/occupation-entries.js';
import { foldAccents, isStopword, stem } from '../src/text/index.js';
import {
  type EscoOccupation,
  englishAcronymTitles,
  englishTitles,
  resolveEscoConcepts,
  splitLabels,
} from './taxonomy/esco-bridge.js';
import { englishEscoSkills } from './taxonomy/esco-english-skills.js';
import { compactMobility, serialise } from './taxonomy/serialise.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');
export const DEFAULT_OUTPUT_DIR = resolve(REPO_ROOT, 'src', 'taxonomy', 'data');

/**
 * The tables written, in order, each as `src/taxonomy/data/<name>.json` (one array element or object entry
 * per line: diff-friendly). The package reads and parses a table on first use (src/taxonomy/tables.ts); the
 * build copies them to `dist/data/taxonomy/`.
 */
export const TAXONOMY_TABLES = [
  'occupations',
  'french-titles',
  'english-titles',
  'stems',
  'mobility',
  'rome-v3',
  'rome-skills',
  'esco-skills',
  'esco-skills-en',
] as const;
/** File names written by `buildTaxonomy`. */
export const TAXONOMY_FILES = TAXONOMY_TABLES.map((name) => `${name}.json`);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. Returns rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      index++;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
    index++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header line. Throws when a required column is missing. */
function readTable(path: string, columns: string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new Error(`${path}: empty file`);
  for (const column of columns) {
    if (!header.includes(column)) throw new Error(`${path}: missing column "${column}"`);
  }
  return rows
    .filter((row) => row.length > 1)
    .map((row) => Object.fromEntries(header.map((name, position) => [name, (row[position] ?? '').trim()])));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ROME_CODE = /^[A-N]\d{4}$/;

/** Word count of a label, for trimming long ESCO phrases that never occur verbatim in CVs. */
const wordCount = (label: string) => label.split(/\s+/).filter(Boolean).length;

export interface BuildTaxonomyOptions {
  sourceDir?: string;
  outputDir?: string;
}

export interface BuildTaxonomyResult {
  files: { name: string; bytes: number }[];
  counts: Record<string, number>;
}

/** Reads the open data and writes the JSON tables. Pure function of the input files. */
export function buildTaxonomy(options: BuildTaxonomyOptions = {}): BuildTaxonomyResult {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const outputDir = options.outputDir ?? DEFAULT_OUTPUT_DIR;
  const rome = (name: string) => join(sourceDir, 'rome-v460', name);

  // 1. Occupations: code, label, parent code (v460 splits many v347 codes into finer ones).
  const codeRows = readTable(rome('unix_referentiel_code_rome_v460_utf8.csv'), [
    'code_rome',
    'libelle_rome',
    'code_rome_parent',
  ]);
  const occupations = codeRows
    .filter((row) => ROME_CODE.test(row.code_rome!))
    .map((row) => [row.code_rome!, row.libelle_rome!, row.code_rome_parent || row.code_rome!] as const)
    .sort((a, b) => byText(a[0], b[0]));
  const knownCodes = new Set(occupations.map(([code]) => code));

  // 2. Appellations (job titles): label, code, 1 when PRINCIPALE. Rare titles (peu_usite) are kept.
  const appellationRows = readTable(rome('unix_referentiel_appellation_v460_utf8.csv'), [
    'libelle_appellation_long',
    'code_rome',
    'classification',
  ]);
  // Indexed French titles: ROME labels (source 0), main appellations (1), others and their acronyms (2),
  // reduced to terms with the same functions the run-time search uses, so loading needs no stemming.
  const source = (name: (typeof TITLE_SOURCES)[number]) => TITLE_SOURCES.indexOf(name);
  const titles: IndexedTitle[] = occupations.map(([code, label]) => ({
    title: label,
    romeCode: code,
    source: source('rome-label'),
  }));
  const sortedAppellations = appellationRows
    .filter((row) => knownCodes.has(row.code_rome!))
    .sort(
      (a, b) =>
        byText(a.code_rome!, b.code_rome!) ||
        byText(a.libelle_appellation_long!, b.libelle_appellation_long!),
    );
  for (const row of sortedAppellations) {
    const main = row.classification === 'PRINCIPALE';
    titles.push({
      title: row.libelle_appellation_long!,
      romeCode: row.code_rome!,
      source: source(main ? 'rome-main' : 'rome-other'),
    });
  }
  // "Infirmier … (IDE)": the acronym alone is a title too, when it names one family only ("RH", "SI", "BTP"
  // appear in the titles of many families: they name a field, not an occupation).
  const familyOf = new Map(occupations.map(([code, , parent]) => [code, parent]));
  const familiesByWord = new Map<string, Set<string>>();
  for (const { title, romeCode } of titles) {
    for (const word of foldAccents(title)
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []) {
      familiesByWord.set(word, (familiesByWord.get(word) ?? new Set()).add(familyOf.get(romeCode)!));
    }
  }
  for (const row of sortedAppellations) {
    const acronym = titleAcronym(row.libelle_appellation_long!);
    if (acronym && (familiesByWord.get(acronym.toLowerCase())?.size ?? 0) <= 1) {
      titles.push({ title: acronym, romeCode: row.code_rome!, source: source('rome-other') });
    }
  }

  // 2b. ESCO occupations, French and English, joined on conceptUri and resolved to ROME codes (the bridge).
  const escoConcepts = readEscoOccupations(sourceDir);
  const parents = new Map(occupations.map(([code, , parent]) => [code, parent]));
  const curated = OCCUPATION_ALIASES.map((alias) => ({ ...alias, source: source('curated-fr') }));
  const resolutions = resolveEscoConcepts(escoConcepts, [...titles, ...curated], parents);
  const escoFrench: IndexedTitle[] = escoConcepts.flatMap((concept) => {
    const resolution = resolutions.get(concept.uri);
    return resolution
      ? concept.frLabels.map((title) => ({ title, romeCode: resolution.romeCode, source: source('esco-fr') }))
      : [];
  });
  const entryRows = (entries: ReturnType<typeof titleEntries>) =>
    entries
      .map((entry) => [entry.romeCode, entry.source, entry.stems.join(' ')] as const)
      .sort((a, b) => byText(a[0], b[0]) || a[1] - b[1] || byText(a[2], b[2]));
  // ROME (and the curated lists) decide a title they already have: ESCO labels with the same terms are left out.
  const romeKeys = new Set(
    titleEntries([...titles, ...curated], FRENCH).map((entry) => entry.stems.join(' ')),
  );
  const frenchTitles = entryRows(
    titleEntries([...titles, ...escoFrench], FRENCH).filter(
      (entry) => entry.source !== source('esco-fr') || !romeKeys.has(entry.stems.join(' ')),
    ),
  );
  const curatedEnglish = ENGLISH_TITLES.map((title) => ({ ...title, source: source('curated-en') }));
  const curatedKeys = new Set(titleEntries(curatedEnglish, ENGLISH).map((entry) => entry.stems.join(' ')));
  const escoEnglish = englishTitles(escoConcepts, resolutions, parents, source('esco-en'));
  // Acronyms (EMT, CNA, CEO) from the English titles, unless they spell a word of either language's titles.
  const knownWords = new Set<string>();
  for (const { title } of [...escoEnglish, ...curatedEnglish])
    for (const word of ENGLISH.words(title, false)) knownWords.add(word);
  for (const { title } of [...titles, ...escoFrench])
    for (const word of FRENCH.words(title, false)) knownWords.add(word);
  const englishTitleList = [
    ...escoEnglish,
    ...englishAcronymTitles([...escoEnglish, ...curatedEnglish], parents, knownWords),
  ];
  const englishTitleTable = entryRows(
    titleEntries(englishTitleList, ENGLISH).filter((entry) => !curatedKeys.has(entry.stems.join(' '))),
  );

  // 3. Mobility edges: from, to, order (1 = closest). Self-loops and unknown codes dropped.
  const mobilityRows = readTable(rome('unix_rubrique_mobilite_v460_utf8.csv'), [
    'code_rome',
    'code_rome_cible',
    'numero_ordre',
  ]);
  const mobility = mobilityRows
    .filter(
      (row) =>
        row.code_rome !== row.code_rome_cible &&
        knownCodes.has(row.code_rome!) &&
        knownCodes.has(row.code_rome_cible!),
    )
    .map((row) => [row.code_rome!, row.code_rome_cible!, Number(row.numero_ordre)] as const)
    .filter((edge) => Number.isInteger(edge[2]) && edge[2] > 0)
    .sort((a, b) => byText(a[0], b[0]) || a[2] - b[2] || byText(a[1], b[1]));

  // 4. ROME v347 occupation → skill links, for codes that still exist in v460 (same code, same meaning
  //    for the 532 historical codes; v460 child codes inherit through code_rome_parent at run time).
  const v347 = (name: string) => join(sourceDir, 'rome-v347-links', name);
  const links = readTable(v347('correspondances.csv'), ['code_rome', 'code_ogr']);
  const competences = readTable(v347('competences.csv'), ['code_ogr', 'libelle']);
  const skillLabel = new Map(competences.map((row) => [row.code_ogr!, row.libelle!]));
  const skillsByCode = new Map<string, Set<string>>();
  for (const row of links) {
    if (!knownCodes.has(row.code_rome!) || !skillLabel.has(row.code_ogr!)) continue;
    const set = skillsByCode.get(row.code_rome!) ?? new Set<string>();
    set.add(row.code_ogr!);
    skillsByCode.set(row.code_rome!, set);
  }
  const metiers = readTable(v347('metiers.csv'), ['code_rome', 'libelle_rome']);
  const romeV3 = Object.fromEntries(
    metiers
      .filter((row) => knownCodes.has(row.code_rome!))
      .sort((a, b) => byText(a.code_rome!, b.code_rome!))
      .map((row) => [row.code_rome!, row.libelle_rome!]),
  );
  const usedSkills = new Set([...skillsByCode.values()].flatMap((set) => [...set]));
  const romeSkills = {
    items: Object.fromEntries(
      [...usedSkills].sort((a, b) => Number(a) - Number(b)).map((id) => [id, skillLabel.get(id)!]),
    ),
    links: Object.fromEntries(
      [...skillsByCode.entries()]
        .sort((a, b) => byText(a[0], b[0]))
        .map(([code, set]) => [code, [...set].map(Number).sort((a, b) => a - b)]),
    ),
  };

  // 5. ESCO skills (French): uuid, preferred label, alternative labels. Trimmed to labels short enough to be
  //    written in a CV or job ad (≤ 6 words); descriptions dropped.
  const escoRows = readTable(join(sourceDir, 'esco-fr', 'skills_fr.csv'), [
    'conceptUri',
    'preferredLabel',
    'altLabels',
  ]);
  const escoSkills = escoRows
    .filter((row) => row.preferredLabel && wordCount(row.preferredLabel) <= 6)
    .map((row) => {
      const id = row.conceptUri!.replace('http://data.europa.eu/esco/skill/', '');
      const alternatives = [
        ...new Set(
          row
            .altLabels!.split('\n')
            .map((label) => label.trim())
            .filter((label) => label && label !== row.preferredLabel && wordCount(label) <= 5),
        ),
      ].sort(byText);
      return alternatives.length > 0 ? [id, row.preferredLabel!, alternatives] : [id, row.preferredLabel!];
    })
    .sort((a, b) => byText(a[0] as string, b[0] as string));

  // 5b. ESCO skills (English), joined to the French ones by concept (scripts/taxonomy/esco-english-skills.ts).
  const escoEnglishSkills = englishEscoSkills(sourceDir, new Set(escoSkills.map((row) => row[0] as string)), {
    parseCsv,
    foldAccents,
    isStopword,
    stem: (word) => stem(word),
  });

  // 6. Word → stem for every word of the titles and skill labels, so the run time never runs the stemmer on them.
  const words = titleVocabulary([...titles, ...escoFrench].map((item) => item.title));
  const skillLabels = [
    // French labels only: this table is also the French title index's vocabulary. English skill words are
    // stemmed on first use.
    ...escoSkills.flatMap((row) => [row[1] as string, ...((row[2] as string[] | undefined) ?? [])]),
    ...Object.values(romeSkills.items),
  ];
  for (const label of skillLabels) {
    for (const word of foldAccents(label)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (!isStopword(word) && !/\d/.test(word) && word.length > 3) words.add(word);
    }
  }
  // An array, not an object: word keys such as "eval" break the bundler's named JSON exports.
  const stems = [...words].sort(byText).map((word) => [word, stem(word)] as const);

  const outputs: Record<(typeof TAXONOMY_TABLES)[number], unknown> = {
    occupations,
    'french-titles': frenchTitles,
    'english-titles': englishTitleTable,
    stems,
    mobility: compactMobility(mobility),
    'rome-v3': romeV3,
    'rome-skills': romeSkills,
    'esco-skills': escoSkills,
    'esco-skills-en': escoEnglishSkills,
  };
  mkdirSync(outputDir, { recursive: true });
  const files = TAXONOMY_TABLES.map((name) => {
    const text = serialise(outputs[name]);
    writeFileSync(join(outputDir, `${name}.json`), text);
    return { name: `${name}.json`, bytes: Buffer.byteLength(text) };
  });
  return {
    files,
    counts: {
      occupations: occupations.length,
      frenchTitles: frenchTitles.length,
      englishTitles: englishTitleTable.length,
      escoConcepts: escoConcepts.length,
      escoJoined: [...resolutions.values()].filter((item) => item.how === 'exact').length,
      escoMatched: [...resolutions.values()].filter((item) => item.how === 'matched').length,
      escoByIscoGroup: [...resolutions.values()].filter((item) => item.how === 'isco').length,
      stems: stems.length,
      mobilityEdges: mobility.length,
      romeSkills: usedSkills.size,
      romeSkillLinks: [...skillsByCode.values()].reduce((sum, set) => sum + set.size, 0),
      escoSkills: escoSkills.length,
      escoEnglishSkills: escoEnglishSkills.skills.length,
    },
  };
}

/** ESCO occupations joined on conceptUri: ISCO group, French labels (both genders), English labels. */
function readEscoOccupations(sourceDir: string): EscoOccupation[] {
  const columns = ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels'];
  const french = new Map(
    readTable(join(sourceDir, 'esco-fr', 'occupations_fr.csv'), columns).map((row) => [row.conceptUri!, row]),
  );
  return readTable(join(sourceDir, 'esco-en', 'occupations_en.csv'), columns)
    .filter((row) => french.has(row.conceptUri!))
    .map((row) => {
      const fr = french.get(row.conceptUri!)!;
      return {
        uri: row.conceptUri!,
        isco: row.iscoGroup!,
        frLabels: [...new Set([...splitLabels(fr.preferredLabel!), ...splitLabels(fr.altLabels!)])],
        frPreferred: splitLabels(fr.preferredLabel!),
        enPreferred: row.preferredLabel!,
        enLabels: row
          .altLabels!.split('\n')
          .map((label) => label.trim())
          .filter(Boolean),
      };
    })
    .sort((a, b) => byText(a.uri, b.uri));
}

/** `--source <dir>` (the open data) and `--out <dir>` of a build script's command line. */
export function buildArguments(args = process.argv.slice(2)): { sourceDir: string; outputDir?: string } {
  const { values } = parseArgs({
    args,
    options: { source: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  return {
    sourceDir: values.source ? resolve(values.source) : DEFAULT_SOURCE_DIR,
    ...(values.out ? { outputDir: values.out } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = buildTaxonomy(buildArguments());
  const total = result.files.reduce((sum, file) => sum + file.bytes, 0);
  for (const file of result.files) process.stderr.write(`${file.name.padEnd(20)} ${file.bytes} bytes\n`);
  process.stderr.write(`${'total'.padEnd(20)} ${total} bytes\n${JSON.stringify(result.counts)}\n`);
}
