import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addProviderOptions, formatUsage, resolveProviderOptions } from '../../src/cli/provider-options.js';
import { UsageError } from '../../src/errors.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import { captureCli } from '../support/capture-cli.js';
import { startFakeApiServer } from './fake-api-server.js';

function parse(argv: string[]) {
  const command = addProviderOptions(
    new Command('test').exitOverride().configureOutput({ writeErr: () => undefined }),
  );
  command.parse(argv, { from: 'user' });
  return command.opts();
}

/** `--provider openai-compatible` against a fake server, with an embedding model it knows. */
function compatibleArgs(serverUrl: string): string[] {
  return [
    '--provider',
    'openai-compatible',
    '--base-url',
    `${serverUrl}/v1`,
    '--embedding-model',
    'nomic-embed-text',
  ];
}

describe('provider options', () => {
  it('defaults to the offline local provider, without a chat model', async () => {
    const resolved = await resolveProviderOptions(parse([]), {});
    expect(resolved.provider).toBe('local');
    expect(resolved.embeddingModel.modelId).toBe('hashing-v1');
    expect(resolved.chatModel).toBeUndefined();
    expect(resolved.describe()).toContain('offline');
  });

  it('reads CVMATCH_PROVIDER, and flags win over env', async () => {
    const env = { CVMATCH_PROVIDER: 'mistral', MISTRAL_API_KEY: 'k-test', OPENAI_API_KEY: 'k-test' };
    const fromEnv = await resolveProviderOptions(parse([]), env);
    expect(fromEnv.provider).toBe('mistral');
    expect(fromEnv.embeddingModel.modelId).toBe('mistral-embed');
    expect(fromEnv.chatModel?.modelId).toBe('mistral-small-latest');
    const fromFlag = await resolveProviderOptions(
      parse(['--provider', 'openai', '--chat-model', 'gpt-4.1-mini', '--base-url', 'http://127.0.0.1:9/v1']),
      env,
    );
    expect(fromFlag.provider).toBe('openai');
    expect(fromFlag.chatModel?.modelId).toBe('gpt-4.1-mini');
    expect(fromFlag.describe()).toBe(
      'provider openai, embeddings text-embedding-3-small, chat gpt-4.1-mini, base URL http://127.0.0.1:9/v1, no cache',
    );
    expect(fromFlag.describe()).not.toContain('k-test');
    const withCredentials = await resolveProviderOptions(
      parse(['--provider', 'openai', '--base-url', 'https://bob:secret-pw@llm.example.test/v1']),
      env,
    );
    expect(withCredentials.describe()).toContain('base URL https://llm.example.test/v1,');
    expect(withCredentials.describe()).not.toContain('secret-pw');
  });

  it('turns impossible combinations into usage errors before any call', async () => {
    await expect(resolveProviderOptions(parse(['--provider', 'mistral']), {})).rejects.toThrow(
      /MISTRAL_API_KEY/,
    );
    await expect(resolveProviderOptions(parse([]), { CVMATCH_PROVIDER: 'gemini' })).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(resolveProviderOptions(parse(['--chat-model', 'x']), {})).rejects.toBeInstanceOf(UsageError);
    await expect(
      resolveProviderOptions(parse(['--provider', 'openai', '--embedding-model', 'mystery']), {
        OPENAI_API_KEY: 'k',
      }),
    ).rejects.toBeInstanceOf(UsageError);
    expect(() => parse(['--provider', 'gemini'])).toThrow(/Allowed choices/);
  });

  it('wires base URL, models and cache directory into working models', async () => {
    const server = await startFakeApiServer('openai');
    const cacheDir = await mkdtemp(join(tmpdir(), 'cvmatch-cli-cache-'));
    try {
      const argv = ['--provider', 'openai', '--base-url', `${server.url}/v1`, '--cache-dir', cacheDir];
      const env = { OPENAI_API_KEY: 'k-test' };
      for (const run of [1, 2]) {
        const resolved = await resolveProviderOptions(parse(argv), env);
        await resolved.embeddingModel.embed({ inputs: ['cariste', 'maçon'] });
        const line = formatUsage(resolved.usage.report());
        expect(line).toContain(run === 1 ? '1 call (0 cached)' : '0 calls (1 cached)');
      }
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.body.model).toBe('text-embedding-3-small');
    } finally {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('offers every registered provider, with its key variable, in the --provider help', () => {
    const help = addProviderOptions(new Command('test')).helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('choices: "local", "mistral", "openai", "openai-compatible"');
    expect(help).toContain('mistral (Mistral La Plateforme; MISTRAL_API_KEY)');
    expect(help).toContain('openai (OpenAI; OPENAI_API_KEY)');
    expect(help).toContain(
      'openai-compatible (any OpenAI-compatible server: vLLM, Ollama, LM Studio; OPENAI_COMPATIBLE_API_KEY optional, needs --base-url)',
    );
    expect(help).toContain('MISTRAL_BASE_URL / OPENAI_BASE_URL / OPENAI_COMPATIBLE_BASE_URL');
  });

  it('runs an OpenAI-compatible server without a key, from the flag or OPENAI_COMPATIBLE_BASE_URL', async () => {
    const server = await startFakeApiServer('openai');
    try {
      const fromFlag = await resolveProviderOptions(parse(compatibleArgs(server.url)), {});
      expect(fromFlag.chatModel).toBeUndefined();
      expect(fromFlag.embeddingModel).toMatchObject({ provider: 'openai-compatible', dimensions: 768 });
      expect(fromFlag.describe()).toBe(
        `provider openai-compatible, embeddings nomic-embed-text, no chat model, base URL ${server.url}/v1, no cache`,
      );
      await fromFlag.embeddingModel.embed({ inputs: ['cariste'] });
      expect(server.requests[0]!.headers.authorization).toBeUndefined();

      const fromEnv = await resolveProviderOptions(
        parse(['--embedding-model', 'my-embedder', '--dimensions', '8', '--chat-model', 'llama3.2']),
        {
          CVMATCH_PROVIDER: 'openai-compatible',
          OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`,
          OPENAI_COMPATIBLE_API_KEY: 'k-local',
        },
      );
      expect(fromEnv.embeddingModel.dimensions).toBe(8);
      await fromEnv.chatModel!.generateText({ messages: [{ role: 'user', content: 'SMS' }] });
      expect(server.requests[1]).toMatchObject({ path: '/v1/chat/completions', body: { model: 'llama3.2' } });
      expect(server.requests[1]!.headers.authorization).toBe('Bearer k-local');
    } finally {
      await server.close();
    }
  });

  it('asks for what an OpenAI-compatible server cannot default: its URL and its embedding model', async () => {
    const compatible = ['--provider', 'openai-compatible'];
    await expect(
      resolveProviderOptions(parse([...compatible, '--embedding-model', 'e']), {}),
    ).rejects.toThrow(/--base-url.*OPENAI_COMPATIBLE_BASE_URL/);
    await expect(
      resolveProviderOptions(parse([...compatible, '--base-url', 'http://127.0.0.1:11434/v1']), {}),
    ).rejects.toThrow(/--embedding-model/);
    await expect(
      resolveProviderOptions(
        parse([
          ...compatible,
          '--base-url',
          'http://127.0.0.1:11434/v1',
          '--embedding-model',
          'unknown-embedder',
        ]),
        {},
      ),
    ).rejects.toThrow(/--embedding-model: .*pass `dimensions`/);
    await expect(resolveProviderOptions(parse(['--dimensions', 'many']), {})).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('ranks CVs from the command line through an OpenAI-compatible server', async () => {
    const server = await startFakeApiServer('openai');
    try {
      const { code, stdout, stderr } = await captureCli([
        ...['match', '--job', 'fixtures/jobs/cariste-lyon.json', '--json', '--now', '2026-11-01'],
        ...['--candidates', 'fixtures/cvs/cariste-mehdi-haddad.txt', 'fixtures/cvs/ash-yasmine-belkacem.txt'],
        ...compatibleArgs(server.url),
      ]);
      expect(code, stderr).toBe(0);
      expect(stderr).toContain('provider openai-compatible, embeddings nomic-embed-text');
      const output = JSON.parse(stdout) as {
        results: { breakdown: { criterion: string; source: string }[] }[];
      };
      expect(output.results).toHaveLength(2);
      for (const result of output.results) {
        expect(result.breakdown.find((entry) => entry.criterion === 'semantic')?.source).toBe('embedding');
      }
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.every((request) => request.path === '/v1/embeddings')).toBe(true);
      expect(server.requests[0]!.body.model).toBe('nomic-embed-text');
    } finally {
      await server.close();
    }
  });

  it('formats the end-of-run usage line', () => {
    const meter = createUsageMeter();
    meter.record({ provider: 'mistral', modelId: 'mistral-embed', inputTokens: 12_345, outputTokens: 0 });
    meter.record({
      provider: 'mistral',
      modelId: 'mistral-embed',
      inputTokens: 0,
      outputTokens: 0,
      cached: true,
    });
    expect(formatUsage(meter.report())).toBe(
      'usage: 1 call (1 cached), 12,345 input + 0 output tokens, ≈ $0.0012 [mistral/mistral-embed]',
    );
    expect(formatUsage(createUsageMeter().report())).toBe(
      'usage: 0 calls (0 cached), 0 input + 0 output tokens, cost $0',
    );
  });
});
