import { createServer } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError, RateLimitError } from '../../src/errors.js';
import type { FakeApiServer, Fault } from './fake-api-server.js';
import { type RemoteTarget, useFakeServer } from './remote-target.js';

/** A port on 127.0.0.1 with nothing listening: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Expected {
  errorClass: typeof ProviderError;
  retryable: boolean;
  status?: number | null;
  retryAfterMs?: number | null;
  message: RegExp;
}

const status = (code: number, extra: Partial<Extract<Fault, { kind: 'status' }>> = {}): Fault => ({
  kind: 'status',
  status: code,
  ...extra,
});

/** HTTP answers: the same result whichever SDK read them (documented in the README's error table). */
const HTTP_CASES: [string, Fault, Expected][] = [
  [
    '401',
    status(401),
    { errorClass: AuthenticationError, retryable: false, status: 401, message: /HTTP 401/ },
  ],
  [
    '403',
    status(403),
    { errorClass: AuthenticationError, retryable: false, status: 403, message: /HTTP 403/ },
  ],
  [
    '429 with retry-after (seconds)',
    status(429, { headers: { 'retry-after': '2' } }),
    { errorClass: RateLimitError, retryable: true, status: 429, retryAfterMs: 2_000, message: /HTTP 429/ },
  ],
  [
    '429 with retry-after-ms',
    status(429, { headers: { 'retry-after-ms': '150' } }),
    { errorClass: RateLimitError, retryable: true, status: 429, retryAfterMs: 150, message: /HTTP 429/ },
  ],
  [
    '429 without a hint',
    status(429),
    { errorClass: RateLimitError, retryable: true, status: 429, retryAfterMs: null, message: /HTTP 429/ },
  ],
  ['500', status(500), { errorClass: ProviderError, retryable: true, status: 500, message: /HTTP 500/ }],
  ['503', status(503), { errorClass: ProviderError, retryable: true, status: 503, message: /HTTP 503/ }],
  ['408', status(408), { errorClass: ProviderError, retryable: true, status: 408, message: /HTTP 408/ }],
  ['409', status(409), { errorClass: ProviderError, retryable: true, status: 409, message: /HTTP 409/ }],
  ['400', status(400), { errorClass: ProviderError, retryable: false, status: 400, message: /HTTP 400/ }],
  ['404', status(404), { errorClass: ProviderError, retryable: false, status: 404, message: /HTTP 404/ }],
  [
    '502 with an HTML body',
    { kind: 'raw', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
    { errorClass: ProviderError, retryable: true, status: 502, message: /HTTP 502/ },
  ],
];

/** Transport failures and bodies that are not the API's. */
const TRANSPORT_CASES: [string, Fault, Expected][] = [
  [
    'a connection reset before any answer',
    { kind: 'drop' },
    { errorClass: ProviderError, retryable: true, status: null, message: /connection failed/ },
  ],
  [
    'a connection reset in the middle of the body',
    { kind: 'reset' },
    { errorClass: ProviderError, retryable: true, status: null, message: /connection failed/ },
  ],
  [
    'a body that stalls after the headers',
    { kind: 'stall' },
    { errorClass: ProviderError, retryable: true, status: null, message: /timed out/ },
  ],
  [
    'a 200 body cut short (not valid JSON)',
    { kind: 'raw', body: '{"data": [{"embedding": [0.1,', contentType: 'application/json' },
    { errorClass: ProviderError, retryable: true, status: null, message: /not valid JSON/ },
  ],
  [
    'a 200 HTML page',
    { kind: 'raw', body: '<html>Welcome to the proxy</html>', contentType: 'text/html' },
    { errorClass: ProviderError, retryable: false, message: /unexpected response shape/ },
  ],
  [
    'a 200 JSON body of another shape',
    { kind: 'raw', body: '{"unexpected": true}', contentType: 'application/json' },
    { errorClass: ProviderError, retryable: false, message: /unexpected response shape/ },
  ],
];

function expectMapped(error: unknown, expected: Expected, target: RemoteTarget): void {
  expect(error).toBeInstanceOf(expected.errorClass);
  const mapped = error as ProviderError;
  expect(mapped.provider).toBe(target.name);
  expect(mapped.retryable).toBe(expected.retryable);
  expect(mapped.attempts).toBe(1);
  expect(mapped.message).toMatch(expected.message);
  if (expected.status !== undefined) expect(mapped.status).toBe(expected.status);
  if (expected.retryAfterMs !== undefined) {
    expect((mapped as RateLimitError).retryAfterMs).toBe(expected.retryAfterMs);
  }
}

/**
 * Every branch of the provider's error mapping, through its real SDK: one fault, no retry, the error we
 * promise. Embeddings and chat share the transport; both are checked.
 */
export function describeRemoteErrorMapping(target: RemoteTarget): void {
  describe(`${target.name}: every SDK failure maps to our error tree`, () => {
    const fake = useFakeServer(target);
    const settings = (extra: Parameters<typeof fake.settings>[0] = {}) =>
      fake.settings({ maxRetries: 0, timeoutMs: 300, ...extra });
    let server: FakeApiServer;
    beforeEach(() => {
      server = fake.server();
    });
    /** One embedding call with no retry; the error it failed with. */
    const embedError = (extra: Parameters<typeof settings>[0] = {}) =>
      target
        .create(settings(extra))
        .embeddingModel()
        .embed({ inputs: ['a'] })
        .catch((caught: unknown) => caught);

    it.each([...HTTP_CASES, ...TRANSPORT_CASES])('%s', async (_, fault, expected) => {
      const provider = target.create(settings());
      server.enqueue(fault);
      expectMapped(
        await provider
          .embeddingModel()
          .embed({ inputs: ['a'] })
          .catch((e: unknown) => e),
        expected,
        target,
      );
      server.enqueue(fault);
      const chat = provider.chatModel().generateText({ messages: [{ role: 'user', content: 'x' }] });
      expectMapped(await chat.catch((e: unknown) => e), expected, target);
      expect(server.requests).toHaveLength(2);
    });

    it('maps the SDK timeout (slow headers) to a retryable ProviderError that keeps the SDK error as cause', async () => {
      server.enqueue({ kind: 'slow', delayMs: 5_000 });
      const started = performance.now();
      const error = await target
        .create(settings({ timeoutMs: 150 }))
        .embeddingModel()
        .embed({ inputs: ['a'] })
        .catch((e: unknown) => e);
      expectMapped(
        error,
        { errorClass: ProviderError, retryable: true, status: null, message: /timed out after 150 ms/ },
        target,
      );
      // The SDK's own timeout fired (not the attempt guard): the mapping branch really ran.
      expect(((error as Error).cause as Error).constructor.name).toBe(target.sdkTimeoutError);
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    it('maps a refused connection to a retryable ProviderError', async () => {
      const port = await closedPort();
      const baseURL = target.baseURL({ url: `http://127.0.0.1:${port}` } as FakeApiServer);
      const error = await embedError({ baseURL });
      expectMapped(
        error,
        { errorClass: ProviderError, retryable: true, status: null, message: /connection failed/ },
        target,
      );
    });

    it('reads a 429 insufficient_quota as final, or as a plain rate limit where the API has no such code', async () => {
      server.enqueue(status(429, { code: 'insufficient_quota' }));
      const error = await embedError();
      expectMapped(
        error,
        { errorClass: RateLimitError, retryable: !target.readsQuotaCode, status: 429, message: /HTTP 429/ },
        target,
      );
    });

    it('keeps the request id the server sent', async () => {
      server.enqueue(status(500));
      const error = await embedError();
      expect((error as ProviderError).requestId).toBe('req_fake_123');
    });

    it('maps anything else the SDK throws (a broken custom fetch) to a ProviderError, not a raw error', async () => {
      const fetch = (async () =>
        ({
          ok: true,
          status: 200,
          headers: new Headers({ 'content-type': 'application/json' }),
        }) as Response) as typeof globalThis.fetch;
      const error = await embedError({ fetch });
      expectMapped(
        error,
        { errorClass: ProviderError, retryable: false, status: null, message: /client error/ },
        target,
      );
    });
  });
}
