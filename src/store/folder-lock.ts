import { randomUUID } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from './errors.js';

/** What a lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** A held lock on an embedded store folder; `release` removes it (only if it is still ours). */
export interface FolderLock {
  readonly file: string;
  release(): void;
}

const LOCK_NAME = 'lock';
const held = new Map<string, () => void>();
let exitHookInstalled = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('locked', `cannot read the lock file ${file}`, { cause: error });
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.token === 'string') {
      return {
        pid: value.pid,
        host: String(value.host ?? ''),
        token: value.token,
        since: String(value.since),
      };
    }
  } catch (error) {
    // A lock file cut short by a crash between create and write: treated as stale below.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return { pid: -1, host: hostname(), token: '', since: '' };
}

function lockedError(file: string, owner: LockOwner): StoreError {
  const who =
    owner.pid === process.pid ? 'this process (close the other store first)' : `process ${owner.pid}`;
  return new StoreError(
    'locked',
    `the embedded store ${file.slice(0, -LOCK_NAME.length - 1)} is open in ${who} on ${owner.host || 'this machine'} ` +
      `since ${owner.since}. A PGlite folder serves one process at a time: wait for it, or use a PostgreSQL ` +
      `server (--db postgres://…) to share a store between processes. If no such process runs, delete ${file}.`,
  );
}

/**
 * Takes the single-process lock of an embedded store folder: a `lock` file created exclusively,
 * holding the owner's pid, host and a random token. A lock left by a dead process on this host
 * (kill -9, power loss) is taken over; a live owner gives `StoreError('locked')`.
 */
export function lockFolder(folder: string): FolderLock {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, LOCK_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError('locked', `cannot create the lock file ${file}`, { cause: error });
      }
      const current = readOwner(file);
      if (current === null) continue;
      const sameHost = current.host === owner.host;
      if (!sameHost || (current.pid > 0 && isAlive(current.pid))) throw lockedError(file, current);
      // Stale: move it aside (atomic), then check that what we moved is the stale lock we read.
      const aside = `${file}.stale-${owner.token}`;
      try {
        renameSync(file, aside);
      } catch (renameError) {
        if ((renameError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new StoreError('locked', `cannot remove the stale lock ${file}`, { cause: renameError });
      }
      const moved = readOwner(aside);
      if (moved && moved.token !== current.token) {
        // Another process replaced the stale lock between our read and our rename: put its lock back.
        try {
          linkSync(aside, file);
        } finally {
          unlinkSync(aside);
        }
        throw lockedError(file, moved);
      }
      unlinkSync(aside);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    const release = () => {
      held.delete(file);
      const current = readOwner(file);
      if (current?.token === owner.token) unlinkSync(file);
    };
    held.set(file, release);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const releaseOne of [...held.values()]) releaseOne();
      });
    }
    return { file, release };
  }
  throw new StoreError('locked', `cannot take the lock ${file}: other processes keep changing it`);
}
