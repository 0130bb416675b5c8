import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProfile, caristeSpec } from '../matching/profile-factory.js';

// A provider whose chat endpoint hangs in the middle of its answer (a stuck upstream): the per-attempt timeout
// must abort the HTTP request itself, not only stop waiting for it, or the CLI prints its ranking and then stays
// alive on the open socket (it did for about 4 minutes). Embeddings answer normally, so the ranking degrades
// to rule scores.
let server: Server;
let port: number;
const directory = mkdtempSync(join(tmpdir(), 'cvmatch-hung-'));
const profiles = join(directory, 'profiles.jsonl');

beforeAll(async () => {
  const pool = [
    buildProfile(caristeSpec('cv_one')),
    buildProfile(caristeSpec('cv_two', { certifications: [] })),
  ];
  writeFileSync(profiles, `${pool.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (request.url?.endsWith('/embeddings')) {
        const { input } = JSON.parse(body) as { input: string[] };
        const data = input.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: Array.from({ length: 8 }, (_, at) => Math.sin(text.length + at)),
        }));
        const usage = { prompt_tokens: input.length, completion_tokens: 0, total_tokens: input.length };
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ id: 'emb', object: 'list', data, model: 'm', usage }));
      }
      // Chat: the headers and the start of a body, then nothing more (the SDKs' own timers stop at the headers).
      else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"id": "cmpl-1", "choices": [');
      }
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
  /** Seconds from start to the ranking on stdout, and to the process exit. */
  printedAt: number;
  exitedAt: number;
}

function runMatch(providerArgs: string[], env: Record<string, string>): Promise<Run> {
  const args = [
    ...['--import', 'tsx', 'src/cli/main.ts', 'match', '--job', 'fixtures/jobs/cariste-lyon.json'],
    ...['--candidates', profiles],
    ...['--now', '2026-11-01', '--json', '--timeout', '0.5', '--dimensions', '8', ...providerArgs],
  ];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let printedAt = Number.NaN;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (Number.isNaN(printedAt)) printedAt = (performance.now() - started) / 1000;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // A process still alive a minute later is killed, so a regression fails on the timing assertion below.
    const killer = setTimeout(() => child.kill(), 60_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, printedAt, exitedAt: (performance.now() - started) / 1000 });
    });
  });
}

describe('a provider that hangs mid-answer', () => {
  it.each([
    [
      'openai-compatible (openai SDK)',
      ['--provider', 'openai-compatible', '--embedding-model', 'e', '--chat-model', 'c'],
      (url: string) => ({ OPENAI_COMPATIBLE_BASE_URL: `${url}/v1` }),
    ],
    [
      'mistral (Mistral SDK)',
      ['--provider', 'mistral'],
      (url: string) => ({ MISTRAL_BASE_URL: url, MISTRAL_API_KEY: 'k' }),
    ],
  ])(
    '%s: the ranking is printed with rule scores and the process exits at once',
    async (_name, args, env) => {
      const run = await runMatch(args, env(`http://127.0.0.1:${port}`));
      // The ranking comes after 4 attempts of 0.5 s (1.5 s at worst, the attempt guard) and their backoff;
      // then no socket is left open and the process ends at once (a hung one is killed after a minute).
      expect(
        run.exitedAt - run.printedAt,
        `printed at ${run.printedAt} s, exited at ${run.exitedAt} s: ${run.stderr}`,
      ).toBeLessThan(2);
      expect(run.code, run.stderr).toBe(0);
      const output = JSON.parse(run.stdout) as { results: { warnings: { code: string }[] }[] };
      expect(output.results).toHaveLength(2);
      for (const result of output.results) {
        expect(result.warnings.map((warning) => warning.code)).toContain('llm-degraded');
      }
      expect(run.stderr).toMatch(/LLM unavailable .* \(llm-failed\)/);
    },
    90_000,
  );
});
