import type WordExtractor from 'word-extractor';
import { DocumentError } from '../../../errors.js';
import { lazyRequire } from '../../../support/lazy-require.js';
import { buildDocument, type LineDraft } from '../document-builder.js';
import type { FormatContext } from '../format-context.js';
import { plainTextToLines } from '../text-file.js';
import type { ExtractedDocument } from '../types.js';

/** word-extractor, loaded by the first .doc read (not at start-up). */
const loadWordExtractor = lazyRequire<typeof WordExtractor>('word-extractor');

function linesOf(text: string, region: LineDraft['region']): LineDraft[] {
  return plainTextToLines(text).map((line) => ({ ...line, region }));
}

/**
 * Extracts a legacy Word 97–2003 `.doc` with `word-extractor`: headers first, then body and text boxes,
 * then footers. The format gives plain text only (no headings or bold), and hidden runs cannot be seen.
 */
export async function extractDoc(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const { file, limits } = context;
  let document: WordExtractor.Document;
  try {
    document = await new (loadWordExtractor())().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
  } catch (error) {
    throw new DocumentError('corrupt', 'The Word .doc file cannot be read.', { file, cause: error });
  }
  context.checkpoint();
  const lines = [
    ...linesOf(document.getHeaders({ includeFooters: false }), 'header'),
    ...linesOf(document.getBody(), 'body'),
    ...linesOf(document.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }), 'body'),
    ...linesOf(document.getFooters(), 'footer'),
  ];
  const warnings = [
    {
      code: 'hidden-text-unchecked',
      message:
        'Legacy .doc files are read as plain text: hidden or white text cannot be told apart and is included.',
    },
  ];
  return buildDocument({ format: 'doc', pages: 1, lines, warnings, maxChars: limits.maxChars });
}
