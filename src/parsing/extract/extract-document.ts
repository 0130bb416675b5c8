import { DocumentError, ParseTimeoutError } from '../../errors.js';
import { threadCpuMs } from '../../support/thread-cpu-time.js';
import { detectFormat } from './detect-format.js';
import { extractDoc } from './doc/extract-doc.js';
import { extractDocx } from './docx/extract-docx.js';
import type { FormatContext } from './format-context.js';
import { extractOdt } from './odt/extract-odt.js';
import { extractPdf } from './pdf/extract-pdf.js';
import { extractRtf } from './rtf/extract-rtf.js';
import { extractTextFile } from './text-file.js';
import { defaultExtractionLimits, type ExtractedDocument, type ExtractionLimits } from './types.js';

/** Options of `extractDocument`. */
export interface ExtractDocumentOptions {
  /** File name or path, only to label errors and warnings (the format is read from the bytes). */
  file?: string;
  /** Overrides of `defaultExtractionLimits`. */
  limits?: Partial<ExtractionLimits>;
  /** Cancels the extraction; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * What `limits.timeoutMs` counts: `wall` (default) time, or `thread-cpu`, the CPU time of the calling
   * thread (Linux; wall time where it cannot be read). The extraction worker counts CPU time: on a busy
   * machine a document waiting for a core is not using up its time (see isolated-extraction.ts).
   */
  clock?: 'wall' | 'thread-cpu';
}

/** How often the time limit is checked when the work does not reach a checkpoint, ms (CPU clock only). */
const cpuCheckMs = 50;

async function extractByFormat(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const document = await extractDetectedFormat(bytes, context);
  if (document.lines.length === 0) {
    const message =
      document.garbledShare !== undefined
        ? `The ${document.format} document's text does not decode into words (a font without a Unicode map, or a broken encoding).`
        : `The ${document.format} document has no text.`;
    throw new DocumentError('no-text', message, { file: context.file });
  }
  return document;
}

async function extractDetectedFormat(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const format = detectFormat(bytes);
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, context);
    case 'docx':
      return extractDocx(bytes, context);
    case 'txt':
      return extractTextFile(bytes, context.limits);
    case 'odt':
      return extractOdt(bytes, context);
    case 'doc':
      return extractDoc(bytes, context);
    case 'rtf':
      return extractRtf(bytes, context);
    case null:
      throw new DocumentError(
        'unsupported',
        'Unknown file type: not a PDF, DOCX, DOC, ODT, RTF or text file.',
        {
          file: context.file,
        },
      );
    default:
      throw new DocumentError('unsupported', `Reading ${format} documents is not supported yet.`, {
        file: context.file,
      });
  }
}

/**
 * Extracts text and layout from a CV document (PDF, DOCX, DOC, ODT, RTF or plain text, detected from
 * its bytes): lines in reading order with layout cues, tables, and warnings (`hidden-text`,
 * `encoding-fallback`, `truncated`). Hidden text is never part of `text`.
 *
 * Fails with a `DocumentError` whose `reason` says why: `no-text` (empty, scanned), `encrypted`,
 * `corrupt`, `too-large` (file, zip bomb), `unsupported`, `timeout` (past `limits.timeoutMs`).
 */
export async function extractDocument(
  input: Uint8Array,
  options: ExtractDocumentOptions = {},
): Promise<ExtractedDocument> {
  const limits: ExtractionLimits = { ...defaultExtractionLimits, ...options.limits };
  const file = options.file ?? null;
  options.signal?.throwIfAborted();
  if (input.length > limits.maxBytes) {
    throw new DocumentError(
      'too-large',
      `The file has ${input.length} bytes, more than the ${limits.maxBytes}-byte limit.`,
      {
        file,
      },
    );
  }
  if (input.length === 0) throw new DocumentError('no-text', 'The file is empty.', { file });

  const cpu = options.clock === 'thread-cpu' && threadCpuMs() !== undefined;
  const now = cpu ? () => threadCpuMs() ?? Number.POSITIVE_INFINITY : () => performance.now();
  const deadline = now() + limits.timeoutMs;
  const timeoutError = (cause?: unknown) =>
    new ParseTimeoutError(limits.timeoutMs, {
      file,
      cause: cause ?? new Error(`deadline of ${limits.timeoutMs} ms passed`),
    });
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timedOut = () => now() >= deadline;
  let rejectAborted: (reason: unknown) => void = () => undefined;
  // Settles as soon as the work is aborted, even when a library call does not watch the signal.
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  const onAbort = () => rejectAborted(controller.signal.reason);
  controller.signal.addEventListener('abort', onAbort, { once: true });
  // Settles work that waits on something (pdfjs' promises) past the limit; CPU time is polled.
  const timer = cpu
    ? setInterval(() => {
        if (timedOut()) controller.abort(timeoutError());
      }, cpuCheckMs)
    : setTimeout(() => controller.abort(timeoutError()), limits.timeoutMs);
  const checkpoint = () => {
    if (!controller.signal.aborted && timedOut()) controller.abort(timeoutError());
    controller.signal.throwIfAborted();
  };
  try {
    return await Promise.race([
      extractByFormat(input, { file, limits, signal: controller.signal, checkpoint }),
      aborted,
    ]);
  } catch (error) {
    if (options.signal?.aborted === true) throw options.signal.reason;
    if (timedOut() && !(error instanceof DocumentError && error.reason !== 'corrupt')) {
      throw error instanceof DocumentError && error.reason === 'timeout' ? error : timeoutError(error);
    }
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('corrupt', 'The document cannot be read.', { file, cause: error });
  } finally {
    clearTimeout(timer); // Node clears an interval with it too.
    controller.signal.removeEventListener('abort', onAbort);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
