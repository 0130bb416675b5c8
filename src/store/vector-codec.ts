import { endianness } from 'node:os';
import { StoreError } from './errors.js';

/** How embedding vectors are kept: a pgvector `vector` column, or raw little-endian Float32 `bytea`. */
export type VectorStorage = 'pgvector' | 'bytea';

/** Encodes vectors for one storage kind, and reads them back bit-exact. */
export interface VectorCodec {
  readonly storage: VectorStorage;
  /** The vector as text: base64 of its little-endian bytes (`bytea`) or pgvector's `[0.1,…]`. */
  encode(vector: Float32Array): string;
  /** The SQL turning such text (a parameter or a JSON field) into the column value. */
  fromText(expression: string): string;
  /**
   * The SQL that selects `column` as base64 text of its bytes (`vector_send(column)` or the bytea). Base64
   * rather than bytea: PGlite turns a bytea result into bytes in JavaScript, 6× slower than `Buffer`'s decoder.
   */
  select(column: string): string;
  /** The vector from the selected base64 text; `dimensions` is checked. */
  decode(base64: string, dimensions: number): Float32Array;
}

const littleEndian = endianness() === 'LE';

function corrupt(what: string): StoreError {
  return new StoreError('corrupt', `stored vector is malformed: ${what}`);
}

/** `bytea`: 4 bytes per value, little-endian, exactly what `Float32Array` holds on x86/ARM. */
const byteaCodec: VectorCodec = {
  storage: 'bytea',
  encode: (vector) => {
    if (littleEndian)
      return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
    const bytes = Buffer.alloc(vector.length * 4);
    for (let index = 0; index < vector.length; index++)
      bytes.writeFloatLE(vector[index] as number, index * 4);
    return bytes.toString('base64');
  },
  fromText: (expression) => `decode(${expression}, 'base64')`,
  select: (column) => `encode(${column}, 'base64')`,
  decode: (base64, dimensions) => {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.byteLength !== dimensions * 4) corruptLength(bytes.byteLength, dimensions);
    const vector = new Float32Array(dimensions);
    if (littleEndian) new Uint8Array(vector.buffer).set(bytes);
    else {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let index = 0; index < dimensions; index++) vector[index] = view.getFloat32(index * 4, true);
    }
    return vector;
  },
};

function corruptLength(length: number, dimensions: number): never {
  throw corrupt(`${length} bytes for ${dimensions} dimensions`);
}

/**
 * pgvector: written as its text form (`[0.100000001,…]`, nine significant digits: enough for every float32
 * to read back unchanged) and read with `vector_send` (binary: int16 dimensions, int16 unused, big-endian
 * float32 values), so values round-trip bit-exact and no text is parsed on the way out.
 */
const pgvectorCodec: VectorCodec = {
  storage: 'pgvector',
  fromText: (expression) => `(${expression})::vector`,
  encode: (vector) => {
    // Nine significant digits always read back as the same float32 (and write 2.5× faster than String()).
    const parts = new Array<string>(vector.length);
    for (let index = 0; index < vector.length; index++) {
      const value = vector[index] as number;
      parts[index] = Object.is(value, -0) ? '-0' : value.toPrecision(9);
    }
    return `[${parts.join(',')}]`;
  },
  select: (column) => `encode(vector_send(${column}), 'base64')`,
  decode: (base64, dimensions) => {
    const bytes = Buffer.from(base64, 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength !== 4 + dimensions * 4 || view.getInt16(0) !== dimensions) {
      throw corrupt(`pgvector value of ${bytes.byteLength} bytes for ${dimensions} dimensions`);
    }
    const vector = new Float32Array(dimensions);
    for (let index = 0; index < dimensions; index++) vector[index] = view.getFloat32(4 + index * 4, false);
    return vector;
  },
};

export function vectorCodec(storage: VectorStorage): VectorCodec {
  return storage === 'pgvector' ? pgvectorCodec : byteaCodec;
}
