import { describe, expect, it } from 'vitest';
import { isTempAgency, missionEmployerInHeader, readMissionEmployer } from './temp-agency.js';

describe('isTempAgency', () => {
  it('knows agencies by name, branch or the word intérim, not the word alone', () => {
    expect(isTempAgency('Adecco')).toBe(true);
    expect(isTempAgency('MANPOWER Saint-Priest')).toBe(true);
    expect(isTempAgency('Alliance Intérim')).toBe(true);
    expect(isTempAgency('Leroy Merlin')).toBe(false);
    expect(isTempAgency('Mission intérim')).toBe(false);
  });
});

describe('readMissionEmployer', () => {
  it.each([
    ['Adecco pour Leroy Merlin', 'Leroy Merlin', 'Adecco'],
    ['CRIT INTÉRIM POUR VALEO', 'VALEO', 'CRIT INTÉRIM'],
    ['Leroy Merlin (mission intérim Adecco)', 'Leroy Merlin', 'Adecco'],
    ['Lidl via Synergie', 'Lidl', 'Synergie'],
    ['Intérim Adecco – Geodis', 'Geodis', 'Adecco'],
    ['Intérim Manpower', 'Manpower', 'Manpower'],
    ['Mission intérim (Temporis)', 'Temporis', 'Temporis'],
  ])('%s → %s', (text, employer, agency) => {
    const read = readMissionEmployer(text);
    expect(read?.employer).toBe(employer);
    expect(read?.agency).toBe(agency);
    expect(text.slice(read!.offset, read!.offset + employer.length)).toBe(employer);
  });

  it('leaves employers that name no temp agency as written', () => {
    expect(readMissionEmployer('Transports Dupont pour Carrefour')).toBeNull();
    expect(readMissionEmployer('Lidl (Lyon)')).toBeNull();
    expect(readMissionEmployer('Leroy Merlin')).toBeNull();
  });
});

describe('missionEmployerInHeader', () => {
  it('finds the client after an agency the header parts cut off', () => {
    const header =
      'de oct. 2022 à mai 2024\nAuxiliaire de puériculture\nIntérim Start People – Korian – Nîmes';
    expect(missionEmployerInHeader('Start People', header, 'Auxiliaire de puériculture')).toBe('Korian');
    expect(
      missionEmployerInHeader('Mission intérim', 'Cariste\nMission intérim (Manpower), Lyon', 'Cariste'),
    ).toBe('Manpower');
  });

  it('says nothing for an employer that is not an agency, or a header with no client', () => {
    expect(missionEmployerInHeader('Lidl', 'Cariste – Lidl – 2019', 'Cariste')).toBeNull();
    expect(missionEmployerInHeader('Adecco', 'Cariste – Adecco – 03/2023 à 06/2023', 'Cariste')).toBeNull();
  });
});
