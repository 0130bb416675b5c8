import { type Command, Option } from 'commander';
import {
  type ChatModel,
  createUsageMeter,
  type EmbeddingModel,
  findProvider,
  type ProviderRegistration,
  providerRegistry,
  UsageError,
  type UsageMeter,
  type UsageReport,
} from '../index.js';

/** The registered provider names, in help order (`local` first: the default). */
export const PROVIDER_NAMES = providerRegistry.map((registration) => registration.name) as [
  string,
  ...string[],
];
export type ProviderName = (typeof PROVIDER_NAMES)[number];

const DEFAULT_PROVIDER = PROVIDER_NAMES[0];

/** The option values `addProviderOptions` adds (commander's camel-cased names). */
export interface ProviderCliOptions {
  provider?: string;
  baseUrl?: string;
  embeddingModel?: string;
  chatModel?: string;
  dimensions?: string;
  cacheDir?: string;
  timeout?: string;
}

/** What a command needs to run models, and to report what they cost. */
export interface ResolvedProviders {
  provider: ProviderName;
  embeddingModel: EmbeddingModel;
  /** Undefined when the provider has no chat model (`local`) or no default one was named. */
  chatModel?: ChatModel;
  usage: UsageMeter;
  /** One line for stderr: provider, models, base URL and cache. Never the key. */
  describe(): string;
}

/** `mistral (Mistral La Plateforme; MISTRAL_API_KEY)`, from the registry. */
function helpLine(registration: ProviderRegistration): string {
  const needs: string[] = [];
  if (registration.keyVariable === null) needs.push('no key');
  else
    needs.push(registration.requiresKey ? registration.keyVariable : `${registration.keyVariable} optional`);
  if (registration.requiresBaseURL) needs.push('needs --base-url');
  return `${registration.name} (${registration.description}; ${needs.join(', ')})`;
}

function defaultsHelp(kind: 'embeddingModelId' | 'chatModelId'): string {
  return providerRegistry
    .map((registration) => {
      const id = registration.defaults[kind];
      if (id !== null) return `${registration.name} ${id}`;
      if (kind === 'chatModelId' && !registration.hasChat) return `${registration.name} none`;
      return `${registration.name} required`;
    })
    .join(', ');
}

/**
 * Adds `--provider`, `--base-url`, `--embedding-model`, `--chat-model`, `--dimensions`, `--timeout` and `--cache-dir`
 * to a command. Shared by every command that calls a model, so they all read the same flags and env
 * variables; names, variables and defaults come from the provider registry.
 */
export function addProviderOptions(command: Command): Command {
  const urlVariables = providerRegistry.flatMap((registration) =>
    registration.baseURLVariable === null ? [] : [registration.baseURLVariable],
  );
  return command
    .addOption(
      new Option(
        '--provider <name>',
        `model provider (else env CVMATCH_PROVIDER, default ${DEFAULT_PROVIDER}): ` +
          providerRegistry.map(helpLine).join('; '),
      ).choices(PROVIDER_NAMES),
    )
    .option('--base-url <url>', `API base URL (else ${urlVariables.join(' / ')})`)
    .option('--embedding-model <id>', `embedding model (defaults: ${defaultsHelp('embeddingModelId')})`)
    .option(
      '--chat-model <id>',
      `chat model (defaults: ${defaultsHelp('chatModelId').replaceAll(' required', ' none unless given')})`,
    )
    .option(
      '--dimensions <n>',
      'embedding vector size: required for a model the provider does not know; shortens OpenAI text-embedding-3 vectors',
    )
    .option(
      '--timeout <seconds>',
      'longest wait for one HTTP request to the provider before it is cut and retried (default 60)',
    )
    .option(
      '--cache-dir <dir>',
      'keep model answers on disk and reuse them (else env CVMATCH_CACHE_DIR; default: no cache). ' +
        'The cache holds CV text: treat it as personal data',
    );
}

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout: expected a number of seconds above 0, got ${text}`);
  }
  return Math.round(seconds * 1000);
}

function parseDimensions(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--dimensions: expected a positive integer, got ${text}`);
  }
  return value;
}

