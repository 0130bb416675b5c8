import type { SourceSpan } from '../../../domain/index.js';

/** A value read from the document, with its source span and a confidence. */
export interface Found<T> {
  value: T;
  source: SourceSpan;
  confidence: number;
}
