import { describe, expect, it } from 'vitest';
import { CURATED_SKILLS } from './catalogue/skills.js';
import { findSkills, normalizeSkill } from './index.js';

describe('skills', () => {
  it('normalises curated skills whatever the accents, case and plural', () => {
    expect(normalizeSkill('Conduite de chariots élévateurs')?.id).toBe('skill:conduite-chariot-elevateur');
    expect(normalizeSkill('SOUDAGE TIG')?.id).toBe('skill:soudure-tig');
    expect(normalizeSkill('gestion de stock')?.id).toBe('skill:gestion-stocks');
    expect(normalizeSkill('xyzzy plugh')).toBeNull();
  });

  it('resolves every curated alias to its skill or to a skill sharing its wording', () => {
    for (const entry of CURATED_SKILLS) {
      for (const alias of entry.aliases) expect(normalizeSkill(alias), alias).not.toBeNull();
      expect(normalizeSkill(entry.label)?.id).toBe(entry.id);
    }
  });

  it('gives the English and French labels of an ESCO concept the same skill id', () => {
    const english = normalizeSkill('teamwork principles');
    expect(english).toEqual({
      id: 'esco:a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01',
      label: 'teamwork principles',
    });
    expect(normalizeSkill("principes du travail d'équipe")?.id).toBe(english!.id);
    expect(
      findSkills('Strong teamwork principles and customer focus').map((item) => item.value.id),
    ).toContain(english!.id);
  });

  it('knows ESCO labels', () => {
    const skill = normalizeSkill('techniques de soudage');
    expect(skill?.id).toMatch(/^(esco|rome|skill):/);
  });

  it('finds skill phrases in free text with offsets', () => {
    const text =
      'Missions : préparation de commandes en picking vocal, filmage des palettes, gestion des stocks sur SAP.';
    const mentions = findSkills(text);
    const ids = mentions.map((mention) => mention.value.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'skill:preparation-commandes',
        'skill:commande-vocale',
        'skill:filmage',
        'skill:gestion-stocks',
        'skill:sap',
      ]),
    );
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});
