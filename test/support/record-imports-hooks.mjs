import { appendFileSync } from 'node:fs';

const DRIVERS = /\/node_modules\/(@electric-sql\/pglite|@electric-sql\/pglite-pgvector|pg)\//;

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const log = process.env.CVMATCH_IMPORT_LOG;
  if (log && DRIVERS.test(result.url)) appendFileSync(log, `${result.url}\n`);
  return result;
}
