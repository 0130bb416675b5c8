import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hugeContentStreamPdf } from '../../scripts/generate-hostile-files.js';
import { DocumentError, ParseTimeoutError } from '../../src/errors.js';
import {
  extractDocumentIsolated,
  extractionWallClockFactor,
  extractionWorkerHeapMb,
  extractionWorkerRssMb,
  extractionWorkersStarted,
  setExtractionFaultForTests,
} from '../../src/parsing/extract/isolated-extraction.js';
import { makePdf } from './make-documents.js';

// Documents are read in pooled child processes (isolated-extraction.ts). These tests make a worker fail in a
// chosen way (a test-only fault the worker injects, see extraction-worker.ts) and check what the caller sees.

const cvText = new TextEncoder().encode(
  [
    'Camille Durand',
    'Cariste confirmée',
    'camille.durand@example.org - 06 12 34 56 78 - Lyon',
    'Expérience',
    '2019 - 2024 Cariste, Entrepôt Logistique Rhône, Lyon',
  ].join('\n'),
);
const fixture = (name: string) => path.join(import.meta.dirname, '../../fixtures/cvs', name);

async function failure(promise: Promise<unknown>): Promise<DocumentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a DocumentError');
}

afterEach(() => setExtractionFaultForTests(undefined));

describe('extraction workers', () => {
  it('a reused worker that runs out of heap reads the document again in a fresh one, with the same result', async () => {
    setExtractionFaultForTests('exhaust-heap-when-reused');
    const fresh = await extractDocumentIsolated(cvText, { file: 'cv.txt' });
    const started = extractionWorkersStarted();
    // The worker that read `fresh` is reused and dies on its heap; one fresh worker reads the document again.
    const again = await extractDocumentIsolated(cvText, { file: 'cv.txt' });
    expect(extractionWorkersStarted() - started).toBe(1);
    expect(again).toEqual(fresh);
  }, 60_000);

  it("a fault variable in the caller's own environment never reaches a worker", async () => {
    setExtractionFaultForTests(undefined);
    process.env.CVMATCH_EXTRACTION_FAULT = 'exhaust-heap';
    try {
      const document = await extractDocumentIsolated(cvText, { file: 'cv.txt' });
      expect(document.text).toContain('Cariste');
    } finally {
      delete process.env.CVMATCH_EXTRACTION_FAULT;
    }
  }, 60_000);

  it('whether a document fits never depends on what its worker read before', async () => {
    const pdf = await readFile(fixture('agent-securite-samira-el-amrani.pdf'));
    const docx = await readFile(fixture('agent-proprete-rosa-martins.docx'));
    // A document read first, in a fresh worker…
    setExtractionFaultForTests(undefined);
    const alone = await extractDocumentIsolated(new Uint8Array(pdf));
    // …then after others, in a worker that read them (no fault): the same document.
    setExtractionFaultForTests(undefined);
    await extractDocumentIsolated(new Uint8Array(docx));
    await extractDocumentIsolated(cvText);
    const started = extractionWorkersStarted();
    const afterOthers = await extractDocumentIsolated(new Uint8Array(pdf));
    expect(extractionWorkersStarted()).toBe(started); // it was read in the reused worker
    expect(afterOthers).toEqual(alone);
    // And where the reused worker cannot hold it (it dies on its heap), the fresh worker's answer stands.
    setExtractionFaultForTests('exhaust-heap-when-reused');
    await extractDocumentIsolated(new Uint8Array(docx));
    expect(await extractDocumentIsolated(new Uint8Array(pdf))).toEqual(alone);
  }, 180_000);

  it('a document past the heap in a fresh worker is too-large, read once (no retry loop)', async () => {
    setExtractionFaultForTests('exhaust-heap');
    const started = extractionWorkersStarted();
    const error = await failure(extractDocumentIsolated(cvText, { file: 'cv.txt' }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain(`${extractionWorkerHeapMb} MB`);
    expect(error.file).toBe('cv.txt');
    expect(extractionWorkersStarted() - started).toBe(1);
    // The next document is read by a new worker, which the fault also fills: too-large again, not a hang.
    expect((await failure(extractDocumentIsolated(cvText))).reason).toBe('too-large');
    expect(extractionWorkersStarted() - started).toBe(2);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'a worker past its resident-memory budget (buffers outside the heap) is killed: too-large',
    async () => {
      setExtractionFaultForTests('grow-resident');
      const started = performance.now();
      const error = await failure(extractDocumentIsolated(cvText, { file: 'cv.txt' }));
      expect(error.reason).toBe('too-large');
      expect(error.message).toContain(`${extractionWorkerRssMb} MB`);
      // Filling 640 MB at 1.6 GB/s takes well under a second; the kill does not wait for the 20 s deadline.
      expect(performance.now() - started).toBeLessThan(10_000);
      setExtractionFaultForTests(undefined);
      const document = await extractDocumentIsolated(cvText);
      expect(document.text).toContain('Camille Durand');
    },
    60_000,
  );

  it('a worker that answered with a timeout is not reused (the call it gave up on may still be running)', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        for (let page = 1; page <= 20; page += 1) {
          if (page > 1) document.addPage();
          document.font('Helvetica').fontSize(10).text(`Ligne page ${page}`, 40, 40);
        }
      },
    });
    await extractDocumentIsolated(cvText); // a worker is idle in the pool
    const error = await failure(extractDocumentIsolated(pdf, { limits: { timeoutMs: 1, maxPages: 60 } }));
    expect(error).toBeInstanceOf(ParseTimeoutError);
    const started = extractionWorkersStarted();
    const document = await extractDocumentIsolated(cvText);
    expect(document.text).toContain('Camille Durand');
    expect(extractionWorkersStarted() - started).toBe(1);
  }, 60_000);

  // On an overloaded machine a worker waits for a core: the 'starved' fault makes a worker that has read a
  // document before wait without using CPU for 2.5 times the limit before reading (as it would if it got no
  // core), 'stalled' makes every reading wait for 10 times the limit.
  describe.runIf(process.platform === 'linux')(
    'the time limit counts CPU time, with a wall-clock backstop',
    () => {
      it('a normal PDF whose worker gets no core for longer than the limit is read, not dropped', async () => {
        const pdf = new Uint8Array(await readFile(fixture('agent-securite-samira-el-amrani.pdf')));
        setExtractionFaultForTests('starved');
        // Read at once by a fresh worker, which stays idle in the pool.
        const expected = await extractDocumentIsolated(pdf);
        const timeoutMs = 2_000;
        const started = performance.now();
        const document = await extractDocumentIsolated(pdf, { limits: { timeoutMs } });
        expect(performance.now() - started).toBeGreaterThanOrEqual(2.5 * timeoutMs);
        expect(document).toEqual(expected);
      }, 60_000);

      it('a hostile PDF on a starved worker is still refused at its limit', async () => {
        setExtractionFaultForTests('starved');
        await extractDocumentIsolated(cvText); // a worker that has read a document is idle
        // One pdfjs step spins on this stream for minutes, never reaching the extractor's own checks.
        const pdf = new Uint8Array(hugeContentStreamPdf(1, 'hex'));
        const timeoutMs = 1_000;
        const started = performance.now();
        const error = await failure(extractDocumentIsolated(pdf, { limits: { timeoutMs } }));
        const elapsed = performance.now() - started;
        expect(error).toBeInstanceOf(ParseTimeoutError);
        expect(elapsed).toBeGreaterThanOrEqual(2.5 * timeoutMs);
        // Terminated past 1.5 s of CPU time or at the 4 s backstop, whichever comes first on this machine.
        expect(elapsed).toBeLessThan(extractionWallClockFactor * timeoutMs + 3_000);
      }, 60_000);

      it('a worker that waits instead of working is terminated at the wall-clock backstop', async () => {
        setExtractionFaultForTests('stalled');
        const timeoutMs = 500;
        const started = performance.now();
        const error = await failure(extractDocumentIsolated(cvText, { limits: { timeoutMs } }));
        const elapsed = performance.now() - started;
        expect(error).toBeInstanceOf(ParseTimeoutError);
        expect((error.cause as Error).message).toContain('wall clock');
        expect(elapsed).toBeGreaterThanOrEqual(extractionWallClockFactor * timeoutMs);
        expect(elapsed).toBeLessThan(10 * timeoutMs);
        setExtractionFaultForTests(undefined);
        expect((await extractDocumentIsolated(cvText)).text).toContain('Camille Durand');
      }, 60_000);
    },
  );
});
