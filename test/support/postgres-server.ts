/**
 * Starts a throw-away PostgreSQL server for the tests and the store bench: `initdb` + `pg_ctl` into a
 * temp folder, on a free 127.0.0.1 port, as the `postgres` user when running as root (PostgreSQL
 * refuses to run as root). Nothing is skipped: when the binaries are missing or the server does not
 * start, `startPostgresServer` throws and says why (`.ci/run` installs the Debian package).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** Admin URL (user `postgres`, trust authentication, database `postgres`). */
  url: string;
  port: number;
  version: string;
  /** Whether the server offers pgvector (`pg_available_extensions`). */
  hasPgvector: boolean;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

/** Where the PostgreSQL binaries are: `PG_BIN`, else the newest /usr/lib/postgresql/<n>/bin, else PATH. */
export function findPostgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    const preferred = versions.includes('15') ? '15' : versions[0];
    if (preferred) return join(root, preferred, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql-15 (Debian: apt-get install postgresql-15) ' +
      'or set PG_BIN to their folder. The store tests need a real server and are not skipped.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const folder = mkdtempSync(join(tmpdir(), 'cvmatch-pg-'));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  const asRoot = process.getuid?.() === 0;
  let runAs: (command: string, args: string[]) => void;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
    chmodSync(folder, 0o700);
    runAs = (command, args) =>
      execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  } else {
    runAs = (command, args) => execFileSync(command, args, { stdio: 'pipe' });
  }
  const fail = (step: string, error: unknown): never => {
    const details = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`PostgreSQL test server: ${step} failed: ${details}\n${serverLog}`);
  };
  try {
    runAs(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  } catch (error) {
    fail('initdb', error);
  }
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${folder}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ');
  try {
    runAs(join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start']);
  } catch (error) {
    fail('pg_ctl start', error);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const psql = (database: string, sql: string) =>
    execFileSync(
      join(bin, 'psql'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-Atqc', sql],
      {
        encoding: 'utf8',
      },
    ).trim();
  let version = '';
  let hasPgvector = false;
  try {
    version = psql('postgres', 'SHOW server_version');
    hasPgvector =
      psql('postgres', "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'") === '1';
  } catch (error) {
    fail('psql', error);
  }
  return {
    url,
    port,
    version,
    hasPgvector,
    createDatabase: (name) => {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      psql('postgres', `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop: () => {
      try {
        runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
