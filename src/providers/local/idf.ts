import { createHash } from 'node:crypto';
import { detectLanguage, isStopword, stem, type TextLanguage, words } from '../../text/index.js';

/** Inverse document frequencies by stemmed term, fitted on a corpus with `fitIdf`. */
export interface IdfTable {
  readonly documents: number;
  readonly idf: ReadonlyMap<string, number>;
  /** Weight of a term the corpus never saw. */
  readonly unseen: number;
  /** Short hash of the table, part of the model id so vectors from different tables are not mixed. */
  readonly fingerprint: string;
}

/**
 * Words present in almost every CV or job order; they get a low weight by default (the built-in prior,
 * used when no corpus was fitted). Written as words, stemmed at load time so they match `terms()`.
 */
const COMMON_WORDS =
  'experience experiences poste postes travail travailler mission missions entreprise societe client clients ' +
  'competence competences profil formation annee annees mois an ans jour jours semaine heure heures ' +
  'recherche recherchons cherche candidat candidate equipe service services activite activites ' +
  'niveau bonne bon tres plus etc cv curriculum vitae contact telephone email adresse ' +
  'job work worked working experience skills team company year years month months position role';

const PRIOR_WEIGHT = 0.35;

export function commonTermPrior(language: TextLanguage): Map<string, number> {
  const prior = new Map<string, number>();
  for (const word of COMMON_WORDS.split(' ')) prior.set(stem(word, language), PRIOR_WEIGHT);
  return prior;
}

/**
 * Fits inverse document frequencies on `corpus` (e.g. all profiles being ranked):
 * `idf = ln((N + 1) / (df + 1)) + 1`, deterministic. Pass the result as `createLocal({ idf })`.
 */
export function fitIdf(
  corpus: readonly string[],
  options: { language?: TextLanguage | 'auto' } = {},
): IdfTable {
  const documentFrequency = new Map<string, number>();
  for (const document of corpus) {
    const language =
      options.language === undefined || options.language === 'auto'
        ? detectLanguage(document)
        : options.language;
    const seen = new Set<string>();
    for (const token of words(document)) {
      if (!isStopword(token)) seen.add(stem(token, language));
    }
    for (const term of seen) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const documents = corpus.length;
  const idf = new Map<string, number>();
  const hash = createHash('sha256').update(String(documents));
  for (const term of [...documentFrequency.keys()].sort()) {
    const frequency = documentFrequency.get(term)!;
    idf.set(term, Math.log((documents + 1) / (frequency + 1)) + 1);
    hash.update(`\u0000${term}\u0000${frequency}`);
  }
  return {
    documents,
    idf,
    unseen: Math.log(documents + 1) + 1,
    fingerprint: hash.digest('hex').slice(0, 12),
  };
}
