import { ValidationError } from '../../errors.js';
import { mapOpenAIError } from '../openai/map-openai-error.js';
import { connectOpenAI, type OpenAIConnection } from '../openai/openai-connection.js';
import {
  createOpenAIChatModel,
  createOpenAIEmbeddingModel,
  type OpenAIWireOptions,
} from '../openai/openai-models.js';
import { remoteRegistration } from '../registration.js';
import {
  createRemoteProvider,
  type RemoteProvider,
  type RemoteProviderDefinition,
} from '../remote/create-remote-provider.js';
import type { RemoteProviderSettings } from '../settings.js';

export interface OpenAICompatibleSettings extends RemoteProviderSettings {
  /** How models, usage and errors name this server, e.g. `ollama`, `vllm`. */
  name: string;
  /** The server's OpenAI-compatible root, e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://127.0.0.1:8000/v1` (vLLM). */
  baseURL: string;
  /** Optional: local servers need none. Else `OPENAI_COMPATIBLE_API_KEY`, read when a call is made. */
  apiKey?: string;
}

export type OpenAICompatibleProvider = RemoteProvider;

const wire: OpenAIWireOptions = {
  // Sizes of embedding models these servers commonly serve; any other needs `dimensions`.
  embeddingDimensions: {
    'nomic-embed-text': 768,
    'mxbai-embed-large': 1024,
    'all-minilm': 384,
    'bge-m3': 1024,
    'BAAI/bge-m3': 1024,
    'intfloat/multilingual-e5-large': 1024,
  },
  // vLLM, Ollama and LM Studio read `max_tokens`.
  maxTokensField: () => 'max_tokens',
};

/** What is specific to an OpenAI-compatible server: no default model, no key needed, `max_tokens`. */
export const openAICompatibleDefinition: RemoteProviderDefinition<string, OpenAIConnection> = {
  name: 'openai-compatible',
  keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
  requiresKey: false,
  baseURLVariable: null,
  // Each server names its own models: the cache keeps their answers apart.
  serverLocalModelIds: true,
  defaults: { batch: { maxInputs: 128, maxTokens: 60_000 } },
  connect: connectOpenAI,
  mapError: mapOpenAIError,
  models: {
    embedding: (modelId, context) => createOpenAIEmbeddingModel(modelId, context, wire),
    chat: (modelId, context) => createOpenAIChatModel(modelId, context, wire),
  },
};

function isHttpURL(text: string | undefined): boolean {
  if (!text || !URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * Any server that speaks the OpenAI API: a local vLLM, Ollama or LM Studio, or a hosted gateway.
 * Through the `openai` SDK with `baseURL`; the error mapping and wire format are OpenAI's. There is no
 * default model (name the server's: `embeddingModelId`, `chatModelId`, or an id per call) and no price
 * (usage reports list it under `unpricedModels` unless `prices` says otherwise).
 */
export function createOpenAICompatible(settings: OpenAICompatibleSettings): OpenAICompatibleProvider {
  // Without it the SDK would default to api.openai.com: refuse at once rather than call the wrong server.
  if (!isHttpURL(settings.baseURL)) {
    throw new ValidationError(
      `${settings.name}: \`baseURL\` must be the server's URL, e.g. http://127.0.0.1:11434/v1`,
      {
        issues: [{ path: ['baseURL'], message: 'expected a URL' }],
      },
    );
  }
  return createRemoteProvider({ ...openAICompatibleDefinition, name: settings.name }, settings);
}

/** `--provider openai-compatible --base-url <url> --embedding-model <id> [--chat-model <id>]`. */
export const openAICompatibleRegistration = remoteRegistration(openAICompatibleDefinition, {
  description: 'any OpenAI-compatible server: vLLM, Ollama, LM Studio',
  baseURLVariable: 'OPENAI_COMPATIBLE_BASE_URL',
  create: (settings) =>
    createOpenAICompatible({
      ...settings,
      name: openAICompatibleDefinition.name,
      baseURL: settings.baseURL ?? '',
    }),
});
