import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CvmatchError, MissingPackageError, ProviderError } from '../errors.js';
import { importOptional, optionalPackages } from './optional-package.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

describe('optional packages', () => {
  it('are the optional peer dependencies of package.json, at the versions the tests install', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(Object.keys(optionalPackages).sort());
    for (const [name, { version }] of Object.entries(optionalPackages)) {
      expect(pkg.peerDependencies[name]).toBe(`^${version}`);
      expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
      expect(pkg.devDependencies[name]).toBe(version);
      expect(pkg.dependencies[name]).toBeUndefined();
    }
  });

  it('an absent one is a MissingPackageError naming the command that installs everything the feature needs', async () => {
    const error = await importOptional(
      ['@electric-sql/pglite', '@electric-sql/pglite-pgvector'],
      // A specifier that cannot resolve, the way an uninstalled package fails.
      () => import(['cvmatch-absent', 'package'].join('-')),
    ).catch((caught: unknown) => caught);
    expect(MissingPackageError.isInstance(error)).toBe(true);
    expect(CvmatchError.isInstance(error)).toBe(true);
    // Not a provider fault: nothing degrades to rule scores around a missing SDK.
    expect(ProviderError.isInstance(error)).toBe(false);
    const missing = error as MissingPackageError;
    expect(missing.packageName).toBe('@electric-sql/pglite');
    expect(missing.install).toBe(
      'npm install @electric-sql/pglite@0.5.15 @electric-sql/pglite-pgvector@0.0.16',
    );
    expect(missing.message).toBe(
      'The embedded store (PGlite) needs the optional package @electric-sql/pglite: npm install @electric-sql/pglite@0.5.15 @electric-sql/pglite-pgvector@0.0.16',
    );
    expect((missing.cause as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
  });

  it('any other failure while loading is passed on as it is', async () => {
    const failure = new TypeError('broken module');
    await expect(importOptional(['openai'], () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
