export { detectFormat } from './detect-format.js';
export { type ExtractDocumentOptions, extractDocument } from './extract-document.js';
export {
  type DocumentLine,
  type DocumentTable,
  defaultExtractionLimits,
  type ExtractedDocument,
  type ExtractionLimits,
} from './types.js';
