/**
 * The worker thread documents are read in (see isolated-extraction.ts): it loads the extractors once and
 * answers one request at a time. An error crosses back as plain data and is rebuilt on the other side.
 */
import { parentPort } from 'node:worker_threads';
import { DocumentError, ParseTimeoutError } from '../../errors.js';
import { extractDocument } from './extract-document.js';
import type {
  ExtractionRequest,
  ExtractionResponse,
  SerializedExtractionError,
} from './isolated-extraction.js';

function serialize(error: unknown): SerializedExtractionError {
  if (ParseTimeoutError.isInstance(error)) {
    return { kind: 'timeout', reason: 'timeout', message: error.message, timeoutMs: error.timeoutMs };
  }
  if (DocumentError.isInstance(error))
    return { kind: 'document', reason: error.reason, message: error.message };
  // extractDocument turns every other failure into a DocumentError; this is a bug in the worker itself.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'document', reason: 'corrupt', message: `The document cannot be read (${message}).` };
}

const port = parentPort;
if (port === null) throw new Error('extraction-worker runs in a worker thread');
port.on('message', (request: ExtractionRequest) => {
  extractDocument(request.bytes, {
    ...(request.file === null ? {} : { file: request.file }),
    limits: request.limits,
  }).then(
    (document) => port.postMessage({ id: request.id, document } satisfies ExtractionResponse),
    (error: unknown) =>
      port.postMessage({ id: request.id, error: serialize(error) } satisfies ExtractionResponse),
  );
});
port.postMessage({ ready: true });
