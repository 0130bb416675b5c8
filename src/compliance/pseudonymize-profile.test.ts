import { describe, expect, it } from 'vitest';
import { makeProfile, SAMPLE_IDENTITY } from '../../test/compliance/make-profile.js';
import { foldAccents } from '../text/normalize.js';
import { neutralizeGender } from './neutralize-gender.js';
import { aliasFor, pseudonymizeProfile } from './pseudonymize-profile.js';
import { pseudonymizeText } from './redact-text.js';

const fold = (text: string) => foldAccents(text).toLowerCase().replace(/\s+/g, ' ');
/** True when `needle` appears in `haystack` as whole words, ignoring case and accents. */
const containsWords = (haystack: string, needle: string) => {
  const escaped = fold(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(fold(haystack));
};

/** Every identifier written into the sample CV, in the spellings a leak would take. */
const IDENTIFIERS = [
  'Émilie',
  'emilie',
  'Zarkowski',
  'Mbappé',
  'zarkowski-mbappe',
  'emilie.zarkowski@example.org',
  'example.org',
  '06 12 34 56 78',
  '0612345678',
  '612345678',
  '+33612345678',
  'rue des Lilas',
  'Lilas',
  '69003',
  'Lyon',
  '14/02/1991',
  '1991',
  '34 ans',
  'marocaine',
  'Casablanca',
  'mariée',
  '2 enfants',
  'Madame',
  'née',
  'RQTH',
  'motivée',
  'rigoureuse',
  'linkedin',
];

describe('pseudonymizeProfile', () => {
  it('leaves none of the identifiers in the text or fields (case and accent insensitive)', () => {
    const result = pseudonymizeProfile(makeProfile('cv_1'));
    const haystacks = [result.text, JSON.stringify(result.fields)];
    for (const identifier of IDENTIFIERS) {
      for (const haystack of haystacks) expect(containsWords(haystack, identifier), identifier).toBe(false);
    }
    // The checker itself finds what it should.
    expect(containsWords('Cariste à Lyon', 'lyon')).toBe(true);
    expect(containsWords('données', 'née')).toBe(false);
    expect(result.redactions.name).toBeGreaterThan(0);
    expect(result.redactions.phone).toBeGreaterThanOrEqual(2);
  });

  it('keeps what the job needs: experiences, certifications, licences, mobility, availability', () => {
    const result = pseudonymizeProfile(makeProfile('cv_1'), { distanceToSiteKm: 12.4 });
    expect(result.text).toContain('CACES_R489_3');
    expect(result.text).toContain('Cariste');
    expect(result.text).toContain('Entrepôt Logistique Rhône');
    expect(result.text).toContain("10 ans d'expérience");
    expect(result.text).toContain("jusqu'à 30 km");
    expect(result.text).toContain('Distance au site (calculée): 12 km');
    expect(result.fields.drivingLicences).toEqual(['B']);
    expect(result.fields.availability).toEqual({ immediate: true, from: null });
  });

  it('uses a neutral alias: given, or derived from the profile id', () => {
    expect(pseudonymizeProfile(makeProfile('cv_1'), { alias: 'c1' }).text).toMatch(/^Candidat: c1\n/);
    expect(pseudonymizeProfile(makeProfile('cv_1')).alias).toBe(aliasFor('cv_1'));
    expect(aliasFor('cv_1')).toMatch(/^candidate-[0-9a-f]{8}$/);
    expect(aliasFor('cv_1')).not.toBe(aliasFor('cv_2'));
  });

  it('gives the same text whatever the name, civility or gender of the person', () => {
    const other = pseudonymizeProfile(
      makeProfile('cv_1', {
        first: 'Mamadou',
        last: 'Traoré',
        civility: 'Monsieur',
        email: 'mamadou.traore@example.org',
        phone: '+33698765432',
      }),
      { alias: 'c1' },
    );
    const sample = pseudonymizeProfile(makeProfile('cv_1', SAMPLE_IDENTITY), { alias: 'c1' });
    expect(other.text).toBe(sample.text);
  });
});

describe('pseudonymizeText', () => {
  it('removes given identifiers whatever their accents, case and separators', () => {
    const { text, counts } = pseudonymizeText(
      'Contact: JEAN-FRANCOIS Dupré, jean francois dupre, Jean-François',
      {
        names: ['Jean-François Dupré'],
      },
    );
    expect(fold(text)).not.toMatch(/jean|francois|dupre/);
    expect(counts.name).toBeGreaterThanOrEqual(3);
  });

  it('keeps experience durations and ordinary words', () => {
    const { text } = pseudonymizeText("15 ans d'expérience, depuis 12 ans chez Alpha, poste de 35 heures");
    expect(text).toBe("15 ans d'expérience, depuis 12 ans chez Alpha, poste de 35 heures");
  });

  it('removes addresses, phones in any spelling, civilities and family status', () => {
    const { text } = pseudonymizeText(
      'M. Petit\n4, avenue Jean Jaurès\nF-69007 LYON\n+33 (0)6 11 22 33 44 / 06.11.22.33.44\nPacsé, 3 enfants',
    );
    expect(text).not.toMatch(/Jaur|69007|LYON|11 22|Pacs|enfants|M\. /);
    expect(text).toContain('Petit'); // no identifiers given: only patterns apply
  });
});

describe('neutralizeGender', () => {
  it('writes masculine and feminine forms the same inclusive way', () => {
    expect(neutralizeGender('Conductrice de ligne, sérieuse')).toBe(
      neutralizeGender('Conducteur de ligne, sérieux'),
    );
    expect(neutralizeGender('Aide-soignante diplômée')).toBe('Aide-soignant/aide-soignante diplômé(e)');
  });
});

describe('pseudonymizeText: addresses next to dates and less common street words', () => {
  it('removes "allées", "montée" addresses and keeps a date after a removed place', () => {
    const { text } = pseudonymizeText(
      '25 allées Jean Jaurès, 31000 Toulouse\n7 montée Saint-Marcel\nCabinet Conseil, Lyon 03/2021 - 02/2025',
      { places: ['Lyon'] },
    );
    expect(text).not.toMatch(/Jaur|Marcel|31000|Toulouse|Lyon/);
    expect(text).toContain('03/2021 - 02/2025');
  });
});

describe('pseudonymizeText: numbered streets', () => {
  it('removes numbered streets in any case but keeps counts of ordinary things', () => {
    const { text } = pseudonymizeText(
      '12 bis rue des Lilas\n8 PLACE DE LA RÉPUBLIQUE\n4 rue du 8 Mai 1945\n3 cours de sécurité, 12 places de parking',
    );
    expect(text).not.toMatch(/Lilas|RÉPUBLIQUE|8 Mai/);
    expect(text).toContain('3 cours de sécurité, 12 places de parking');
  });
});

describe('pseudonymizeText: names that are also trades', () => {
  it('removes "Paul Charpentier" and "CHARPENTIER Paul" but keeps the trade "charpentier"', () => {
    const { text } = pseudonymizeText(
      'CHARPENTIER Paul\nPaul Charpentier, 06 11 22 33 44\nCharpentier – Bois & Toits (2019-2024)\nPaul pose des charpentes, charpentier qualifié.',
      { names: ['Paul Charpentier'] },
    );
    expect(text).not.toMatch(/Paul|CHARPENTIER/);
    expect(text).toContain('Charpentier – Bois & Toits');
    expect(text).toContain('charpentier qualifié');
  });
});

describe('pseudonymizeText: first names that are words', () => {
  it('always removes the first name, even when it is a word', () => {
    const { text } = pseudonymizeText('Rose Marchand\nRose a tenu le stand. Marchand ambulant (2019).', {
      names: ['Rose Marchand'],
    });
    expect(text).not.toMatch(/Rose/);
    expect(text).toContain('Marchand ambulant');
  });
});

describe('pseudonymizeProfile: a surname that is the trade', () => {
  it('keeps the trade in the experience of Paul Charpentier, charpentier', () => {
    const profile = makeProfile('cv_charpentier', {
      first: 'Paul',
      last: 'Charpentier',
      civility: 'Monsieur',
      email: 'paul.charpentier@example.org',
      phone: '+33699887766',
    });
    profile.experiences[0]!.title = 'Charpentier';
    const result = pseudonymizeProfile(profile);
    expect(result.fields.experiences[0]!.title).toBe('Charpentier');
    expect(result.text).not.toMatch(/Paul/);
    expect(result.text).not.toMatch(/PAUL|CHARPENTIER/);
  });
});

describe('pseudonymizeText: ages', () => {
  it('removes "Âge : 45", "45 ans" on its own and "Age: 45 years old"', () => {
    for (const line of ['Âge : 45', 'Âge : 45 ans', '45 ans', 'Age: 45 years old']) {
      expect(pseudonymizeText(line).text, line).not.toMatch(/45/);
    }
  });
});

describe('pseudonymizeProfile, each piece of experience text once', () => {
  it('leaves out a description the CV text already holds, and keeps one the cut text lost', () => {
    const base = makeProfile('cv_1');
    const description = 'Chargement et déchargement des camions au chariot frontal, gerbage en hauteur.';
    const profile = {
      ...base,
      experiences: base.experiences.map((experience, position) =>
        position === 0 ? { ...experience, description } : experience,
      ),
      text: `${base.text}\nCariste\n${description.replace('camions au', 'camions\nau')}`,
    };
    const full = pseudonymizeProfile(profile, { alias: 'c1' });
    expect(full.text.split('gerbage en hauteur').length - 1).toBe(1);
    expect(full.fields.experiences[0]?.description).toContain('gerbage en hauteur');
    // Cut before the description: it stays with its experience.
    const cut = pseudonymizeProfile(profile, { alias: 'c1', maxCvTextChars: 40 });
    expect(cut.text.split('gerbage en hauteur').length - 1).toBe(1);
    expect(cut.text).toMatch(/\* [^\n]*Cariste[^\n]*gerbage en hauteur/);
  });
});
