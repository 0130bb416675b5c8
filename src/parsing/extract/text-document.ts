import type { DocumentLine, ExtractedDocument } from './types.js';

const BULLET = /^[•▪■◦●○►▸‣⁃➢➤✓✔·*-]\s+/u;

/**
 * An `ExtractedDocument` from text that is already extracted (one line per `\n`): lines trimmed, spaces
 * collapsed, empty lines dropped, bulleted lines marked as list items. Offsets index the returned `text`.
 */
export function documentFromText(input: string): ExtractedDocument {
  const lines: DocumentLine[] = [];
  let offset = 0;
  for (const raw of input.replace(/\r\n?/g, '\n').split('\n')) {
    const text = raw.replace(/[\t\u00a0\u202f ]+/g, ' ').trim();
    if (text.length === 0) continue;
    const line: DocumentLine = { text, page: 1, start: offset, region: 'body' };
    if (BULLET.test(text)) line.listItem = true;
    lines.push(line);
    offset += text.length + 1;
  }
  return {
    format: 'txt',
    pages: 1,
    text: lines.map((line) => line.text).join('\n'),
    lines,
    tables: [],
    warnings: [],
  };
}
