import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/parsing/extract/index.js';
import { lineOffsetsAreExact, makePdf, makePng } from './make-documents.js';

const sidebar = ['COMPÉTENCES', 'CACES R489 cat. 3', 'Permis B', 'Anglais : notions', 'Gestes et postures'];
const main = [
  'EXPÉRIENCES',
  'Cariste chez Logistique Sud',
  'Préparateur de commandes',
  'Magasinier polyvalent',
  'Inventaires tournants',
];

describe('PDF reading order', () => {
  it('reads a two-column CV drawn side by side column by column, banner first', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        document
          .font('Helvetica-Bold')
          .fontSize(20)
          .text('Jean DUPONT — Cariste confirmé, 12 ans d’expérience', 40, 40, { lineBreak: false });
        document.font('Helvetica').fontSize(10);
        // Same y for both columns: a naive top-to-bottom read would interleave them.
        for (const [index, text] of sidebar.entries())
          document.text(text, 40, 100 + index * 14, { lineBreak: false });
        for (const [index, text] of main.entries())
          document.text(text, 240, 100 + index * 14, { lineBreak: false });
      },
    });
    const document = await extractDocument(pdf, { file: 'two-columns.pdf' });
    expect(document.lines.map((line) => line.text)).toEqual([
      'Jean DUPONT — Cariste confirmé, 12 ans d’expérience',
      ...sidebar,
      ...main,
    ]);
    expect(document.lines.slice(1, 6).every((line) => line.column === 0)).toBe(true);
    expect(document.lines.slice(6).every((line) => line.column === 1)).toBe(true);
    expect(document.lines[0]).toMatchObject({ bold: true, fontSize: 20, page: 1 });
    expect(document.lines[1]).toMatchObject({ bold: false, fontSize: 10 });
    expect(lineOffsetsAreExact(document)).toBe(true);
    expect(document.pages).toBe(1);
  });

  it('keeps date | text rows on one line instead of splitting them into columns', async () => {
    const rows = [
      ['2021 - 2024', 'Cariste, Logistique Sud, Corbas'],
      ['2019 - 2021', 'Préparateur de commandes, LogiSud'],
      ['2017 - 2019', 'Manutentionnaire, Brico Rhône'],
      ['2016', 'CAP Opérateur logistique'],
    ];
    const pdf = await makePdf({
      draw: (document) => {
        document.font('Helvetica').fontSize(10);
        rows.forEach(([date = '', text = ''], index) => {
          document.text(date, 40, 100 + index * 16, { lineBreak: false });
          document.text(text, 160, 100 + index * 16, { lineBreak: false });
        });
      },
    });
    const document = await extractDocument(pdf);
    expect(document.lines.map((line) => line.text)).toEqual(rows.map((row) => row.join(' ')));
  });

  it('joins words hyphenated at line ends and keeps compound hyphens', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        document.font('Helvetica').fontSize(10);
        document.text('Conduite d’engins et manu-', 40, 100, { lineBreak: false });
        document.text('tention de charges lourdes', 40, 114, { lineBreak: false });
        document.text('Référent Jean-', 40, 128, { lineBreak: false });
        document.text('Pierre Martin', 40, 142, { lineBreak: false });
      },
    });
    const document = await extractDocument(pdf);
    expect(document.text).toBe(
      'Conduite d’engins et manutention\nde charges lourdes\nRéférent Jean-Pierre\nMartin',
    );
    expect(lineOffsetsAreExact(document)).toBe(true);
  });

  it('keeps a running header once, drops its repeats and page numbers, and counts the real pages', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        for (let page = 1; page <= 3; page += 1) {
          if (page > 1) document.addPage();
          document
            .font('Helvetica')
            .fontSize(8)
            .text('CV Jean Dupont – confidentiel', 40, 20, { lineBreak: false });
          document.fontSize(11).text(`Contenu de la page ${page}`, 40, 300, { lineBreak: false });
          document.fontSize(8).text(`${page}/3`, 280, 810, { lineBreak: false });
        }
      },
    });
    const document = await extractDocument(pdf);
    expect(document.pages).toBe(3);
    expect(document.lines.map((line) => [line.page, line.text])).toEqual([
      [1, 'CV Jean Dupont – confidentiel'],
      [1, 'Contenu de la page 1'],
      [2, 'Contenu de la page 2'],
      [3, 'Contenu de la page 3'],
    ]);
  });

  it('reports a photo on page 1 with hasImages', async () => {
    const withPhoto = await makePdf({
      draw: (document) => {
        document.image(makePng(), 480, 40, { width: 60 });
        document.font('Helvetica').fontSize(10).text('Jean Dupont', 40, 40);
      },
    });
    const without = await makePdf({
      draw: (document) => document.font('Helvetica').text('Jean Dupont', 40, 40),
    });
    expect((await extractDocument(withPhoto)).hasImages).toBe(true);
    expect((await extractDocument(without)).hasImages).toBe(false);
  });

  it('reads up to maxPages and says the rest was dropped', async () => {
    const pdf = await makePdf({
      draw: (document) => {
        for (let page = 1; page <= 60; page += 1) {
          if (page > 1) document.addPage();
          document
            .font('Helvetica')
            .fontSize(11)
            .text(`Expérience numéro ${page}`, 40, 300, { lineBreak: false });
        }
      },
    });
    const document = await extractDocument(pdf);
    expect(document.pages).toBe(60);
    expect(document.lines.at(-1)?.text).toBe('Expérience numéro 30');
    expect(document.warnings.map((warning) => warning.code)).toContain('truncated');
    const short = await extractDocument(pdf, { limits: { maxChars: 50 } });
    expect(short.text.length).toBeLessThanOrEqual(50);
    expect(short.warnings.some((warning) => warning.message.includes('maxChars'))).toBe(true);
  });
});
