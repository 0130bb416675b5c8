import type { Warning } from '../../domain/index.js';
import { buildDocument, type LineDraft, stripBullet } from './document-builder.js';
import type { ExtractedDocument, ExtractionLimits } from './types.js';
import { detectUtf16WithoutBom } from './utf16.js';

/** Text decoded from bytes, with the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the bytes were not valid UTF-8 and Windows-1252 was assumed. */
  fallback: boolean;
}

/**
 * Windows-1252 characters for bytes 0x80–0x9F (undefined bytes keep their Latin-1 control code).
 * Written out because some Node versions decode the `windows-1252` label as ISO-8859-1 there.
 */
const windows1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes Windows-1252 (a superset of Latin-1's printable characters). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let offset = 0; offset < bytes.length; offset += 8192) {
    const chunk = bytes.subarray(offset, offset + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? windows1252High.charCodeAt(byte - 0x80) : byte,
      ),
    );
  }
  return text;
}

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM or recognised by its NUL bytes, else
 * Windows-1252 (a superset of Latin-1 for printable characters, the usual encoding of French files saved on
 * Windows).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      fallback: false,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      fallback: false,
    };
  }
  const utf16 = detectUtf16WithoutBom(bytes);
  if (utf16 !== null) {
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, fallback: false };
  }
  try {
    // `fatal` makes invalid UTF-8 throw instead of producing U+FFFD; the BOM is skipped by default.
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      fallback: false,
    };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', fallback: true };
  }
}

/** Splits plain text into line drafts: normalises line ends, marks bulleted lines as list items. */
export function plainTextToLines(text: string): LineDraft[] {
  const drafts: LineDraft[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n')) {
    const trimmed = rawLine.replace(/[\t\u00A0 ]+/g, ' ').trim();
    const { text: lineText, bullet } = stripBullet(trimmed);
    const dashed = !bullet && /^[-–—]\s+\S/u.test(trimmed);
    const draft: LineDraft = {
      text: dashed ? trimmed.replace(/^[-–—]\s+/u, '') : lineText,
      page: 1,
      region: 'body',
    };
    if (bullet || dashed) draft.listItem = true;
    drafts.push(draft);
  }
  return drafts;
}

/** Extracts a plain-text CV. */
export function extractTextFile(bytes: Uint8Array, limits: ExtractionLimits): ExtractedDocument {
  const decoded = decodeText(bytes);
  const warnings: Warning[] = [];
  if (decoded.fallback) {
    warnings.push({
      code: 'encoding-fallback',
      message: 'The text is not valid UTF-8: decoded as Windows-1252 (Latin-1).',
    });
  }
  // At most `maxChars` characters are kept: text far past it is not split into lines and scanned at all (a
  // 5 MB file on one line cost a 256 MB heap for a line that is then dropped). The margin leaves room for the
  // whitespace, invisible and undecodable characters the line scans remove.
  const readChars = limits.maxChars * 4;
  const cut = decoded.text.length > readChars;
  const document = buildDocument({
    format: 'txt',
    pages: 1,
    lines: plainTextToLines(cut ? decoded.text.slice(0, readChars) : decoded.text),
    warnings,
    maxChars: limits.maxChars,
  });
  if (cut && !document.warnings.some((warning) => warning.code === 'truncated')) {
    document.warnings.push({
      code: 'truncated',
      message: `Text cut at ${readChars} characters of the file (limits.maxChars).`,
    });
  }
  return document;
}
