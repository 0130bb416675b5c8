import type { ExtractionLimits } from './types.js';

/** What every format extractor receives from `extractDocument`. */
export interface FormatContext {
  /** File name for errors, or null. */
  file: string | null;
  limits: ExtractionLimits;
  /** Aborted on the caller's signal or at the deadline; pdfjs documents are destroyed on it. */
  signal: AbortSignal;
  /**
   * Throws when the caller aborted (its reason) or the time limit has passed (`DocumentError('timeout')`).
   * Call between units of work (pages, parts): the clock is read here, so a timeout is seen even when
   * the work never yields to timers.
   */
  checkpoint(): void;
}
