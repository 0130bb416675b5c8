import { ProviderError } from '../../errors.js';
import { estimateTexts, estimateTokens } from '../middleware/intercept.js';
import type { RemoteModelContext } from '../remote/create-remote-provider.js';
import type { EmbeddingModel } from '../spec.js';
import type { ChatModelV2, FinishReason } from '../spec-v2.js';
import { callWithSignal, type MistralConnection } from './mistral-connection.js';

/** Known embedding sizes; other models need `dimensions` in the settings. */
const EMBEDDING_DIMENSIONS: Record<string, number> = {
  'mistral-embed': 1024,
  'codestral-embed': 1536,
};

/** A raw Mistral embedding model (no middleware). */
export function createMistralEmbeddingModel(
  modelId: string,
  context: RemoteModelContext<MistralConnection>,
): EmbeddingModel {
  const { provider } = context;
  const requested = context.model.dimensions;
  const dimensions = requested ?? EMBEDDING_DIMENSIONS[modelId];
  if (dimensions === undefined) {
    throw new ProviderError(`${provider}: unknown embedding model "${modelId}": pass \`dimensions\``, {
      provider,
    });
  }
  const sendDimensions = requested !== undefined && requested !== EMBEDDING_DIMENSIONS[modelId];
  return {
    specificationVersion: 'v1',
    provider,
    modelId,
    dimensions,
    maxInputsPerCall: 128,
    async embed({ inputs, signal }) {
      const response = await context.call(signal, ({ client }, transport) =>
        callWithSignal(signal, transport, (options) =>
          client.embeddings.create(
            { model: modelId, inputs, ...(sendDimensions ? { outputDimension: dimensions } : {}) },
            options,
          ),
        ),
      );
      const vectors: Float32Array[] = new Array(inputs.length);
      response.data.forEach((item, position) => {
        const index = item.index ?? position;
        if (!item.embedding || item.embedding.length !== dimensions) {
          throw new ProviderError(
            `${provider} returned a vector of ${item.embedding?.length ?? 0} dimensions, expected ${dimensions}`,
            { provider, requestId: response.id },
          );
        }
        vectors[index] = Float32Array.from(item.embedding);
      });
      if (response.data.length !== inputs.length || vectors.some((vector) => vector === undefined)) {
        throw new ProviderError(
          `${provider} returned ${response.data.length} vectors for ${inputs.length} inputs`,
          { provider, requestId: response.id },
        );
      }
      return {
        vectors,
        usage: { inputTokens: response.usage.promptTokens ?? estimateTexts(inputs), outputTokens: 0 },
      };
    },
  };
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  model_length: 'length',
  tool_calls: 'tool-calls',
  error: 'error',
};

/** A raw Mistral chat model (spec v2, no middleware): messages and JSON-schema mode to the SDK. */
export function createMistralChatModel(
  modelId: string,
  context: RemoteModelContext<MistralConnection>,
): ChatModelV2 {
  const { provider } = context;
  return {
    specificationVersion: 'v2',
    provider,
    modelId,
    async generate(request) {
      const { signal, responseFormat } = request;
      const completion = await context.call(signal, ({ client }, transport) =>
        callWithSignal(signal, transport, (options) =>
          client.chat.complete(
            {
              model: modelId,
              messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
              temperature: request.temperature ?? 0,
              ...(request.seed !== undefined ? { randomSeed: request.seed } : {}),
              ...(request.maxOutputTokens !== undefined ? { maxTokens: request.maxOutputTokens } : {}),
              ...(responseFormat
                ? {
                    responseFormat: {
                      type: 'json_schema' as const,
                      jsonSchema: {
                        name: responseFormat.name,
                        schemaDefinition: responseFormat.schema,
                        strict: responseFormat.strict,
                      },
                    },
                  }
                : {}),
            },
            options,
          ),
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
          `${provider} returned no text (finish_reason: ${choice?.finishReason ?? 'no choice'})`,
          { provider, requestId: completion.id },
        );
      }
      const usage = {
        inputTokens: completion.usage.promptTokens ?? estimateTexts(request.messages.map((m) => m.content)),
        outputTokens: completion.usage.completionTokens ?? estimateTokens(text),
      };
      const finishReason = choice?.finishReason ? (FINISH_REASONS[choice.finishReason] ?? 'other') : null;
      return { text, usage, finishReason };
    },
  };
}
