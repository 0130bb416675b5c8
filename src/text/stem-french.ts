/*
 * French Porter (Snowball) stemmer, ported to TypeScript from natural 8.1.1
 * (lib/natural/stemmers/porter_stemmer_fr.js), keeping its exact behaviour, quirks included: stems feed the
 * generated taxonomy tables, BM25 and the local embeddings, and test/text/natural-golden.test.ts checks the
 * port against natural's output word for word. Algorithm: http://snowball.tartarus.org/algorithms/french/stemmer.html
 *
 * @license MIT. Copyright (c) 2014, Ismaël Héry
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'â', 'à', 'ë', 'é', 'ê', 'è', 'ï', 'î', 'ô', 'û', 'ù']);

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && VOWELS.has(letter);
}

function endsIn(token: string, suffix: string): boolean {
  return token.length >= suffix.length && token.slice(-suffix.length) === suffix;
}

/** The longest of `suffixes` that `token` ends with, or ''. */
function longestSuffix(token: string, suffixes: readonly string[]): string {
  let longest = '';
  for (const suffix of suffixes) {
    if (endsIn(token, suffix) && suffix.length > longest.length) longest = suffix;
  }
  return longest;
}

/** Marks the vowels that act as consonants with capitals: `u`/`i` between vowels, `y` next to one, `u` after `q`. */
function prelude(word: string): string {
  const token = word.toLowerCase();
  let result = token[0] === 'y' && isVowel(token[1]) ? 'Y' : (token[0] ?? '');
  for (let index = 1; index < token.length; index++) {
    const letter = token[index]!;
    const before = token[index - 1];
    const after = token[index + 1];
    if ((letter === 'u' || letter === 'i') && isVowel(before) && isVowel(after))
      result += letter.toUpperCase();
    else if (letter === 'y' && (isVowel(before) || isVowel(after))) result += letter.toUpperCase();
    else if (letter === 'u' && before === 'q') result += letter.toUpperCase();
    else result += letter;
  }
  return result;
}

interface Regions {
  r1: number;
  r2: number;
  rv: number;
}

/** Offsets of the R1, R2 and RV regions, as the Snowball algorithm defines them (natural's reading). */
function regions(token: string): Regions {
  const length = token.length;
  let r1 = length;
  let r2 = length;
  let rv = length;
  for (let index = 0; index < length - 1 && r1 === length; index++) {
    if (isVowel(token[index]) && !isVowel(token[index + 1])) r1 = index + 2;
  }
  for (let index = r1; index < length - 1 && r2 === length; index++) {
    if (isVowel(token[index]) && !isVowel(token[index + 1])) r2 = index + 2;
  }
  const three = token.slice(0, 3);
  if (isVowel(token[0]) && isVowel(token[1])) rv = 3;
  if (three === 'par' || three === 'col' || three === 'tap') {
    rv = 3;
  } else {
    for (let index = 1; index < length - 1 && rv === length; index++) {
      if (isVowel(token[index])) rv = index + 1;
    }
  }
  return { r1, r2, rv };
}

/** A token and its regions' texts, recomputed from the fixed region offsets after each change. */
class Word {
  token: string;
  r1 = '';
  r2 = '';
  rv = '';
  constructor(
    token: string,
    private readonly offsets: Regions,
  ) {
    this.token = token;
    this.refresh();
  }
  refresh(): void {
    this.r1 = this.token.substring(this.offsets.r1);
    this.r2 = this.token.substring(this.offsets.r2);
    this.rv = this.token.substring(this.offsets.rv);
  }
  /** Drops `count` letters at the end and appends `replacement` (regions are not refreshed). */
  replaceEnd(count: number, replacement = ''): void {
    this.token = this.token.slice(0, -count) + replacement;
  }
}

const ICATEUR = ['icatrice', 'icateur', 'ication', 'icatrices', 'icateurs', 'ications'];
const EUSEMENT = ['eusement', 'eusements'];
const ICATIF = ['icatif', 'icative', 'icatifs', 'icatives'];
const ATIF = ['atif', 'ative', 'atifs', 'atives'];
const STEP2A = [
  'îmes',
  'ît',
  'îtes',
  'i',
  'ie',
  'Ie',
  'ies',
  'ir',
  'ira',
  'irai',
  'iraIent',
  'irais',
  'irait',
  'iras',
]
  .concat([
    'irent',
    'irez',
    'iriez',
    'irions',
    'irons',
    'iront',
    'is',
    'issaIent',
    'issais',
    'issait',
    'issant',
  ])
  .concat([
    'issante',
    'issantes',
    'issants',
    'isse',
    'issent',
    'isses',
    'issez',
    'issiez',
    'issions',
    'issons',
    'it',
  ]);
