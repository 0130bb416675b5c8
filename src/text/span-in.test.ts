import { describe, expect, it } from 'vitest';
import { spanIn } from './span-in.js';

describe('spanIn', () => {
  const line = { text: 'Cariste CACES R489', start: 120, page: 2, lineNumber: 14 };

  it('gives the whole line by default, with document offsets, page and line number', () => {
    expect(spanIn(line)).toEqual({ text: 'Cariste CACES R489', start: 120, end: 138, page: 2, line: 14 });
  });

  it('gives `length` characters from `offset` inside the line', () => {
    expect(spanIn(line, 8, 5)).toEqual({ text: 'CACES', start: 128, end: 133, page: 2, line: 14 });
  });
});
