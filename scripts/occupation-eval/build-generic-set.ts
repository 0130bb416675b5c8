/**
 * Writes eval/occupations/generic-auto.tsv: job titles that name no single occupation family, found in the
 * open data rather than written by hand, for the generic-title abstention of `normalizeOccupation`.
 *
 * Candidates are the heads of real titles and a head with the word next to it, as the titles write them:
 * - ESCO English occupation labels (preferred and alternative): the last word ("operator") and the last two
 *   ("machine operator"), capitalised as a job board writes them;
 * - ROME v460 appellations (masculine form): the first word ("technicien") and the first word with the next
 *   content word and the words between ("technicien de maintenance").
 * A candidate is generic when the titles of its language holding all its words (ROME labels and appellations
 * for French; for English, the ESCO labels of the concepts whose French labels join a ROME title exactly, the
 * same gold the calibration set uses) spread over at least `MIN_FAMILIES` ROME families and no family holds
 * more than `MAX_FAMILY_SHARE` of them: "Machine Operator" (operator titles with "machine" in dozens of
 * industries), "Technicien de maintenance", "Sales Assistant" are; "Forklift Driver", "Aide-soignant" are not.
 * Candidates another labelled set (eval/occupations/*.tsv) holds with the same words once job-board noise is
 * stripped ("Electricien H/F") are left out: a hand label decides.
 *
 * The same spread is what the confidence model's `coveringAll`/`exactCovering` features read from the index,
 * so this set checks that the model uses it, not that it generalises: the lead's independent generic titles do.
 * The file is split like the others by title hash (`generic-auto` dev 70 % / held-out 30 %).
 *
 *   npx tsx scripts/occupation-eval/build-generic-set.ts [--source ../shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENGLISH, FRENCH, genderForms, type TitleLanguage } from '../../src/taxonomy/occupation-entries.js';
import { cleanJobTitle } from '../../src/taxonomy/occupation-title-cleaner.js';
import { foldAccents } from '../../src/text/index.js';
import { buildArguments, parseCsv } from '../build-taxonomy.js';
import { EVAL_DIR, readAllTitleSets } from './labelled-titles.js';

export const GENERIC_AUTO_FILE = resolve(EVAL_DIR, 'generic-auto.tsv');

/** Families a candidate's titles must spread over. */
export const MIN_FAMILIES = 8;
/** Largest share of those titles one family may hold. */
export const MAX_FAMILY_SHARE = 0.4;
/** Titles a candidate's words must be found in (a rare phrase says little). */
const MIN_TITLES = 12;

function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new Error(`${path}: empty file`);
  return rows
    .filter((row) => row.length > 1)
    .map((row) => Object.fromEntries(header.map((name, position) => [name, (row[position] ?? '').trim()])));
}

interface SourceTitle {
  words: Set<string>;
  families: string[];
}

const termKey = (title: string) =>
  [...new Set(FRENCH.words(title, false).map((word) => FRENCH.stem(word)))].sort().join(' ');

/** "machine operator" → "Machine Operator"; French candidates keep their case but the first letter. */
const capitalise = (text: string, language: TitleLanguage) =>
  language === ENGLISH
    ? text.replace(
        /(^|[\s-])(\p{Ll})/gu,
        (_, before: string, letter: string) => before + letter.toUpperCase(),
      )
    : text.charAt(0).toUpperCase() + text.slice(1);

/** Words that make a label a phrase rather than a noun group ("head of sales", "worker in education"). */
const ENGLISH_LINKS = new Set('a an and as at by for from in of on or the to with'.split(' '));

/**
 * The English candidates of a label written as a noun group (letters only, no linking word): its last word
 * (the head), and its last two words.
 */
function englishCandidates(label: string): string[] {
  const tokens = label.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.some((token) => !/^\p{L}[\p{L}-]*\p{L}$/u.test(token) || ENGLISH_LINKS.has(token))) return [];
  const candidates = [tokens.at(-1)!];
  if (tokens.length >= 2) candidates.push(tokens.slice(-2).join(' '));
  return candidates;
}

