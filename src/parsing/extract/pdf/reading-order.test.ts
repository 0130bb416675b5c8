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

  it('reads a right-aligned label column (Europass) row by row with its content', () => {
    const rows = [
      ['Adresse', '12 rue des Lilas, 69008 Lyon'],
      ['Téléphone', '06 12 34 56 78'],
      ['Adresse e-mail', 'karim@example.fr'],
      ['01/03/2021 – ACTUEL', 'Cariste'],
      ['15/01/2019 – 30/06/2020', 'Magasinier'],
      ['Langue(s) maternelle(s)', 'français'],
    ];
    // Labels end at x = 160 (right-aligned), content starts at x = 180.
    const runs = rows.flatMap(([label, content], index) => [
      run(label!, 160 - label!.length * 5, 700 - index * 30),
      run(content!, 180, 700 - index * 30),
      run('suite du contenu', 180, 686 - index * 30),
    ]);
    const lines = orderPageLines(runs);
    expect(lines[0]!.text).toBe('Adresse 12 rue des Lilas, 69008 Lyon');
    expect(lines.map((line) => line.text)).toContain('01/03/2021 – ACTUEL Cariste');
  });

  it('keeps dates pushed to the right margin on their entry header line', () => {
    const entries = [
      ['LIDL, Lyon', '2020-2023'],
      ['GEODIS, Corbas', 'depuis 2023'],
      ['AMAZON, Saint-Priest', '2018 - 2019'],
    ];
    const runs = entries.flatMap(([header, dates], index) => [
      run(header!, 40, 700 - index * 42),
      run(dates!, 480, 700 - index * 42),
      run('Cariste', 40, 686 - index * 42),
      run('Chargement des camions', 40, 672 - index * 42),
    ]);
    const lines = orderPageLines(runs);
    expect(lines.map((line) => line.text).slice(0, 3)).toEqual([
      'LIDL, Lyon 2020-2023',
      'Cariste',
      'Chargement des camions',
    ]);
  });
});
