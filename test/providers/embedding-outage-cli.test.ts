import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProfile, caristeSpec } from '../matching/profile-factory.js';

// An embedding outage (500 on embeddings only, connection resets, 429 forever) must not abort `match`: the
// ranking falls back to words and rules, says so once on stderr and on every result (`embedding-failed`),
// and exits 0. A wrong key (401) still fails the run. Driven through the real OpenAI and Mistral SDKs.
type Outage = '500' | 'reset' | '429' | '401';
let outage: Outage = '500';
let server: Server;
let port: number;
const directory = mkdtempSync(join(tmpdir(), 'cvmatch-embedding-outage-'));
const profiles = join(directory, 'profiles.jsonl');

beforeAll(async () => {
  const pool = [
    buildProfile(caristeSpec('cv_one')),
    buildProfile(caristeSpec('cv_two', { certifications: [] })),
  ];
  writeFileSync(profiles, `${pool.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (!request.url?.endsWith('/embeddings')) {
        // Chat (the Mistral provider's default chat model) is down too: it already degrades to rule scores.
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end(JSON.stringify({ error: { message: 'chat down', type: 'server_error' } }));
        return;
      }
      if (outage === 'reset') {
        request.socket.destroy();
        return;
      }
      const status = Number(outage);
      response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end(JSON.stringify({ error: { message: `outage ${status}`, type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMatch(providerArgs: string[], env: Record<string, string>): Promise<Run> {
  const args = [
    ...['--import', 'tsx', 'src/cli/main.ts', 'match', '--job', 'fixtures/jobs/cariste-lyon.json'],
    ...['--candidates', profiles],
    ...['--now', '2026-11-01', '--json', '--timeout', '1', '--dimensions', '8', ...providerArgs],
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill(), 80_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

const providers: [string, string[], (url: string) => Record<string, string>][] = [
  [
    'openai-compatible (openai SDK)',
    ['--provider', 'openai-compatible', '--embedding-model', 'e'],
    (url) => ({ OPENAI_COMPATIBLE_BASE_URL: `${url}/v1` }),
  ],
  [
    'mistral (Mistral SDK)',
    ['--provider', 'mistral'],
    (url) => ({ MISTRAL_BASE_URL: url, MISTRAL_API_KEY: 'k' }),
  ],
];

describe('an embedding outage degrades match to words and rules', () => {
  for (const [name, args, env] of providers) {
    for (const kind of ['500', 'reset', '429'] as const) {
      it(`${name}: ${kind} on embeddings → ranked, embedding-failed on the run and each result, exit 0`, async () => {
        outage = kind;
        const run = await runMatch(args, env(`http://127.0.0.1:${port}`));
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toMatch(/embeddings unavailable .*\(embedding-failed\)/);
        const output = JSON.parse(run.stdout) as {
          results: { score: number; warnings: { code: string }[] }[];
        };
        expect(output.results).toHaveLength(2);
        for (const result of output.results) {
          expect(result.warnings.map((warning) => warning.code)).toContain('embedding-failed');
          expect(result.score).toBeGreaterThan(0);
        }
      }, 90_000);
    }
  }

  it('a wrong key (401) is not an outage: the run fails', async () => {
    outage = '401';
    const [, args, env] = providers[0] as (typeof providers)[number];
    const run = await runMatch(args, env(`http://127.0.0.1:${port}`));
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
  }, 90_000);
});
