/**
 * The child process documents are read in (see isolated-extraction.ts): it loads the extractors once and
 * answers one request at a time over IPC. An error crosses back as plain data and is rebuilt on the other side.
 */
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

if (process.send === undefined)
  throw new Error('extraction-worker runs as a child process with an IPC channel');
/** Answers the parent; when it is gone there is no one to answer, and this process ends. */
function send(message: ExtractionResponse | { ready: true }): void {
  if (!process.connected) process.exit(0);
  process.send?.(message, undefined, undefined, (error: Error | null) => {
    if (error) process.exit(0);
  });
}
// The parent went away: nothing left to answer.
process.on('disconnect', () => process.exit(0));
/**
 * After an answer, a full collection (the parent starts this process with `--expose-gc`): the last document's
 * garbage is gone before the next one, whose heap and resident memory are then about what a fresh worker's
 * would be.
 */
function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
/**
 * Test-only faults, set by `setExtractionFaultForTests` through the environment: `exhaust-heap` fills the
 * JavaScript heap (as a document past `extractionWorkerHeapMb` would; V8 then aborts the process),
 * `exhaust-heap-when-reused` does so only in a worker that has answered before, `grow-resident` fills buffers
 * outside the heap until the parent kills the worker (as a document past `extractionWorkerRssMb` would).
 * `starved` makes a worker that has answered before (its libraries loaded) wait without using CPU for 2.5 times
 * the document's time limit before reading it, as a process that gets no core on an overloaded machine would;
 * `stalled` makes every reading wait for 10 times the limit, as a reader stuck on something that never comes.
 */
const fault = process.env.CVMATCH_EXTRACTION_FAULT;
let answered = 0;

/** Blocks this thread for `ms` without using CPU (as a process waiting for a core would). */
function waitWithoutCpu(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function injectFault(request: ExtractionRequest): boolean {
  if (fault === 'starved' && answered > 0) waitWithoutCpu(2.5 * request.limits.timeoutMs);
  if (fault === 'stalled') waitWithoutCpu(10 * request.limits.timeoutMs);
  if (fault === 'exhaust-heap' || (fault === 'exhaust-heap-when-reused' && answered > 0)) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1_000_000).fill(answered));
  }
  if (fault === 'grow-resident') {
    const buffers: Buffer[] = [];
    // 16 MB every 10 ms: well past the parent's sampling step, not so fast that the kill comes late.
    setInterval(() => buffers.push(Buffer.alloc(16 * 1024 * 1024, 1)), 10);
    return true;
  }
  return false;
}

process.on('message', (request: ExtractionRequest) => {
  if (fault !== undefined && injectFault(request)) return;
  answered += 1;
  extractDocument(request.bytes, {
    ...(request.file === null ? {} : { file: request.file }),
    limits: request.limits,
    clock: request.clock,
  })
    .then(
      (document) => send({ id: request.id, document }),
      (error: unknown) => send({ id: request.id, error: serialize(error) }),
    )
    .then(() => setImmediate(collect));
});
send({ ready: true });
