import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/errors.js';
import { extractDocument } from '../../src/parsing/extract/index.js';
import { parseCv } from '../../src/parsing/index.js';
import { lineOffsetsAreExact, makePdf, TRUETYPE_FONT, withoutToUnicode } from './make-documents.js';

const codes = (document: Awaited<ReturnType<typeof extractDocument>>) =>
  document.warnings.map((warning) => warning.code);

describe('garbled text', () => {
  it('leaves out text drawn in a font without a Unicode map, with a warning and lower confidences', async () => {
    const pdf = withoutToUnicode(
      await makePdf({
        draw: (document) => {
          document.font('Helvetica').fontSize(14).text('Jean Dupont', 40, 40);
          document.fontSize(11).text('jean.dupont@example.org', 40, 70);
          document.font(TRUETYPE_FONT).text('Cariste confirmé chez Transports Ferrand', 40, 100);
          document.font('Helvetica').text('Permis B', 40, 130);
        },
      }),
    );
    const document = await extractDocument(pdf);
    expect(document.text).toBe('Jean Dupont\njean.dupont@example.org\nPermis B');
    expect(codes(document)).toContain('garbled-text');
    expect(document.garbledShare).toBeGreaterThan(0.3);
    expect(lineOffsetsAreExact(document)).toBe(true);

    const { profile } = await parseCv(pdf, { now: '2026-01-01' });
    expect(profile.name).toBe('Jean Dupont');
    expect(profile.confidence.name).toBeLessThan(0.5);
    expect(profile.warnings.map((warning) => warning.code)).toContain('low-confidence');
  });

  it('fails with no-text, saying why, when nothing decodes', async () => {
    const pdf = withoutToUnicode(
      await makePdf({
        draw: (document) => document.font(TRUETYPE_FONT).fontSize(11).text('Jean Dupont, cariste', 40, 40),
      }),
    );
    const error = await extractDocument(pdf).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).reason).toBe('no-text');
    expect((error as DocumentError).message).toContain('does not decode');
  });

  it('reads the same font normally when its Unicode map is there', async () => {
    const pdf = await makePdf({
      draw: (document) => document.font(TRUETYPE_FONT).fontSize(11).text('Cariste confirmé', 40, 40),
    });
    const document = await extractDocument(pdf);
    expect(document.text).toBe('Cariste confirmé');
    expect(codes(document)).toEqual([]);
  });

  it('repairs UTF-8 read as Windows-1252 in a text file, and removes icon glyphs', async () => {
    const text = 'Hélène Lefèvre\nAcadÃ©mie de Lyon â€“ 2019\n\uF0B7 Gestion de stock\n\uF029 06 12 34 56 78';
    const document = await extractDocument(new TextEncoder().encode(text));
    expect(document.lines.map((line) => [line.text, line.listItem === true])).toEqual([
      ['Hélène Lefèvre', false],
      ['Académie de Lyon – 2019', false],
      ['Gestion de stock', true],
      ['06 12 34 56 78', false],
    ]);
    expect(codes(document)).toEqual(['encoding-repaired']);
    expect(document.garbledShare).toBeUndefined();
  });

  it('leaves out runs of control characters and replacement characters in a text file', async () => {
    const filler = 'Préparation de commandes, chargement et déchargement des camions.\n'.repeat(12);
    const text = `Jean Dupont\n\u0001\u0002\u0003\u0004 \u0005\u0006\u0007\nCariste \uFFFD\uFFFD\uFFFD\n${filler}`;
    const document = await extractDocument(new TextEncoder().encode(text));
    expect(document.text).toBe(`Jean Dupont\nCariste\n${filler.trim()}`);
    expect(codes(document)).toEqual(['garbled-text']);
  });
});
