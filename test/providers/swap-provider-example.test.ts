import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

it('examples/swap-provider.ts ranks offline with the local provider when no key is set', async () => {
  vi.stubEnv('MISTRAL_API_KEY', '');
  vi.stubEnv('OPENAI_API_KEY', '');
  vi.stubEnv('OPENAI_COMPATIBLE_BASE_URL', '');
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  await import('../../examples/swap-provider.js');
  vi.restoreAllMocks();
  const lines = stdout.join('').trim().split('\n');
  expect(lines).toHaveLength(1);
  const [label, ...cells] = lines[0]!.trim().split(/\s+/);
  expect(label).toBe('local/hashing-v1');
  const ids = cells.filter((_, index) => index % 2 === 0);
  const scores = cells.filter((_, index) => index % 2 === 1).map(Number);
  // The préparatrice de commandes ranks first, the aide-soignante last.
  expect(ids).toEqual(['p2', 'p3', 'p1']);
  expect(scores[0]!).toBeGreaterThan(scores[1]!);
  expect(stderr.join('')).toMatch(/^1 calls, \d+ input tokens/);
});
