import type { Warning } from '../../domain/index.js';
import { buildDocument, type LineDraft, stripBullet } from './document-builder.js';
import type { ExtractedDocument, ExtractionLimits } from './types.js';

/** Text decoded from bytes, with the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the bytes were not valid UTF-8 and Windows-1252 was assumed. */
  fallback: boolean;
}

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (a superset of
 * Latin-1 for printable characters, the usual encoding of French files saved on Windows).
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
  try {
    // `fatal` makes invalid UTF-8 throw instead of producing U+FFFD; the BOM is skipped by default.
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      fallback: false,
    };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', fallback: true };
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
  return buildDocument({
    format: 'txt',
    pages: 1,
    lines: plainTextToLines(decoded.text),
    warnings,
    maxChars: limits.maxChars,
  });
}
