import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/index.js';
import { newPgliteFolder, removeTempFolders } from '../store/backends.js';
import { startFakeTwilio } from './fake-twilio.js';
import { postTwilio } from './twilio-signing.js';

const ACCOUNT_SID = 'AC00000000000000000000000000c11c';
const AUTH_TOKEN = 'cli-auth-token-0123456789abcdef';
const BEARER = 'cli-bearer-token-0123456789abcdef';
const STRANGER = '+33644445555';

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function serve(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function logLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterAll(() => removeTempFolders());

describe('cvmatch serve', () => {
  it('serves webhooks over a store, runs the worker, and stops cleanly on SIGTERM', async () => {
    const fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    const folder = newPgliteFolder();
    const running = serve(
      [
        '--db',
        folder,
        '--port',
        '0',
        '--twilio-account-sid',
        ACCOUNT_SID,
        '--twilio-from',
        '+33700000001',
        '--twilio-base-url',
        fake.url,
        '--worker',
        '--worker-interval',
        '1',
      ],
      { TWILIO_AUTH_TOKEN: AUTH_TOKEN, CVMATCH_WEBHOOK_TOKEN: BEARER },
    );
    try {
      const listening = await waitFor(() => {
        if (running.child.exitCode !== null) throw new Error(`serve exited: ${running.stderr()}`);
        return logLines(running.stderr()).find((entry) => entry.msg === 'listening');
      }, 'the listening log line');
      const url = `http://127.0.0.1:${listening.port}`;
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', store: 'pglite' });

      // STOP from a number no conversation has: registered agency-wide all the same.
      const stop = await fetch(`${url}/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
        body: JSON.stringify({ from: STRANGER, text: 'STOP', id: 'gw-stop-1' }),
      });
      expect(stop.status).toBe(200);
      expect((await stop.json()).outcome).toMatchObject({ status: 'unrouted', optedOut: true });

      const good = await postTwilio(
        url,
        '/twilio/sms',
        { AccountSid: ACCOUNT_SID, MessageSid: 'SMcli1', From: STRANGER, Body: 'bonjour' },
        { authToken: AUTH_TOKEN, signedUrl: `${url}/twilio/sms` },
      );
      expect(good.status).toBe(200);
      const forged = await postTwilio(
        url,
        '/twilio/sms',
        { AccountSid: ACCOUNT_SID, MessageSid: 'SMcli2', From: STRANGER, Body: 'bonjour' },
        { authToken: 'not-the-token' },
      );
      expect(forged.status).toBe(403);
      await waitFor(
        () => logLines(running.stderr()).find((entry) => entry.msg === 'worker pass'),
        'a scheduler pass',
      );

      running.child.kill('SIGTERM');
      expect(await running.exited).toEqual({ code: 0, signal: null });
      const entries = logLines(running.stderr());
      expect(entries.map((entry) => entry.msg)).toEqual(
        expect.arrayContaining(['shutting down', 'closed', 'stopped']),
      );
      expect(running.stderr()).not.toContain('44445555');
      expect(running.stderr()).not.toContain('bonjour');
      // The store was closed cleanly: it opens again, with the opt-out in it.
      const store = await openStore(folder, { env: {} });
      try {
        expect(await store.optOuts.has(STRANGER)).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
      await fake.close();
    }
  }, 120_000);

  it('refuses to start without a way to receive or answer (exit 2)', async () => {
    const running = serve(['--db', newPgliteFolder(), '--port', '0'], {});
    const noSender = serve(['--db', newPgliteFolder(), '--twilio-account-sid', ACCOUNT_SID], {
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    });
    expect((await running.exited).code).toBe(2);
    expect(running.stderr()).toMatch(/nothing to serve/);
    expect((await noSender.exited).code).toBe(2);
    expect(noSender.stderr()).toMatch(/--twilio-from/);
  }, 60_000);
});
