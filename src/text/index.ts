export { foldAccents, normalizeKey, normalizeWhitespace } from './normalize.js';
export { detectLanguage, isStopword, stem, type TextLanguage, terms, words } from './tokenize.js';
