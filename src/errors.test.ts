import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  CvmatchError,
  DocumentError,
  ProviderError,
  RateLimitError,
  ValidationError,
} from './errors.js';

describe('error tree', () => {
  it('names each error after its class and keeps the cause', () => {
    const cause = new Error('low level');
    const error = new DocumentError('encrypted', 'cv.pdf is password-protected', { file: 'cv.pdf', cause });
    expect(error).toBeInstanceOf(CvmatchError);
    expect(error.name).toBe('DocumentError');
    expect(error.reason).toBe('encrypted');
    expect(error.file).toBe('cv.pdf');
    expect(error.cause).toBe(cause);
  });

  it('defaults retryability by kind', () => {
    const rateLimited = new RateLimitError('slow down', {
      provider: 'openai',
      status: 429,
      retryAfterMs: 1200,
    });
    expect(rateLimited).toBeInstanceOf(ProviderError);
    expect(rateLimited.retryable).toBe(true);
    expect(rateLimited.retryAfterMs).toBe(1200);
    const auth = new AuthenticationError('bad key', { provider: 'mistral', status: 401, retryable: true });
    expect(auth.retryable).toBe(false);
    expect(new ProviderError('boom', { provider: 'openai' })).toMatchObject({ status: null, attempts: 1 });
  });

  it('carries validation issues', () => {
    const error = new ValidationError('bad job', {
      issues: [{ path: ['startDate'], message: 'expected YYYY-MM-DD' }],
    });
    expect(error.issues[0]?.path).toEqual(['startDate']);
  });
});
