import { beforeEach, describe, expect, it } from 'vitest';
import { ObjectValidationError } from '../../src/errors.js';
import { createMemoryCache } from '../../src/providers/middleware/cache.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import type { FakeApiServer } from './fake-api-server.js';
import { personSchema, type RemoteTarget, useFakeServer } from './remote-target.js';

/** Structured output, repair, text, cache, cost and concurrency, through the real SDK. */
export function describeRemoteChatConformance(target: RemoteTarget): void {
  describe(`${target.name}: chat, cache and usage through the real SDK`, () => {
    const fake = useFakeServer(target);
    const settings = fake.settings;
    let server: FakeApiServer;
    beforeEach(() => {
      server = fake.server();
    });

    it('asks for structured output with the JSON schema, temperature 0 and the seed', async () => {
      server.chatContent = () => JSON.stringify({ name: 'Camille Test', licences: ['B', 'C'], years: 4 });
      const usage = createUsageMeter();
      const chat = target.create(settings({ usage })).chatModel();
      const result = await chat.generateObject({
        schema: personSchema,
        schemaName: 'person',
        seed: 7,
        messages: [
          { role: 'system', content: 'Extract the candidate.' },
          { role: 'user', content: 'Camille Test, permis B et C, 4 ans' },
        ],
      });
      expect(result.object).toEqual({ name: 'Camille Test', licences: ['B', 'C'], years: 4 });
      const body = server.requests[0]!.body;
      expect(server.requests[0]!.path).toBe('/v1/chat/completions');
      expect(body.model).toBe(target.defaultChatModel);
      expect(body.temperature).toBe(0);
      expect(body[target.seedField]).toBe(7);
      expect(body.messages).toEqual([
        { role: 'system', content: 'Extract the candidate.' },
        { role: 'user', content: 'Camille Test, permis B et C, 4 ans' },
      ]);
      const format = body.response_format as { type: string; json_schema: Record<string, unknown> };
      expect(format.type).toBe('json_schema');
      expect(format.json_schema.name).toBe('person');
      expect(format.json_schema.strict).toBe(true);
      expect(format.json_schema.schema).toMatchObject({
        type: 'object',
        required: ['name', 'licences', 'years'],
        additionalProperties: false,
        properties: { licences: { type: 'array', items: { enum: ['B', 'C', 'CE'] } } },
      });
      expect(result.usage.inputTokens).toBe(11);
      expect(usage.report()).toMatchObject({
        calls: 1,
        inputTokens: 11,
        outputTokens: result.usage.outputTokens,
      });
    });

    it('repairs an invalid answer once, telling the model what was wrong', async () => {
      server.enqueue({
        kind: 'content',
        content: JSON.stringify({ name: 'Camille', licences: ['Z'], years: -1 }),
      });
      server.chatContent = () => JSON.stringify({ name: 'Camille', licences: ['B'], years: 1 });
      const chat = target.create(settings()).chatModel();
      const { object } = await chat.generateObject({
        schema: personSchema,
        messages: [{ role: 'user', content: 'Camille, permis B' }],
      });
      expect(object.licences).toEqual(['B']);
      expect(server.requests).toHaveLength(2);
      const retryMessages = server.requests[1]!.body.messages as { role: string; content: string }[];
      expect(retryMessages).toHaveLength(3);
      expect(retryMessages[1]).toMatchObject({
        role: 'assistant',
        content: JSON.stringify({ name: 'Camille', licences: ['Z'], years: -1 }),
      });
      expect(retryMessages[2]!.role).toBe('user');
      expect(retryMessages[2]!.content).toContain('licences.0');
      expect(retryMessages[2]!.content).toContain('years');
    });

    it('fails with the zod issues when the repaired answer is still wrong', async () => {
      server.enqueue({ kind: 'content', content: '{"name": "Camille", ' });
      server.chatContent = () => JSON.stringify({ name: 'Camille', licences: 'B' });
      const error = await target
        .create(settings())
        .chatModel()
        .generateObject({ schema: personSchema, messages: [{ role: 'user', content: 'x' }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ObjectValidationError);
      const issues = (error as ObjectValidationError).issues;
      expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['licences', 'years']);
      expect(error).toMatchObject({ attempts: 2, retryable: false });
      expect((server.requests[1]!.body.messages as { content: string }[])[2]!.content).toContain(
        'Invalid JSON',
      );
      expect(server.requests).toHaveLength(2);
    });

    it('generates plain text without a response format', async () => {
      server.chatContent = () => 'Bonjour Camille, êtes-vous disponible lundi ?';
      const { text, usage } = await target
        .create(settings())
        .chatModel()
        .generateText({ messages: [{ role: 'user', content: 'Rédige un SMS' }], maxOutputTokens: 50 });
      expect(text).toBe('Bonjour Camille, êtes-vous disponible lundi ?');
      expect(usage.outputTokens).toBe(6);
      expect(server.requests[0]!.body.response_format).toBeUndefined();
      expect(server.requests[0]!.body.max_tokens).toBe(50);
    });

    it('answers a second run from the cache with no HTTP call', async () => {
      const cache = createMemoryCache();
      server.chatContent = () => JSON.stringify({ name: 'Camille', licences: [], years: 2 });
      const run = async () => {
        const usage = createUsageMeter();
        const provider = target.create(settings({ cache, usage }));
        const embedded = await provider.embeddingModel().embed({ inputs: ['cariste', 'maçon', 'cariste'] });
        const generated = await provider.chatModel().generateObject({
          schema: personSchema,
          messages: [{ role: 'user', content: 'Camille' }],
        });
        return { embedded, generated, report: usage.report() };
      };
      const first = await run();
      const requestsAfterFirst = server.requests.length;
      expect(requestsAfterFirst).toBe(2);
      const second = await run();
      expect(server.requests).toHaveLength(requestsAfterFirst);
      expect(second.embedded.vectors.map((vector) => Array.from(vector))).toEqual(
        first.embedded.vectors.map((vector) => Array.from(vector)),
      );
      expect(second.generated.object).toEqual(first.generated.object);
      expect(second.report).toMatchObject({ calls: 0, cachedCalls: 2, inputTokens: 0, costEstimate: 0 });
      expect(first.report.calls).toBe(2);
    });

    it('estimates cost from the price table, which users can override', async () => {
      const usage = createUsageMeter({
        prices: {
          [`${target.name}/${target.defaultEmbeddingModel}`]: {
            inputPerMillion: 1_000_000,
            outputPerMillion: 0,
          },
        },
      });
      const model = target.create(settings({ usage })).embeddingModel();
      await model.embed({ inputs: ['un deux trois', 'quatre cinq'] });
      const report = usage.report();
      expect(report.inputTokens).toBe(5);
      expect(report.costEstimate).toBeCloseTo(5, 6);
      expect(report.currency).toBe('USD');
      expect(report.byModel[`${target.name}/${target.defaultEmbeddingModel}`]).toMatchObject({ calls: 1 });
    });

    it('uses prices given to the provider over the meter table', async () => {
      const usage = createUsageMeter();
      const prices = { [`${target.name}/*`]: { inputPerMillion: 2_000_000, outputPerMillion: 0 } };
      await target
        .create(settings({ usage, prices }))
        .embeddingModel()
        .embed({ inputs: ['un deux'] });
      expect(usage.report().costEstimate).toBeCloseTo(4, 6);
    });

    it('keeps at most maxConcurrency requests in flight', async () => {
      server.enqueue(...Array.from({ length: 4 }, () => ({ kind: 'slow' as const, delayMs: 40 })));
      const model = target.create(settings({ maxConcurrency: 1, timeoutMs: 2_000 })).embeddingModel();
      const started = performance.now();
      await Promise.all(['a', 'b', 'c', 'd'].map((input) => model.embed({ inputs: [input] })));
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(server.requests).toHaveLength(4);
    });
  });
}
