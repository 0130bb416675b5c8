import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import type { MatchResult } from '../domain/index.js';
import { metSchema, scoreSourceSchema } from '../domain/index.js';
import { ValidationError } from '../errors.js';
import { VERSION } from '../version.js';
import { screeningAuditFields } from './screening-audit.js';

const base = {
  runId: z.string().min(1),
  /** Position of the event in its run, from 0. */
  seq: z.number().int().nonnegative(),
  /** ISO 8601 UTC. */
  timestamp: z.iso.datetime(),
};

const modelRefSchema = z.strictObject({
  /** What the model does in this run: `embedding`, `rerank`, `screening`… */
  role: z.string(),
  provider: z.string(),
  modelId: z.string(),
});

/**
 * One line of the audit log. Objects are strict: a field that is not in the schema (such as CV text or a
 * name slipped into an event) is refused, so the log holds ids, scores and settings, never a person's data.
 */
export const auditEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('run-start'),
    packageVersion: z.string(),
    jobId: z.string().nullable(),
    /** Options of the run (policy, shortlist size, budget…): numbers, strings, booleans only. */
    config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    weights: z.record(z.string(), z.number()),
    models: z.array(modelRefSchema),
    candidateCount: z.number().int().nonnegative(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('candidate-score'),
    candidateId: z.string(),
    score: z.number().min(0).max(100),
    rank: z.number().int().positive(),
    breakdown: z.array(
      z.strictObject({
        criterion: z.string(),
        score: z.number(),
        weight: z.number(),
        source: scoreSourceSchema,
        met: metSchema,
      }),
    ),
    /** Codes of unmet requirements (`certification`, `licence`…), and of warnings (`llm-degraded`…). */
    unmet: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  z.strictObject({
    ...base,
    type: z.literal('llm-call'),
    provider: z.string(),
    modelId: z.string(),
    /** SHA-256 prefix of the messages sent: proves what was sent without storing it. */
    promptHash: z.string(),
    candidateIds: z.array(z.string()),
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    outcome: z.enum(['ok', 'failed', 'budget-exhausted']),
    /** Error class when failed (`RateLimitError`…), never a message that could quote the CV. */
    errorName: z.string().nullable(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('decision'),
    candidateId: z.string(),
    /** What a human decided: e.g. `shortlisted`, `contacted`, `rejected`, `placed`. */
    decision: z.string().min(1),
    /** Who decided (recruiter id), never the candidate. */
    by: z.string().min(1),
    /** Optional free-text reason; keep it about the job, it is stored as written. */
    reason: z.string().nullable(),
  }),
  z.strictObject({ ...base, ...screeningAuditFields }),
  z.strictObject({
    ...base,
    type: z.literal('campaign'),
    campaignId: z.string(),
    /** `campaign-created`, `wave-sent`, `conversation-outcome`, `call-list-changed`, `campaign-full`, `send-held`, `send-blocked`… */
    event: z.string().min(1),
    /** Candidate concerned, when there is one. */
    candidateId: z.string().nullable(),
    /** When it happened (ISO 8601), on the campaign's clock. */
    at: z.string(),
    /** Ids, counts, statuses, codes. No free text. */
    detail: z.record(
      z.string(),
      z.union([z.string().max(64), z.number(), z.boolean(), z.null(), z.array(z.string().max(64))]),
    ),
  }),
  z.strictObject({
    ...base,
    type: z.literal('run-end'),
    status: z.enum(['ok', 'failed', 'aborted']),
    durationMs: z.number().nonnegative(),
    resultCount: z.number().int().nonnegative(),
    usage: z.strictObject({
      calls: z.number().int().nonnegative(),
      inputTokens: z.number().int().nonnegative(),
      outputTokens: z.number().int().nonnegative(),
    }),
    /** Error class when the run failed. */
    errorName: z.string().nullable(),
  }),
]);
export type AuditEvent = z.infer<typeof auditEventSchema>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as callers give it: `runId`, `seq` and `timestamp` are filled in by the log. */
export type AuditEventInput = DistributiveOmit<AuditEvent, 'runId' | 'seq' | 'timestamp'>;

