import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  CvmatchError,
  DocumentError,
  IndexError,
  ObjectValidationError,
  ProviderError,
  RateLimitError,
  StoreError,
  UsageError,
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

  it('recognises each class by its marker: the class and its parents, not its siblings', () => {
    const classes = [
      CvmatchError,
      DocumentError,
      ValidationError,
      ProviderError,
      RateLimitError,
      AuthenticationError,
      ObjectValidationError,
      IndexError,
      StoreError,
      UsageError,
    ];
    const samples = [
      new CvmatchError('x'),
      new DocumentError('corrupt', 'x'),
      new ValidationError('x'),
      new ProviderError('x', { provider: 'p' }),
      new RateLimitError('x', { provider: 'p' }),
      new AuthenticationError('x', { provider: 'p' }),
      new ObjectValidationError('x', {
        provider: 'p',
        issues: [],
        text: '',
        usage: { inputTokens: 0, outputTokens: 0 },
      }),
      new IndexError('version', 'x'),
      new StoreError('locked', 'x'),
      new UsageError('x'),
    ];
    for (const sample of samples) {
      for (const errorClass of classes) {
        expect(errorClass.isInstance(sample), `${errorClass.name}.isInstance(${sample.name})`).toBe(
          sample instanceof errorClass,
        );
      }
    }
    expect(RateLimitError.isInstance(new ProviderError('x', { provider: 'p' }))).toBe(false);
    expect(ProviderError.isInstance(new RateLimitError('x', { provider: 'p' }))).toBe(true);
    for (const value of [new Error('x'), null, undefined, 'ProviderError', { name: 'ProviderError' }]) {
      expect(CvmatchError.isInstance(value)).toBe(false);
      expect(ProviderError.isInstance(value)).toBe(false);
    }
  });

  it('recognises an error from another copy of the package by the shared Symbol.for marker', () => {
    // What a second (CJS or ESM) copy of the class looks like: another class, the same registered symbols.
    class ForeignProviderError extends Error {}
    for (const name of ['CvmatchError', 'ProviderError', 'RateLimitError']) {
      Object.defineProperty(ForeignProviderError.prototype, Symbol.for(`cvmatch.error.${name}`), {
        value: true,
      });
    }
    const foreign = new ForeignProviderError('429');
    expect(foreign).not.toBeInstanceOf(ProviderError);
    expect(ProviderError.isInstance(foreign)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(AuthenticationError.isInstance(foreign)).toBe(false);
  });

  it('keeps the markers off the instance: logs and JSON show only the error fields', () => {
    const error = new RateLimitError('slow down', { provider: 'openai', retryAfterMs: 10 });
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(Object.keys(JSON.parse(JSON.stringify(error))).sort()).toEqual(
      ['attempts', 'name', 'provider', 'requestId', 'retryAfterMs', 'retryable', 'status'].sort(),
    );
  });
});
