import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditFairness } from '../../src/compliance/index.js';
import {
  type CandidateProfile,
  type JobOrder,
  jobOrderSchema,
  type MatchResult,
} from '../../src/domain/index.js';
import { rerankWithLlm } from '../../src/matching/rerank/index.js';
import { candidateBlocks, createFakeChatModel, type RecordedRequest } from '../rerank/fake-chat-model.js';
import { makeProfile, SAMPLE_IDENTITY } from './make-profile.js';

/** A model whose score is a hash of exactly what it was shown: any identity leak moves the score. */
function textHashModel() {
  return createFakeChatModel({
    respond: (request: RecordedRequest) => {
      const prompt = request.messages.map((message) => message.content).join('\n');
      return {
        candidates: [...candidateBlocks(prompt)].map(([id, block]) => ({
          id,
          score: Number.parseInt(createHash('sha256').update(block).digest('hex').slice(0, 4), 16) % 101,
          criteria: [],
          summary: 'Profil évalué. Décision humaine requise.',
        })),
      };
    },
  });
}

function resultsFrom(scores: Map<string, number>): MatchResult[] {
  return [...scores]
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1))
    .map(([candidateId, score], index) => ({
      candidateId,
      score,
      rank: index + 1,
      breakdown: [],
      unmetRequirements: [],
      summary: '',
      warnings: [],
    }));
}

const job = jobOrderSchema.parse({ id: 'job-1', title: 'Cariste', requiredCertifications: ['CACES_R489_3'] });
const profiles = [
  makeProfile('cv_a'),
  makeProfile('cv_b', { ...SAMPLE_IDENTITY, first: 'Jean', last: 'Martin', civility: 'Monsieur' }),
  makeProfile('cv_c', { ...SAMPLE_IDENTITY, first: 'Fatima', last: 'Zahra', email: 'f.zahra@example.org' }),
];

describe('fairness of the LLM rerank (same CV, another name → same score)', () => {
  it('passes: the model sees the same pseudonymised text whoever the candidate is', async () => {
    const rank = async (jobOrder: JobOrder, pool: CandidateProfile[]) => {
      const { assessments } = await rerankWithLlm(jobOrder, pool, { model: textHashModel().model });
      return resultsFrom(
        new Map(
          pool.map((profile) => [
            profile.id,
            assessments.get(profile.id)?.ok ? (assessments.get(profile.id) as { score: number }).score : 0,
          ]),
        ),
      );
    };
    const report = await auditFairness({ job, profiles, rank, variants: 12 });
    expect(report.maxScoreDelta).toBe(0);
    expect(report.passed).toBe(true);
  });

  it('fails when the raw CV (with the name) reaches the model, so the check can catch a leak', async () => {
    const rank = async (_job: JobOrder, pool: CandidateProfile[]) => {
      const fake = textHashModel();
      const scores = new Map<string, number>();
      for (const profile of pool) {
        const { object } = await fake.model.generateObject({
          schema: (await import('../../src/matching/rerank/index.js')).rerankAnswerSchema,
          messages: [{ role: 'user', content: `<candidate id="c1">\n${profile.text}\n</candidate>` }],
        });
        scores.set(profile.id, object.candidates[0]!.score);
      }
      return resultsFrom(scores);
    };
    const report = await auditFairness({ job, profiles, rank, variants: 4 });
    expect(report.passed).toBe(false);
    expect(report.maxScoreDelta).toBeGreaterThan(0);
  });
});
