/** The store backends every shared store test runs against. */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type OpenStoreOptions, openStore, type Store } from '../../src/store/index.js';
import { captureCli } from '../support/capture-cli.js';

export interface Backend {
  /** `pglite`, `pglite-bytea` (pgvector switched off), `postgres`. */
  name: string;
  /** A fresh, empty store address (a new folder or a new database). */
  create(): Promise<string>;
  /** Open options that go with this backend (vector storage). */
  options: OpenStoreOptions;
  cleanup(): void;
}

const folders: string[] = [];

/** A new embedded store folder, copied from the initialised template (skips the WebAssembly initdb). */
export function newPgliteFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cvmatch-store-'));
  cpSync(join(inject('pgliteTemplate'), 'pgdata'), join(folder, 'pgdata'), { recursive: true });
  folders.push(folder);
  return folder;
}

/** A new empty database on the test server. */
export async function newPostgresDatabase(): Promise<string> {
  const name = `cvm_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

export const backends: Backend[] = [
  { name: 'pglite', create: async () => newPgliteFolder(), options: { vectors: 'auto' }, cleanup: () => {} },
  {
    name: 'pglite-bytea',
    create: async () => newPgliteFolder(),
    options: { vectors: 'bytea' },
    cleanup: () => {},
  },
  { name: 'postgres', create: newPostgresDatabase, options: { vectors: 'auto' }, cleanup: () => {} },
];

/** Opens a fresh store on `backend`. */
export async function openFreshStore(
  backend: Backend,
  options: OpenStoreOptions = {},
): Promise<{ store: Store; url: string }> {
  const url = await backend.create();
  const store = await openStore(url, { ...backend.options, ...options, env: {} });
  return { store, url };
}

/** Removes the folders made by `newPgliteFolder` (call in afterAll). */
export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** `cvmatch match --json` of the fixture order over the fixture CV folder (what stored pools must equal). */
export async function matchFixtureFiles(): Promise<{ results: unknown; files: unknown }> {
  const args = [
    '--job',
    'fixtures/jobs/cariste-lyon.json',
    '--candidates',
    'fixtures/cvs',
    '--now',
    '2026-11-01',
  ];
  const { code, stdout, stderr } = await captureCli(['match', ...args, '--json', '--top', '40']);
  if (code !== 0) throw new Error(`match over the fixture files failed: ${stderr}`);
  return JSON.parse(stdout);
}
