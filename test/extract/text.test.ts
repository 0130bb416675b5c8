import { describe, expect, it } from 'vitest';
import { detectFormat, extractDocument } from '../../src/parsing/extract/index.js';
import { lineOffsetsAreExact } from './make-documents.js';

const sample = 'Hélène Lefèvre\nCariste – CACES R489 cat. 3\nDisponible dès le 15/01';

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const offset = bom ? 2 : 0;
  const bytes = new Uint8Array(offset + text.length * 2);
  if (bom) bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index += 1)
    view.setUint16(offset + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

/** Windows-1252 bytes of a text made of Latin-1 characters plus the en dash (0x96). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    Array.from(text, (character) => (character === '–' ? 0x96 : (character.codePointAt(0) ?? 0))),
  );
}

describe('text files', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(sample)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)])],
    ['UTF-16 LE with BOM', utf16(sample, true)],
    ['UTF-16 BE with BOM', utf16(sample, false)],
    ['UTF-16 BE without BOM', utf16(sample, false, false)],
    ['UTF-16 LE without BOM', utf16(sample, true, false)],
  ])('decodes %s without warnings', async (_, bytes) => {
    expect(detectFormat(bytes)).toBe('txt');
    const document = await extractDocument(bytes);
    expect(document.text).toBe(sample);
    expect(document.warnings).toEqual([]);
  });

  it('does not take binary data with scattered NUL bytes for UTF-16', () => {
    const binary = Uint8Array.from({ length: 400 }, (_, index) =>
      index % 3 === 0 ? 0 : 0x41 + (index % 26),
    );
    expect(detectFormat(binary)).toBeNull();
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', async () => {
    const document = await extractDocument(windows1252(sample));
    expect(document.text).toBe(sample);
    expect(document.warnings.map((warning) => warning.code)).toEqual(['encoding-fallback']);
  });

  it('normalises sloppy pasted text: CR/LF, tabs, runs of spaces, bullets', async () => {
    const sloppy =
      '  Jean   DUPONT\r\n\r\n\tCOMPÉTENCES\r\n• Gestion\tde stock\r\n▪   Inventaires\r\n– Permis B\n\u00A0\u00A0Anglais\u00A0: notions  ';
    const document = await extractDocument(new TextEncoder().encode(sloppy));
    expect(document.lines.map((line) => [line.text, line.listItem === true])).toEqual([
      ['Jean DUPONT', false],
      ['COMPÉTENCES', false],
      ['Gestion de stock', true],
      ['Inventaires', true],
      ['Permis B', true],
      ['Anglais : notions', false],
    ]);
    expect(lineOffsetsAreExact(document)).toBe(true);
  });
});
