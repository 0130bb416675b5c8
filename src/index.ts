// Public API: named exports only. What is not exported here is private.
export * from './compliance/index.js';
export * from './domain/index.js';
export {
  AuthenticationError,
  CvmatchError,
  DocumentError,
  type DocumentErrorReason,
  ObjectValidationError,
  ProviderError,
  type ProviderErrorOptions,
  RateLimitError,
  UsageError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export * from './eval/index.js';
export * from './geo/index.js';
export * from './matching/index.js';
export * from './matching/retrieve/index.js';
export * from './parsing/extract/index.js';
export * from './parsing/index.js';
export * from './providers/index.js';
export type {
  ChatMessage,
  ChatModel,
  EmbeddingModel,
  GenerationSettings,
  Provider,
  Usage,
} from './providers/spec.js';
export * from './screening/index.js';
export * from './taxonomy/index.js';
export { VERSION } from './version.js';
