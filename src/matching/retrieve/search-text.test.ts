import { describe, expect, it } from 'vitest';
import { makeJob, makeProfile } from '../../../test/retrieval/support.js';
import { jobSearchText, profileSearchText } from './search-text.js';

describe('profileSearchText', () => {
  const profile = {
    ...makeProfile('cv_1', {
      headline: 'Cariste expérimenté',
      titles: ['Cariste', 'Magasinier'],
      skills: ['gestion de stock'],
      certifications: ['CACES_R489_3'],
      licences: ['B'],
      name: 'Camille Exemple',
      email: 'camille.exemple@example.org',
      phone: '+33612345678',
      city: 'Vénissieux',
    }),
    sensitive: {
      birthDate: '1990-01-01',
      age: 36,
      nationality: 'française',
      maritalStatus: 'mariée',
      hasPhoto: true,
    },
    education: [{ degree: 'CAP Opérateur logistique', institution: 'Lycée Exemple', year: 2010 }],
    languages: [{ name: 'anglais', level: 'A2' as const }],
  };
  const text = profileSearchText(profile);

  it('holds the structured work fields', () => {
    // Gendered words are folded ("expérimenté" → "experiment", as "expérimentée"); "CACES" loses its plural s.
    for (const part of [
      'Cariste experiment',
      'Magasinier',
      'gestion de stock',
      'cace R489 3',
      'permis B',
      'CAP Opérateur logistique',
      'anglais',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('never holds name, contact, location, company, school or sensitive data', () => {
    for (const forbidden of [
      'Camille',
      'Exemple',
      'example.org',
      '612345678',
      'Vénissieux',
      '1990',
      '36',
      'française',
      'mariée',
    ]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('is the same for the same profile under another name', () => {
    expect(profileSearchText({ ...profile, name: 'Dominique Autre', email: 'd@autre.example' })).toBe(text);
  });
});

describe('jobSearchText', () => {
  it('holds title, description, skills, certifications as words and licences, not the site', () => {
    const text = jobSearchText(
      makeJob({
        title: 'Cariste',
        description: 'Chargement de camions',
        requiredCertifications: ['CACES_R489_3'],
        requiredLicences: ['C'],
        requiredSkills: ['gerbage'],
        preferredSkills: ['WMS'],
        location: { city: 'Corbas', postalCode: '69960' },
      }),
    );
    for (const part of ['Cariste', 'Chargement de camions', 'CACES R489 3', 'permis C', 'gerbage', 'WMS'])
      expect(text).toContain(part);
    expect(text).not.toContain('Corbas');
    expect(text).not.toContain('69960');
  });
});
