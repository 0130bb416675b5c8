import type { AuditEvent, AuditLog } from '../compliance/audit-log.js';
import type { ChatModel } from '../providers/spec.js';
import type { RankEvent } from './rank-candidates.js';
import { auditEventFromRerank } from './rerank/audit-events.js';

/**
 * Writes what an audit trail keeps of one `rankCandidates` event: each LLM rerank call (model, prompt hash,
 * candidate ids, tokens, outcome; no CV text) becomes an `llm-call` event, and a spent budget an `llm-call`
 * with outcome `budget-exhausted`. Other events (progress, exclusions, degradations) are not written: the
 * scores they lead to are, with `audit.recordResults`. Returns the written event, or null.
 *
 * ```ts
 * const audit = createAuditLog({ file: 'audit.jsonl' });
 * audit.recordRunStart({ jobId: job.id, candidateCount: profiles.length });
 * const results = await rankCandidates(job, profiles, {
 *   chatModel,
 *   onEvent: (event) => recordRankEvent(audit, event, chatModel),
 * });
 * audit.recordResults(results);
 * audit.recordRunEnd({ status: 'ok', resultCount: results.length });
 * ```
 */
export function recordRankEvent(
  audit: AuditLog,
  event: RankEvent,
  chatModel: Pick<ChatModel, 'provider' | 'modelId'>,
): AuditEvent | null {
  if (event.type !== 'rerank') return null;
  const auditEvent = auditEventFromRerank(event.event, chatModel);
  return auditEvent ? audit.record(auditEvent) : null;
}
