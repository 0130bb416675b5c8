import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ProviderError, RateLimitError } from '../../src/errors.js';
import { type FakeApiServer, fakeVector } from './fake-api-server.js';
import { describeRemoteChatConformance } from './remote-chat-conformance.js';
import { describeRemoteErrorMapping } from './remote-error-mapping.js';
import { FAKE_KEY, personSchema, type RemoteTarget, useFakeServer } from './remote-target.js';

export { FAKE_KEY, type RemoteTarget } from './remote-target.js';

/** Wire format, faults and key hygiene for embeddings, then the chat suite: shared by every remote provider. */
export function describeRemoteConformance(target: RemoteTarget): void {
  describe(`${target.name}: through the real SDK against a local server`, () => {
    const fake = useFakeServer(target);
    const settings = fake.settings;
    let server: FakeApiServer;
    beforeEach(() => {
      server = fake.server();
    });

    it('sends the model, inputs and bearer key to /v1/embeddings', async () => {
      const model = target.create(settings()).embeddingModel();
      const { vectors } = await model.embed({ inputs: ['cariste', 'maçon'] });
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.method).toBe('POST');
      expect(request!.path).toBe('/v1/embeddings');
      expect(request!.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
      expect(request!.body.model).toBe(target.defaultEmbeddingModel);
      expect(request!.body.input).toEqual(['cariste', 'maçon']);
      expect(Array.from(vectors[1]!)).toEqual(
        Array.from(Float32Array.from(fakeVector('maçon', model.dimensions))),
      );
    });

    it('sends every request through an injected fetch', async () => {
      const seen: string[] = [];
      const fetch: typeof globalThis.fetch = (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return globalThis.fetch(input, init);
      };
      const provider = target.create(settings({ fetch }));
      await provider.embeddingModel().embed({ inputs: ['cariste'] });
      await provider.chatModel().generateText({ messages: [{ role: 'user', content: 'SMS' }] });
      expect(seen).toEqual([`${server.url}/v1/embeddings`, `${server.url}/v1/chat/completions`]);
    });

    it('splits inputs into batches by count and by size, keeping order', async () => {
      const model = target
        .create(settings({ dimensions: 8, batch: { maxInputs: 100, maxTokens: 2_000 } }))
        .embeddingModel();
      expect(model.dimensions).toBe(8);
      const inputs = Array.from({ length: 250 }, (_, index) => `profil ${index}`);
      inputs[120] = 'x'.repeat(6_000 * 3); // alone in its batch: larger than maxTokens, still sent
      const { vectors } = await model.embed({ inputs });
      const sizes = server.requests.map((request) => (request.body.input as string[]).length);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(250);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
      expect(sizes).toContain(1);
      expect(vectors).toHaveLength(250);
      expect(
        server.requests.every((request) => (request.body.dimensions ?? request.body.output_dimension) === 8),
      ).toBe(true);
      for (const index of [0, 99, 100, 120, 121, 249]) {
        expect(Array.from(vectors[index]!)).toEqual(
          Array.from(Float32Array.from(fakeVector(inputs[index]!, model.dimensions))),
        );
      }
    });

    it('waits for retry-after on 429 and then succeeds', async () => {
      server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '120' } });
      const retries: number[] = [];
      const model = target
        .create(settings({ retry: { initialDelayMs: 1, onRetry: (event) => retries.push(event.delayMs) } }))
        .embeddingModel();
      const started = performance.now();
      await model.embed({ inputs: ['cariste'] });
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
      expect(server.requests).toHaveLength(2);
      expect(retries).toEqual([120]);
    });

    it('retries 500 and 503, then gives up with the attempts and request id on the error', async () => {
      server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
      const model = target.create(settings()).embeddingModel();
      await model.embed({ inputs: ['cariste'] });
      expect(server.requests).toHaveLength(3);

      server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 503 })));
      const error = await model.embed({ inputs: ['maçon'] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ provider: target.name, status: 503, retryable: true, attempts: 3 });
      expect((error as ProviderError).requestId).toBe('req_fake_123');
      expect((error as Error).cause).toBeDefined();
      expect(server.requests).toHaveLength(6);
    });

    it('gives up on a 429 after the retries, as a RateLimitError', async () => {
      server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 429 })));
      const error = await target
        .create(settings())
        .embeddingModel()
        .embed({ inputs: ['a'] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ status: 429, attempts: 3 });
    });

    it('does not retry a 400 or a 401', async () => {
      server.enqueue({ kind: 'status', status: 400 });
      const model = target.create(settings()).embeddingModel();
      const badRequest = await model.embed({ inputs: ['a'] }).catch((caught: unknown) => caught);
      expect(badRequest).toMatchObject({ status: 400, retryable: false, attempts: 1 });
      server.enqueue({ kind: 'status', status: 401 });
      const unauthorised = await model.embed({ inputs: ['a'] }).catch((caught: unknown) => caught);
      expect(unauthorised).toBeInstanceOf(AuthenticationError);
      expect(server.requests).toHaveLength(2);
    });

    it('times out a slow answer and retries it', async () => {
      server.enqueue({ kind: 'slow', delayMs: 10_000 });
      const model = target.create(settings({ timeoutMs: 150 })).embeddingModel();
      const started = performance.now();
      const { vectors } = await model.embed({ inputs: ['cariste'] });
      expect(vectors).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(6_000);
      expect(server.requests).toHaveLength(2);
    });

    it('reports a timeout as a retryable ProviderError after the last attempt', async () => {
      server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'slow' as const, delayMs: 10_000 })));
      const error = await target
        .create(settings({ timeoutMs: 60 }))
        .embeddingModel()
        .embed({ inputs: ['a'] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ retryable: true, status: null, attempts: 3 });
    });

    it('retries a dropped connection', async () => {
      server.enqueue({ kind: 'drop' });
      const { vectors } = await target
        .create(settings())
        .embeddingModel()
        .embed({ inputs: ['cariste'] });
      expect(vectors).toHaveLength(1);
      expect(server.requests).toHaveLength(2);
    });

    it('turns a 200 answer of the wrong shape into a ProviderError, not a TypeError', async () => {
      const model = target.create(settings()).embeddingModel();
      const chat = target.create(settings()).chatModel();
      for (const fault of [
        { body: '{"unexpected": true}', contentType: 'application/json' },
        { body: '<html>Bad gateway</html>', contentType: 'text/html' },
      ]) {
        server.enqueue({ kind: 'raw', ...fault });
        await expect(model.embed({ inputs: ['a'] })).rejects.toBeInstanceOf(ProviderError);
        server.enqueue({ kind: 'raw', ...fault });
        await expect(
          chat.generateText({ messages: [{ role: 'user', content: 'x' }] }),
        ).rejects.toBeInstanceOf(ProviderError);
      }
    });

    it('stops waiting when the caller aborts, without retrying', async () => {
      server.enqueue({ kind: 'slow', delayMs: 10_000 });
      const controller = new AbortController();
      const model = target.create(settings({ timeoutMs: 5_000 })).embeddingModel();
      const pending = model.embed({ inputs: ['a'], signal: controller.signal });
      await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 5_000, interval: 5 });
      const started = performance.now();
      controller.abort(new Error('user cancelled'));
      await expect(pending).rejects.toThrow('user cancelled');
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(server.requests).toHaveLength(1);
    });

    it.runIf(target.requiresKey)(
      'reads the key from the environment at call time, and fails clearly without one',
      async () => {
        const env: Record<string, string | undefined> = {};
        const provider = target.create({ ...settings(), apiKey: undefined, env });
        const model = provider.embeddingModel();
        const error = await model.embed({ inputs: ['a'] }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AuthenticationError);
        expect((error as Error).message).toContain(target.keyVariable);
        expect(server.requests).toHaveLength(0);
        env[target.keyVariable] = FAKE_KEY;
        await model.embed({ inputs: ['a'] });
        expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
      },
    );

    it.runIf(!target.requiresKey)(
      'calls without a key (no Authorization header), or with one read from the environment at call time',
      async () => {
        const env: Record<string, string | undefined> = {};
        const model = target.create({ ...settings(), apiKey: undefined, env }).embeddingModel();
        await model.embed({ inputs: ['a'] });
        expect(server.requests[0]!.headers.authorization).toBeUndefined();
        env[target.keyVariable] = FAKE_KEY;
        await model.embed({ inputs: ['b'] });
        expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
      },
    );

    it('sends the extra headers of the settings on every request', async () => {
      const provider = target.create(settings({ headers: { 'x-tenant': 'agence-lyon' } }));
      await provider.embeddingModel().embed({ inputs: ['cariste'] });
      await provider.chatModel().generateText({ messages: [{ role: 'user', content: 'SMS' }] });
      expect(server.requests.map((request) => request.headers['x-tenant'])).toEqual([
        'agence-lyon',
        'agence-lyon',
      ]);
    });

    it('never lets the API key out, even when the server echoes it', async () => {
      const echo = `Incorrect API key provided: ${FAKE_KEY}`;
      const captured: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string | Uint8Array) => {
        captured.push(String(chunk));
        return true;
      }) as typeof process.stderr.write;
      const errors: unknown[] = [];
      try {
        const provider = target.create(settings());
        for (const status of [401, 500, 429, 400]) {
          server.enqueue(
            ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status, message: echo })),
          );
          errors.push(
            await provider
              .embeddingModel()
              .embed({ inputs: ['a'] })
              .catch((caught: unknown) => caught),
          );
        }
        server.enqueue({ kind: 'status', status: 403, message: echo });
        errors.push(
          await provider
            .chatModel()
            .generateObject({ schema: personSchema, messages: [{ role: 'user', content: 'hi' }] })
            .catch((caught: unknown) => caught),
        );
      } finally {
        process.stderr.write = write;
      }
      expect(errors).toHaveLength(5);
      for (const error of errors) {
        expect(error).toBeInstanceOf(ProviderError);
        const text = [
          (error as Error).message,
          (error as Error).stack,
          JSON.stringify(error),
          inspect(error, { depth: 8, showHidden: true }),
        ].join('\n');
        expect(text).not.toContain(FAKE_KEY);
        expect(text).not.toContain('CANARY');
      }
      expect(captured.join('')).not.toContain(FAKE_KEY);
    });
  });
  describeRemoteChatConformance(target);
  describeRemoteErrorMapping(target);
}
