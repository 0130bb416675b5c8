import { describe, expect, it } from 'vitest';
import { findCommuneMentions } from './find-commune-mentions.js';

describe('findCommuneMentions', () => {
  it('finds postal code + name mentions with offsets into the text', () => {
    const text = 'Adresse : 12 rue des Tilleuls, 69003 Lyon. Mission à Vénissieux (69) puis Corbas 69960.';
    const mentions = findCommuneMentions(text);
    expect(mentions.map((mention) => [mention.commune.insee, mention.text])).toEqual([
      ['69123', '69003 Lyon'],
      ['69259', 'Vénissieux (69)'],
      ['69273', 'Corbas 69960'],
    ]);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('ignores bare names, phone-like numbers and names that do not fit the code', () => {
    expect(findCommuneMentions('Cariste à Lyon depuis 2019, tél 06 12 34 56 78')).toEqual([]);
    expect(findCommuneMentions('Disponible le 15 mars, 75001 Marseille')).toEqual([]);
  });
});
