import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import { VERSION } from '../version.js';
import { type AuditEventInput, createAuditLog, readAuditLog } from './audit-log.js';

const result: MatchResult = {
  candidateId: 'cv_0001',
  score: 72.5,
  rank: 1,
  breakdown: [
    {
      criterion: 'certifications',
      score: 100,
      weight: 0.3,
      source: 'rule',
      evidence: ['CACES R489 catégorie 3 — Émilie Zarkowski'],
      met: 'yes',
    },
    {
      criterion: 'llm',
      score: 60,
      weight: 0.4,
      source: 'llm',
      evidence: ['quote from the CV'],
      met: 'partial',
    },
  ],
  unmetRequirements: [{ kind: 'licence', requirement: 'C', message: 'missing licence C' }],
  summary: 'Émilie is a strong cariste.',
  warnings: [{ code: 'llm-degraded', message: 'LLM failed' }],
};

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'cvmatch-audit-')), 'audit.jsonl');
}

describe('createAuditLog / readAuditLog', () => {
  it('writes a run as JSONL and reads it back validated', () => {
    const file = tempFile();
    let clock = Date.parse('2026-11-29T10:00:00.000Z');
    const tick = () => {
      clock += 1000;
      return new Date(clock);
    };
    const log = createAuditLog({ file, runId: 'run-1', now: tick });
    log.recordRunStart({
      jobId: 'job-1',
      config: { policy: 'penalize', shortlistSize: 30 },
      weights: { certifications: 0.3, skills: 0.2 },
      models: [{ role: 'rerank', provider: 'mistral', modelId: 'mistral-small-latest' }],
      candidateCount: 120,
    });
    log.record({
      type: 'llm-call',
      provider: 'mistral',
      modelId: 'mistral-small-latest',
      promptHash: 'abcdef0123456789',
      candidateIds: ['cv_0001'],
      inputTokens: 5000,
      outputTokens: 600,
      durationMs: 812,
      outcome: 'ok',
      errorName: null,
    });
    log.recordResults([result]);
    log.recordDecision({ candidateId: 'cv_0001', decision: 'contacted', by: 'recruiter-42' });
    log.recordRunEnd({
      status: 'ok',
      resultCount: 1,
      usage: { calls: 1, inputTokens: 5000, outputTokens: 600 },
    });

    const events = readAuditLog(file);
    expect(events.map((event) => event.type)).toEqual([
      'run-start',
      'llm-call',
      'candidate-score',
      'decision',
      'run-end',
    ]);
    expect(events.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(events.every((event) => event.runId === 'run-1')).toBe(true);
    expect(events[0]).toMatchObject({ packageVersion: VERSION, timestamp: '2026-11-29T10:00:01.000Z' });
    expect(events[2]).toMatchObject({
      candidateId: 'cv_0001',
      unmet: ['licence:C'],
      warnings: ['llm-degraded'],
    });
    expect(events[3]).toMatchObject({ decision: 'contacted', by: 'recruiter-42', reason: null });
  });

  it('never stores CV text, evidence quotes, summaries or names', () => {
    const lines: string[] = [];
    const log = createAuditLog({ write: (line) => lines.push(line) });
    log.recordResults([result]);
    const written = lines.join('\n');
    expect(written).not.toMatch(/Émilie|Zarkowski|quote from the CV|strong cariste|missing licence/);
    expect(written).toContain('"score":72.5');
  });

  it('refuses events with unknown fields or wrong types', () => {
    const log = createAuditLog({ write: () => {} });
    const withText = {
      type: 'decision',
      candidateId: 'cv_1',
      decision: 'rejected',
      by: 'r1',
      reason: null,
      cvText: 'Jean Dupont, 06 12 34 56 78',
    } as unknown as AuditEventInput;
    expect(() => log.record(withText)).toThrow(ValidationError);
    expect(() => log.recordDecision({ candidateId: 'cv_1', decision: '', by: 'r1' })).toThrow(
      ValidationError,
    );
    expect(() => createAuditLog({})).toThrow(ValidationError);
  });

  it('reports the bad lines of a tampered log', () => {
    const file = tempFile();
    const log = createAuditLog({ file, runId: 'run-2' });
    log.recordDecision({ candidateId: 'cv_1', decision: 'placed', by: 'r1' });
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"type":"decision","runId":"run-2"}\nnot json\n`);
    try {
      readAuditLog(file);
      expect.unreachable('readAuditLog should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const lines = new Set((error as ValidationError).issues.map((issue) => issue.path[0]));
      expect([...lines]).toEqual([2, 3]);
    }
  });
});
