import { describe, expect, it } from 'vitest';
import { isTechTerm } from './tech-terms.js';

describe('isTechTerm', () => {
  it.each([
    ['Linux', true],
    ['SQL Server 2008', true],
    ['Oracle 11g', true],
    ['Windows Server 2008 R2', true],
    ['Python 2.7.3', true],
    ['MS Office', true],
    ['Linux (Ubuntu)', true],
    ['Communication', false],
    ['Visual', false],
    ['Sales and Marketing', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isTechTerm(text)).toBe(expected);
  });
});
