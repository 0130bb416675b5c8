import { estimateTokens as estimateTextTokens } from '../../text/index.js';
import type { ChatModel, EmbeddingModel } from '../spec.js';

/** What an interceptor knows about the call it wraps. */
export interface CallContext {
  operation: 'embed' | 'generateObject' | 'generateText';
  provider: string;
  modelId: string;
  /** Rough number of input tokens (characters / 3), for tokens-per-minute limits. */
  estimatedTokens: number;
  /** The caller's signal. */
  signal?: AbortSignal;
}

/**
 * Wraps one model call. `call(signal)` runs the inner model with the given signal (which must
 * include the caller's). Retry, timeout and rate limiting are interceptors, written once for all models.
 */
export type CallInterceptor = <T>(
  call: (signal: AbortSignal | undefined) => Promise<T>,
  context: CallContext,
) => Promise<T>;

/** Token estimate used for limits and batching (see text/estimate-tokens.ts). */
export const estimateTokens: (text: string) => number = estimateTextTokens;

/** Rough token estimate of several texts (inputs of one call), for usage a server did not report. */
export function estimateTexts(texts: string[]): number {
  let total = 0;
  for (const text of texts) total += estimateTokens(text);
  return total;
}

function estimateMessages(messages: { content: string }[]): number {
  let total = 0;
  for (const message of messages) total += estimateTokens(message.content) + 4;
  return total;
}

/** Applies `interceptor` around every `embed` call of `model`. */
export function interceptEmbeddingModel(model: EmbeddingModel, interceptor: CallInterceptor): EmbeddingModel {
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    dimensions: model.dimensions,
    maxInputsPerCall: model.maxInputsPerCall,
    embed(request) {
      let estimatedTokens = 0;
      for (const input of request.inputs) estimatedTokens += estimateTokens(input);
      return interceptor((signal) => model.embed({ ...request, signal }), {
        operation: 'embed',
        provider: model.provider,
        modelId: model.modelId,
        estimatedTokens,
        signal: request.signal,
      });
    },
  };
}

/** Applies `interceptor` around every `generateObject` and `generateText` call of `model`. */
export function interceptChatModel(model: ChatModel, interceptor: CallInterceptor): ChatModel {
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    generateObject(request) {
      return interceptor((signal) => model.generateObject({ ...request, signal }), {
        operation: 'generateObject',
        provider: model.provider,
        modelId: model.modelId,
        estimatedTokens: estimateMessages(request.messages) + (request.maxOutputTokens ?? 0),
        signal: request.signal,
      });
    },
    generateText(request) {
      return interceptor((signal) => model.generateText({ ...request, signal }), {
        operation: 'generateText',
        provider: model.provider,
        modelId: model.modelId,
        estimatedTokens: estimateMessages(request.messages) + (request.maxOutputTokens ?? 0),
        signal: request.signal,
      });
    },
  };
}
