import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { CACES_RECOMMENDATIONS, LEGACY_CACES } from './catalogue/caces.js';
import { ELECTRICAL_LEVELS, OTHER_CERTIFICATIONS } from './catalogue/certifications.js';
import {
  certificationInfo,
  certificationSatisfies,
  findCertifications,
  normalizeCertification,
} from './index.js';

describe('certification catalogue', () => {
  it('resolves every alias of every curated certification to that certification', () => {
    for (const entry of OTHER_CERTIFICATIONS) {
      for (const alias of entry.aliases) {
        expect(normalizeCertification(alias)?.code, alias).toBe(entry.code);
      }
    }
  });

  it('resolves every CACES category written the long way and the short way', () => {
    for (const { recommendation, categories } of CACES_RECOMMENDATIONS) {
      for (const { category } of categories) {
        const code = category ? `CACES_${recommendation}_${category}` : `CACES_${recommendation}`;
        expect(certificationInfo(code)?.code).toBe(code);
        const text = category ? `CACES ${recommendation} catégorie ${category}` : `CACES ${recommendation}`;
        expect(normalizeCertification(text)?.code, text).toBe(code);
      }
    }
  });

  it('resolves every habilitation électrique level', () => {
    for (const { level } of ELECTRICAL_LEVELS) {
      const written = level.replace('_', ' ').replace('MANOEUVRE', 'manœuvre').toLowerCase();
      const text = `habilitation électrique ${written.replace(/^(\w+)/, (head) => head.toUpperCase())}`;
      expect(normalizeCertification(text)?.code, text).toBe(`HAB_ELEC_${level}`);
    }
  });

  it('maps old recommendations to current codes that exist', () => {
    for (const categories of Object.values(LEGACY_CACES)) {
      for (const current of Object.values(categories)) expect(certificationInfo(current)).not.toBeNull();
    }
    for (const text of [
      'CACES R389 cat 5',
      'caces 5',
      'CACES R489 catégorie 5',
      'cat 5',
      'R389 5',
      'CACES_R389_5',
    ]) {
      expect(normalizeCertification(text)?.code, text).toBe('CACES_R489_5');
    }
    expect(normalizeCertification('CACES R386 3B')?.code).toBe('CACES_R486_B');
    expect(normalizeCertification('CACES R389 cat 6')?.code).toBe('CACES_R489_7');
  });

  it('gives validity periods and training days', () => {
    expect(certificationInfo('CACES_R489_3')).toMatchObject({
      validityYears: 5,
      trainingDays: 3,
      family: 'caces',
    });
    expect(certificationInfo('CACES_R482_A')?.validityYears).toBe(10);
    expect(certificationInfo('SST')?.validityYears).toBe(2);
    expect(certificationInfo('HAB_ELEC_B1V')).toMatchObject({ family: 'electrical', validityYears: 3 });
    expect(certificationInfo('DEAS')?.validityYears).toBeNull();
    expect(certificationInfo('CACES_R489_9')).toBeNull();
  });

  it('returns null for text that names no certification', () => {
    for (const text of ['', 'cariste', 'permis B', 'anglais courant', 'CACES', 'habilitation électrique']) {
      expect(normalizeCertification(text), text).toBeNull();
    }
  });

  it('reads a bare level as an habilitation when the whole text is that level (a certification field)', () => {
    expect(normalizeCertification('B1')?.code).toBe('HAB_ELEC_B1');
    expect(findCertifications('Anglais B1').map((mention) => mention.value.code)).toEqual([]);
  });
});

