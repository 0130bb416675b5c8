import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Where `dist/vendor/` is relative to the bundle (set by tsup.config.ts); undefined in the source tree.
 * The package does not depend on libphonenumber-js (10 MB installed, most of it builds and metadata cvmatch
 * does not load): the build copies its one-file CommonJS build with the default ("min") metadata and its MIT
 * licence to `dist/vendor/libphonenumber-js/`. In the source tree the development dependency is used.
 */
declare const __VENDOR_FOLDER__: string | undefined;

let loaded: typeof import('libphonenumber-js') | undefined;

/** libphonenumber-js (its metadata takes ~60 ms to load), loaded by the first phone number read or hashed. */
export function phoneNumbers(): typeof import('libphonenumber-js') {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = (
      typeof __VENDOR_FOLDER__ === 'string'
        ? require(
            fileURLToPath(
              new URL(`${__VENDOR_FOLDER__}libphonenumber-js/libphonenumber-min.cjs`, import.meta.url),
            ),
          )
        : require('libphonenumber-js')
    ) as typeof import('libphonenumber-js');
  }
  return loaded;
}