export interface AuditLogOptions {
  /** Appends one JSON line per event to this file (created if missing). */
  file?: string;
  /** Or receives each line (without the newline). Both may be given. */
  write?: (line: string) => void;
  /** Or receives each validated event, e.g. `store.audit.sink().write` to keep the trail in the store. */
  sink?: (event: AuditEvent) => void;
  /** Default: a random UUID. */
  runId?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface AuditLog {
  readonly runId: string;
  /** Validates and writes one event; throws `ValidationError` on an event that does not fit the schema. */
  record(event: AuditEventInput): AuditEvent;
  /** Records `run-start`, filling the package version and starting the run clock. */
  recordRunStart(start: {
    jobId: string | null;
    config?: Record<string, string | number | boolean | null>;
    weights?: Record<string, number>;
    models?: { role: string; provider: string; modelId: string }[];
    candidateCount: number;
  }): AuditEvent;
  /** Records `run-end` with the time since `recordRunStart` (or since the log was created). */
  recordRunEnd(end: {
    status: 'ok' | 'failed' | 'aborted';
    resultCount: number;
    usage?: { calls: number; inputTokens: number; outputTokens: number };
    errorName?: string | null;
  }): AuditEvent;
  /** Records a human decision about a candidate. */
  recordDecision(decision: {
    candidateId: string;
    decision: string;
    by: string;
    reason?: string | null;
  }): AuditEvent;
  /** Records one `candidate-score` event per result: scores and sources only, no evidence or summary text. */
  recordResults(results: MatchResult[]): AuditEvent[];
}

/**
 * An append-only JSONL audit trail for one run (EU AI Act, high-risk systems: logs, human oversight).
 * Events: `run-start` (config, weights, models, package version), `candidate-score`, `llm-call` (model, prompt
 * hash, tokens, outcome), `decision` (human), `screening` (one per conversation event, see
 * `screeningAuditEvent`), `run-end`. Writes are synchronous, one line per event.
 */
export function createAuditLog(options: AuditLogOptions = {}): AuditLog {
  if (!options.file && !options.write && !options.sink) {
    throw new ValidationError('createAuditLog needs a file, a write function or a sink', {
      issues: [{ path: ['file'], message: 'give `file`, `write` or `sink`' }],
    });
  }
  const runId = options.runId ?? randomUUID();
  const now = options.now ?? (() => new Date());
  let seq = 0;
  let startedAt = performance.now();
  const record = (input: AuditEventInput): AuditEvent => {
    const parsed = auditEventSchema.safeParse({ ...input, runId, seq, timestamp: now().toISOString() });
    if (!parsed.success) {
      throw new ValidationError(`invalid audit event '${input.type}'`, {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
          message: issue.message,
        })),
        cause: parsed.error,
      });
    }
    seq++;
    const line = JSON.stringify(parsed.data);
    if (options.file) appendFileSync(options.file, `${line}\n`, 'utf8');
    options.write?.(line);
    options.sink?.(parsed.data);
    return parsed.data;
  };
  return {
    runId,
    record,
    recordRunStart: (start) => {
      startedAt = performance.now();
      return record({
        type: 'run-start',
        packageVersion: VERSION,
        jobId: start.jobId,
        config: start.config ?? {},
        weights: start.weights ?? {},
        models: start.models ?? [],
        candidateCount: start.candidateCount,
      });
    },
    recordRunEnd: (end) =>
      record({
        type: 'run-end',
        status: end.status,
        durationMs: performance.now() - startedAt,
        resultCount: end.resultCount,
        usage: end.usage ?? { calls: 0, inputTokens: 0, outputTokens: 0 },
        errorName: end.errorName ?? null,
      }),
    recordDecision: (decision) =>
      record({
        type: 'decision',
        candidateId: decision.candidateId,
        decision: decision.decision,
        by: decision.by,
        reason: decision.reason ?? null,
      }),
    recordResults: (results) =>
      results.map((result) =>
        record({
          type: 'candidate-score',
          candidateId: result.candidateId,
          score: result.score,
          rank: result.rank,
          breakdown: result.breakdown.map((entry) => ({
            criterion: entry.criterion,
            score: entry.score,
            weight: entry.weight,
            source: entry.source,
            met: entry.met,
          })),
          unmet: result.unmetRequirements.map(
            (requirement) => `${requirement.kind}:${requirement.requirement}`,
          ),
          warnings: result.warnings.map((warning) => warning.code),
        }),
      ),
  };
}

/**
 * Reads an audit log back, validating every line. Throws `ValidationError` listing the bad lines (1-based
 * line numbers in `path`); blank lines are skipped.
 */
export function readAuditLog(file: string): AuditEvent[] {
  const text = readFileSync(file, 'utf8');
  const events: AuditEvent[] = [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({ path: [index + 1], message: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = auditEventSchema.safeParse(value);
    if (parsed.success) events.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        issues.push({
          path: [index + 1, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')],
          message: issue.message,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(`${file}: ${issues.length} invalid audit line(s)`, { issues });
  }
  return events;
}
