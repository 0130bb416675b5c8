/**
 * Writes the reference outputs that keep cvmatch's stemmers and edit distance identical to the `natural`
 * package (v8.1.1) they were ported from: `test/text/natural-golden.tsv.gz`.
 *
 * cvmatch no longer depends on natural (it brought mongoose, mongodb, pg, redis and a 34 MB WordNet into every
 * install for two stemmers and one distance). Stems feed the generated taxonomy tables, BM25 and the local
 * embeddings, so the port must give the very same stems: the test `test/text/natural-golden.test.ts` checks
 * every line of this file. Regenerate only to widen the word list, with natural installed just for the run:
 *
 *   npm install --no-save natural@8.1.1 && npx tsx scripts/build-text-golden.ts && npm ci
 *
 * Words come from the ROME v460 and ESCO (French and English) labels in `<repo>/../shared/data` and from the
 * synthetic fixtures: each word as written (lower-cased, accents kept) and accent-folded, as `terms()` sees it.
 * Lines: `s<TAB>word<TAB>French stem<TAB>English stem`, then `d<TAB>a<TAB>b<TAB>restricted Damerau-Levenshtein`
 * for pairs of close words (neighbours in sorted order, shared prefixes, typos made by a seeded generator).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { foldAccents } from '../src/text/normalize.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'data');
export const GOLDEN_FILE = resolve(REPO_ROOT, 'test', 'text', 'natural-golden.tsv.gz');

interface Natural {
  english: { stem(word: string): string };
  french: { stem(word: string): string };
  distance(a: string, b: string, options: { restricted: boolean }): number;
}

function loadNatural(): Natural {
  const require = createRequire(import.meta.url);
  const version = (require('natural/package.json') as { version: string }).version;
  if (version !== '8.1.1') throw new Error(`expected natural 8.1.1, found ${version}`);
  const distances = require('natural/lib/natural/distance/index.js') as {
    DamerauLevenshteinDistance: Natural['distance'];
  };
  return {
    english: require('natural/lib/natural/stemmers/porter_stemmer.js') as Natural['english'],
    french: require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as Natural['french'],
    distance: distances.DamerauLevenshteinDistance,
  };
}

function sourceTexts(): string[] {
  const folders = ['esco-fr', 'esco-en', 'rome-v460', 'rome-v347-links'].map((name) =>
    join(SOURCE_DIR, name),
  );
  const fixtures = [join(REPO_ROOT, 'fixtures', 'cvs'), join(REPO_ROOT, 'fixtures', 'jobs')];
  const texts: string[] = [];
  for (const folder of [...folders, ...fixtures]) {
    for (const name of readdirSync(folder).sort()) {
      if (/\.(csv|txt|json)$/.test(name)) texts.push(readFileSync(join(folder, name), 'utf8'));
    }
  }
  return texts;
}

function collectWords(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    // ESCO rows carry concept URIs whose UUIDs would add thousands of meaningless letter runs.
    for (const word of text
      .replace(/https?:\/\/\S+/g, ' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []) {
      if (word.length < 2 || word.length > 30) continue;
      words.add(word);
      words.add(foldAccents(word));
    }
  }
  return [...words].sort();
}

/** Deterministic pseudo-random numbers (mulberry32), so the file is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function typo(word: string, random: () => number): string {
  const at = Math.floor(random() * word.length);
  const letter = 'abcdeéilnorstu'[Math.floor(random() * 14)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letter + word.slice(at);
    case 2:
      return word.slice(0, at) + letter + word.slice(at + 1);
    default:
      return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
  }
}

function distancePairs(words: string[]): [string, string][] {
  const random = seeded(18);
  const pairs: [string, string][] = [];
  for (let index = 1; index < words.length; index += 7) pairs.push([words[index - 1]!, words[index]!]);
  for (let count = 0; count < 6000; count++) {
    const word = words[Math.floor(random() * words.length)]!;
    let changed = typo(word, random);
    if (random() < 0.4) changed = typo(changed, random);
    pairs.push([word, changed]);
    pairs.push([word, words[Math.floor(random() * words.length)]!]);
  }
  return pairs;
}

export function buildTextGolden(): string {
  const natural = loadNatural();
  const words = collectWords(sourceTexts());
  const lines = words.map(
    (word) => `s\t${word}\t${natural.french.stem(word)}\t${natural.english.stem(word)}`,
  );
  for (const [a, b] of distancePairs(words)) {
    lines.push(`d\t${a}\t${b}\t${natural.distance(a, b, { restricted: true })}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = buildTextGolden();
  writeFileSync(GOLDEN_FILE, gzipSync(text, { level: 9 }));
  console.log(`${GOLDEN_FILE}: ${text.split('\n').length - 1} lines`);
}
