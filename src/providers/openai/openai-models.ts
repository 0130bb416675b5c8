import type OpenAI from 'openai';
import { AuthenticationError, ProviderError } from '../../errors.js';
import { estimateTokens } from '../middleware/intercept.js';
import { type RemoteProviderSettings, readSetting } from '../settings.js';
import type { ChatMessage, ChatModel, EmbeddingModel, Usage } from '../spec.js';
import { parseObject, toProviderJsonSchema } from '../structured-output.js';
import { mapOpenAIError } from './map-openai-error.js';

/** Known embedding sizes; other models need `dimensions` in the settings. */
const EMBEDDING_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

type OpenAISdk = typeof import('openai');
let sdkPromise: Promise<OpenAISdk> | null = null;

/** Imported on the first OpenAI call, so `import 'cvmatch'` stays fast for offline use. */
export function loadOpenAISdk(): Promise<OpenAISdk> {
  sdkPromise ??= import('openai');
  return sdkPromise;
}

/** Resolves the key and base URL at call time and keeps one SDK client per (key, URL). */
export function createOpenAIClientSource(settings: RemoteProviderSettings) {
  let cached: { apiKey: string; baseURL: string | undefined; client: OpenAI } | null = null;
  return async (): Promise<{ client: OpenAI; apiKey: string; sdk: OpenAISdk }> => {
    const apiKey = readSetting(settings.apiKey, 'OPENAI_API_KEY', settings.env);
    if (!apiKey) {
      throw new AuthenticationError('openai: no API key (pass `apiKey` or set OPENAI_API_KEY)', {
        provider: 'openai',
      });
    }
    const baseURL = readSetting(settings.baseURL, 'OPENAI_BASE_URL', settings.env);
    const sdk = await loadOpenAISdk();
    if (!cached || cached.apiKey !== apiKey || cached.baseURL !== baseURL) {
      const client = new sdk.default({
        apiKey,
        baseURL: baseURL ?? 'https://api.openai.com/v1',
        // Retries and timeouts are cvmatch middleware; the SDK must not add its own.
        maxRetries: 0,
        timeout: 24 * 60 * 60 * 1000,
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
      });
      cached = { apiKey, baseURL, client };
    }
    return { client: cached.client, apiKey, sdk };
  };
}

type ClientSource = ReturnType<typeof createOpenAIClientSource>;

async function callOpenAI<T>(
  source: ClientSource,
  signal: AbortSignal | undefined,
  run: (client: OpenAI) => Promise<T>,
): Promise<T> {
  const { client, apiKey, sdk } = await source();
  try {
    return await run(client);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw mapOpenAIError(error, { apiKey, OpenAI: sdk.default });
  }
}

/** A raw OpenAI embedding model (no middleware). */
export function createOpenAIEmbeddingModel(
  modelId: string,
  settings: RemoteProviderSettings,
  source: ClientSource,
): EmbeddingModel {
  const dimensions = settings.dimensions ?? EMBEDDING_DIMENSIONS[modelId];
  if (dimensions === undefined) {
    throw new ProviderError(`openai: unknown embedding model "${modelId}": pass \`dimensions\``, {
      provider: 'openai',
    });
  }
  return {
    specificationVersion: 'v1',
    provider: 'openai',
    modelId,
    dimensions,
    maxInputsPerCall: 2048,
    async embed({ inputs, signal }) {
      const response = await callOpenAI(source, signal, (client) =>
        client.embeddings.create(
          {
            model: modelId,
            input: inputs,
            encoding_format: 'float',
            ...(settings.dimensions !== undefined ? { dimensions: settings.dimensions } : {}),
          },
          { signal },
        ),
      );
      const vectors: Float32Array[] = new Array(inputs.length);
      if (!Array.isArray(response?.data)) throw unexpectedShape();
      for (const item of response.data) {
        if (!Array.isArray(item?.embedding) || !Number.isInteger(item.index) || item.index < 0) {
          throw unexpectedShape();
        }
        if (item.embedding.length !== dimensions) {
          throw new ProviderError(
            `openai returned a vector of ${item.embedding.length} dimensions, expected ${dimensions}`,
            { provider: 'openai' },
          );
        }
        vectors[item.index] = Float32Array.from(item.embedding);
      }
      if (response.data.length !== inputs.length || vectors.some((vector) => vector === undefined)) {
        throw new ProviderError(
          `openai returned ${response.data.length} vectors for ${inputs.length} inputs`,
          {
            provider: 'openai',
          },
        );
      }
      // OpenAI-compatible servers may omit usage: estimate rather than report a silent zero.
      const inputTokens = response.usage?.prompt_tokens ?? estimateInputs(inputs);
      return { vectors, usage: { inputTokens, outputTokens: 0 } };
    },
  };
}

