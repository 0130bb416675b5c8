import { describe, expect, it } from 'vitest';
import { foldAccents, normalizeKey, normalizeWhitespace } from './normalize.js';
import { detectLanguage, stem, terms, words } from './tokenize.js';

describe('text helpers', () => {
  it('folds accents and ligatures', () => {
    expect(foldAccents('Électricien, cœur, Ça')).toBe('Electricien, coeur, Ca');
    expect(normalizeKey('  Préparateur/Préparatrice de commandes (H/F) ')).toBe(
      'preparateur preparatrice de commandes h f',
    );
  });

  it('splits words on punctuation and keeps digits', () => {
    expect(words('CACES R489-3, permis C/CE')).toEqual(['caces', 'r489', '3', 'permis', 'c', 'ce']);
  });

  it('stems French plurals and feminine forms to a shared stem', () => {
    expect(stem('chariots')).toBe(stem('chariot'));
    expect(stem('élévateurs'.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).toBe(stem('elevateur'));
    expect(stem('drivers', 'en')).toBe(stem('driver', 'en'));
    // Short tokens and codes are left alone.
    expect(stem('r489')).toBe('r489');
    expect(stem('pl')).toBe('pl');
  });

  it('drops stopwords and gender markers from terms', () => {
    expect(terms('Cariste H/F pour la plateforme de Lyon')).toEqual(['carist', 'plateform', 'lyon']);
  });

  it('guesses French vs English', () => {
    expect(detectLanguage('Expérience professionnelle : cariste chez Transports Martin depuis 2020')).toBe(
      'fr',
    );
    expect(detectLanguage('Work experience: forklift driver at the warehouse for two years')).toBe('en');
  });

  it('normalises sloppy whitespace', () => {
    expect(normalizeWhitespace('a\t\tb  c\r\n\r\n\r\n\r\nd\u00a0e ')).toBe('a b c\n\nd e');
  });
});
