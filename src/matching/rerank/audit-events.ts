import type { AuditEventInput } from '../../compliance/audit-log.js';
import type { RerankEvent } from './types.js';

/**
 * The audit-log event for a rerank event: `batch-done` and `batch-failed` become `llm-call` events
 * (model, prompt hash, tokens, outcome; no CV text), `budget-exhausted` an `llm-call` with outcome
 * `budget-exhausted` and no tokens. `batch-start` gives null.
 */
export function auditEventFromRerank(
  event: RerankEvent,
  model: { provider: string; modelId: string },
): AuditEventInput | null {
  switch (event.type) {
    case 'batch-start':
      return null;
    case 'batch-done':
      return {
        type: 'llm-call',
        provider: event.provider,
        modelId: event.modelId,
        promptHash: event.promptHash,
        candidateIds: event.candidateIds,
        inputTokens: event.usage.inputTokens,
        outputTokens: event.usage.outputTokens,
        durationMs: event.durationMs,
        outcome: 'ok',
        errorName: null,
      };
    case 'batch-failed':
      return {
        type: 'llm-call',
        provider: event.provider,
        modelId: event.modelId,
        promptHash: event.promptHash,
        candidateIds: event.candidateIds,
        inputTokens: 0,
        outputTokens: 0,
        durationMs: event.durationMs,
        outcome: 'failed',
        errorName: event.errorName,
      };
    case 'budget-exhausted':
      return {
        type: 'llm-call',
        provider: model.provider,
        modelId: model.modelId,
        promptHash: '',
        candidateIds: event.candidateIds,
        inputTokens: 0,
        outputTokens: 0,
        durationMs: 0,
        outcome: 'budget-exhausted',
        errorName: null,
      };
  }
}
