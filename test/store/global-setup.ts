/**
 * vitest globalSetup of the `store` project: one real PostgreSQL server for the run, and one initialised
 * (empty) PGlite data folder that tests copy instead of running the WebAssembly initdb for every store.
 * If the server cannot start, this throws and the run fails, saying why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '../support/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresVersion: string;
    postgresHasPgvector: boolean;
    pgliteTemplate: string;
  }
}

async function createPgliteTemplate(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'cvmatch-pglite-template-'));
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(folder, 'pgdata') });
  await db.close();
  return folder;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const [server, template] = await Promise.all([startPostgresServer(), createPgliteTemplate()]);
  project.provide('postgresUrl', server.url);
  project.provide('postgresVersion', server.version);
  project.provide('postgresHasPgvector', server.hasPgvector);
  project.provide('pgliteTemplate', template);
  process.stderr.write(
    `store tests: PostgreSQL ${server.version} on 127.0.0.1:${server.port} (pgvector: ${server.hasPgvector ? 'yes' : 'no'})\n`,
  );
  return () => {
    server.stop();
    rmSync(template, { recursive: true, force: true });
  };
}
