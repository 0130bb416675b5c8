import { AuthenticationError, CvmatchError, ProviderError } from '../../errors.js';
import { chatModelFromV2 } from '../chat-model-from-v2.js';
import { createRequestLimiter } from '../middleware/limiter.js';
import {
  applyChatMiddleware,
  applyEmbeddingMiddleware,
  type MiddlewareOptions,
} from '../middleware/stack.js';
import { type ModelSettings, type RemoteProviderSettings, readSetting } from '../settings.js';
import type { ChatModel, EmbeddingModel } from '../spec.js';
import type { ChatModelV2 } from '../spec-v2.js';

/** Default transport timeout, per HTTP request. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The SDK enforces `timeoutMs` on each request; the timeout middleware guards the whole attempt this
 * much later, for a body that stalls after the headers (the OpenAI SDK's timer stops at the headers).
 */
const ATTEMPT_GUARD_MS = 1_000;

/** The transport of one call, resolved (key and base URL from the env) when the call is made. */
export interface ResolvedTransport {
  apiKey: string | undefined;
  baseURL: string | undefined;
  timeoutMs: number;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch | undefined;
}

/** What a provider's model code gets from the base. */
export interface RemoteModelContext<Connection> {
  /** The provider's name, as models report it. */
  provider: string;
  model: ModelSettings;
  /**
   * Runs one SDK call: resolves the key and base URL now, reuses one connection per (key, URL), maps
   * SDK errors with the provider's `mapError`, and passes the caller's abort through unchanged.
   */
  call<T>(
    signal: AbortSignal | undefined,
    run: (connection: Connection, transport: ResolvedTransport) => Promise<T>,
  ): Promise<T>;
}

/** What a provider's `mapError` knows about the failed call. */
export interface MapErrorContext<Connection> {
  /** The provider's name, as its errors report it. */
  provider: string;
  connection: Connection;
  transport: ResolvedTransport;
}

/** What is specific to one remote provider; everything else is `createRemoteProvider`. */
export interface RemoteProviderDefinition<Name extends string, Connection> {
  name: Name;
  /** Env variable holding the API key, read at call time when `apiKey` is not given. */
  keyVariable: string;
  /** False for servers that need no key (a local OpenAI-compatible server). Default true. */
  requiresKey?: boolean;
  /** Env variable holding the base URL, or null when only the `baseURL` setting counts. */
  baseURLVariable: string | null;
  /**
   * True when a model id only names a model on one server (`qwen2.5` on two Ollama machines may be two
   * quantisations): cache keys then include the base URL. False (default) for a vendor's model ids, which
   * name the same model whichever endpoint serves them (an EU endpoint, a gateway): one cache for all.
   */
  serverLocalModelIds?: boolean;
  defaults: {
    /** Absent: `embeddingModel()` needs an id (or `embeddingModelId`). */
    embeddingModelId?: string;
    chatModelId?: string;
    batch: { maxInputs: number; maxTokens: number };
  };
  /** Builds the SDK client for one transport (load the SDK lazily here). */
  connect(transport: ResolvedTransport): Promise<Connection>;
  /** The provider's `map-<name>-error.ts`: an SDK error becomes a cvmatch error. */
  mapError(error: unknown, context: MapErrorContext<Connection>): unknown;
  /** Raw models: request and response mapping only, no middleware. */
  models: {
    embedding(modelId: string, context: RemoteModelContext<Connection>): EmbeddingModel;
    chat(modelId: string, context: RemoteModelContext<Connection>): ChatModelV2;
  };
}

export interface RemoteProvider<Name extends string = string> {
  readonly name: Name;
  embeddingModel(modelId?: string): EmbeddingModel;
  chatModel(modelId?: string): ChatModel;
}

/**
 * A remote provider from its definition: key and base URL resolved at call time, one SDK connection
 * per (key, URL), and models wrapped in the standard middleware (cache, batching or repair, usage,
 * retry, limiter, attempt guard). Transport settings go to the SDK, behaviour settings to the middleware.
 */
export function createRemoteProvider<Name extends string, Connection>(
  definition: RemoteProviderDefinition<Name, Connection>,
  settings: RemoteProviderSettings = {},
): RemoteProvider<Name> {
  const { name } = definition;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resolveTransport = (): ResolvedTransport => ({
    apiKey: readSetting(settings.apiKey, definition.keyVariable, settings.env),
    baseURL: readSetting(settings.baseURL, definition.baseURLVariable, settings.env),
    timeoutMs,
    headers: settings.headers ?? {},
    fetch: settings.fetch,
  });
  let cached: { apiKey: string | undefined; baseURL: string | undefined; connection: Connection } | null =
    null;
  const connectionFor = async (transport: ResolvedTransport): Promise<Connection> => {
    if (!cached || cached.apiKey !== transport.apiKey || cached.baseURL !== transport.baseURL) {
      const connection = await definition.connect(transport);
      cached = { apiKey: transport.apiKey, baseURL: transport.baseURL, connection };
    }
    return cached.connection;
  };
  const context: RemoteModelContext<Connection> = {
    provider: name,
    model: settings,
    async call(signal, run) {
      const transport = resolveTransport();
      if (!transport.apiKey && definition.requiresKey !== false) {
        throw new AuthenticationError(
          `${name}: no API key (pass \`apiKey\` or set ${definition.keyVariable})`,
          { provider: name },
        );
      }
      const connection = await connectionFor(transport);
      try {
        return await run(connection, transport);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (CvmatchError.isInstance(error)) throw error;
        throw definition.mapError(error, { provider: name, connection, transport });
      }
    },
  };

  const limiter =
    settings.limiter ??
    createRequestLimiter({
      maxConcurrency: settings.maxConcurrency,
      requestsPerMinute: settings.requestsPerMinute,
      tokensPerMinute: settings.tokensPerMinute,
    });
  const middleware = (): MiddlewareOptions => ({
    timeoutMs: timeoutMs + ATTEMPT_GUARD_MS,
    retry: { ...settings.retry, maxRetries: settings.maxRetries ?? settings.retry?.maxRetries },
    limiter,
    cache: settings.cache,
    cacheParameters: definition.serverLocalModelIds
      ? { baseURL: readSetting(settings.baseURL, definition.baseURLVariable, settings.env) ?? null }
      : {},
    usage: settings.usage,
    prices: settings.prices,
  });
  const modelId = (kind: 'embedding' | 'chat', explicit: string | undefined): string => {
    const id =
      explicit ??
      (kind === 'embedding'
        ? (settings.embeddingModelId ?? definition.defaults.embeddingModelId)
        : (settings.chatModelId ?? definition.defaults.chatModelId));
    if (id === undefined) {
      throw new ProviderError(
        `${name}: no default ${kind} model: pass a model id (or \`${kind}ModelId\` in the settings)`,
        { provider: name },
      );
    }
    return id;
  };
  return {
    name,
    embeddingModel(id) {
      return applyEmbeddingMiddleware(definition.models.embedding(modelId('embedding', id), context), {
        ...middleware(),
        batch: { ...definition.defaults.batch, ...settings.batch },
      });
    },
    chatModel(id) {
      const raw = chatModelFromV2(definition.models.chat(modelId('chat', id), context));
      return applyChatMiddleware(raw, middleware());
    },
  };
}
