/**
 * A value built on first use, then kept: for what a module would otherwise build when it is loaded (compiled
 * vocabulary patterns, word sets, schemas used only by some calls), so that `import('cvmatch')` and the CLI's
 * start-up do not pay for the parts a process never calls.
 */
export function memoise<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
