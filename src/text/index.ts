export { estimateTokens } from './estimate-tokens.js';
export { foldForMatch } from './fold-for-match.js';
export { foldGender, neutralizeGenderWords } from './fold-gender.js';
export { type MatchingTermsOptions, matchingTerms } from './matching-terms.js';
export { foldAccents, normalizeKey, normalizeWhitespace } from './normalize.js';
export { restrictedEditDistance } from './restricted-edit-distance.js';
export { type NumberedLine, spanIn } from './span-in.js';
export { detectLanguage, isStopword, stem, type TextLanguage, terms, words } from './tokenize.js';