const STEP2B_E = [
  'é',
  'ée',
  'ées',
  'és',
  'èrent',
  'er',
  'era',
  'erai',
  'eraIent',
  'erais',
  'erait',
  'eras',
  'erez',
].concat(['eriez', 'erions', 'erons', 'eront', 'ez', 'iez', 'Iez']);
const STEP2B_A = [
  'âmes',
  'ât',
  'âtes',
  'a',
  'ai',
  'aIent',
  'ais',
  'ait',
  'ant',
  'ante',
  'antes',
  'ants',
  'as',
].concat(['asse', 'assent', 'asses', 'assiez', 'assions']);

/**
 * One step-1 rule: when the word's `region` ends with one of `suffixes`, `apply` runs with the longest of them
 * and no later rule is tried. `apply` returns true when step 2a must run even though the word changed.
 */
interface Step1Rule {
  region: 'token' | 'r1' | 'r2' | 'rv';
  suffixes: readonly string[];
  apply(word: Word, suffix: string): boolean;
}

/** Replaces the suffix (deletes it by default); `forceStep2` says whether step 2a must still run. */
const replaceWith =
  (replacement = '', forceStep2 = false) =>
  (word: Word, suffix: string): boolean => {
    word.replaceEnd(suffix.length, replacement);
    return forceStep2;
  };
const drop = replaceWith();
/** Deletes the suffix when it lies in R2 too, else replaces it. */
const dropInR2Else =
  (replacement: string) =>
  (word: Word, suffix: string): boolean => {
    word.replaceEnd(suffix.length, endsIn(word.r2, suffix) ? '' : replacement);
    return false;
  };

// In natural's order; the first rule whose region ends with one of its suffixes is the only one applied.
const STEP1: readonly Step1Rule[] = [
  {
    region: 'r2',
    suffixes: ['ance', 'iqUe', 'isme', 'able', 'iste', 'eux', 'ances', 'iqUes', 'ismes', 'ables', 'istes'],
    apply: drop,
  },
  { region: 'token', suffixes: ICATEUR, apply: dropInR2Else('iqU') },
  { region: 'r2', suffixes: ['atrice', 'ateur', 'ation', 'atrices', 'ateurs', 'ations'], apply: drop },
  { region: 'r2', suffixes: ['logie', 'logies'], apply: replaceWith('log') },
  { region: 'r2', suffixes: ['usion', 'ution', 'usions', 'utions'], apply: replaceWith('u') },
  { region: 'r2', suffixes: ['ence', 'ences'], apply: replaceWith('ent') },
  {
    region: 'r1',
    suffixes: ['issement', 'issements'],
    apply: (word, suffix) => {
      if (!isVowel(word.token[word.token.length - suffix.length - 1])) word.replaceEnd(suffix.length);
      return false;
    },
  },
  { region: 'r2', suffixes: ['ativement', 'ativements'], apply: drop },
  { region: 'r2', suffixes: ['ivement', 'ivements'], apply: drop },
  {
    region: 'token',
    suffixes: EUSEMENT,
    apply: (word) => {
      const inR2 = longestSuffix(word.r2, EUSEMENT);
      const inR1 = longestSuffix(word.r1, EUSEMENT);
      const ement = longestSuffix(word.rv, ['ement', 'ements']);
      if (inR2 !== '') word.replaceEnd(inR2.length);
      else if (inR1 !== '') word.replaceEnd(inR1.length, 'eux');
      else if (ement !== '') word.replaceEnd(ement.length);
      return false;
    },
  },
  { region: 'r2', suffixes: ['ablement', 'ablements', 'iqUement', 'iqUements'], apply: drop },
  { region: 'rv', suffixes: ['ièrement', 'ièrements', 'Ièrement', 'Ièrements'], apply: replaceWith('i') },
  { region: 'rv', suffixes: ['ement', 'ements'], apply: drop },
  { region: 'token', suffixes: ['icité', 'icités'], apply: dropInR2Else('iqU') },
  { region: 'token', suffixes: ['abilité', 'abilités'], apply: dropInR2Else('abl') },
  { region: 'r2', suffixes: ['ité', 'ités'], apply: drop },
  {
    region: 'token',
    suffixes: ICATIF,
    apply: (word) => {
      const icatif = longestSuffix(word.r2, ICATIF);
      if (icatif !== '') {
        word.replaceEnd(icatif.length);
        word.refresh();
      }
      const atif = longestSuffix(word.r2, ATIF);
      if (atif !== '') {
        word.replaceEnd(atif.length + 2, 'iqU');
        word.refresh();
      }
      return false;
    },
  },
  { region: 'r2', suffixes: ATIF, apply: drop },
  { region: 'r2', suffixes: ['if', 'ive', 'ifs', 'ives'], apply: drop },
  { region: 'token', suffixes: ['eaux'], apply: replaceWith('eau') },
  { region: 'r1', suffixes: ['aux'], apply: replaceWith('al') },
  { region: 'r2', suffixes: ['euse', 'euses'], apply: drop },
  { region: 'r1', suffixes: ['euse', 'euses'], apply: replaceWith('eux') },
  { region: 'rv', suffixes: ['amment'], apply: replaceWith('ant', true) },
  { region: 'rv', suffixes: ['emment'], apply: replaceWith('ent', true) },
  {
    region: 'rv',
    suffixes: ['ment', 'ments'],
    apply: (word, suffix) => {
      // The letter before must be a vowel in RV.
      const before = word.token[word.token.length - suffix.length - 1];
      if (!isVowel(before) || !endsIn(word.rv, before + suffix)) return false;
      word.replaceEnd(suffix.length);
      return true;
    },
  },
];

