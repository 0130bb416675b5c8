import { MissingPackageError } from '../errors.js';

/**
 * The optional packages (package.json `peerDependencies`, optional in `peerDependenciesMeta`): a default
 * install leaves them out (they are most of what an install would weigh) and the features that need them
 * import them on first use. Kept equal to package.json by src/support/optional-package.test.ts.
 */
export const optionalPackages = {
  '@mistralai/mistralai': { version: '2.7.0', feature: 'The Mistral provider' },
  openai: { version: '6.49.0', feature: 'The OpenAI provider' },
  '@electric-sql/pglite': { version: '0.5.15', feature: 'The embedded store (PGlite)' },
  '@electric-sql/pglite-pgvector': { version: '0.0.16', feature: 'The embedded store (PGlite)' },
} as const;

export type OptionalPackage = keyof typeof optionalPackages;

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * Runs `load` (a literal `() => import('<name>')`, so bundlers still see the import) and turns "not
 * installed" into a `MissingPackageError` naming the install command. `needs` lists every optional package
 * the feature needs, so the command installs them all at once.
 */
export async function importOptional<T>(
  needs: readonly OptionalPackage[],
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    const first = needs[0]!;
    throw new MissingPackageError({
      packageName: first,
      feature: optionalPackages[first].feature,
      install: `npm install ${needs.map((name) => `${name}@${optionalPackages[name].version}`).join(' ')}`,
      cause: error,
    });
  }
}
