import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import {
  createLocal,
  createMistral,
  createOpenAI,
  createUsageMeter,
  type UsageMeter,
  type UsageReport,
} from '../providers/index.js';
import type { ChatModel, EmbeddingModel } from '../providers/spec.js';

export const PROVIDER_NAMES = ['local', 'mistral', 'openai'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** The option values `addProviderOptions` adds (commander's camel-cased names). */
export interface ProviderCliOptions {
  provider?: string;
  baseUrl?: string;
  embeddingModel?: string;
  chatModel?: string;
  cacheDir?: string;
}

/** What a command needs to run models, and to report what they cost. */
export interface ResolvedProviders {
  provider: ProviderName;
  embeddingModel: EmbeddingModel;
  /** Undefined for `local` (no chat model offline). */
  chatModel?: ChatModel;
  usage: UsageMeter;
  /** One line for stderr: provider, models, base URL and cache. Never the key. */
  describe(): string;
}

/**
 * Adds `--provider`, `--base-url`, `--embedding-model`, `--chat-model` and `--cache-dir` to a command.
 * Shared by every command that calls a model, so they all read the same flags and env variables.
 */
export function addProviderOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--provider <name>',
        'model provider (else env CVMATCH_PROVIDER, default local: offline)',
      ).choices(PROVIDER_NAMES),
    )
    .option(
      '--base-url <url>',
      'API base URL (else MISTRAL_BASE_URL / OPENAI_BASE_URL; any OpenAI-compatible server)',
    )
    .option(
      '--embedding-model <id>',
      'embedding model (defaults: local hashing-v1, mistral mistral-embed, openai text-embedding-3-small)',
    )
    .option('--chat-model <id>', 'chat model (defaults: mistral mistral-small-latest, openai gpt-4o-mini)')
    .option(
      '--cache-dir <dir>',
      'keep model answers on disk and reuse them (else env CVMATCH_CACHE_DIR; default: no cache). ' +
        'The cache holds CV text: treat it as personal data',
    );
}

/**
 * Builds the models from the flags and env. Usage errors (unknown provider, a flag the provider cannot
 * honour, a missing API key) throw `UsageError`, before any CV is read.
 */
export async function resolveProviderOptions(
  options: ProviderCliOptions | Record<string, unknown>,
  env: Record<string, string | undefined> = process.env,
): Promise<ResolvedProviders> {
  const flags = readFlags(options);
  const name = (flags.provider ?? env.CVMATCH_PROVIDER ?? 'local') as ProviderName;
  if (!PROVIDER_NAMES.includes(name)) {
    throw new UsageError(`unknown provider "${name}" (known: ${PROVIDER_NAMES.join(', ')})`);
  }
  const cacheDir = flags.cacheDir ?? (env.CVMATCH_CACHE_DIR || undefined);
  const usage = createUsageMeter();

  if (name === 'local') {
    if (flags.chatModel) throw new UsageError('--chat-model: the local provider has no chat model');
    if (flags.baseUrl) throw new UsageError('--base-url: the local provider does not call any server');
    if (flags.embeddingModel && flags.embeddingModel !== 'hashing-v1') {
      throw new UsageError(`--embedding-model: the local provider has only hashing-v1`);
    }
    const embeddingModel = createLocal({ usage }).embeddingModel();
    return {
      provider: name,
      embeddingModel,
      usage,
      describe: () => `provider local, embeddings ${embeddingModel.modelId}, no chat model, offline`,
    };
  }

  const keyVariable = name === 'mistral' ? 'MISTRAL_API_KEY' : 'OPENAI_API_KEY';
  const urlVariable = name === 'mistral' ? 'MISTRAL_BASE_URL' : 'OPENAI_BASE_URL';
  if (!env[keyVariable]) {
    throw new UsageError(`--provider ${name}: set ${keyVariable} (or use --provider local to run offline)`);
  }
  const baseURL = flags.baseUrl ?? (env[urlVariable] || undefined);
  if (baseURL !== undefined && !URL.canParse(baseURL)) {
    throw new UsageError(`--base-url: not a URL: ${baseURL}`);
  }
  const settings = {
    baseURL,
    env,
    usage,
    ...(cacheDir ? { cache: cacheDir } : {}),
    ...(flags.embeddingModel ? { embeddingModelId: flags.embeddingModel } : {}),
    ...(flags.chatModel ? { chatModelId: flags.chatModel } : {}),
  };
  const provider = name === 'mistral' ? createMistral(settings) : createOpenAI(settings);
  let embeddingModel: EmbeddingModel;
  try {
    embeddingModel = provider.embeddingModel();
  } catch (error) {
    throw new UsageError(`--embedding-model: ${(error as Error).message}`, { cause: error });
  }
  const chatModel = provider.chatModel();
  return {
    provider: name,
    embeddingModel,
    chatModel,
    usage,
    describe: () =>
      [
        `provider ${name}`,
        `embeddings ${embeddingModel.modelId}`,
        `chat ${chatModel.modelId}`,
        baseURL ? `base URL ${withoutCredentials(baseURL)}` : 'official endpoint',
        cacheDir ? `cache ${cacheDir}` : 'no cache',
      ].join(', '),
  };
}

/** A base URL may carry `user:password@`: never print it. */
function withoutCredentials(baseURL: string): string {
  const url = new URL(baseURL);
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  return url.toString().replace(/\/$/, '');
}

function readFlags(options: ProviderCliOptions | Record<string, unknown>): ProviderCliOptions {
  const record = options as Record<string, unknown>;
  const text = (key: keyof ProviderCliOptions) => {
    const value = record[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    provider: text('provider'),
    baseUrl: text('baseUrl'),
    embeddingModel: text('embeddingModel'),
    chatModel: text('chatModel'),
    cacheDir: text('cacheDir'),
  };
}

const integer = new Intl.NumberFormat('en-US');

/** One stderr line for the end of a run: calls, cached calls, tokens and estimated cost (USD). */
export function formatUsage(report: UsageReport): string {
  const models = Object.keys(report.byModel);
  const cost =
    report.costEstimate === 0 && report.unpricedModels.length === 0
      ? 'cost $0'
      : `≈ $${report.costEstimate < 0.01 && report.costEstimate > 0 ? report.costEstimate.toPrecision(2) : report.costEstimate.toFixed(2)}`;
  const unpriced =
    report.unpricedModels.length > 0 ? ` (no price for ${report.unpricedModels.join(', ')})` : '';
  return (
    `usage: ${integer.format(report.calls)} call${report.calls === 1 ? '' : 's'}` +
    ` (${integer.format(report.cachedCalls)} cached), ` +
    `${integer.format(report.inputTokens)} input + ${integer.format(report.outputTokens)} output tokens, ` +
    `${cost}${unpriced}${models.length > 0 ? ` [${models.join(', ')}]` : ''}`
  );
}
