import { inflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';
import { DocumentError } from '../../errors.js';
import { lazyRequire } from '../../support/lazy-require.js';

/** JSZip, loaded by the first DOCX/ODT read (not at start-up). */
const loadJsZip = lazyRequire<typeof JSZip>('jszip');

/** Most entries a DOCX/ODT zip may have (real ones have a few dozen). */
const maxEntries = 5_000;
/**
 * Compression ratio no real deflate stream reaches (deflate's ceiling is about 1032:1): an entry that
 * declares more lies about its size or nests compression. Below it, a highly compressible entry (repetitive
 * XML reaches several hundred to one) is judged only by the inflated-size budget, the same for DOCX and ODT.
 */
const maxRatio = 1100;
/** Entries smaller than this are never judged by ratio (a few bytes say nothing). */
const ratioFloorBytes = 64 * 1024;

/**
 * Names in a zip's central directory, read synchronously without inflating anything.
 * `null` when the central directory cannot be found (a cut-off or corrupt zip).
 */
export function listZipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8');
  for (let index = 0; index < count && index < maxEntries; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.add(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A zip opened with its sizes checked; entries are inflated on demand, never past the limit. */
export interface ZipArchive {
  /** Entry names (files only). */
  names: string[];
  has(name: string): boolean;
  /** Inflates one entry, failing with `too-large` when it grows past the archive's budget. */
  readBytes(name: string): Promise<Uint8Array>;
  readText(name: string): Promise<string>;
}

interface ZipOpenOptions {
  file: string | null;
  maxUncompressedBytes: number;
}

/** The size jszip read from the central directory (a private field: checked at run time). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown; compressedSize?: unknown } })
    ._data;
  const size = data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}

/** An entry's bytes as stored in the zip, when jszip kept them (a private field: checked at run time). */
function rawEntry(entry: JSZip.JSZipObject): { method: 'store' | 'deflate'; content: Uint8Array } | null {
  const data = (
    entry as unknown as { _data?: { compression?: { magic?: unknown }; compressedContent?: unknown } }
  )._data;
  const content = data?.compressedContent;
  if (!(content instanceof Uint8Array)) return null;
  const magic = data?.compression?.magic;
  if (magic === '\x08\x00') return { method: 'deflate', content };
  if (magic === '\x00\x00') return { method: 'store', content };
  return null;
}

function declaredCompressedSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { compressedSize?: unknown } })._data;
  const size = data?.compressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}

/**
 * Opens a DOCX/ODT zip safely, with one rule for both formats: refuses (`DocumentError('too-large')`) too
 * many entries, a declared total uncompressed size past `maxUncompressedBytes`, or a compression ratio
 * deflate cannot produce, before inflating anything; then caps what is really inflated, since declared
 * sizes can lie. A zip that cannot be read is `corrupt`.
 */
export async function openZipArchive(bytes: Uint8Array, options: ZipOpenOptions): Promise<ZipArchive> {
  const { file, maxUncompressedBytes } = options;
  let zip: JSZip;
  try {
    zip = await loadJsZip().loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new DocumentError('corrupt', 'The zip container cannot be read (truncated or damaged).', {
      file,
      cause: error,
    });
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > maxEntries) {
    throw new DocumentError('too-large', `The zip has ${entries.length} entries (at most ${maxEntries}).`, {
      file,
    });
  }
  let total = 0;
  for (const entry of entries) {
    const size = declaredSize(entry);
    total += size;
    const compressed = Math.max(1, declaredCompressedSize(entry));
    if (size > ratioFloorBytes && size / compressed > maxRatio) {
      throw new DocumentError(
        'too-large',
        `Zip entry ${entry.name} inflates ${Math.round(size / compressed)}× (${size} bytes): refused as a zip bomb.`,
        { file },
      );
    }
  }
  if (total > maxUncompressedBytes) {
    throw new DocumentError(
      'too-large',
      `The zip inflates to ${total} bytes, more than the ${maxUncompressedBytes}-byte limit.`,
      { file },
    );
  }
  let budget = maxUncompressedBytes;
  const names = entries.map((entry) => entry.name);
  const nameSet = new Set(names);

  const tooLarge = (name: string) =>
    new DocumentError(
      'too-large',
      `Zip entry ${name} inflates past the ${maxUncompressedBytes}-byte limit.`,
      {
        file,
      },
    );
  const readBytes = (name: string): Promise<Uint8Array> => {
    const entry = zip.file(name);
    if (entry === null) {
      return Promise.reject(new DocumentError('corrupt', `The zip has no entry ${name}.`, { file }));
    }
    const raw = rawEntry(entry);
    if (raw !== null) {
      // Node's zlib inflates ~30× faster than jszip's JavaScript inflate, and stops at the budget.
      try {
        const bytes =
          raw.method === 'store'
            ? raw.content
            : inflateRawSync(raw.content, { maxOutputLength: Math.max(1, budget + 1) });
        if (bytes.length > budget) return Promise.reject(tooLarge(name));
        budget -= bytes.length;
        return Promise.resolve(bytes);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          return Promise.reject(tooLarge(name));
        }
        return Promise.reject(
          new DocumentError('corrupt', `Zip entry ${name} cannot be inflated.`, { file, cause: error }),
        );
      }
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > budget) {
          settled = true;
          stream.pause();
          stream.destroy?.();
          reject(
            new DocumentError(
              'too-large',
              `Zip entry ${name} inflates past the ${maxUncompressedBytes}-byte limit.`,
              {
                file,
              },
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(new DocumentError('corrupt', `Zip entry ${name} cannot be inflated.`, { file, cause: error }));
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        budget -= size;
        resolve(Buffer.concat(chunks));
      });
    });
  };

  return {
    names,
    has: (name) => nameSet.has(name),
    readBytes,
    readText: async (name) => new TextDecoder('utf-8').decode(await readBytes(name)),
  };
}
