import type { Mistral } from '@mistralai/mistralai';
import type { ResponseFormat } from '@mistralai/mistralai/models/components';
import { AuthenticationError, ProviderError } from '../../errors.js';
import { estimateTokens } from '../middleware/intercept.js';
import { type RemoteProviderSettings, readSetting } from '../settings.js';
import type { ChatModel, EmbeddingModel, Usage } from '../spec.js';
import { parseObject, toProviderJsonSchema } from '../structured-output.js';
import { mapMistralError } from './map-mistral-error.js';

/** Known embedding sizes; other models need `dimensions` in the settings. */
const EMBEDDING_DIMENSIONS: Record<string, number> = {
  'mistral-embed': 1024,
  'codestral-embed': 1536,
};

type MistralSdk = typeof import('@mistralai/mistralai') & {
  errors: typeof import('@mistralai/mistralai/models/errors');
};
let sdkPromise: Promise<MistralSdk> | null = null;

/** The SDK is large (seconds to load): imported on the first Mistral call, not with cvmatch. */
export function loadMistralSdk(): Promise<MistralSdk> {
  sdkPromise ??= Promise.all([
    import('@mistralai/mistralai'),
    import('@mistralai/mistralai/models/errors'),
  ]).then(([main, errors]) => ({ ...main, errors }));
  return sdkPromise;
}

/** Resolves the key and server URL at call time and keeps one SDK client per (key, URL). */
export function createMistralClientSource(settings: RemoteProviderSettings) {
  let cached: { apiKey: string; serverURL: string | undefined; client: Mistral } | null = null;
  return async (): Promise<{ client: Mistral; apiKey: string; sdk: MistralSdk }> => {
    const apiKey = readSetting(settings.apiKey, 'MISTRAL_API_KEY', settings.env);
    if (!apiKey) {
      throw new AuthenticationError('mistral: no API key (pass `apiKey` or set MISTRAL_API_KEY)', {
        provider: 'mistral',
      });
    }
    const serverURL = readSetting(settings.baseURL, 'MISTRAL_BASE_URL', settings.env);
    const sdk = await loadMistralSdk();
    if (!cached || cached.apiKey !== apiKey || cached.serverURL !== serverURL) {
      const fetcher = settings.fetch;
      const client = new sdk.Mistral({
        apiKey,
        ...(serverURL ? { serverURL } : {}),
        // Retries and timeouts are cvmatch middleware; the SDK must not add its own.
        retryConfig: { strategy: 'none' },
        ...(fetcher
          ? { httpClient: new sdk.HTTPClient({ fetcher: (input, init) => fetcher(input, init) }) }
          : {}),
      });
      cached = { apiKey, serverURL, client };
    }
    return { client: cached.client, apiKey, sdk };
  };
}

type ClientSource = ReturnType<typeof createMistralClientSource>;

async function callMistral<T>(
  source: ClientSource,
  signal: AbortSignal | undefined,
  run: (client: Mistral) => Promise<T>,
): Promise<T> {
  const { client, apiKey, sdk } = await source();
  try {
    return await run(client);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw mapMistralError(error, { apiKey, errors: sdk.errors });
  }
}

function estimateAll(texts: string[]): number {
  let total = 0;
  for (const text of texts) total += estimateTokens(text);
  return total;
}

/** A raw Mistral embedding model (no middleware). */
export function createMistralEmbeddingModel(
  modelId: string,
  settings: RemoteProviderSettings,
  source: ClientSource,
): EmbeddingModel {
  const dimensions = settings.dimensions ?? EMBEDDING_DIMENSIONS[modelId];
  if (dimensions === undefined) {
    throw new ProviderError(`mistral: unknown embedding model "${modelId}": pass \`dimensions\``, {
      provider: 'mistral',
    });
  }
  const sendDimensions =
    settings.dimensions !== undefined && settings.dimensions !== EMBEDDING_DIMENSIONS[modelId];
  return {
    specificationVersion: 'v1',
    provider: 'mistral',
    modelId,
    dimensions,
    maxInputsPerCall: 128,
    async embed({ inputs, signal }) {
      const response = await callMistral(source, signal, (client) =>
        client.embeddings.create(
          { model: modelId, inputs, ...(sendDimensions ? { outputDimension: dimensions } : {}) },
          signal ? { signal } : {},
        ),
      );
      const vectors: Float32Array[] = new Array(inputs.length);
      response.data.forEach((item, position) => {
        const index = item.index ?? position;
        if (!item.embedding || item.embedding.length !== dimensions) {
          throw new ProviderError(
            `mistral returned a vector of ${item.embedding?.length ?? 0} dimensions, expected ${dimensions}`,
            { provider: 'mistral', requestId: response.id },
          );
        }
        vectors[index] = Float32Array.from(item.embedding);
      });
      if (response.data.length !== inputs.length || vectors.some((vector) => vector === undefined)) {
        throw new ProviderError(
          `mistral returned ${response.data.length} vectors for ${inputs.length} inputs`,
          {
            provider: 'mistral',
            requestId: response.id,
          },
        );
      }
      return {
        vectors,
        usage: { inputTokens: response.usage.promptTokens ?? estimateAll(inputs), outputTokens: 0 },
      };
    },
  };
}

/** A raw Mistral chat model (no middleware). */
export function createMistralChatModel(modelId: string, source: ClientSource): ChatModel {
  async function complete(
    request: Parameters<ChatModel['generateText']>[0],
    responseFormat: ResponseFormat | undefined,
  ): Promise<{ text: string; usage: Usage }> {
    const { signal } = request;
    const completion = await callMistral(source, signal, (client) =>
      client.chat.complete(
        {
          model: modelId,
          messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
          temperature: request.temperature ?? 0,
          ...(request.seed !== undefined ? { randomSeed: request.seed } : {}),
          ...(request.maxOutputTokens !== undefined ? { maxTokens: request.maxOutputTokens } : {}),
          ...(responseFormat ? { responseFormat } : {}),
        },
        signal ? { signal } : {},
      ),
    );
    const choice = completion.choices[0];
    const content = choice?.message?.content;
    const text =
      typeof content === 'string'
        ? content
        : Array.isArray(content)
          ? content.map((chunk) => (chunk.type === 'text' ? chunk.text : '')).join('')
          : null;
    if (text === null) {
      throw new ProviderError(
        `mistral returned no text (finish_reason: ${choice?.finishReason ?? 'no choice'})`,
        {
          provider: 'mistral',
          requestId: completion.id,
        },
      );
    }
    const usage = {
      inputTokens: completion.usage.promptTokens ?? estimateAll(request.messages.map((m) => m.content)),
      outputTokens: completion.usage.completionTokens ?? estimateTokens(text),
    };
    return { text, usage };
  }

  return {
    specificationVersion: 'v1',
    provider: 'mistral',
    modelId,
    generateText: (request) => complete(request, undefined),
    async generateObject(request) {
      const { schema, strict, normalize } = toProviderJsonSchema(request.schema);
      const answer = await complete(request, {
        type: 'json_schema',
        jsonSchema: { name: request.schemaName ?? 'answer', schemaDefinition: schema, strict },
      });
      const object = parseObject(answer.text, request.schema, {
        provider: 'mistral',
        usage: answer.usage,
        normalize,
      });
      return { object, usage: answer.usage };
    },
  };
}
