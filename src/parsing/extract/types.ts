import type { DocumentFormat, Warning } from '../../domain/index.js';

/** One visual line of a document, in reading order, with the layout cues field extraction can use. */
export interface DocumentLine {
  text: string;
  /** 1-based page number (1 for formats without pages). */
  page: number;
  /** Offset of this line's first character in `ExtractedDocument.text`. */
  start: number;
  /** Layout cues, when the format gives them. */
  fontSize?: number;
  bold?: boolean;
  /** Heading level from the document structure (DOCX h1–h6), when known. */
  headingLevel?: number;
  /** Item of a bulleted/numbered list. */
  listItem?: boolean;
  /** Column the line came from in a multi-column page (0 = left/main), when detected. */
  column?: number;
  /** Part of the document the line came from. */
  region?: 'body' | 'header' | 'footer' | 'table' | 'sidebar';
}

/** A table found in the document (DOCX tables; skills/languages tables become fields). */
export interface DocumentTable {
  rows: string[][];
  /** Offset of the table's first character in `ExtractedDocument.text`. */
  start: number;
}

/** Output of every extractor: text in reading order + lines + tables + warnings. */
export interface ExtractedDocument {
  format: DocumentFormat;
  pages: number;
  /** Lines joined with `\n`; profile `source` spans index into this. */
  text: string;
  lines: DocumentLine[];
  tables: DocumentTable[];
  /** e.g. `hidden-text` (with the text found), `garbled-text`, `encoding-fallback`, `truncated`. */
  warnings: Warning[];
  /** Whether the document seems to contain a photo (images on page 1). Never used for matching. */
  hasImages?: boolean;
  /**
   * Share (0–1) of the document's characters that did not decode into text and were left out (a PDF font
   * without a Unicode map, a broken encoding); absent when there were none. Lowers field confidences.
   */
  garbledShare?: number;
}

/** Limits that keep hostile or huge input bounded in time and memory. */
export interface ExtractionLimits {
  /** Largest input file, bytes. Default 20 MiB. */
  maxBytes: number;
  /** Pages read at most; more are dropped with a `truncated` warning. Default 30. */
  maxPages: number;
  /** Largest total uncompressed size of a DOCX/ODT zip, bytes. Default 50 MiB. */
  maxUncompressedBytes: number;
  /** Characters of text kept at most. Default 200,000. */
  maxChars: number;
  /**
   * Time for one document, ms. Default 9,000. Where documents are read in a worker process (`parseCv`'s
   * default) on Linux, this is the CPU time the reading uses, so a busy machine does not make good documents
   * time out; a reader that has not answered 0.5 s of CPU time after it is killed, and in any case 4 times
   * this limit of wall time after the reading started (36 s by default). Elsewhere, and with
   * `isolation: 'in-process'`, it is wall time (with the 0.5 s grace for a worker).
   */
  timeoutMs: number;
}

export const defaultExtractionLimits: ExtractionLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 30,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxChars: 200_000,
  timeoutMs: 9_000,
};