/** A 2xx answer that is not the API's shape (a proxy page, a truncated body): no TypeError leaks out. */
function unexpectedShape(): ProviderError {
  return new ProviderError('openai answered with an unexpected response shape', { provider: 'openai' });
}

function estimateInputs(texts: string[]): number {
  let total = 0;
  for (const text of texts) total += estimateTokens(text);
  return total;
}

function toOpenAIMessages(messages: ChatMessage[]) {
  return messages.map((message) => ({ role: message.role, content: message.content }));
}

/** A raw OpenAI chat model (no middleware). */
export function createOpenAIChatModel(
  modelId: string,
  settings: RemoteProviderSettings,
  source: ClientSource,
): ChatModel {
  // OpenAI's own API wants `max_completion_tokens` (newer models reject `max_tokens`); compatible
  // servers (vLLM, Ollama, LM Studio) have long understood `max_tokens`.
  const isOfficialEndpoint = () => {
    const baseURL = readSetting(settings.baseURL, 'OPENAI_BASE_URL', settings.env);
    return baseURL === undefined || baseURL.startsWith('https://api.openai.com');
  };
  async function complete(
    request: Parameters<ChatModel['generateText']>[0],
    responseFormat: OpenAI.ChatCompletionCreateParams['response_format'] | undefined,
  ): Promise<{ text: string; usage: Usage }> {
    const { signal } = request;
    const completion = await callOpenAI(source, signal, (client) =>
      client.chat.completions.create(
        {
          model: modelId,
          messages: toOpenAIMessages(request.messages),
          temperature: request.temperature ?? 0,
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          ...(request.maxOutputTokens === undefined
            ? {}
            : isOfficialEndpoint()
              ? { max_completion_tokens: request.maxOutputTokens }
              : { max_tokens: request.maxOutputTokens }),
          ...(responseFormat ? { response_format: responseFormat } : {}),
        },
        { signal },
      ),
    );
    if (!Array.isArray(completion?.choices)) throw unexpectedShape();
    const choice = completion.choices[0];
    const text = choice?.message.content;
    if (typeof text !== 'string') {
      throw new ProviderError(
        `openai returned no text (finish_reason: ${choice?.finish_reason ?? 'no choice'})`,
        { provider: 'openai', requestId: completion.id },
      );
    }
    const usage = {
      inputTokens: completion.usage?.prompt_tokens ?? estimateInputs(request.messages.map((m) => m.content)),
      outputTokens: completion.usage?.completion_tokens ?? estimateTokens(text),
    };
    return { text, usage };
  }

  return {
    specificationVersion: 'v1',
    provider: 'openai',
    modelId,
    generateText: (request) => complete(request, undefined),
    async generateObject(request) {
      const { schema, strict, normalize } = toProviderJsonSchema(request.schema);
      const answer = await complete(request, {
        type: 'json_schema',
        json_schema: { name: request.schemaName ?? 'answer', schema, strict },
      });
      const object = parseObject(answer.text, request.schema, {
        provider: 'openai',
        usage: answer.usage,
        normalize,
      });
      return { object, usage: answer.usage };
    },
  };
}
