import { lazyRequire } from './lazy-require.js';

/** libphonenumber-js (its metadata takes ~60 ms to load), loaded by the first phone number read or hashed. */
export const phoneNumbers = lazyRequire<typeof import('libphonenumber-js')>('libphonenumber-js');
