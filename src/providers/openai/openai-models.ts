import type OpenAI from 'openai';
import { ProviderError } from '../../errors.js';
import { estimateTexts, estimateTokens } from '../middleware/intercept.js';
import type { RemoteModelContext, ResolvedTransport } from '../remote/create-remote-provider.js';
import type { EmbeddingModel } from '../spec.js';
import type { ChatModelV2, FinishReason } from '../spec-v2.js';
import type { OpenAIConnection } from './openai-connection.js';

/** What differs between OpenAI itself and an OpenAI-compatible server on the same wire format. */
export interface OpenAIWireOptions {
  /** Embedding sizes of the models this server is known to serve; others need `dimensions`. */
  embeddingDimensions: Record<string, number>;
  /** The field that caps the answer's length for this transport. */
  maxTokensField(transport: ResolvedTransport): 'max_completion_tokens' | 'max_tokens';
}

/** A 2xx answer that is not the API's shape (a proxy page, a truncated body): no TypeError leaks out. */
function unexpectedShape(provider: string): ProviderError {
  return new ProviderError(`${provider} answered with an unexpected response shape`, { provider });
}

/** A raw embedding model on the OpenAI wire format (no middleware). */
export function createOpenAIEmbeddingModel(
  modelId: string,
  context: RemoteModelContext<OpenAIConnection>,
  wire: OpenAIWireOptions,
): EmbeddingModel {
  const { provider } = context;
  const requested = context.model.dimensions;
  const dimensions = requested ?? wire.embeddingDimensions[modelId];
  if (dimensions === undefined) {
    throw new ProviderError(`${provider}: unknown embedding model "${modelId}": pass \`dimensions\``, {
      provider,
    });
  }
  return {
    specificationVersion: 'v1',
    provider,
    modelId,
    dimensions,
    maxInputsPerCall: 2048,
    async embed({ inputs, signal }) {
      const response = await context.call(signal, ({ client }) =>
        client.embeddings.create(
          {
            model: modelId,
            input: inputs,
            encoding_format: 'float',
            ...(requested !== undefined ? { dimensions: requested } : {}),
          },
          { signal },
        ),
      );
      const vectors: Float32Array[] = new Array(inputs.length);
      if (!Array.isArray(response?.data)) throw unexpectedShape(provider);
      for (const item of response.data) {
        if (!Array.isArray(item?.embedding) || !Number.isInteger(item.index) || item.index < 0) {
          throw unexpectedShape(provider);
        }
        if (item.embedding.length !== dimensions) {
          throw new ProviderError(
            `${provider} returned a vector of ${item.embedding.length} dimensions, expected ${dimensions}`,
            { provider },
          );
        }
        vectors[item.index] = Float32Array.from(item.embedding);
      }
      if (response.data.length !== inputs.length || vectors.some((vector) => vector === undefined)) {
        throw new ProviderError(
          `${provider} returned ${response.data.length} vectors for ${inputs.length} inputs`,
          { provider },
        );
      }
      // OpenAI-compatible servers may omit usage: estimate rather than report a silent zero.
      const inputTokens = response.usage?.prompt_tokens ?? estimateTexts(inputs);
      return { vectors, usage: { inputTokens, outputTokens: 0 } };
    },
  };
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
};

/** A raw chat model on the OpenAI wire format (spec v2, no middleware). */
export function createOpenAIChatModel(
  modelId: string,
  context: RemoteModelContext<OpenAIConnection>,
  wire: OpenAIWireOptions,
): ChatModelV2 {
  const { provider } = context;
  return {
    specificationVersion: 'v2',
    provider,
    modelId,
    async generate(request) {
      const { signal, responseFormat } = request;
      const format: OpenAI.ChatCompletionCreateParams['response_format'] | undefined = responseFormat
        ? {
            type: 'json_schema',
            json_schema: {
              name: responseFormat.name,
              schema: responseFormat.schema,
              strict: responseFormat.strict,
            },
          }
        : undefined;
      const completion = await context.call(signal, ({ client }, transport) =>
        client.chat.completions.create(
          {
            model: modelId,
            messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
            temperature: request.temperature ?? 0,
            ...(request.seed !== undefined ? { seed: request.seed } : {}),
            ...(request.maxOutputTokens !== undefined
              ? { [wire.maxTokensField(transport)]: request.maxOutputTokens }
              : {}),
            ...(format ? { response_format: format } : {}),
          },
          { signal },
        ),
      );
      if (!Array.isArray(completion?.choices)) throw unexpectedShape(provider);
      const choice = completion.choices[0];
      const text = choice?.message.content;
      if (typeof text !== 'string') {
        throw new ProviderError(
          `${provider} returned no text (finish_reason: ${choice?.finish_reason ?? 'no choice'})`,
          { provider, requestId: completion.id },
        );
      }
      const usage = {
        inputTokens: completion.usage?.prompt_tokens ?? estimateTexts(request.messages.map((m) => m.content)),
        outputTokens: completion.usage?.completion_tokens ?? estimateTokens(text),
      };
      const finishReason = choice?.finish_reason ? (FINISH_REASONS[choice.finish_reason] ?? 'other') : null;
      return { text, usage, finishReason };
    },
  };
}