/** Step 1, standard suffixes. Returns whether step 2a must run even though the word changed. */
function step1(word: Word): boolean {
  for (const rule of STEP1) {
    const suffix = longestSuffix(word[rule.region], rule.suffixes);
    if (suffix !== '') return rule.apply(word, suffix);
  }
  return false;
}

/** Step 2a (verbs in -ir), then step 2b (other verbs) when 2a removed nothing. */
function step2(word: Word): void {
  const beforeStep2a = word.token;
  const ir = longestSuffix(word.rv, STEP2A);
  if (ir !== '') {
    const before = word.token[word.token.length - ir.length - 1];
    if (!isVowel(before) && endsIn(word.rv, before + ir)) word.replaceEnd(ir.length);
  }
  if (word.token !== beforeStep2a) return;
  const er = longestSuffix(word.rv, STEP2B_E);
  const ions = longestSuffix(word.rv, ['ions']);
  const a = longestSuffix(word.rv, STEP2B_A);
  if (er !== '') {
    word.replaceEnd(er.length);
  } else if (ions !== '' && longestSuffix(word.r2, ['ions']) !== '') {
    word.replaceEnd(ions.length);
  } else if (a !== '') {
    word.replaceEnd(a.length);
    if (word.token[word.token.length - 1] === 'e' && endsIn(word.rv, `e${a}`)) word.replaceEnd(1);
  }
  word.refresh();
}

/** Step 4, residual suffixes, for words no earlier step changed. */
function step4(word: Word): void {
  const last = word.token[word.token.length - 1];
  const beforeLast = word.token[word.token.length - 2];
  if (last === 's' && !['a', 'i', 'o', 'u', 'è', 's'].includes(beforeLast as string)) {
    word.replaceEnd(1);
    word.refresh();
  }
  const ion = longestSuffix(word.r2, ['ion']);
  if (ion !== '') {
    const before = word.token[word.token.length - ion.length - 1];
    if (before === 's' || before === 't') {
      word.replaceEnd(ion.length);
      word.refresh();
    }
  }
  const ier = longestSuffix(word.rv, ['ier', 'ière', 'Ier', 'Ière']);
  if (ier !== '') {
    word.replaceEnd(ier.length, 'i');
    word.refresh();
  }
  if (endsIn(word.rv, 'e')) {
    word.replaceEnd(1);
    word.refresh();
  }
  if (endsIn(word.rv, 'ë') && word.token.slice(word.token.length - 3, -1) === 'gu') word.replaceEnd(1);
}

/** Snowball (Porter) stem of one French word, lower-cased (`électriciennes` → `électricien`). */
export function stemFrench(input: string): string {
  const prepared = prelude(input.toLowerCase());
  if (prepared.length <= 1) return prepared;

  const word = new Word(prepared, regions(prepared));
  const beforeStep1 = word.token;
  const forceStep2 = step1(word);
  word.refresh();
  if (beforeStep1 === word.token || forceStep2) step2(word);

  if (word.token !== beforeStep1) {
    // Step 3.
    if (word.token.endsWith('Y')) word.replaceEnd(1, 'i');
    if (word.token.endsWith('ç')) word.replaceEnd(1, 'c');
  } else {
    step4(word);
  }

  // Step 5: undouble.
  if (longestSuffix(word.token, ['enn', 'onn', 'ett', 'ell', 'eill']) !== '') word.replaceEnd(1);

  // Step 6: un-accent an é or è before the final consonants.
  let token = word.token;
  for (let index = token.length - 1; index > 0; ) {
    if (!isVowel(token[index])) index--;
    else {
      if (index !== token.length - 1 && (token[index] === 'é' || token[index] === 'è')) {
        token = `${token.slice(0, index)}e${token.slice(index + 1)}`;
      }
      break;
    }
  }
  return token.toLowerCase();
}
