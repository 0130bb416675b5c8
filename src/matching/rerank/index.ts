export { auditEventFromRerank } from './audit-events.js';
export { hasPromptInjection, isQuoteInText, normalizeForQuote, repairSummary } from './check-answer.js';
export { buildRerankMessages, jobCriteria } from './prompt.js';
export {
  DEFAULT_RERANK_BATCH_SIZE,
  DEFAULT_RERANK_CONCURRENCY,
  DEFAULT_RERANK_SEED,
  estimateTokens,
  rerankWithLlm,
} from './rerank-with-llm.js';
export {
  type LlmAssessment,
  type RerankAnswer,
  type RerankBudget,
  type RerankEvent,
  type RerankOptions,
  type RerankResult,
  rerankAnswerSchema,
} from './types.js';
