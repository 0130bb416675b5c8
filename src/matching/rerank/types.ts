import * as z from 'zod';
import { metSchema } from '../../domain/index.js';
import type { ChatModel, Usage } from '../../providers/spec.js';

/** What the model must answer for one batch (`schemaName: 'candidate_assessments'`). */
export const rerankAnswerSchema = z.object({
  candidates: z.array(
    z.object({
      /** The neutral id of the `<candidate id="…">` block (`c1`, `c2`…). */
      id: z.string(),
      /** 0–100 fit for the job order. */
      score: z.number(),
      criteria: z.array(
        z.object({
          criterion: z.string(),
          met: metSchema,
          /** Short verbatim quotes from the candidate's block. */
          evidence: z.array(z.string()),
        }),
      ),
      /** Two sentences of plain prose in the job order's language. */
      summary: z.string(),
    }),
  ),
});
export type RerankAnswer = z.infer<typeof rerankAnswerSchema>;

/** What the LLM said about one candidate, checked: quotes verified, summary repaired, flags raised. */
export type LlmAssessment =
  | {
      ok: true;
      /** 0–100. */
      score: number;
      criteria: { criterion: string; met: 'yes' | 'partial' | 'no'; evidence: string[] }[];
      summary: string;
      /**
       * Things a recruiter should know: `quote-not-found: …` (dropped quote), `summary-repaired`,
       * `score-out-of-range`, `possible-prompt-injection` (the CV holds instructions aimed at the model).
       */
      flags: string[];
    }
  | { ok: false; code: 'llm-failed' | 'budget-exhausted'; message: string };

/** Progress of a rerank run; `batch-done`/`batch-failed` carry what an audit log needs (no CV text). */
export type RerankEvent =
  | { type: 'batch-start'; batch: number; candidateIds: string[]; estimatedInputTokens: number }
  | {
      type: 'batch-done';
      batch: number;
      candidateIds: string[];
      provider: string;
      modelId: string;
      /** SHA-256 (first 16 hex chars) of the messages sent. */
      promptHash: string;
      usage: Usage;
      durationMs: number;
    }
  | {
      type: 'batch-failed';
      batch: number;
      candidateIds: string[];
      provider: string;
      modelId: string;
      promptHash: string;
      durationMs: number;
      /** Error class, e.g. `ProviderError`, `RateLimitError`. */
      errorName: string;
      message: string;
    }
  | { type: 'budget-exhausted'; candidateIds: string[]; reason: 'max-calls' | 'max-tokens' };

export interface RerankBudget {
  /** Most model calls for this job order. */
  maxCalls?: number;
  /** Most tokens (input + output) for this job order; planned from estimates, then checked against usage. */
  maxTokens?: number;
}

export interface RerankOptions {
  model: ChatModel;
  /** Candidates per call (default 5). */
  batchSize?: number;
  /** Calls in flight at once (default 4). */
  concurrency?: number;
  budget?: RerankBudget;
  signal?: AbortSignal;
  onEvent?: (event: RerankEvent) => void;
  /** Language of prompts and summaries; default the job order's. */
  language?: 'fr' | 'en';
  /** Home-to-site distances computed by rules, by candidate id; the model sees only this number. */
  distancesKm?: ReadonlyMap<string, number | null>;
  /** Sent to providers that support it (default 7). Temperature is always 0. */
  seed?: number;
  /** Longest CV text per candidate, in characters (default 6,000). */
  maxCvTextChars?: number;
}

export interface RerankResult {
  /** By candidate id, one entry per candidate given, in input order. */
  assessments: Map<string, LlmAssessment>;
  usage: { calls: number; inputTokens: number; outputTokens: number };
}
