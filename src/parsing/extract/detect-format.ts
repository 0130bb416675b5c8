import type { DocumentFormat } from '../../domain/index.js';
import { detectUtf16WithoutBom } from './utf16.js';
import { listZipEntryNames } from './zip-archive.js';

const pdfMagic = [0x25, 0x50, 0x44, 0x46]; // %PDF
const zipMagic = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const rtfMagic = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf
const odtMimeType = 'application/vnd.oasis.opendocument.text';

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  return magic.every((value, index) => bytes[offset + index] === value);
}

/** Offset after a UTF-8 BOM and leading ASCII whitespace. */
function skipLeadingBlank(bytes: Uint8Array): number {
  let offset = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (offset < bytes.length && offset < 1024) {
    const value = bytes[offset];
    if (value !== 0x20 && value !== 0x09 && value !== 0x0a && value !== 0x0d) break;
    offset += 1;
  }
  return offset;
}

/**
 * Whether the bytes look like text: a UTF-16 BOM, UTF-16 without BOM (see `detectUtf16WithoutBom`), or no
 * NUL byte and few control characters in the first 8 KiB (any byte ≥ 0x80 is accepted: Windows-1252 is
 * decoded later).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  if (detectUtf16WithoutBom(bytes) !== null) return true;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const value of sample) {
    if (value === 0) return false;
    if (value < 0x20 && value !== 0x09 && value !== 0x0a && value !== 0x0d && value !== 0x0c) controls += 1;
  }
  return controls <= sample.length * 0.01;
}

/**
 * Detects a document's format from its bytes, never from its file name: `%PDF` → pdf; a zip with
 * `word/document.xml` (or other `word/` parts: a damaged DOCX) → docx, with the OpenDocument text mimetype → odt; an OLE2 compound file → doc;
 * `{\rtf` → rtf; otherwise txt when the bytes look like text. `null` when unknown (or an empty input).
 * A PDF may start after a little junk (readers accept up to 1 KiB), which is accepted too.
 */
export function detectFormat(bytes: Uint8Array): DocumentFormat | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, pdfMagic)) return 'pdf';
  if (startsWith(bytes, zipMagic) || startsWith(bytes, emptyZipMagic)) return detectZipFormat(bytes);
  if (startsWith(bytes, oleMagic)) return 'doc';
  const start = skipLeadingBlank(bytes);
  if (startsWith(bytes, rtfMagic, start)) return 'rtf';
  const head = bytes.subarray(0, 1024);
  for (let index = 1; index + 4 <= head.length; index += 1) {
    if (startsWith(head, pdfMagic, index)) return 'pdf';
  }
  return looksLikeText(bytes) ? 'txt' : null;
}

function detectZipFormat(bytes: Uint8Array): DocumentFormat | null {
  // The OpenDocument mimetype is stored first and uncompressed: "mimetype" at offset 30, value after.
  const asciiHead = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  if (asciiHead.startsWith('mimetype', 30) && asciiHead.includes(odtMimeType)) return 'odt';
  const names = listZipEntryNames(bytes);
  if (names === null) return 'docx'; // an unreadable zip: report it as a corrupt document, not unknown
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('content.xml') && names.has('mimetype')) return 'odt';
  // A Word package that lost its body (other word/ parts are there): a damaged DOCX, reported as corrupt.
  if ([...names].some((name) => name.startsWith('word/'))) return 'docx';
  return null;
}
