import { describe, expect, it } from 'vitest';
import { PhraseMatcher, phraseKeys } from './mention-tokens.js';

describe('PhraseMatcher.addJoinedKeys', () => {
  const phrases = [
    'chariot',
    'chariot elevateur',
    'conduite chariot',
    'chariot elevateur frontal',
    'chariot',
    'gestion stock',
    'gestion',
    'stock',
  ];
  const texts = [
    'Conduite de chariot élévateur frontal et gestion de stock',
    'chariot\nélévateur',
    'gestion stock gestion chariot élévateur',
    '',
  ];

  it('finds what adding each phrase in order finds, longest first, first value of a repeated phrase kept', () => {
    const eager = new PhraseMatcher<number>();
    for (const [position, phrase] of phrases.entries()) eager.addKeys(phraseKeys(phrase), position);
    const lazy = new PhraseMatcher<number>();
    lazy.addJoinedKeys(phrases, (position) => position);
    for (const text of texts) expect(lazy.findAll(text)).toEqual(eager.findAll(text));
    expect(lazy.findAll('chariot élévateur frontal')).toEqual([
      { value: 3, text: 'chariot élévateur frontal', start: 0, end: 25 },
    ]);
    expect(lazy.findAll('un chariot')[0]?.value).toBe(0);
  });

  it('keeps the order of addition when phrases are added one by one after a lazy batch', () => {
    const eager = new PhraseMatcher<string>();
    const lazy = new PhraseMatcher<string>();
    eager.addKeys(['gestion', 'stock'], 'first');
    lazy.addKeys(['gestion', 'stock'], 'first');
    for (const phrase of phrases) eager.addKeys(phraseKeys(phrase), phrase);
    lazy.addJoinedKeys(phrases, (position) => phrases[position]!);
    eager.addKeys(['chariot'], 'late');
    lazy.addKeys(['chariot'], 'late');
    eager.addKeys(['stock', 'tampon'], 'late');
    lazy.addKeys(['stock', 'tampon'], 'late');
    for (const text of [...texts, 'stock tampon']) expect(lazy.findAll(text)).toEqual(eager.findAll(text));
    expect(lazy.findAll('gestion stock')[0]?.value).toBe('first');
  });
});
