import { describe, expect, it } from 'vitest';
import { type AuditEvent, createAuditLog } from '../compliance/audit-log.js';
import type { RankEvent } from './rank-candidates.js';
import { recordRankEvent } from './record-rank-event.js';

const model = { provider: 'mistral', modelId: 'mistral-small-latest' };

function log() {
  const lines: AuditEvent[] = [];
  const audit = createAuditLog({ runId: 'run-1', write: (line) => lines.push(JSON.parse(line)) });
  return { audit, lines };
}

describe('recordRankEvent', () => {
  it('writes each LLM rerank call as an llm-call event, with tokens and outcome', () => {
    const { audit, lines } = log();
    const done: RankEvent = {
      type: 'rerank',
      event: {
        type: 'batch-done',
        batch: 0,
        candidateIds: ['cv_1', 'cv_2'],
        provider: 'mistral',
        modelId: 'mistral-small-2506',
        promptHash: 'abcd1234abcd1234',
        usage: { inputTokens: 1200, outputTokens: 300 },
        durationMs: 812,
      },
    };
    const failed: RankEvent = {
      type: 'rerank',
      event: {
        type: 'batch-failed',
        batch: 1,
        candidateIds: ['cv_3'],
        provider: 'mistral',
        modelId: 'mistral-small-2506',
        promptHash: 'ffff0000ffff0000',
        durationMs: 60_000,
        errorName: 'RateLimitError',
        message: 'rate limited',
      },
    };
    expect(recordRankEvent(audit, done, model)).toMatchObject({ type: 'llm-call', seq: 0 });
    recordRankEvent(audit, failed, model);
    expect(lines).toEqual([
      expect.objectContaining({
        type: 'llm-call',
        runId: 'run-1',
        provider: 'mistral',
        modelId: 'mistral-small-2506',
        promptHash: 'abcd1234abcd1234',
        candidateIds: ['cv_1', 'cv_2'],
        inputTokens: 1200,
        outputTokens: 300,
        durationMs: 812,
        outcome: 'ok',
        errorName: null,
      }),
      expect.objectContaining({
        type: 'llm-call',
        candidateIds: ['cv_3'],
        inputTokens: 0,
        outputTokens: 0,
        outcome: 'failed',
        errorName: 'RateLimitError',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('rate limited');
  });

  it("writes a spent budget as an llm-call of the run's chat model with outcome budget-exhausted", () => {
    const { audit, lines } = log();
    recordRankEvent(
      audit,
      { type: 'rerank', event: { type: 'budget-exhausted', candidateIds: ['cv_9'], reason: 'max-calls' } },
      model,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        type: 'llm-call',
        provider: 'mistral',
        modelId: 'mistral-small-latest',
        candidateIds: ['cv_9'],
        outcome: 'budget-exhausted',
      }),
    ]);
  });

  it('writes nothing for progress, exclusions, degradations or a batch start', () => {
    const { audit, lines } = log();
    const events: RankEvent[] = [
      { type: 'retrieved', poolSize: 10, kept: 10, semantic: false },
      { type: 'scored', count: 10 },
      { type: 'excluded', candidateId: 'cv_1', unmet: [] },
      { type: 'llm-degraded', candidateId: 'cv_1', code: 'llm-failed', message: 'x' },
      {
        type: 'rerank',
        event: { type: 'batch-start', batch: 0, candidateIds: ['cv_1'], estimatedInputTokens: 10 },
      },
    ];
    expect(events.map((event) => recordRankEvent(audit, event, model))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(lines).toEqual([]);
  });
});