describe('findCertifications', () => {
  const codes = (text: string) => findCertifications(text).map((mention) => mention.value.code);

  it('gives one mention per category of a list, with offsets into the input', () => {
    const text = 'Permis B. CACES 1, 3 et 5 à jour.';
    const mentions = findCertifications(text);
    expect(mentions.map((mention) => mention.value.code)).toEqual([
      'CACES_R489_1A',
      'CACES_R489_3',
      'CACES_R489_5',
    ]);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(mentions[0]?.text).toBe('CACES 1');
  });

  it('needs CACES context for a bare category', () => {
    expect(codes('cat 3')).toEqual([]);
    expect(codes('Expérience : 3 ans, cat 5 véhicule')).toEqual([]);
    expect(codes('cariste cat3')).toEqual(['CACES_R489_3']);
    expect(codes('CACES 1, 3, 4 ans d’expérience')).toEqual(['CACES_R489_1A', 'CACES_R489_3']);
    expect(codes('CACES 3 et 5 en cours d’obtention')).toEqual([]);
    expect(codes('CACES :\ncat 3, cat 5')).toEqual(['CACES_R489_3', 'CACES_R489_5']);
    expect(codes('CACES R486 B, R482 A et nacelle')).toEqual(['CACES_R486_B', 'CACES_R482_A']);
  });

  it('finds habilitations électriques without taking language levels or addresses', () => {
    expect(codes('Habilitation électrique B1V, BR et BE manœuvre')).toEqual([
      'HAB_ELEC_B1V',
      'HAB_ELEC_BR',
      'HAB_ELEC_BE_MANOEUVRE',
    ]);
    expect(codes('hab elec B0H0V')).toEqual(['HAB_ELEC_B0', 'HAB_ELEC_H0V']);
    expect(codes('Anglais B1, espagnol B2')).toEqual([]);
    expect(codes('Adr. 12 rue des Lilas')).toEqual([]);
  });

  it('reads a CV block with several families', () => {
    const text =
      'FORMATIONS\nSST (2023) - FIMO/FCO marchandises\nADR citerne\nTitre professionnel cariste d’entrepôt';
    expect(codes(text)).toEqual([
      'SST',
      'FIMO_MARCHANDISES',
      'FCO_MARCHANDISES',
      'ADR_CITERNE',
      'TP_CARISTE_ENTREPOT',
    ]);
  });
});

describe('certificationSatisfies', () => {
  it('does not let one CACES category stand for another', () => {
    const check = certificationSatisfies({ code: 'CACES_R489_5' }, 'CACES_R489_3', '2026-01-01');
    expect(check).toMatchObject({ satisfied: false, status: 'not-equivalent' });
  });

  it('accepts an old certificate under its new code while valid, and flags it expired after', () => {
    const held = { code: 'CACES R389 cat 3', validUntil: '2025-06-30' };
    expect(certificationSatisfies(held, 'CACES_R489_3', '2025-06-30')).toMatchObject({
      satisfied: true,
      status: 'valid',
    });
    const expired = certificationSatisfies(held, 'CACES_R489_3', '2025-07-01');
    expect(expired).toMatchObject({ satisfied: false, status: 'expired' });
    expect(expired.message).toContain('2025-06-30');
  });

  it('applies only documented equivalences', () => {
    expect(certificationSatisfies({ code: 'SST' }, 'PSC1').satisfied).toBe(true);
    expect(certificationSatisfies({ code: 'PSC1' }, 'SST').satisfied).toBe(false);
    expect(certificationSatisfies({ code: 'FCO_MARCHANDISES' }, 'FIMO_MARCHANDISES').satisfied).toBe(true);
    expect(certificationSatisfies({ code: 'FCO_VOYAGEURS' }, 'FIMO_MARCHANDISES').satisfied).toBe(false);
    expect(certificationSatisfies({ code: 'ADR_CITERNE' }, 'ADR_BASE').satisfied).toBe(true);
    // Decision: habilitation levels satisfy only themselves.
    expect(certificationSatisfies({ code: 'HAB_ELEC_B2V' }, 'HAB_ELEC_B1V').status).toBe('not-equivalent');
    expect(certificationSatisfies({ code: 'HAB_ELEC_B1V' }, 'habilitation électrique B1V').satisfied).toBe(
      true,
    );
  });

  it('rejects a malformed date with a ValidationError', () => {
    expect(() => certificationSatisfies({ code: 'SST' }, 'SST', '29/11/2026')).toThrow(ValidationError);
  });

  it('reports unknown codes', () => {
    expect(certificationSatisfies({ code: 'XYZ' }, 'SST').status).toBe('unknown-code');
    expect(certificationSatisfies({ code: 'SST' }, 'nothing known').status).toBe('unknown-code');
  });
});
