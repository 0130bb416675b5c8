import { describe, expect, it } from 'vitest';
import { buildDocument, hiddenTextWarning, stripBullet } from './document-builder.js';

describe('buildDocument', () => {
  it('gives exact offsets, drops empty lines and cuts at maxChars with a warning', () => {
    const document = buildDocument({
      format: 'txt',
      pages: 1,
      lines: [
        { text: '  Jean\tDupont ', page: 1 },
        { text: ' ', page: 1 },
        { text: 'Cariste', page: 1 },
        { text: 'Permis B', page: 1 },
      ],
      maxChars: 20,
    });
    expect(document.text).toBe('Jean Dupont\nCariste');
    expect(
      document.lines.map((line) => document.text.slice(line.start, line.start + line.text.length)),
    ).toEqual(['Jean Dupont', 'Cariste']);
    expect(document.warnings.map((warning) => warning.code)).toEqual(['truncated']);
  });

  it('points each table at the first kept line of its rows', () => {
    const document = buildDocument({
      format: 'docx',
      pages: 1,
      lines: [
        { text: 'Langues', page: 1 },
        { text: '', page: 1, region: 'table' },
        { text: 'Anglais | Courant', page: 1, region: 'table' },
      ],
      tables: [{ rows: [[''], ['Anglais', 'Courant']], firstLine: 1 }],
      maxChars: 1000,
    });
    expect(document.tables).toEqual([{ rows: [['Anglais', 'Courant']], start: 8 }]);
  });
});

describe('helpers', () => {
  it('strips a leading bullet symbol', () => {
    expect(stripBullet('▪ CACES R489')).toEqual({ text: 'CACES R489', bullet: true });
    expect(stripBullet('CACES R489')).toEqual({ text: 'CACES R489', bullet: false });
  });

  it('quotes at most 500 characters of hidden text', () => {
    const message = hiddenTextWarning('white', ['x'.repeat(800)]).message;
    expect(message).toContain(`"${'x'.repeat(500)}…" (300 more characters)`);
    expect(message.length).toBeLessThan(600);
  });
});
