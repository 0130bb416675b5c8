import type { DocumentFormat, Warning } from '../../domain/index.js';
import { removeGarbledText } from './garbled-text.js';
import { removeInvisibleCharacters } from './invisible-characters.js';
import type { DocumentLine, DocumentTable, ExtractedDocument } from './types.js';

/** A line before its offset in the joined text is known. */
export type LineDraft = Omit<DocumentLine, 'start'>;

/** A table before its offset is known: `firstLine` indexes the drafts given to `buildDocument`. */
export interface TableDraft {
  rows: string[][];
  firstLine: number;
}

interface BuildInput {
  format: DocumentFormat;
  pages: number;
  lines: LineDraft[];
  tables?: TableDraft[];
  warnings?: Warning[];
  hasImages?: boolean;
  maxChars: number;
}

const bulletPattern = /^[•▪■□◦●○◆◇►▸‣⁃➢➤✓✔·*]\s*/u;

/**
 * Cleans one line of text: removes invisible characters (reported by the caller), turns tabs, no-break
 * and other odd spaces into plain spaces, collapses runs of spaces and trims.
 */
export function cleanLineText(text: string): string {
  return text
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Splits a leading bullet symbol off a line: `• Cariste` → `{ text: 'Cariste', bullet: true }`. */
export function stripBullet(text: string): { text: string; bullet: boolean } {
  const match = bulletPattern.exec(text);
  if (match === null) return { text, bullet: false };
  return { text: text.slice(match[0].length), bullet: true };
}

/** Most characters of hidden text quoted in a warning. */
const maxQuotedHiddenText = 500;

/** Quotes hidden text in a warning message, cut at 500 characters (the rest is counted, not quoted). */
export function quoteHiddenText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxQuotedHiddenText) return `"${flat}"`;
  return `"${flat.slice(0, maxQuotedHiddenText)}…" (${flat.length - maxQuotedHiddenText} more characters)`;
}

/** The `hidden-text` warning for text a format drew invisibly (`how` says how it was hidden). */
export function hiddenTextWarning(how: string, texts: string[]): Warning {
  return {
    code: 'hidden-text',
    message: `Hidden text excluded (${how}): ${quoteHiddenText(texts.join(' '))}`,
  };
}

function warningForInvisible(removedCount: number, taggedText: string): Warning {
  const message =
    taggedText.length > 0
      ? `Removed ${removedCount} invisible characters (zero-width or Unicode tag characters) carrying: ${quoteHiddenText(taggedText)}`
      : `Removed ${removedCount} invisible characters (zero-width, direction marks or Unicode tag characters).`;
  return { code: 'hidden-text', message };
}

/**
 * Joins line drafts into an `ExtractedDocument`: strips invisible characters (with a `hidden-text`
 * warning), repairs mojibake (`encoding-repaired`), leaves out text that does not decode (`garbled-text`,
 * with `garbledShare`), drops empty lines, computes exact `start` offsets (`text.slice(start, start + line.text.length)`
 * is the line), and keeps at most `maxChars` characters (with a `truncated` warning).
 */
export function buildDocument(input: BuildInput): ExtractedDocument {
  const warnings: Warning[] = [...(input.warnings ?? [])];
  const lines: DocumentLine[] = [];
  const lineIndexByDraft = new Map<number, number>();
  let removedCount = 0;
  let taggedText = '';
  let garbledCount = 0;
  let repairedCount = 0;
  let offset = 0;
  let truncated = false;
  for (const [draftIndex, draft] of input.lines.entries()) {
    const scan = removeInvisibleCharacters(draft.text);
    removedCount += scan.removedCount;
    taggedText += scan.taggedText;
    const garbled = removeGarbledText(scan.text);
    garbledCount += garbled.garbledCount;
    repairedCount += garbled.repairedCount;
    const text = cleanLineText(garbled.text);
    if (text.length === 0) continue;
    if (offset + text.length > input.maxChars) {
      truncated = true;
      break;
    }
    lineIndexByDraft.set(draftIndex, lines.length);
    lines.push({ ...draft, text, start: offset, ...(garbled.bullet ? { listItem: true } : {}) });
    offset += text.length + 1;
  }
  if (removedCount > 0) warnings.push(warningForInvisible(removedCount, taggedText));
  if (repairedCount > 0) {
    warnings.push({
      code: 'encoding-repaired',
      message: `Repaired ${repairedCount} characters written as UTF-8 read in the wrong encoding ("Ã©" for "é").`,
    });
  }
  if (garbledCount > 0) {
    warnings.push({
      code: 'garbled-text',
      message: `Left out ${garbledCount} characters that do not decode into text (a font without a Unicode map, or a broken encoding): fields may be missing.`,
    });
  }
  if (truncated) {
    warnings.push({
      code: 'truncated',
      message: `Text cut at ${input.maxChars} characters (limits.maxChars).`,
    });
  }
  const tables: DocumentTable[] = [];
  for (const table of input.tables ?? []) {
    let start: number | undefined;
    for (let index = table.firstLine; index < input.lines.length && start === undefined; index += 1) {
      const lineIndex = lineIndexByDraft.get(index);
      if (lineIndex !== undefined) start = lines[lineIndex]?.start;
    }
    if (start === undefined) continue;
    const rows = table.rows
      .map((row) => row.map((cell) => cleanLineText(removeInvisibleCharacters(cell).text)))
      .filter((row) => row.some((cell) => cell.length > 0));
    if (rows.length > 0) tables.push({ rows, start });
  }
  const document: ExtractedDocument = {
    format: input.format,
    pages: input.pages,
    text: lines.map((line) => line.text).join('\n'),
    lines,
    tables,
    warnings,
  };
  if (input.hasImages !== undefined) document.hasImages = input.hasImages;
  if (garbledCount > 0) {
    document.garbledShare = garbledCount / (garbledCount + document.text.replace(/\s/g, '').length);
  }
  return document;
}
