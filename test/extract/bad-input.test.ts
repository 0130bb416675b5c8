import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DocumentError, type DocumentErrorReason } from '../../src/errors.js';
import { extractDocument } from '../../src/parsing/extract/index.js';
import { makeDocx, makePdf, makePng, Paragraph } from './make-documents.js';

/** Runs the extraction and returns the DocumentError it must fail with. */
async function failure(
  bytes: Uint8Array,
  options: Parameters<typeof extractDocument>[1] = {},
): Promise<DocumentError> {
  const file = options.file ?? 'candidate-file';
  const error = await extractDocument(bytes, { ...options, file }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocumentError);
  const documentError = error as DocumentError;
  expect(documentError.file).toBe(file);
  return documentError;
}

function expectReason(error: DocumentError, reason: DocumentErrorReason, withCause: boolean) {
  expect(error.reason).toBe(reason);
  if (withCause) expect(error.cause).toBeDefined();
}

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

const simplePdf = () =>
  makePdf({
    draw: (document) => document.font('Helvetica').fontSize(11).text('Jean Dupont, cariste', 40, 40),
  });

describe('bad input', () => {
  it('an empty file has no text', async () => {
    expectReason(await failure(new Uint8Array(0)), 'no-text', false);
  });

  it('a blank text file has no text', async () => {
    expectReason(await failure(new TextEncoder().encode(' \r\n\t\n')), 'no-text', false);
  });

  it('an image-only (scanned) PDF has no text, never a made-up document', async () => {
    const pdf = await makePdf({
      draw: (document) => document.image(makePng(16), 0, 0, { width: 595, height: 842 }),
    });
    expectReason(await failure(pdf), 'no-text', false);
  });

  it('an encrypted PDF is reported as encrypted', async () => {
    const pdf = await makePdf({
      userPassword: 'secret',
      draw: (document) => document.font('Helvetica').text('Jean Dupont', 40, 40),
    });
    expectReason(await failure(pdf), 'encrypted', true);
  });

  it('random bytes after %PDF are corrupt', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(4000)]);
    expectReason(await failure(bytes), 'corrupt', true);
  });

  it('a PDF cut in half is corrupt or has no text, and never hangs', async () => {
    const pdf = await simplePdf();
    const error = await failure(pdf.subarray(0, Math.floor(pdf.length / 2)));
    expect(['corrupt', 'no-text']).toContain(error.reason);
  });

  it('a cut-off DOCX zip is corrupt', async () => {
    const docx = await makeDocx({ body: [new Paragraph('Jean Dupont, cariste')] });
    expectReason(await failure(docx.subarray(0, Math.floor(docx.length * 0.6))), 'corrupt', true);
  });

  it('a Word package without word/document.xml is a corrupt DOCX, not an unsupported file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('_rels/.rels', '<Relationships/>');
    zip.file('word/styles.xml', '<w:styles/>');
    expectReason(await failure(await zip.generateAsync({ type: 'uint8array' })), 'corrupt', false);
  });

  it('a DOCX zip bomb is refused before inflating (declared size past the limit)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/media/bomb.bin', new Uint8Array(51 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(256 * 1024);
    expectReason(await failure(bytes), 'too-large', false);
    expectReason(await failure(bytes, { limits: { maxUncompressedBytes: 1024 * 1024 } }), 'too-large', false);
  });

  it('a DOCX whose declared sizes lie is stopped while inflating', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    const body = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p/>'.repeat(200_000)}</w:body></w:document>`;
    zip.file('word/document.xml', body);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Rewrite the uncompressed size of every entry (local headers and central directory) to 10 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
      const signature = view.getUint32(offset, true);
      if (signature === 0x04034b50) view.setUint32(offset + 22, 10, true);
      if (signature === 0x02014b50) view.setUint32(offset + 24, 10, true);
    }
    expectReason(await failure(bytes, { limits: { maxUncompressedBytes: 256 * 1024 } }), 'too-large', false);
  });

  it('a file past maxBytes is too large', async () => {
    const bytes = new TextEncoder().encode('Jean Dupont\n'.repeat(1000));
    expectReason(await failure(bytes, { limits: { maxBytes: 1000 } }), 'too-large', false);
  });

  it('unknown binary data is unsupported', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, ...noise(500)]);
    expectReason(await failure(bytes), 'unsupported', false);
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    expectReason(await failure(await zip.generateAsync({ type: 'uint8array' })), 'unsupported', false);
  });

  it('a document past timeoutMs fails with timeout, and the next extraction still works', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        for (let page = 1; page <= 20; page += 1) {
          if (page > 1) document.addPage();
          for (let line = 0; line < 5; line += 1)
            document
              .font('Helvetica')
              .fontSize(10)
              .text(`Ligne ${line} page ${page}`, 40, 40 + line * 18);
        }
      },
    });
    expectReason(await failure(pdf, { limits: { timeoutMs: 1, maxPages: 60 } }), 'timeout', true);
    const document = await extractDocument(await simplePdf());
    expect(document.text).toBe('Jean Dupont, cariste');
  });

  it('an aborted signal rejects with its reason, not a DocumentError', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped by caller'));
    await expect(extractDocument(await simplePdf(), { signal: controller.signal })).rejects.toThrow(
      'stopped by caller',
    );
  });
});
