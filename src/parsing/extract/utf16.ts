/**
 * UTF-16 text saved without a byte-order mark (Notepad's "Unicode big endian", some exports): mostly
 * Latin text, so one byte of each 2-byte unit is NUL, always at the same position. Big endian puts the
 * NUL first (`00 4A 00 65` = "Je"), little endian second.
 */
export function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16be' | 'utf-16le' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  const units = sample.length / 2;
  if (units < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNul += 1;
    if (sample[index + 1] === 0) oddNul += 1;
  }
  const encoding =
    evenNul >= units * 0.6 && oddNul === 0
      ? 'utf-16be'
      : oddNul >= units * 0.6 && evenNul === 0
        ? 'utf-16le'
        : null;
  if (encoding === null) return null;
  // The decoded characters must be text: few control characters besides tab and line ends.
  const text = new TextDecoder(encoding).decode(sample);
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= text.length * 0.01 ? encoding : null;
}
