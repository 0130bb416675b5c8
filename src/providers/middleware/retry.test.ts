import { describe, expect, it } from 'vitest';
import { ProviderError, RateLimitError } from '../../errors.js';
import { parseRetryAfter, providerErrorFromStatus } from './http-error.js';
import { retryDelay, retryInterceptor } from './retry.js';

const context = { operation: 'embed' as const, provider: 'test', modelId: 'm', estimatedTokens: 1 };

describe('retry', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const error = new ProviderError('x', { provider: 'test', retryable: true });
    const options = { initialDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999 };
    expect(retryDelay(error, 1, options)).toBe(99);
    expect(retryDelay(error, 3, options)).toBe(399);
    expect(retryDelay(error, 10, options)).toBe(999);
    expect(retryDelay(error, 10, { ...options, random: () => 0 })).toBe(0);
  });

  it("honours the server's retry-after up to a cap", () => {
    const limited = new RateLimitError('x', { provider: 'test', retryAfterMs: 5_000 });
    expect(retryDelay(limited, 1, { maxRetryAfterMs: 60_000 })).toBe(5_000);
    expect(retryDelay(limited, 1, { maxRetryAfterMs: 1_000 })).toBe(1_000);
  });

  it('retries only retryable provider errors and records the attempts', async () => {
    const retry = retryInterceptor({ maxRetries: 3, initialDelayMs: 1 });
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new ProviderError('503', { provider: 'test', status: 503, retryable: true });
      return 'ok';
    };
    expect(await retry(flaky, context)).toBe('ok');
    expect(calls).toBe(3);

    calls = 0;
    const broken = new ProviderError('400', { provider: 'test', status: 400 });
    await expect(
      retry(async () => {
        calls++;
        throw broken;
      }, context),
    ).rejects.toMatchObject({ attempts: 1 });
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      retry(async () => {
        calls++;
        throw new TypeError('a bug, not an outage');
      }, context),
    ).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      retry(async () => {
        calls++;
        throw new ProviderError('503', { provider: 'test', retryable: true });
      }, context),
    ).rejects.toMatchObject({ attempts: 4 });
    expect(calls).toBe(4);
  });

  it('reads retry-after in milliseconds, seconds and HTTP dates', () => {
    const headers = (values: Record<string, string>) => new Headers(values);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(parseRetryAfter(headers({}))).toBeNull();
  });

  it('maps statuses to the error tree', () => {
    const map = (status: number, code?: string) =>
      providerErrorFromStatus({
        provider: 'test',
        status,
        headers: new Headers(),
        detail: null,
        code,
        cause: null,
      });
    expect(map(401).name).toBe('AuthenticationError');
    expect(map(403).retryable).toBe(false);
    expect(map(429)).toBeInstanceOf(RateLimitError);
    expect(map(429).retryable).toBe(true);
    expect(map(429, 'insufficient_quota').retryable).toBe(false);
    expect(map(500).retryable).toBe(true);
    expect(map(408).retryable).toBe(true);
    expect(map(422).retryable).toBe(false);
  });
});
