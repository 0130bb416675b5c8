import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { findSensitive } from './sensitive.js';

describe('findSensitive', () => {
  it('reads birth date, age, nationality and marital status and marks their lines', () => {
    const lines = sectionLinesOf(
      'Née le 12/04/1995\n52 ans, marié, 3 enfants\nNationalité : marocaine\nCariste',
    );
    const found = findSensitive(lines, true);
    expect(found.data).toEqual({
      birthDate: '1995-04-12',
      age: 52,
      nationality: 'marocaine',
      maritalStatus: 'marié',
      hasPhoto: true,
    });
    expect([...found.lineNumbers]).toEqual([1, 2, 3]);
  });

  it('does not read years of experience as an age', () => {
    expect(findSensitive(sectionLinesOf('Cariste, 15 ans d’expérience'), undefined).data.age).toBeNull();
    expect(findSensitive(sectionLinesOf('10 years of experience'), undefined).data.age).toBeNull();
  });
});

describe('marital status', () => {
  it('does not mistake the first name Marie for "mariée"', () => {
    const found = findSensitive(sectionLinesOf('Marie EXEMPLE\nCariste'), undefined);
    expect(found.data.maritalStatus).toBeNull();
    expect(found.lineNumbers.size).toBe(0);
  });
});
