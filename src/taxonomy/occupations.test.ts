import { describe, expect, it } from 'vitest';
import { ENGLISH_TITLES } from './catalogue/english-titles.js';
import { OCCUPATION_ALIASES } from './catalogue/occupation-aliases.js';
import {
  normalizeOccupation,
  occupationCloseness,
  occupationFamily,
  occupationLabel,
  occupationSkills,
  relatedOccupations,
} from './index.js';
import { ENGLISH, FRENCH, titleEntries } from './occupation-entries.js';
import { searchOccupations } from './occupation-search.js';
import { englishTitleRows, frenchTitleRows } from './tables.js';

const top = (title: string) => normalizeOccupation(title).matches[0]?.romeCode;

describe('normalizeOccupation', () => {
  it('puts the issue examples on N1101', () => {
    for (const title of [
      'Cariste H/F',
      'conducteur de chariot élévateur',
      'cariste cat 3',
      'forklift driver',
    ]) {
      expect(top(title), title).toBe('N1101');
    }
  });

  it('is robust to gender forms, noise words, abbreviations and typos', () => {
    const cases: [string, string][] = [
      ['Préparatrice de commandes (F/H) - URGENT - Lyon 7e', 'N1103'],
      ['préparateur(trice) de commandes', 'N1103'],
      ['prépa de cdes', 'N1103'],
      ['Chauffeur PL', 'N4101'],
      ['chauffeur SPL', 'N4115'],
      ['AS de nuit', 'J1501'],
      ['ASH', 'J1301'],
      ['Serveuse extra', 'G1803'],
      ['Manutentionnaire intérim CDI 35h', 'N1105'],
      ['Préparatrice de comandes', 'N1103'],
      ['Carristes', 'N1101'],
    ];
    for (const [title, code] of cases) expect(top(title), title).toBe(code);
  });

  it('returns scores in 0..1, best first, with labels, at most `limit`', () => {
    const { matches } = normalizeOccupation('Soudeur TIG', { limit: 3 });
    expect(matches).toHaveLength(3);
    for (const match of matches) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      expect(match.label).toBe(occupationLabel(match.romeCode));
    }
    // After the first (the best code of the family with the most evidence), by score then code.
    for (let index = 2; index < matches.length; index++) {
      const previous = matches[index - 1]!;
      const current = matches[index]!;
      expect(
        previous.score > current.score ||
          (previous.score === current.score && previous.romeCode < current.romeCode),
      ).toBe(true);
    }
    expect(normalizeOccupation('Soudeur TIG')).toEqual(normalizeOccupation('Soudeur TIG'));
  });

  it('reads only the start of an over-long input', () => {
    const long = `Cariste H/F ${'lorem ipsum dolor sit amet '.repeat(2_000)}`;
    expect(normalizeOccupation(long).matches[0]?.romeCode).toBe('N1101');
  });

  it('returns nothing for empty or pure-noise titles', () => {
    for (const title of ['', 'URGENT H/F CDI 2024']) {
      expect(normalizeOccupation(title)).toEqual({
        matches: [],
        confidence: 0,
        familyConfidence: 0,
        abstained: true,
      });
    }
  });

  it('maps every curated alias and English title to its own code first', () => {
    for (const alias of [...OCCUPATION_ALIASES, ...ENGLISH_TITLES]) {
      expect(occupationLabel(alias.romeCode), alias.romeCode).not.toBeNull();
      expect(
        normalizeOccupation(alias.title).matches.map((match) => match.romeCode),
        alias.title,
      ).toContain(alias.romeCode);
    }
  });
});

