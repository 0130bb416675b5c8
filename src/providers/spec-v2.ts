import type { ChatMessage, GenerationSettings, Usage } from './spec.js';

/**
 * Provider specification, version 2: what a provider IMPLEMENTS for chat. One low-level call,
 * `generate`, that sends messages (optionally in the provider's JSON-schema mode) and returns the text.
 *
 * Consumers (`matching/`, `screening/`, `parsing/`) keep using the v1 `ChatModel` of `spec.ts`
 * (`generateObject`, `generateText`), unchanged: `chatModelFromV2` builds it from a v2 model, once for
 * every provider, with the zod validation and the JSON-schema rewrite of `structured-output.ts`; the
 * repair attempt is the `withObjectRepair` middleware. Embedding models implement v1 `EmbeddingModel`
 * as they are (`embed` is already one low-level call).
 */

/** Ask for a JSON answer matching `schema` (the provider's JSON-schema / structured-output mode). */
export interface JsonResponseFormat {
  type: 'json';
  /** A JSON schema, ready to send (see `toProviderJsonSchema`). */
  schema: Record<string, unknown>;
  /** Name of the schema, e.g. `candidate_scores`. */
  name: string;
  /** Whether the schema fits the provider's strict mode (every property required, no extra ones). */
  strict: boolean;
}

export interface GenerateRequest extends GenerationSettings {
  messages: ChatMessage[];
  /** Absent: plain text. */
  responseFormat?: JsonResponseFormat;
}

/** Why the model stopped, in the providers' common words. */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

export interface GenerateResult {
  /** The answer as the model wrote it (JSON text when a `responseFormat` was asked for). */
  text: string;
  usage: Usage;
  finishReason?: FinishReason | null;
}

/**
 * A raw chat model as a provider implements it. It throws cvmatch errors (`ProviderError` and its
 * subclasses, mapped from the SDK in one file per provider) and honours `signal`; retries, timeouts
 * past the transport's, limits, cache and usage are middleware, not its job.
 */
export interface ChatModelV2 {
  readonly specificationVersion: 'v2';
  readonly provider: string;
  readonly modelId: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
