/**
 * The labelled job-title sets `npm run eval:occupations` measures (eval/occupations/*.tsv), each split into a
 * dev part (tuning is allowed) and a held-out part (never tuned on) by a hash of the title.
 *
 * File format: `title<TAB>expected`, `#` lines are comments. `expected` is one or more ROME v460 codes
 * separated by `|` (any of them is right); `~CODE` stands for the family of CODE only (code_rome_parent:
 * right at family level, not scored at code level); `?` marks a genuinely ambiguous title (not scored);
 * `-` a title that names no occupation (the right answer is to abstain).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { occupationFamily } from '../../src/taxonomy/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EVAL_DIR = resolve(REPO_ROOT, 'eval', 'occupations');

/** The sets, in report order. `fixtures` is the original list (the floor the team wrote first). */
export const TITLE_SETS = [
  'fixtures',
  'fr-offers',
  'en-boards',
  'en-dotin',
  'en-livecareer',
  'en-livecareer-dev',
  'generic',
  'generic-dev',
  'generic-auto',
] as const;
/** A labelled set: a file of eval/occupations, or the generated calibration set (see calibration-titles.ts). */
export type TitleSet = (typeof TITLE_SETS)[number] | 'calibration';

const FILES: Record<(typeof TITLE_SETS)[number], string> = {
  fixtures: 'titles.tsv',
  'fr-offers': 'fr-offers.tsv',
  'en-boards': 'en-boards.tsv',
  'en-dotin': 'en-dotin.tsv',
  'en-livecareer': 'en-livecareer.tsv',
  'en-livecareer-dev': 'en-livecareer-dev.tsv',
  generic: 'generic.tsv',
  'generic-dev': 'generic-dev.tsv',
  'generic-auto': 'generic-auto.tsv',
};

export interface LabelledTitle {
  title: string;
  set: TitleSet;
  /** `labelled`: scored; `ambiguous`: not scored; `generic`: should abstain. */
  kind: 'labelled' | 'ambiguous' | 'generic';
  /** Codes that are right at code level (empty when only the family is known). */
  codes: string[];
  /** Families (code_rome_parent) that are right at family level. */
  families: string[];
  /** In the held-out part (about 30 %), which tuning never looks at. */
  heldOut: boolean;
}

/**
 * Sets kept aside whole: every title is held-out (labelled before the matcher changes that followed it, and
 * never tuned on). The other sets are split by `isHeldOut`.
 */
export const HELD_OUT_SETS: ReadonlySet<TitleSet> = new Set(['en-livecareer']);

/**
 * Sets that are dev whole: real titles gathered to tune on, disjoint from a held-out set of the same source
 * (en-livecareer-dev holds the livecareer titles en-livecareer.tsv left out, minus its near-duplicates).
 */
export const DEV_ONLY_SETS: ReadonlySet<TitleSet> = new Set(['en-livecareer-dev', 'generic-dev']);

/** Share of each hash-split set kept aside, in percent. */
export const HELD_OUT_PERCENT = 30;

/** 32-bit FNV-1a of the folded title: the split does not move when a file is reordered or re-cased. */
export function titleHash(title: string): number {
  const key = title.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function isHeldOut(title: string): boolean {
  return titleHash(title) % 100 < HELD_OUT_PERCENT;
}

function parseExpected(expected: string, where: string): Pick<LabelledTitle, 'kind' | 'codes' | 'families'> {
  if (expected === '-') return { kind: 'generic', codes: [], families: [] };
  if (expected === '?') return { kind: 'ambiguous', codes: [], families: [] };
  const codes: string[] = [];
  const families = new Set<string>();
  for (const item of expected.split('|')) {
    const familyOnly = item.startsWith('~');
    const code = familyOnly ? item.slice(1) : item;
    const family = occupationFamily(code);
    if (!family) throw new Error(`${where}: unknown ROME code ${code}`);
    families.add(family);
    if (!familyOnly) codes.push(code);
  }
  return { kind: 'labelled', codes, families: [...families] };
}

/** Reads one set. Throws on a malformed line or an unknown code. */
export function readTitleSet(set: (typeof TITLE_SETS)[number], directory = EVAL_DIR): LabelledTitle[] {
  const path = resolve(directory, FILES[set]);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.replace(/\r$/, ''), number: index + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [title, expected, ...rest] = line.split('\t');
      if (!title?.trim() || !expected?.trim() || rest.length > 0)
        throw new Error(`${path}:${number}: expected "title<TAB>expected"`);
      const clean = title.trim();
      return {
        title: clean,
        set,
        ...parseExpected(expected.trim(), `${path}:${number}`),
        heldOut: HELD_OUT_SETS.has(set) || (!DEV_ONLY_SETS.has(set) && isHeldOut(clean)),
      };
    });
}

/** All sets, in report order. */
export function readAllTitleSets(directory = EVAL_DIR): LabelledTitle[] {
  return TITLE_SETS.flatMap((set) => readTitleSet(set, directory));
}