describe('confidence and abstention', () => {
  it('abstains with a low confidence on bare head nouns, in both languages', () => {
    for (const title of [
      'Technicien',
      'Technicien H/F',
      'Agent',
      'Responsable',
      'Assistant',
      'Manager',
      'Opérateur',
      'Chef de projet',
      'Consultant',
      'Engineer',
      'Operations Manager',
      'Technician',
      'Specialist',
      'Officer',
      'Coordinator',
      'Associate',
      'Chargé de mission',
      'Chargée de projet',
      'Cheffe de projet H/F',
      "Chef d'équipe",
      'Employée',
      'Regional Manager',
    ]) {
      const result = normalizeOccupation(title);
      expect(result.abstained, title).toBe(true);
      expect(result.familyConfidence, title).toBeLessThan(0.5);
      expect(result.confidence, title).toBeLessThanOrEqual(result.familyConfidence);
    }
  });

  it('answers clear titles with a high confidence', () => {
    for (const [title, code] of [
      ['Cariste H/F', 'N1101'],
      ['Agent de propreté (H/F) - CDI 24h', 'K2205'],
      ['Data Engineer (H/F)', 'M1811'],
      ['Registered Nurse', 'J1506'],
    ] as const) {
      const result = normalizeOccupation(title);
      expect(result.matches[0]?.romeCode, title).toBe(code);
      expect(result.abstained, title).toBe(false);
      expect(result.confidence, title).toBeGreaterThan(0.8);
    }
  });

  it('keeps the job words of a title and drops company, agency, contract and seniority tails', () => {
    const family = (title: string) => occupationFamily(top(title) ?? '');
    expect(family("Agent d'entretien H/F - ABER PROPRETE AGENCE MENDE")).toBe('K2204');
    expect(family('Warehouse Operative - Nights - £12.50/hr')).toBe('N1103');
    expect(family('Lead Data Scientist H/F')).toBe('M1403');
    expect(family('Technicien 3D (dératisation, désinsectisation, désinfection) H/F')).toBe('K2305');
  });

  it('lands English "X Developer", "X Engineer", "Head of X", "X Operative" titles in their family', () => {
    const cases: [string, string][] = [
      ['PHP Developer', 'M1805'],
      ['Senior Java Developer', 'M1805'],
      ['DevOps Engineer', 'M1805'],
      ['Head of Finance', 'M1205'],
      ['Production Operative', 'H2102'],
      ['Marketing Assistant', 'M1705'],
      ['HVAC Technician', 'I1306'],
      ['Front Desk Agent', 'G1703'],
    ];
    for (const [title, family] of cases) expect(occupationFamily(top(title) ?? ''), title).toBe(family);
  });

  it('weighs the head word of an English title over rarer modifiers', () => {
    // "boot" alone would land in shoe repair, "third" in marine engineering.
    expect(occupationFamily(top('Senior Java Developer - Spring Boot') ?? '')).toBe('M1805');
    expect(occupationFamily(top('Third Grade Teacher') ?? '')).toMatch(/^K21/);
  });

  it('reads US and UK vocabulary that neither the ROME nor ESCO English labels carry', () => {
    const cases: [string, string][] = [
      ['Paraeducator', 'K2104'],
      ['Key Holder', 'D1503'],
      ['Store Associate', 'D1214'],
      ['Tax Analyst', 'M1203'],
      ['Family Advocate', 'K1204'],
      ['Soccer Coach', 'G1204'],
      ['Medical Records Clerk', 'M1609'],
      ['Help Desk Technician', 'I1401'],
      ['Aviation Mechanic', 'I1602'],
      ['Line Cook', 'G1602'],
    ];
    for (const [title, family] of cases) expect(occupationFamily(top(title) ?? ''), title).toBe(family);
  });

  it('keeps a bare broad English head noun below sure, and reads it with a modifier as usual', () => {
    for (const title of ['Teacher', 'Counselor', 'Clerk', 'Driver']) {
      const result = normalizeOccupation(title);
      expect(result.familyConfidence, title).toBeLessThanOrEqual(0.75);
      expect(result.confidence, title).toBeLessThanOrEqual(0.5);
    }
    expect(normalizeOccupation('Camp Counselor').familyConfidence).toBeGreaterThan(0.75);
  });

  it('reads acronyms the English titles spell (CFO), and no four-letter word as a typo of one', () => {
    expect(occupationFamily(top('CFO') ?? '')).toBe('M1205');
    expect(occupationFamily(top('Java Developer') ?? '')).toBe('M1805');
  });
});

describe('the English bridge', () => {
  it('does not file an ESCO label under a family one stray alternative label joined', () => {
    // ESCO's secondary-school teaching assistant lists "lecteur" (ROME: a publishing reader, E1105).
    const family = occupationFamily(top('secondary school teaching assistant') ?? '');
    expect(family).not.toBe('E1105');
    expect(family?.startsWith('K')).toBe(true);
  });
});

