import { describe, expect, it } from 'vitest';
import { type EscoOccupation, resolveEscoConcepts } from '../../scripts/taxonomy/esco-bridge.js';

const parents = new Map([
  ['E1105', 'E1105'],
  ['K1307', 'K1303'],
  ['K1308', 'K1303'],
  ['K1310', 'K1303'],
  ['K2137', 'K2104'],
]);

/** A few ROME titles: "Lecteur" is a publishing reader (E1105), the others work with children at school. */
const romeTitles = [
  { title: 'Lecteur / Lectrice', romeCode: 'E1105', source: 2 },
  { title: 'Animateur / Animatrice petite enfance', romeCode: 'K1307', source: 0 },
  { title: 'Agent spécialisé / Agente spécialisée des écoles maternelles', romeCode: 'K1308', source: 0 },
  { title: 'Assistant maternel / Assistante maternelle', romeCode: 'K1310', source: 0 },
  { title: 'Assistant / Assistante pédagogique en milieu scolaire', romeCode: 'K2137', source: 0 },
];

const concept = (
  uri: string,
  isco: string,
  preferred: string,
  ...alternatives: string[]
): EscoOccupation => ({
  uri,
  isco,
  frLabels: [preferred, ...alternatives],
  frPreferred: [preferred],
  enPreferred: uri,
  enLabels: [],
});

/** Three concepts of the teachers' aides group (ISCO 5312) whose preferred labels join the K1303 family. */
const teachersAides = [
  concept('aide-1', '5312', 'animateur petite enfance'),
  concept('aide-2', '5312', 'agent spécialisé des écoles maternelles'),
  concept('aide-3', '5312', 'assistant maternel'),
];

describe('ESCO bridge: exact joins', () => {
  it('does not trust a join only an alternative label makes into a family the ISCO group never joins', () => {
    // ESCO lists "lecteur" among the labels of the secondary-school teaching assistant: it joined E1105.
    const assistant = concept(
      'teaching-assistant',
      '5312',
      'assistant pédagogique en enseignement secondaire',
      'assistante pédagogique en enseignement secondaire',
      'assistant',
      'lecteur',
      'assistante',
      'lectrice',
    );
    const resolutions = resolveEscoConcepts([...teachersAides, assistant], romeTitles, parents);
    const resolved = resolutions.get('teaching-assistant');
    expect(resolved?.romeCode).not.toBe('E1105');
    expect(parents.get(resolved!.romeCode)).toBe('K1303');
    // The group's own joins are untouched.
    expect(resolutions.get('aide-2')).toEqual({ romeCode: 'K1308', how: 'exact' });
  });

  it('keeps a join the preferred label or half of the labels make, and one the group cannot judge', () => {
    const reader = concept('reader', '5312', 'lecteur');
    expect(resolveEscoConcepts([...teachersAides, reader], romeTitles, parents).get('reader')).toEqual({
      romeCode: 'E1105',
      how: 'exact',
    });
    const readers = concept('readers', '5312', 'assistant pédagogique en enseignement secondaire', 'lecteur');
    expect(resolveEscoConcepts([...teachersAides, readers], romeTitles, parents).get('readers')).toEqual({
      romeCode: 'E1105',
      how: 'exact',
    });
    // Only two other joins in the group: too few to say what it holds.
    const alone = concept(
      'alone',
      '5312',
      'assistant pédagogique en enseignement secondaire',
      'assistant',
      'lecteur',
    );
    expect(resolveEscoConcepts([...teachersAides.slice(1), alone], romeTitles, parents).get('alone')).toEqual(
      {
        romeCode: 'E1105',
        how: 'exact',
      },
    );
  });

  it('keeps a distrusted join when nothing in the group replaces it', () => {
    // Three other joins in three families: no family stands for the group, and the concept's other label
    // matches no title.
    const mixed = [
      concept('other-1', '2641', 'animateur petite enfance'),
      concept('other-2', '2641', 'assistant pédagogique en milieu scolaire'),
      concept('other-3', '2641', 'bibliothécaire'),
    ];
    const writer = concept('writer', '2641', 'écrivain public', 'écrivaine publique', 'lecteur');
    const titles = [...romeTitles, { title: 'Bibliothécaire', romeCode: 'K1601', source: 0 }];
    const families = new Map([...parents, ['K1601', 'K1601']]);
    expect(resolveEscoConcepts([...mixed, writer], titles, families).get('writer')).toEqual({
      romeCode: 'E1105',
      how: 'exact',
    });
  });
});
