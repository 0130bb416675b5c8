import type { ChatModel, GenerationSettings } from './spec.js';
import type { ChatModelV2 } from './spec-v2.js';
import { parseObject, toProviderJsonSchema } from './structured-output.js';

function settingsOf(request: GenerationSettings): GenerationSettings {
  return {
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.maxOutputTokens !== undefined ? { maxOutputTokens: request.maxOutputTokens } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.signal !== undefined ? { signal: request.signal } : {}),
  };
}

/**
 * The adapter from the implementor's spec (v2, one `generate` call) to the consumers' `ChatModel` v1.
 * The one place where `generateObject` is built: the zod schema becomes the provider's JSON schema
 * (strict when it can be), and the answer is parsed and validated (`ObjectValidationError` when it is
 * not valid; the repair middleware asks once more). `generateText` is `generate` without a format.
 */
export function chatModelFromV2(model: ChatModelV2): ChatModel {
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    async generateText(request) {
      const { text, usage } = await model.generate({ messages: request.messages, ...settingsOf(request) });
      return { text, usage };
    },
    async generateObject(request) {
      const { schema, strict, normalize } = toProviderJsonSchema(request.schema);
      const answer = await model.generate({
        messages: request.messages,
        ...settingsOf(request),
        responseFormat: { type: 'json', schema, name: request.schemaName ?? 'answer', strict },
      });
      const object = parseObject(answer.text, request.schema, {
        provider: model.provider,
        usage: answer.usage,
        normalize,
      });
      return { object, usage: answer.usage };
    },
  };
}
