import { ProviderError } from '../../errors.js';
import { detectLanguage, isStopword, stem, type TextLanguage, words } from '../../text/index.js';
import type { EmbeddingModel } from '../spec.js';
import { addHashed, hashFeature, mixHashes, sparseNorm } from './feature-hashing.js';
import { commonTermPrior, type IdfTable } from './idf.js';

export interface LocalEmbeddingOptions {
  /** Vector size. Default 1024. */
  dimensions?: number;
  /** Stemming language; `auto` guesses per text. Default `auto`. */
  language?: TextLanguage | 'auto';
  /** Term weights fitted with `fitIdf`; else a built-in prior that down-weights words common to all CVs. */
  idf?: IdfTable;
  /** Share of the vector given to whole (stemmed) words versus character n-grams. Default 0.6. */
  wordShare?: number;
}

const TOKEN_MEMO_LIMIT = 200_000;
const EMPTY = new Uint32Array(0);

interface TokenFeatures {
  term: string;
  wordHash: number;
  idf: number;
  /** Hashes of the token's character 3- and 4-grams, with `<` `>` word boundaries. */
  grams: Uint32Array;
}

/** Character 3/4-gram hashes of `<token>`, without building substrings. */
function characterGramHashes(token: string): Uint32Array {
  const padded = `<${token}>`;
  const grams = new Uint32Array(Math.max(0, padded.length - 2) + Math.max(0, padded.length - 3));
  let position = 0;
  for (let size = 3; size <= 4; size++) {
    for (let start = 0; start + size <= padded.length; start++) {
      grams[position++] = hashFeature(padded, start, start + size);
    }
  }
  return grams;
}

function count(counts: Map<number, number>, idfs: Map<number, number>, feature: number, idf: number): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
  idfs.set(feature, (idfs.get(feature) ?? 0) + idf);
}

/**
 * Offline, deterministic embeddings: stemmed French/English terms and term bigrams, plus character
 * 3/4-grams of each word (with `<` `>` boundaries, which catch inflections such as `préparateur` /
 * `préparatrice`), sublinear TF × IDF weights, signed feature hashing, L2-normalised. Lexical only:
 * synonyms that share no letters (`cariste` / `conducteur de chariot`) are not close.
 */
export function createLocalEmbeddingModel(
  modelId: string,
  options: LocalEmbeddingOptions = {},
): EmbeddingModel {
  const dimensions = options.dimensions ?? 1024;
  if (!Number.isInteger(dimensions) || dimensions < 16) {
    throw new ProviderError(`local: dimensions must be an integer ≥ 16 (got ${dimensions})`, {
      provider: 'local',
    });
  }
  const wordShare = Math.min(1, Math.max(0, options.wordShare ?? 0.6));
  const priors = { fr: commonTermPrior('fr'), en: commonTermPrior('en') };
  const idfTable = options.idf;
  const tokens = new Map<string, TokenFeatures>();

  function weightOf(term: string, language: TextLanguage): number {
    if (idfTable) return idfTable.idf.get(term) ?? idfTable.unseen;
    return priors[language].get(term) ?? 1;
  }

  /** Stem, weight and hashed features of one token: computed once per distinct token, then reused. */
  function featuresOf(token: string, language: TextLanguage): TokenFeatures {
    const key = language === 'fr' ? token : `en:${token}`;
    let features = tokens.get(key);
    if (features === undefined) {
      const term = stem(token, language);
      features = {
        term,
        wordHash: hashFeature(`w:${term}`),
        idf: weightOf(term, language),
        grams: token.length < 3 ? EMPTY : characterGramHashes(token),
      };
      if (tokens.size >= TOKEN_MEMO_LIMIT) tokens.clear();
      tokens.set(key, features);
    }
    return features;
  }

  const wordBuffer = new Float64Array(dimensions);
  const charBuffer = new Float64Array(dimensions);

  function embedOne(text: string): { vector: Float32Array; terms: number } {
    const language =
      options.language && options.language !== 'auto' ? options.language : detectLanguage(text);
    const wordCounts = new Map<number, number>();
    const charCounts = new Map<number, number>();
    const wordIdf = new Map<number, number>();
    const charIdf = new Map<number, number>();
    let previous: TokenFeatures | null = null;
    let termCount = 0;
    for (const token of words(text)) {
      if (isStopword(token)) continue;
      termCount++;
      const features = featuresOf(token, language);
      count(wordCounts, wordIdf, features.wordHash, features.idf);
      if (previous) {
        count(
          wordCounts,
          wordIdf,
          mixHashes(previous.wordHash, features.wordHash),
          (previous.idf + features.idf) / 4,
        );
      }
      previous = features;
      for (const gram of features.grams) count(charCounts, charIdf, gram, features.idf);
    }
    const wordWeights = sublinear(wordCounts, wordIdf);
    const charWeights = sublinear(charCounts, charIdf);
    wordBuffer.fill(0);
    charBuffer.fill(0);
    const wordNorm = sparseNorm(wordWeights);
    const charNorm = sparseNorm(charWeights);
    if (wordNorm > 0) addHashed(wordBuffer, wordWeights, wordShare / wordNorm);
    if (charNorm > 0) addHashed(charBuffer, charWeights, (1 - wordShare) / charNorm);
    let sum = 0;
    for (let index = 0; index < dimensions; index++) {
      const value = wordBuffer[index]! + charBuffer[index]!;
      wordBuffer[index] = value;
      sum += value * value;
    }
    const vector = new Float32Array(dimensions);
    // A text without any content word (empty, only stopwords) is the zero vector: cosine 0 with everything.
    if (sum > 0) {
      const inverse = 1 / Math.sqrt(sum);
      for (let index = 0; index < dimensions; index++) vector[index] = wordBuffer[index]! * inverse;
    }
    return { vector, terms: termCount };
  }

  return {
    specificationVersion: 'v1',
    provider: 'local',
    modelId,
    dimensions,
    maxInputsPerCall: Number.MAX_SAFE_INTEGER,
    async embed({ inputs, signal }) {
      const vectors: Float32Array[] = [];
      let inputTokens = 0;
      for (let index = 0; index < inputs.length; index++) {
        if (index % 256 === 0 && signal?.aborted) throw signal.reason;
        const { vector, terms } = embedOne(inputs[index]!);
        vectors.push(vector);
        inputTokens += terms;
      }
      return { vectors, usage: { inputTokens, outputTokens: 0 } };
    },
  };
}

/** Weight = (1 + ln tf) × mean idf of the occurrences. */
function sublinear(counts: Map<number, number>, idfs: Map<number, number>): Map<number, number> {
  const weights = new Map<number, number>();
  for (const [feature, count] of counts) {
    weights.set(feature, (1 + Math.log(count)) * (idfs.get(feature)! / count));
  }
  return weights;
}