describe('specificity signals', () => {
  it('reads how many families hold every word of the title, and keeps an exact but unspecific label below sure', () => {
    const machine = searchOccupations('Machine Operator', 5);
    const analyst = searchOccupations('Data Analyst', 5);
    expect(machine.signals.query.coveringFamilies).toBeGreaterThan(20);
    expect(analyst.signals.query.coveringFamilies).toBeLessThanOrEqual(3);
    expect(machine.signals.query.coveringEntropy).toBeGreaterThan(analyst.signals.query.coveringEntropy);
    // Both are exact ESCO English labels: only the second names one family.
    expect(normalizeOccupation('Machine Operator').familyConfidence).toBeLessThan(0.9);
    expect(normalizeOccupation('Data Analyst').familyConfidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads how many families the most specific word spreads over, and what the best title matched', () => {
    const cariste = searchOccupations('Cariste', 5);
    const manager = searchOccupations('Manager', 5);
    expect(cariste.signals.query.specificFamilies).toBeLessThanOrEqual(2);
    expect(manager.signals.query.specificFamilies).toBeGreaterThan(20);
    expect(manager.signals.familyEntropy).toBeGreaterThan(cariste.signals.familyEntropy);
    // "technicien" alone found the best title of a title whose trade word no index knows.
    const headOnly = searchOccupations('Technicien zorglubage', 5).candidates[0]!;
    expect(headOnly.contentMatched).toBe(false);
    const typo = searchOccupations('Carisste', 5).candidates[0]!;
    expect(typo.contentMatched && !typo.exactContentMatched).toBe(true);
  });
});

describe('ROME codes as input', () => {
  it('reads a ROME v3 code as its v460 family, and says so', () => {
    const result = normalizeOccupation('M1403');
    expect(result.matches[0]).toMatchObject({ romeCode: 'M1403', score: 1 });
    expect(result.romeInput).toMatchObject({ code: 'M1403', version: 'v3', family: 'M1403' });
    expect(result.romeInput?.familyCodes).toContain('M1419');
    expect(result.romeInput?.v3Label).toBe('Études et prospectives socio-économiques');
    expect(result.romeInput?.note).toMatch(/ROME v3 code/);
  });

  it('reads a v4 code as itself, in its family, whatever the case and prefix', () => {
    for (const input of ['M1419', 'm1419', 'ROME M1419', 'code ROME : M1419']) {
      expect(normalizeOccupation(input).romeInput, input).toMatchObject({
        code: 'M1419',
        version: 'v4',
        romeCode: 'M1419',
        family: 'M1403',
      });
    }
  });

  it('treats an unknown code as a title', () => {
    expect(normalizeOccupation('A9999').romeInput).toBeUndefined();
  });
});

describe('curated aliases', () => {
  it('never contradict a ROME title with the same words', () => {
    for (const [language, rows, aliases] of [
      [FRENCH, frenchTitleRows(), OCCUPATION_ALIASES],
      [ENGLISH, englishTitleRows(), ENGLISH_TITLES],
    ] as const) {
      const romeCodes = new Map<string, Set<string>>();
      for (const [code, source, stems] of rows) {
        // ROME titles (0-2) and ESCO labels (3-4) the build kept; the curated lists are checked against them.
        if (source <= 4) romeCodes.set(stems, (romeCodes.get(stems) ?? new Set()).add(code));
      }
      for (const alias of aliases) {
        for (const entry of titleEntries([{ ...alias, source: 5 }], language)) {
          const codes = romeCodes.get(entry.stems.join(' '));
          if (codes && language === FRENCH) expect([...codes], alias.title).toContain(alias.romeCode);
        }
      }
    }
  });
});

describe('related occupations', () => {
  it('finds magasinier close to cariste and serveur not', () => {
    expect(occupationCloseness('N1110', 'N1101')).toBeGreaterThan(0.5);
    expect(occupationCloseness('N1101', 'N1110')).toBe(occupationCloseness('N1110', 'N1101'));
    expect(occupationCloseness('G1803', 'N1101')).toBe(0);
    expect(occupationCloseness('N1101', 'N1101')).toBe(1);
    expect(occupationCloseness('N1101', 'Z9999')).toBe(0);
  });

  it('lists related codes closest first, without the code itself', () => {
    const related = relatedOccupations('N1101');
    expect(related.length).toBeGreaterThan(5);
    expect(related.map((item) => item.romeCode)).not.toContain('N1101');
    expect(related.map((item) => item.romeCode)).toContain('N1110');
    for (let index = 1; index < related.length; index++) {
      expect(related[index - 1]!.closeness).toBeGreaterThanOrEqual(related[index]!.closeness);
    }
    expect(relatedOccupations('Z9999')).toEqual([]);
  });
});

describe('occupation labels and skills', () => {
  it('knows ROME v460 labels', () => {
    expect(occupationLabel('N1101')).toBe('Cariste');
    expect(occupationLabel('n1103')).toBe('Préparateur / Préparatrice de commandes');
    expect(occupationLabel('Z9999')).toBeNull();
  });

  it('lists ROME skills, inherited by v460 child codes from their family', () => {
    const cariste = occupationSkills('N1101');
    expect(cariste.length).toBeGreaterThan(5);
    expect(cariste.every((skill) => skill.id.startsWith('rome:') && skill.label.length > 0)).toBe(true);
    expect(occupationSkills('N1110')).toEqual(occupationSkills('N1103'));
  });
});
