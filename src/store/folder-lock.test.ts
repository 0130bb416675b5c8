import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolder } from './folder-lock.js';

describe('lockFolder', () => {
  it('holds the folder until released, and refuses a second taker meanwhile', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-lock-'));
    const lock = lockFolder(folder);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(() => lockFolder(folder)).toThrow(expect.objectContaining({ reason: 'locked' }));
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lockFolder(folder).release();
  });

  it('takes over a lock left by a dead process on this host', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const stale = { pid: Number(dead.stdout), host: hostname(), token: 'old', since: '2026-01-01T00:00:00Z' };
    writeFileSync(join(folder, 'lock'), JSON.stringify(stale));
    const lock = lockFolder(folder);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another host (it cannot tell whether that process lives)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-lock-'));
    writeFileSync(
      join(folder, 'lock'),
      JSON.stringify({ pid: 1, host: 'elsewhere', token: 't', since: 'x' }),
    );
    expect(() => lockFolder(folder)).toThrow(/open in process 1 on elsewhere/);
  });
});
