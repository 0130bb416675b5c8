import { createRequire } from 'node:module';

/**
 * A CommonJS dependency loaded on first use instead of at `import('cvmatch')`. Start-up (the CLI's `--help`,
 * a script that only ranks) should not pay for DOCX, ZIP, phone-number or disk-cache libraries it never
 * calls: each costs 10–120 ms of module loading. `require` keeps the call sites synchronous; every package
 * named here ships a CommonJS entry, and tsup leaves the name unbundled (it is not a static import).
 *
 * Types come from `import type` at the call site: `lazyRequire<typeof import('jszip')>('jszip')`.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= createRequire(import.meta.url)(id) as T;
    return loaded;
  };
}
