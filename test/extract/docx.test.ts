import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/parsing/extract/index.js';
import { lineOffsetsAreExact, makeDocx } from './make-documents.js';

const row = (...cells: string[]) =>
  new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });

describe('DOCX extraction', () => {
  it('keeps headings, bold, list items and tables, with header lines first and footer lines last', async () => {
    const docx = await makeDocx({
      header: [new Paragraph('Aïcha Diallo – 06 00 12 34 60'), new Paragraph('aicha.diallo@example.fr')],
      footer: [new Paragraph('Disponible immédiatement')],
      body: [
        new Paragraph({ text: 'EXPÉRIENCES PROFESSIONNELLES', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun({ text: 'Magasinière', bold: true })] }),
        new Paragraph({ text: 'Réception et contrôle des pièces', bullet: { level: 0 } }),
        new Paragraph({ text: 'Inventaires tournants', bullet: { level: 0 } }),
        new Paragraph({ text: 'LANGUES', heading: HeadingLevel.HEADING_2 }),
        new Table({ rows: [row('Anglais', 'Courant'), row('Espagnol', 'Notions')] }),
      ],
    });
    const document = await extractDocument(docx, { file: 'cv.docx' });
    expect(document.format).toBe('docx');
    expect(document.lines.map((line) => line.text)).toEqual([
      'Aïcha Diallo – 06 00 12 34 60',
      'aicha.diallo@example.fr',
      'EXPÉRIENCES PROFESSIONNELLES',
      'Magasinière',
      'Réception et contrôle des pièces',
      'Inventaires tournants',
      'LANGUES',
      'Anglais | Courant',
      'Espagnol | Notions',
      'Disponible immédiatement',
    ]);
    const byText = new Map(document.lines.map((line) => [line.text, line]));
    expect(byText.get('aicha.diallo@example.fr')?.region).toBe('header');
    expect(byText.get('Disponible immédiatement')?.region).toBe('footer');
    expect(byText.get('EXPÉRIENCES PROFESSIONNELLES')?.headingLevel).toBe(1);
    expect(byText.get('LANGUES')?.headingLevel).toBe(2);
    expect(byText.get('Magasinière')?.bold).toBe(true);
    expect(byText.get('Inventaires tournants')?.listItem).toBe(true);
    expect(byText.get('Anglais | Courant')?.region).toBe('table');
    expect(document.tables).toEqual([
      {
        rows: [
          ['Anglais', 'Courant'],
          ['Espagnol', 'Notions'],
        ],
        start: byText.get('Anglais | Courant')?.start,
      },
    ]);
    expect(lineOffsetsAreExact(document)).toBe(true);
  });

  it('reads a layout table (cells with several paragraphs) cell by cell', async () => {
    const docx = await makeDocx({
      body: [
        new Table({
          rows: [
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph('2021 - 2024')] }),
                new TableCell({
                  children: [
                    new Paragraph('Cariste, Logistique Sud'),
                    new Paragraph('Chargement des camions'),
                  ],
                }),
              ],
            }),
          ],
        }),
      ],
    });
    const document = await extractDocument(docx);
    expect(document.lines.map((line) => line.text)).toEqual([
      '2021 - 2024',
      'Cariste, Logistique Sud',
      'Chargement des camions',
    ]);
    expect(document.tables[0]?.rows).toEqual([
      ['2021 - 2024', 'Cariste, Logistique Sud Chargement des camions'],
    ]);
  });
});
