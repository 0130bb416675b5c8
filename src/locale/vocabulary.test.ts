import { describe, expect, it } from 'vitest';
import { CvmatchError } from '../errors.js';
import { compileVocabulary, entrySource, foldTerm, vocabularySource } from './vocabulary.js';

const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => match[0]);

describe('compileVocabulary', () => {
  it('folds accents and case of the entries, so they match folded text', () => {
    const pattern = compileVocabulary(['Nationalité', 'séjour', 'cœur'], { flags: 'g' });
    expect(matches(pattern, 'votre nationalite et votre titre de sejour, coeur')).toEqual([
      'nationalite',
      'sejour',
      'coeur',
    ]);
    expect(pattern.test('Nationalité')).toBe(false); // the text must be folded too
    expect(foldTerm('Œuvre Été')).toBe('oeuvre ete');
  });

  it('keeps accents when told to', () => {
    expect(compileVocabulary(['été'], { foldAccents: false, boundary: 'none' }).test('un été')).toBe(true);
    expect(compileVocabulary(['été'], { boundary: 'none' }).test('un été')).toBe(false);
  });

  it('matches whole words only, by default', () => {
    const pattern = compileVocabulary(['age', 'bebe']);
    expect(pattern.test('quel age')).toBe(true);
    expect(pattern.test('garage')).toBe(false);
    expect(pattern.test('agence')).toBe(false);
    expect(pattern.test('les bebes')).toBe(false);
  });

  it('reads * as "the word goes on", ? as an optional letter, (a|b|) as alternatives', () => {
    const religion = compileVocabulary(['religi*']);
    expect(religion.test('votre religion')).toBe(true);
    expect(religion.test('religieuse')).toBe(true);
    expect(religion.test('irreligion')).toBe(false);
    const married = compileVocabulary(['mariee?s?'], { flags: 'g' });
    expect(matches(married, 'marie mariee maries mariees marier')).toEqual([
      'marie',
      'mariee',
      'maries',
      'mariees',
    ]);
    const nationality = compileVocabulary(['etes vous (de nationalite |)(francaise?|etrangere?)'], {
      flags: 'g',
    });
    expect(matches(nationality, 'etes vous francais ; etes vous de nationalite etrangere')).toEqual([
      'etes vous francais',
      'etes vous de nationalite etrangere',
    ]);
  });

  it('expands {slots} with their phrases', () => {
    const pattern = compileVocabulary(['{subject} mariee?'], { slots: { subject: ['êtes vous', 'es tu'] } });
    expect(pattern.test('etes vous mariee')).toBe(true);
    expect(pattern.test('es tu marie')).toBe(true);
    expect(pattern.test('vous etes mariee')).toBe(false);
    expect(() => compileVocabulary(['{who} ok'])).toThrow(CvmatchError);
  });

  it('escapes what is not notation, and passes { pattern } through', () => {
    expect(compileVocabulary(['12.5 €'], { boundary: 'start' }).test('1205 €')).toBe(false);
    expect(compileVocabulary(['permis & habilitations']).test('permis & habilitations')).toBe(true);
    expect(compileVocabulary([{ pattern: '\\bstop+\\b' }]).test('stoppp')).toBe(true);
    expect(entrySource({ pattern: 'a|b' })).toBe('a|b');
  });

  it('places boundaries as asked', () => {
    expect(entrySource('ethni*')).toBe('\\bethni\\w*');
    expect(entrySource('race')).toBe('\\brace\\b');
    expect(entrySource('race', { boundary: 'start' })).toBe('\\brace');
    expect(entrySource('race', { boundary: 'none' })).toBe('race');
  });

  it('tries entries in order and never matches when empty', () => {
    const [first] = matches(compileVocabulary(['pas de souci', 'pas'], { flags: 'g' }), 'pas de souci');
    expect(first).toBe('pas de souci');
    expect(new RegExp(vocabularySource([])).test('anything')).toBe(false);
  });
});
