import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MatchResult } from '../../src/domain/index.js';
import { lookupCommune } from '../../src/geo/index.js';
import { normalizeOccupation } from '../../src/taxonomy/index.js';
import { type FakeApiServer, startFakeApiServer } from '../providers/fake-api-server.js';
import { candidateBlocks } from '../rerank/fake-chat-model.js';
import { captureCli as capture } from '../support/capture-cli.js';
import { buildProfile, caristeSpec } from './profile-factory.js';

const root = new URL('../../', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'cvmatch-match-llm-'));
const jsonl = join(directory, 'profiles.jsonl');
const profiles = [
  buildProfile(
    caristeSpec('cv_one', {
      name: 'Yasmina Haddad',
      email: 'yasmina.haddad@example.fr',
      phone: '+33611111111',
    }),
  ),
  buildProfile(
    caristeSpec('cv_two', {
      name: 'Paul Girard',
      email: 'paul.girard@example.fr',
      phone: '+33622222222',
      certifications: [],
    }),
  ),
];
let server: FakeApiServer;

beforeAll(async () => {
  normalizeOccupation('Cariste');
  lookupCommune({ city: 'Lyon' });
  writeFileSync(jsonl, profiles.map((profile) => JSON.stringify(profile)).join('\n'));
  server = await startFakeApiServer('openai');
  server.chatContent = (body) => {
    const prompt = (body.messages as { content: string }[]).map((message) => message.content).join('\n');
    return JSON.stringify({
      candidates: [...candidateBlocks(prompt).keys()].map((id) => ({
        id,
        score: 80,
        criteria: [],
        summary: 'Profil proche du poste. À confirmer par téléphone.',
      })),
    });
  };
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe('cvmatch match with a remote provider (fake OpenAI server on 127.0.0.1)', () => {
  it('embeds, reranks the shortlist with the LLM, reports usage, and sends no identity', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-test-key');
    try {
      const argv = ['match', '--job', join(root, 'fixtures/jobs/cariste-lyon.json'), '--candidates', jsonl];
      const { code, stdout, stderr } = await capture([
        ...argv,
        ...['--json', '--now', '2026-11-29', '--provider', 'openai', '--base-url', `${server.url}/v1`],
      ]);
      expect(code, stderr).toBe(0);
      const output = JSON.parse(stdout) as { results: MatchResult[]; usage: { calls: number } };
      for (const result of output.results) {
        expect(result.breakdown.find((entry) => entry.criterion === 'llm')).toMatchObject({
          score: 80,
          source: 'llm',
        });
        expect(result.breakdown.find((entry) => entry.criterion === 'semantic')?.source).toBe('embedding');
      }
      expect(output.results[0]?.candidateId).toBe('cv_one');
      expect(output.usage.calls).toBeGreaterThanOrEqual(2);
      expect(server.requests.some((request) => request.path === '/v1/chat/completions')).toBe(true);
      const sent = JSON.stringify(server.requests.map((request) => request.body));
      for (const profile of profiles) {
        for (const secret of [profile.name, profile.email, profile.phone]) expect(sent).not.toContain(secret);
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