/**
 * Builds the models from the flags, the env and the provider registry. Usage errors (unknown provider,
 * a flag the provider cannot honour, a missing API key or base URL) throw `UsageError`, before any CV is read.
 */
export async function resolveProviderOptions(
  options: ProviderCliOptions | Record<string, unknown>,
  env: Record<string, string | undefined> = process.env,
): Promise<ResolvedProviders> {
  const flags = readFlags(options);
  const name = flags.provider ?? (env.CVMATCH_PROVIDER || DEFAULT_PROVIDER);
  const registration = findProvider(name);
  if (!registration) {
    throw new UsageError(`unknown provider "${name}" (known: ${PROVIDER_NAMES.join(', ')})`);
  }
  if (flags.chatModel && !registration.hasChat) {
    throw new UsageError(`--chat-model: the ${name} provider has no chat model`);
  }
  const callsServer = registration.baseURLVariable !== null;
  if (flags.baseUrl && !callsServer) {
    throw new UsageError(`--base-url: the ${name} provider does not call any server`);
  }
  const { keyVariable } = registration;
  if (registration.requiresKey && keyVariable !== null && !env[keyVariable]) {
    throw new UsageError(`--provider ${name}: set ${keyVariable} (or use --provider local to run offline)`);
  }
  const baseURL =
    flags.baseUrl ??
    (registration.baseURLVariable ? env[registration.baseURLVariable] || undefined : undefined);
  if (baseURL === undefined && registration.requiresBaseURL) {
    throw new UsageError(
      `--provider ${name}: pass --base-url (or set ${registration.baseURLVariable}), e.g. http://127.0.0.1:11434/v1`,
    );
  }
  if (baseURL !== undefined && !URL.canParse(baseURL)) {
    throw new UsageError(`--base-url: not a URL: ${baseURL}`);
  }
  const embeddingModelId = flags.embeddingModel ?? registration.defaults.embeddingModelId;
  if (embeddingModelId === null) {
    throw new UsageError(`--provider ${name}: pass --embedding-model (the server's model id)`);
  }
  const chatModelId = flags.chatModel ?? registration.defaults.chatModelId;
  const dimensions = parseDimensions(flags.dimensions);
  const timeoutMs = parseTimeout(flags.timeout);
  const cacheDir = flags.cacheDir ?? (env.CVMATCH_CACHE_DIR || undefined);
  const usage = createUsageMeter();
  const provider = registration.create({
    baseURL,
    env,
    usage,
    ...(cacheDir ? { cache: cacheDir } : {}),
    embeddingModelId,
    ...(chatModelId !== null ? { chatModelId } : {}),
    ...(dimensions !== undefined ? { dimensions } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  let embeddingModel: EmbeddingModel;
  try {
    // Every registered provider embeds; the registry's type cannot say so.
    embeddingModel = provider.embeddingModel!(embeddingModelId);
  } catch (error) {
    throw new UsageError(`--embedding-model: ${(error as Error).message}`, { cause: error });
  }
  const chatModel = chatModelId !== null && provider.chatModel ? provider.chatModel(chatModelId) : undefined;
  return {
    provider: name,
    embeddingModel,
    ...(chatModel ? { chatModel } : {}),
    usage,
    describe: () =>
      [
        `provider ${name}`,
        `embeddings ${embeddingModel.modelId}`,
        chatModel ? `chat ${chatModel.modelId}` : 'no chat model',
        ...(callsServer
          ? [
              baseURL ? `base URL ${withoutCredentials(baseURL)}` : 'official endpoint',
              cacheDir ? `cache ${cacheDir}` : 'no cache',
            ]
          : ['offline']),
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
    dimensions: text('dimensions'),
    cacheDir: text('cacheDir'),
    timeout: text('timeout'),
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
