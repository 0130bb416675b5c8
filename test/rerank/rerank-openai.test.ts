import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobOrderSchema } from '../../src/domain/index.js';
import { rerankWithLlm } from '../../src/matching/rerank/index.js';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { foldAccents } from '../../src/text/normalize.js';
import { makeProfile, SAMPLE_IDENTITY } from '../compliance/make-profile.js';
import { type FakeApiServer, startFakeApiServer } from '../providers/fake-api-server.js';
import { candidateBlocks } from './fake-chat-model.js';

const job = jobOrderSchema.parse({
  id: 'job-e2e',
  title: 'Cariste',
  requiredCertifications: ['CACES_R489_3'],
  startDate: '2026-12-07',
});

const people = [
  SAMPLE_IDENTITY,
  {
    first: 'Mamadou',
    last: 'Traoré',
    civility: 'Monsieur' as const,
    email: 'mamadou.traore@example.com',
    phone: '+33633333333',
  },
  {
    first: 'Svetlana',
    last: 'Ivanova',
    civility: 'Madame' as const,
    email: 'svetlana.ivanova@example.org',
    phone: '+33644444444',
  },
];
const candidates = Array.from({ length: 6 }, (_, index) =>
  makeProfile(`cv_${index}`, people[index % people.length]),
);

let server: FakeApiServer;
beforeAll(async () => {
  server = await startFakeApiServer('openai');
  // The fake API answers like a model: one entry per fenced candidate, quoting its block.
  server.chatContent = (body) => {
    const prompt = (body.messages as { content: string }[]).map((message) => message.content).join('\n');
    return JSON.stringify({
      candidates: [...candidateBlocks(prompt)].map(([id, block]) => ({
        id,
        score: 70,
        criteria: [
          {
            criterion: 'certification CACES_R489_3',
            met: 'yes',
            evidence: [
              block.split('\n').find((line) => line.includes('CACES R489 catégories')) ?? '',
              'invented quote',
            ],
          },
        ],
        summary: 'Cariste confirmé avec le CACES requis. Disponible immédiatement.',
      })),
    });
  };
});
afterAll(async () => {
  await server.close();
});

const model = () =>
  createOpenAI({
    apiKey: 'sk-test-rerank',
    baseURL: `${server.url}/v1`,
    timeoutMs: 3_000,
    maxRetries: 0,
    env: {},
  }).chatModel!('gpt-4o-mini');

describe('rerankWithLlm through the OpenAI provider and a local fake API', () => {
  it('sends pseudonymised, fenced batches with deterministic settings and reads the structured answer', async () => {
    server.requests.length = 0;
    const { assessments, usage } = await rerankWithLlm(job, candidates, {
      model: model(),
      batchSize: 3,
      concurrency: 1,
    });
    expect(server.requests).toHaveLength(2);
    const sent = foldAccents(JSON.stringify(server.requests.map((request) => request.body))).toLowerCase();
    for (const person of people) {
      for (const value of [person.first, person.last, person.email, person.phone, person.phone.slice(3)]) {
        expect(sent, value).not.toContain(foldAccents(value).toLowerCase());
      }
    }
    const body = server.requests[0]!.body;
    expect(body.temperature).toBe(0);
    expect(body.seed).toBeTypeOf('number');
    expect(JSON.stringify(body.response_format)).toContain('candidate_assessments');
    expect(usage.calls).toBe(2);
    expect(usage.inputTokens).toBeGreaterThan(0);
    const first = assessments.get('cv_0');
    if (!first?.ok) throw new Error('expected an assessment for cv_0');
    expect(first.criteria[0]!.evidence).toEqual(['CACES R489 catégories 1A, 3 et 5 (valide 2028)']);
    expect(first.flags).toEqual(['quote-not-found: invented quote']);
  });

  it('degrades the batch whose call fails, visibly, and assesses the others', async () => {
    server.requests.length = 0;
    server.enqueue({ kind: 'status', status: 500 });
    const { assessments } = await rerankWithLlm(job, candidates, {
      model: model(),
      batchSize: 3,
      concurrency: 1,
    });
    const codes = candidates.map((candidate) => {
      const assessment = assessments.get(candidate.id)!;
      return assessment.ok ? 'ok' : assessment.code;
    });
    expect(codes).toEqual(['llm-failed', 'llm-failed', 'llm-failed', 'ok', 'ok', 'ok']);
  });

  /** Six candidates in batches of three: the first batch degraded, the second assessed. */
  const FIRST_BATCH_DEGRADED = [false, false, false, true, true, true];

  it('retries a reply cut short (a body that is not valid JSON), then degrades that batch', async () => {
    server.requests.length = 0;
    const cut = {
      kind: 'raw',
      body: '{"id": "chatcmpl-1", "choices": [',
      contentType: 'application/json',
    } as const;
    server.enqueue(cut, cut);
    const retrying = createOpenAI({
      apiKey: 'sk-test-rerank',
      baseURL: `${server.url}/v1`,
      timeoutMs: 3_000,
      maxRetries: 1,
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
      env: {},
    }).chatModel!('gpt-4o-mini');
    const { assessments } = await rerankWithLlm(job, candidates, {
      model: retrying,
      batchSize: 3,
      concurrency: 1,
    });
    // Two attempts for the first batch (both cut short), one for the second.
    expect(server.requests).toHaveLength(3);
    const first = assessments.get('cv_0');
    expect(!first?.ok && first?.message).toMatch(/not valid JSON/);
    expect([...assessments.values()].map((assessment) => assessment.ok)).toEqual(FIRST_BATCH_DEGRADED);
  });

  it('repairs an answer that is invalid JSON once, then degrades that batch', async () => {
    server.requests.length = 0;
    const truncated = { kind: 'content', content: '{"candidates": [{"id": "c1", "score": 7' } as const;
    server.enqueue(truncated, truncated);
    const { assessments } = await rerankWithLlm(job, candidates, {
      model: model(),
      batchSize: 3,
      concurrency: 1,
    });
    expect(server.requests).toHaveLength(3);
    const first = assessments.get('cv_0');
    expect(!first?.ok && first?.message).toMatch(/^ObjectValidationError: .*after one repair attempt/);
    expect([...assessments.values()].map((assessment) => assessment.ok)).toEqual(FIRST_BATCH_DEGRADED);
  });
});
