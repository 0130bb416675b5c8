import { open } from 'node:fs/promises';
import { CvmatchError, DocumentError } from '../../errors.js';

/**
 * Reads a document file of at most `maxBytes` bytes. The size is checked before anything is read (a 150 MB
 * file is refused without loading it), and never more than `maxBytes + 1` bytes are read (the file may grow
 * meanwhile). Fails with `DocumentError('too-large')`, or `CvmatchError` (the file-system error as `cause`)
 * when the file cannot be opened.
 */
export async function readDocumentFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // File-system failures (missing file, no permission) are not document problems: `cause` has the code.
    throw new CvmatchError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const tooLarge = (size: number) =>
      new DocumentError('too-large', `The file has ${size} bytes, more than the ${maxBytes}-byte limit.`, {
        file: path,
      });
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(size);
    const buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(length);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CvmatchError) throw error;
    throw new CvmatchError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle.close();
  }
}
