import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../domain/index.js';
import { explainMatch } from './explain-match.js';

const result: MatchResult = {
  candidateId: 'cv_0123456789abcdef',
  score: 71.5,
  rank: 2,
  breakdown: [
    {
      criterion: 'occupation',
      score: 100,
      weight: 0.5,
      source: 'rule',
      evidence: ["Cariste (2022-03 – aujourd'hui)"],
      met: 'yes',
    },
    {
      criterion: 'distance',
      score: 55,
      weight: 0.2,
      source: 'rule',
      evidence: ['69190 Saint-Fons'],
      met: 'partial',
    },
    { criterion: 'certifications', score: 0, weight: 0.1, source: 'rule', evidence: [], met: 'no' },
    {
      criterion: 'llm',
      score: 60,
      weight: 0.2,
      source: 'llm',
      evidence: ['chariot élévateur'],
      met: 'partial',
    },
    { criterion: 'llm:CACES', score: 0, weight: 0, source: 'llm', evidence: [], met: 'no' },
  ],
  unmetRequirements: [
    {
      kind: 'certification',
      requirement: 'CACES_R489_3',
      message: 'CACES R489 catégorie 3 manquant : formation possible en 3 jours',
    },
  ],
  summary: '',
  warnings: [],
};

describe('explainMatch', () => {
  it('tells a recruiter, in French, what is met and unmet with quotes, and the role of the AI', () => {
    const text = explainMatch(result, { audience: 'recruiter', language: 'fr', job: { title: 'Cariste' } });
    expect(text).toContain('rang 2, score 71.5/100');
    expect(text).toContain('Critères remplis');
    expect(text).toContain("« Cariste (2022-03 – aujourd'hui) »");
    expect(text).toContain('formation possible en 3 jours');
    expect(text).toContain('recommandation à valider par un recruteur ; aucune décision automatique');
    expect(text).toContain('modèle de langage'); // an LLM entry is weighted: the text says so
  });

  it('tells a recruiter the same in English', () => {
    const text = explainMatch(result, { audience: 'recruiter', language: 'en' });
    expect(text).toContain('rank 2, score 71.5/100');
    expect(text).toContain('Criteria not met:');
    expect(text).toContain('no automated decision');
  });

  it('tells a candidate what was considered and how to ask a human, without ranks', () => {
    const fr = explainMatch(result, { audience: 'candidate', language: 'fr', job: { title: 'Cariste' } });
    expect(fr).toContain('métier, distance, certifications, avis du LLM');
    expect(fr).toContain('demandez à parler à un recruteur');
    expect(fr).not.toContain('rang');
    const en = explainMatch(result, { audience: 'candidate', language: 'en' });
    expect(en).toContain('What is missing or was not found in your CV');
    expect(en).toContain('ask to speak with a recruiter');
    expect(en).toContain('Your name, contact details, age, nationality and family situation are not used');
  });

  it('does not mention embeddings or an LLM when none was used', () => {
    const rulesOnly = { ...result, breakdown: result.breakdown.filter((entry) => entry.source === 'rule') };
    const text = explainMatch(rulesOnly, { audience: 'recruiter', language: 'en' });
    expect(text).not.toContain('language model');
    expect(text).not.toContain('embeddings');
  });
});