/** The French candidates of a title: its first word, and up to its second content word. */
function frenchCandidates(title: string): string[] {
  const tokens = title
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0 || !/^[\p{L}-]+$/u.test(tokens[0]!)) return [];
  const candidates = [tokens[0]!];
  for (let end = 1; end < Math.min(tokens.length, 4); end++) {
    const phrase = tokens.slice(0, end + 1).join(' ');
    if (FRENCH.words(phrase, false).length >= 2) {
      if (/^[\p{L}'’-]+$/u.test(tokens[end]!) && FRENCH.words(tokens[end]!, false).length > 0)
        candidates.push(phrase);
      break;
    }
  }
  return candidates;
}

/**
 * Candidates that read as heads: every word survives the title vocabulary (no seniority or noise word such as
 * "junior" or "stage"), no word twice, and the phrase is where a head goes (last in English, first in French)
 * in at least half of the labels that hold it ("footwear" ends few of the labels it is in).
 */
function headCandidates(
  language: TitleLanguage,
  labels: readonly string[],
  candidatesOf: (label: string) => string[],
): Set<string> {
  const asHead = new Map<string, number>();
  for (const label of labels)
    for (const candidate of candidatesOf(label)) asHead.set(candidate, (asHead.get(candidate) ?? 0) + 1);
  // Labels holding each phrase of up to MAX_PHRASE_TOKENS tokens (once per label).
  const holding = new Map<string, number>();
  for (const label of labels) {
    const tokens = label.toLowerCase().split(/\s+/).filter(Boolean);
    const phrases = new Set<string>();
    for (let start = 0; start < tokens.length; start++)
      for (let end = start + 1; end <= Math.min(tokens.length, start + MAX_PHRASE_TOKENS); end++)
        phrases.add(tokens.slice(start, end).join(' '));
    for (const phrase of phrases) holding.set(phrase, (holding.get(phrase) ?? 0) + 1);
  }
  const heads = new Set<string>();
  for (const [candidate, count] of asHead) {
    const tokens = candidate.split(' ');
    const words = language.words(candidate, false);
    if (words.length !== tokens.length || new Set(words).size !== words.length) continue;
    if (count >= HEAD_SHARE * (holding.get(candidate) ?? count)) heads.add(candidate);
  }
  return heads;
}
/** Share of the labels holding a candidate that must have it in head position. */
const HEAD_SHARE = 0.5;
/** Longest candidate, in tokens ("technicien de la qualité"). */
const MAX_PHRASE_TOKENS = 4;

/** Generic candidates of one language, sorted. */
function genericOf(
  language: TitleLanguage,
  titles: readonly SourceTitle[],
  candidates: ReadonlySet<string>,
): string[] {
  const byWord = new Map<string, SourceTitle[]>();
  for (const title of titles) {
    for (const word of title.words) {
      const list = byWord.get(word);
      if (list) list.push(title);
      else byWord.set(word, [title]);
    }
  }
  const generic: string[] = [];
  for (const candidate of candidates) {
    const words = [...new Set(language.words(candidate, false))];
    if (words.length === 0) continue;
    const [first, ...rest] = words;
    const holding = (byWord.get(first!) ?? []).filter((title) => rest.every((word) => title.words.has(word)));
    if (holding.length < MIN_TITLES) continue;
    const counts = new Map<string, number>();
    for (const title of holding)
      for (const family of title.families)
        counts.set(family, (counts.get(family) ?? 0) + 1 / title.families.length);
    const largest = Math.max(...counts.values());
    if (counts.size >= MIN_FAMILIES && largest / holding.length <= MAX_FAMILY_SHARE) generic.push(candidate);
  }
  return generic.sort();
}

export function buildGenericTitles(sourceDir: string): string[] {
  const codes = readCsv(join(sourceDir, 'rome-v460', 'unix_referentiel_code_rome_v460_utf8.csv'));
  const appellations = readCsv(join(sourceDir, 'rome-v460', 'unix_referentiel_appellation_v460_utf8.csv'));
  const familyOf = new Map(codes.map((row) => [row.code_rome!, row.code_rome_parent || row.code_rome!]));

  // French: ROME labels and appellations (both gender forms), each with its family.
  const french: SourceTitle[] = [];
  const romeByKey = new Map<string, Set<string>>();
  const frenchLabels: string[] = [];
  const addFrench = (title: string, code: string, candidates: boolean) => {
    const forms = genderForms(title);
    for (const form of forms) {
      french.push({ words: new Set(FRENCH.words(form, false)), families: [familyOf.get(code) ?? code] });
      const key = termKey(form);
      if (key) romeByKey.set(key, (romeByKey.get(key) ?? new Set()).add(code));
    }
    if (candidates) frenchLabels.push(forms[0]!);
  };
  for (const row of codes) addFrench(row.libelle_rome!, row.code_rome!, false);
  for (const row of appellations) addFrench(row.libelle_appellation_long!, row.code_rome!, true);

  // English: labels of the ESCO concepts whose French labels join a ROME title exactly, with those families.
  const english: SourceTitle[] = [];
  const englishLabels: string[] = [];
  const frenchEsco = new Map(
    readCsv(join(sourceDir, 'esco-fr', 'occupations_fr.csv')).map((row) => [row.conceptUri!, row]),
  );
  for (const row of readCsv(join(sourceDir, 'esco-en', 'occupations_en.csv'))) {
    const labels = [row.preferredLabel!, ...row.altLabels!.split('\n')]
      .map((label) => label.trim())
      .filter(Boolean);
    englishLabels.push(...labels);
    const frenchRow = frenchEsco.get(row.conceptUri!);
    if (!frenchRow) continue;
    const families = new Set<string>();
    for (const label of [frenchRow.preferredLabel!, ...frenchRow.altLabels!.split('\n')].flatMap((text) =>
      text.split(/\/(?=\S)/),
    )) {
      for (const code of romeByKey.get(termKey(label.trim())) ?? []) families.add(familyOf.get(code) ?? code);
    }
    if (families.size === 0) continue;
    for (const label of labels)
      english.push({ words: new Set(ENGLISH.words(label, false)), families: [...families] });
  }

  // A ROME label or appellation names an occupation: a candidate written exactly as one is not generic.
  const romeTitles = new Set(
    [...codes.map((row) => row.libelle_rome!), ...appellations.map((row) => row.libelle_appellation_long!)]
      .flatMap(genderForms)
      .map((title) => foldAccents(title).toLowerCase()),
  );
  // A title another set labels, once its job-board noise is gone ("Electricien H/F"), is decided by that label.
  const wordKey = (title: string) =>
    [...new Set([...FRENCH.words(title, false), ...ENGLISH.words(title, false)])].sort().join(' ');
  const labelled = new Set(
    readAllTitleSets()
      .filter((item) => item.set !== 'generic-auto')
      .map((item) => wordKey(cleanJobTitle(item.title, () => 1).text)),
  );
  const kept = (candidate: string) =>
    !labelled.has(wordKey(candidate)) && !romeTitles.has(foldAccents(candidate).toLowerCase());
  const frenchCandidateSet = headCandidates(FRENCH, frenchLabels, (label) =>
    frenchCandidates(label).map((candidate) => candidate.toLowerCase()),
  );
  const englishCandidateSet = headCandidates(ENGLISH, englishLabels, englishCandidates);
  const seen = new Set<string>();
  return [
    ...genericOf(FRENCH, french, frenchCandidateSet).map((candidate) => capitalise(candidate, FRENCH)),
    ...genericOf(ENGLISH, english, englishCandidateSet).map((candidate) => capitalise(candidate, ENGLISH)),
  ].filter((candidate) => {
    const key = foldAccents(candidate).toLowerCase();
    if (seen.has(key) || !kept(candidate)) return false;
    seen.add(key);
    return true;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { sourceDir } = buildArguments();
  const titles = buildGenericTitles(sourceDir);
  const header = [
    '# Titles that name no single occupation family, generated from the ROME and ESCO labels: heads and head +',
    '# next word whose titles spread over >= 8 families, none holding more than 40 % of them. Written by',
    '# scripts/occupation-eval/build-generic-set.ts; split dev/held-out by title hash like the other sets.',
  ];
  writeFileSync(GENERIC_AUTO_FILE, `${[...header, ...titles.map((title) => `${title}\t-`)].join('\n')}\n`);
  process.stderr.write(`wrote ${titles.length} titles to ${GENERIC_AUTO_FILE}\n`);
}
