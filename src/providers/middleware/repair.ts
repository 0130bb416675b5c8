import { ObjectValidationError } from '../../errors.js';
import type { ChatModel } from '../spec.js';
import { repairMessage } from '../structured-output.js';

/**
 * Structured-output repair: when `generateObject` fails because the answer is not valid JSON or fails
 * the schema, asks once more, quoting the bad answer and the issues. A second failure is thrown as an
 * `ObjectValidationError` (a `ProviderError` with `issues`) with `attempts: 2`.
 */
export function withObjectRepair(model: ChatModel): ChatModel {
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    generateText: (request) => model.generateText(request),
    async generateObject(request) {
      try {
        return await model.generateObject(request);
      } catch (error) {
        if (!ObjectValidationError.isInstance(error)) throw error;
        const messages = [
          ...request.messages,
          { role: 'assistant' as const, content: error.text },
          { role: 'user' as const, content: repairMessage(error) },
        ];
        try {
          const repaired = await model.generateObject({ ...request, messages });
          return {
            object: repaired.object,
            usage: {
              inputTokens: error.usage.inputTokens + repaired.usage.inputTokens,
              outputTokens: error.usage.outputTokens + repaired.usage.outputTokens,
            },
          };
        } catch (second) {
          if (ObjectValidationError.isInstance(second)) {
            const final = new ObjectValidationError(`${second.message} after one repair attempt`, {
              provider: second.provider,
              issues: second.issues,
              text: second.text,
              usage: second.usage,
              cause: second,
            });
            final.attempts = 2;
            throw final;
          }
          throw second;
        }
      }
    },
  };
}
