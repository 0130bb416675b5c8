import { describe, expect, it } from 'vitest';
import { orderPageLines, type PositionedText } from './reading-order.js';

/** A run of `text` at (x, y) in 10pt, 5pt per character wide. */
const run = (text: string, x: number, y: number, options: Partial<PositionedText> = {}): PositionedText => ({
  text,
  x,
  y,
  width: text.length * 5,
  fontSize: 10,
  bold: false,
  ...options,
});

describe('orderPageLines', () => {
  it('joins runs of one baseline in x order, with or without a space as drawn', () => {
    const lines = orderPageLines([
      run('stock', 75, 700),
      run('Gestion', 10, 700),
      run('de', 48, 700.4),
      run('s', 100, 700),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['Gestion de stocks']);
  });

  it('reads a right-hand sidebar after the main column, and marks it as sidebar', () => {
    const main = [
      'Expériences',
      'Cariste chez Logistique Sud Lyon',
      'Préparateur de commandes LogiSud',
      'Magasinier chez Brico Rhône Nord',
    ];
    const side = ['Contact', '06 12 34 56 78', 'Permis B', 'CACES R489'];
    const runs = [
      ...main.map((text, index) => run(text, 40, 700 - index * 14)),
      ...side.map((text, index) => run(text, 420, 700 - index * 14)),
    ];
    const lines = orderPageLines(runs);
    expect(lines.map((line) => line.text)).toEqual([...main, ...side]);
    expect(lines.map((line) => [line.column, line.region])).toEqual([
      ...main.map(() => [0, 'body']),
      ...side.map(() => [1, 'sidebar']),
    ]);
  });

  it('keeps a sidebar line that overflows into the gutter in the sidebar, and a full-width line as a band', () => {
    const side = ['Contact', 'Email: jean.b.dupont@example.com', 'Permis B', 'CACES R489'];
    const main = [
      'Expériences',
      'Cariste chez Logistique Sud Lyon',
      'Préparateur de commandes LogiSud',
      'Magasinier chez Brico Rhône Nord',
    ];
    const runs = [
      run('Jean DUPONT, cariste confirmé, disponible immédiatement sur Lyon et environs', 40, 760),
      ...side.map((text, index) => run(text, 40, 700 - index * 14)),
      ...main.map((text, index) => run(text, 215, 700 - index * 14)),
    ];
    // 'Email: …' runs from x=40 to x=200, deep into the gutter (the other sidebar lines end by x=90).
    const lines = orderPageLines(runs);
    expect(lines.map((line) => line.text)).toEqual([runs[0]?.text, ...side, ...main]);
  });

  it('does not split a single column with a few short right-aligned words into columns', () => {
    const runs = [
      run('Cariste polyvalent en entrepôt logistique', 40, 700),
      run('Conduite de chariots frontaux et rétractables', 40, 686),
      run('Chargement et déchargement des camions', 40, 672),
      run('Inventaires tournants et gestion de stock', 40, 658),
    ];
    const lines = orderPageLines(runs);
    expect(lines.map((line) => line.column)).toEqual([0, 0, 0, 0]);
    expect(lines.map((line) => line.text)).toEqual(runs.map((item) => item.text));
  });

  it('takes the font size and boldness most characters of a line have', () => {
    const [line] = orderPageLines([
      run('EXPÉRIENCES', 40, 700, { bold: true, fontSize: 12 }),
      run('(5 ans)', 110, 700),
    ]);
    expect(line).toMatchObject({ bold: true, fontSize: 12 });
  });
});
