import { open, rename, rm } from 'node:fs/promises';
import { IndexError } from './errors.js';

/*
 * A small container format shared by the vector index and the pool index:
 *
 *   bytes 0..7   magic (8 ASCII bytes, one per file kind)
 *   bytes 8..11  header length H (uint32, little-endian)
 *   H bytes      header JSON (UTF-8), with `sections: [{ name, byteLength }]`
 *   then each section in order, each starting at a multiple of 8 bytes (zero padding).
 *
 * Sections are written and read in chunks so a 4 GB vector block never needs a second copy in memory.
 */

const CHUNK_BYTES = 1 << 28;
const ALIGN = 8;

export interface SectionInfo {
  name: string;
  byteLength: number;
}

function padding(offset: number): number {
  return (ALIGN - (offset % ALIGN)) % ALIGN;
}

/** Writes the file atomically (temporary file, then rename). */
export async function writeBinaryFile(
  path: string,
  magic: string,
  header: Record<string, unknown>,
  sections: { name: string; bytes: Uint8Array }[],
): Promise<void> {
  if (magic.length !== 8) throw new RangeError('magic must be 8 ASCII characters');
  const headerJson = Buffer.from(
    JSON.stringify({
      ...header,
      sections: sections.map((section) => ({ name: section.name, byteLength: section.bytes.byteLength })),
    }),
    'utf8',
  );
  const prefix = Buffer.alloc(12);
  prefix.write(magic, 0, 'ascii');
  prefix.writeUInt32LE(headerJson.byteLength, 8);
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    let offset = 0;
    const write = async (bytes: Uint8Array): Promise<void> => {
      for (let start = 0; start < bytes.byteLength; start += CHUNK_BYTES) {
        const chunk = bytes.subarray(start, Math.min(bytes.byteLength, start + CHUNK_BYTES));
        await handle.write(chunk, 0, chunk.byteLength, offset);
        offset += chunk.byteLength;
      }
    };
    await write(prefix);
    await write(headerJson);
    for (const section of sections) {
      await write(new Uint8Array(padding(offset)));
      await write(section.bytes);
    }
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** An opened container: its header and a way to read each section. Close it when done. */
export interface BinaryFileReader {
  header: Record<string, unknown>;
  sections: SectionInfo[];
  /** Reads a section into `target` (exactly its size) or into a new buffer. */
  readSection(name: string, target?: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

function parseSections(value: unknown, path: string): SectionInfo[] {
  if (!Array.isArray(value))
    throw new IndexError('corrupt', `${path}: header has no section list`, { file: path });
  return value.map((entry) => {
    const section = entry as Partial<SectionInfo>;
    if (
      typeof section.name !== 'string' ||
      !Number.isSafeInteger(section.byteLength) ||
      (section.byteLength ?? -1) < 0
    ) {
      throw new IndexError('corrupt', `${path}: bad section entry in header`, { file: path });
    }
    return { name: section.name, byteLength: section.byteLength as number };
  });
}

export async function openBinaryFile(path: string, magic: string): Promise<BinaryFileReader> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const prefix = Buffer.alloc(12);
    const { bytesRead } = await handle.read(prefix, 0, 12, 0);
    if (bytesRead < 12 || prefix.toString('ascii', 0, 8) !== magic) {
      throw new IndexError(
        'corrupt',
        `${path} is not a cvmatch index file (expected magic ${JSON.stringify(magic)})`,
        {
          file: path,
        },
      );
    }
    const headerLength = prefix.readUInt32LE(8);
    if (12 + headerLength > size)
      throw new IndexError('corrupt', `${path}: truncated header`, { file: path });
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, 12);
    let header: Record<string, unknown>;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new IndexError('corrupt', `${path}: header is not valid JSON`, { file: path, cause: error });
    }
    const sections = parseSections(header.sections, path);
    const offsets = new Map<string, number>();
    let offset = 12 + headerLength;
    for (const section of sections) {
      offset += padding(offset);
      offsets.set(section.name, offset);
      offset += section.byteLength;
    }
    if (offset > size)
      throw new IndexError('corrupt', `${path}: truncated (${size} of ${offset} bytes)`, { file: path });
    return {
      header,
      sections,
      async readSection(name, target) {
        const start = offsets.get(name);
        const info = sections.find((section) => section.name === name);
        if (start === undefined || !info)
          throw new IndexError('corrupt', `${path}: no section ${name}`, { file: path });
        const bytes = target ?? new Uint8Array(info.byteLength);
        if (bytes.byteLength !== info.byteLength) {
          throw new IndexError(
            'corrupt',
            `${path}: section ${name} has ${info.byteLength} bytes, expected ${bytes.byteLength}`,
            {
              file: path,
            },
          );
        }
        for (let done = 0; done < info.byteLength; ) {
          const length = Math.min(CHUNK_BYTES, info.byteLength - done);
          const read = await handle.read(bytes, done, length, start + done);
          if (read.bytesRead === 0)
            throw new IndexError('corrupt', `${path}: unexpected end of file`, { file: path });
          done += read.bytesRead;
        }
        return bytes;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
