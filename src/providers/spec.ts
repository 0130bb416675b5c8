import type { z } from 'zod';

/**
 * Provider specification, version 1. `matching/`, `screening/` and `parsing/` depend on these
 * interfaces only, never on a concrete provider. A new version gets a new file and an adapter;
 * v1 is not edited in place.
 */

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface EmbeddingModel {
  readonly specificationVersion: 'v1';
  /** e.g. `mistral`, `openai`, `local`. */
  readonly provider: string;
  /** e.g. `mistral-embed`. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Largest number of inputs one `embed` call accepts. */
  readonly maxInputsPerCall: number;
  /** Vectors in the order of `inputs`, one per input. */
  embed(request: {
    inputs: string[];
    signal?: AbortSignal;
  }): Promise<{ vectors: Float32Array[]; usage: Usage }>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationSettings {
  /** Defaults to 0: rankings must be reproducible. */
  temperature?: number;
  maxOutputTokens?: number;
  /** Passed to providers that support it. */
  seed?: number;
  signal?: AbortSignal;
}

export interface ChatModel {
  readonly specificationVersion: 'v1';
  readonly provider: string;
  readonly modelId: string;
  /**
   * Structured output: the provider's JSON-schema mode, the answer validated by `schema`.
   * Throws `ProviderError` when the answer cannot be made valid (after one repair attempt).
   */
  generateObject<T>(
    request: {
      schema: z.ZodType<T>;
      /** Name of the schema for the provider's JSON-schema mode, e.g. `candidate_scores`. */
      schemaName?: string;
      messages: ChatMessage[];
    } & GenerationSettings,
  ): Promise<{ object: T; usage: Usage }>;
  generateText(
    request: { messages: ChatMessage[] } & GenerationSettings,
  ): Promise<{ text: string; usage: Usage }>;
}

/** A provider: a factory's result. A capability it lacks is absent, not a stub that throws. */
export interface Provider {
  readonly name: string;
  embeddingModel?(modelId?: string): EmbeddingModel;
  chatModel?(modelId?: string): ChatModel;
}
