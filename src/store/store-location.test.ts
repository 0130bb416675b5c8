import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalPhone, createPhoneHasher } from './phone-hash.js';
import { redactUrl } from './postgres-client.js';
import { DEFAULT_STORE_FOLDER, parseStoreLocation, resolveStoreUrl } from './store-location.js';

describe('store location', () => {
  it('takes the given URL, then CVMATCH_DB, then DATABASE_URL, then ./.cvmatch/db', () => {
    const env = { CVMATCH_DB: '/data/db', DATABASE_URL: 'postgres://h/db' };
    expect(resolveStoreUrl('x', env)).toBe('x');
    expect(resolveStoreUrl(undefined, env)).toBe('/data/db');
    expect(resolveStoreUrl(undefined, { DATABASE_URL: 'postgres://h/db' })).toBe('postgres://h/db');
    expect(resolveStoreUrl(undefined, {})).toBe(DEFAULT_STORE_FOLDER);
  });

  it('reads servers, memory, file URLs and folders', () => {
    expect(parseStoreLocation('postgresql://u:p@h:5433/d')).toEqual({
      backend: 'postgres',
      url: 'postgresql://u:p@h:5433/d',
    });
    expect(parseStoreLocation('memory:')).toEqual({ backend: 'pglite', folder: null });
    expect(parseStoreLocation('file:///srv/cvmatch')).toEqual({ backend: 'pglite', folder: '/srv/cvmatch' });
    expect(parseStoreLocation('.cvmatch/db')).toEqual({ backend: 'pglite', folder: resolve('.cvmatch/db') });
    expect(redactUrl('postgres://u:secret@h/d')).toBe('postgres://u:***@h/d');
  });
});

describe('phone hashes', () => {
  it('hash every writing of one number the same, with the key', () => {
    expect(canonicalPhone('06 12 34 56 78')).toBe('+33612345678');
    expect(canonicalPhone('+33 (0)6 12 34 56 78')).toBe('+33612345678');
    const hash = createPhoneHasher(Buffer.alloc(32, 1));
    expect(hash('0612345678')).toBe(hash('+33 6 12 34 56 78'));
    expect(hash('0612345678')).not.toBe(createPhoneHasher(Buffer.alloc(32, 2))('0612345678'));
    expect(hash('0612345678')).toMatch(/^[0-9a-f]{64}$/);
  });
});
