import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { vectorCodec } from './vector-codec.js';

const values = new Float32Array([0.1, -2.5e-7, 3.4028234663852886e38, 1 / 3, -0, 123456.789]);

describe('vectorCodec', () => {
  it('bytea: little-endian float32 bytes, read back bit-exact from base64', () => {
    const codec = vectorCodec('bytea');
    const bytes = Buffer.from(codec.encode(values), 'base64');
    expect(bytes.readFloatLE(4)).toBe(values[1]);
    expect(codec.fromText('$2')).toBe("decode($2, 'base64')");
    const back = codec.decode(bytes.toString('base64'), values.length);
    expect(Buffer.from(back.buffer).equals(Buffer.from(values.buffer))).toBe(true);
    expect(() => codec.decode(bytes.toString('base64'), values.length + 1)).toThrow(StoreError);
  });

  it('pgvector: text that parses back to the same float32 values, read from vector_send bytes', () => {
    const codec = vectorCodec('pgvector');
    const text = codec.encode(values);
    const reparsed = Float32Array.from(text.slice(1, -1).split(','), Number);
    expect(Buffer.from(reparsed.buffer).equals(Buffer.from(values.buffer))).toBe(true);
    // vector_send: int16 dimensions, int16 unused, big-endian float32 values.
    const sent = Buffer.alloc(4 + values.length * 4);
    sent.writeInt16BE(values.length, 0);
    for (const [index, value] of values.entries()) sent.writeFloatBE(value, 4 + index * 4);
    const back = codec.decode(sent.toString('base64'), values.length);
    expect(Buffer.from(back.buffer).equals(Buffer.from(values.buffer))).toBe(true);
    expect(codec.fromText('$3')).toBe('($3)::vector');
  });
});
