import { describe, expect, it } from 'vitest';
import { englishAcronymTitles } from '../../scripts/taxonomy/esco-bridge.js';

const parents = new Map([
  ['J1305', 'J1305'],
  ['M1205', 'M1205'],
  ['F1202', 'F1202'],
  ['D1406', 'D1406'],
  ['L1509', 'L1509'],
]);

describe('English acronym titles', () => {
  it('keeps an acronym its titles give in one family only, and not one that spells a known word', () => {
    const titles = [
      { title: 'emergency medical technician', romeCode: 'J1305', source: 4 },
      { title: 'chief financial officer', romeCode: 'M1205', source: 4 },
      { title: 'finance director', romeCode: 'M1205', source: 4 },
      { title: 'site manager', romeCode: 'F1202', source: 4 },
      { title: 'sales manager', romeCode: 'D1406', source: 4 },
      { title: 'stage manager', romeCode: 'L1509', source: 4 },
      { title: 'bus assistant repairer', romeCode: 'J1305', source: 6 },
    ];
    const acronyms = englishAcronymTitles(titles, parents, new Set(['bar']));
    expect(acronyms).toEqual([
      { title: 'CFO', romeCode: 'M1205', source: 4 },
      { title: 'EMT', romeCode: 'J1305', source: 4 },
      { title: 'FD', romeCode: 'M1205', source: 4 },
    ]);
  });
});
