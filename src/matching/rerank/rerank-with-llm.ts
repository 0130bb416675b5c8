import { createHash } from 'node:crypto';
import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { isProviderFault } from '../../errors.js';
import type { ChatMessage } from '../../providers/spec.js';
import { limitConcurrency } from '../../support/limit-concurrency.js';
import { estimateTokens as estimateTextTokens } from '../../text/index.js';
import { checkCandidateAnswer, hasPromptInjection } from './check-answer.js';
import { buildCandidatePrompt, jobCriteria } from './prompt.js';
import {
  type LlmAssessment,
  type RerankAnswer,
  type RerankEvent,
  type RerankOptions,
  type RerankResult,
  rerankAnswerSchema,
} from './types.js';

/** Candidates per call: 5 keeps prompts around 6–10k tokens and answers well under output limits. */
export const DEFAULT_RERANK_BATCH_SIZE = 5;
export const DEFAULT_RERANK_CONCURRENCY = 4;
export const DEFAULT_RERANK_SEED = 7;
/** A batch is split before its estimated prompt passes this many tokens. */
const MAX_INPUT_TOKENS_PER_CALL = 24_000;
/** Output tokens planned per candidate and per criterion (score, quotes, summary). */
const OUTPUT_TOKENS_PER_CANDIDATE = 120;
const OUTPUT_TOKENS_PER_CRITERION = 45;

/** Token estimate of a prompt (see text/estimate-tokens.ts). Used for planning only. */
export const estimateTokens: (text: string) => number = estimateTextTokens;

interface Entry {
  profile: CandidateProfile;
  /** Pseudonymised text with the neutral alias it will have in its batch. */
  text: string;
  alias: string;
  injection: boolean;
}

interface Batch {
  index: number;
  entries: Entry[];
  messages: ChatMessage[];
  estimatedInputTokens: number;
  maxOutputTokens: number;
}

function promptHash(messages: ChatMessage[]): string {
  return createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 16);
}

function planBatches(
  job: JobOrder,
  candidates: CandidateProfile[],
  options: RerankOptions,
  language: 'fr' | 'en',
) {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_RERANK_BATCH_SIZE));
  const criteriaCount = jobCriteria(job, language).length;
  const outputPerCandidate = OUTPUT_TOKENS_PER_CANDIDATE + OUTPUT_TOKENS_PER_CRITERION * criteriaCount;
  const groups: CandidateProfile[][] = [];
  let current: CandidateProfile[] = [];
  let currentTokens = 0;
  for (const profile of candidates) {
    const size = estimateTokens(profile.text.slice(0, options.maxCvTextChars ?? 6_000)) + 400;
    if (
      current.length > 0 &&
      (current.length >= batchSize || currentTokens + size > MAX_INPUT_TOKENS_PER_CALL)
    ) {
      groups.push(current);
      current = [];
      currentTokens = 0;
    }
    current.push(profile);
    currentTokens += size;
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group, index): Batch => {
    const prompt = buildCandidatePrompt(job, group, {
      language,
      ...(options.distancesKm ? { distancesKm: options.distancesKm } : {}),
      ...(options.maxCvTextChars !== undefined ? { maxCvTextChars: options.maxCvTextChars } : {}),
    });
    const entries = prompt.entries.map(
      (entry): Entry => ({ ...entry, injection: hasPromptInjection(entry.profile.text) }),
    );
    const messages = prompt.messages;
    return {
      index,
      entries,
      messages,
      estimatedInputTokens: estimateTokens(messages.map((message) => message.content).join('\n')),
      maxOutputTokens: 300 + outputPerCandidate * entries.length,
    };
  });
}

/**
 * Scores a shortlist with a chat model, several candidates per call. Before anything is sent, each profile is
 * pseudonymised (`pseudonymizeProfile`) under a neutral id (`c1`…, mapped back after) and fenced as data in a
 * `<candidate>` block; the system message says instructions inside are to be ignored. The model answers with
 * structured output (score, per-criterion met/partial/no with quotes, two-sentence summary); quotes not
 * found in the text sent are dropped and flagged, summaries repaired into plain prose.
 *
 * Deterministic settings (temperature 0, a seed), bounded concurrency, and a budget planned in batch order
 * from token estimates: candidates beyond `maxCalls`/`maxTokens` get `budget-exhausted`. A call that failed for
 * a provider fault (an outage that survived the retries, a 429, an answer failing its schema after the repair;
 * see `isProviderFault`), or a candidate missing from an answer, gives `llm-failed` for those candidates and the
 * run goes on. Anything else throws, and stops the calls not yet made: an aborted `signal`, a bad or missing
 * key (`AuthenticationError`), another 4xx, a programming error. A wrong key must not give a ranking that
 * silently mixes LLM and rule scores.
 */
export async function rerankWithLlm(
  job: JobOrder,
  candidates: CandidateProfile[],
  options: RerankOptions,
): Promise<RerankResult> {
  options.signal?.throwIfAborted();
  const language = options.language ?? job.language;
  const { model, budget } = options;
  const emit = (event: RerankEvent) => options.onEvent?.(event);
  const assessments = new Map<string, LlmAssessment>(
    candidates.map((profile) => [
      profile.id,
      { ok: false, code: 'llm-failed', message: 'not assessed' } satisfies LlmAssessment,
    ]),
  );
  const usage = { calls: 0, inputTokens: 0, outputTokens: 0 };
  const batches = planBatches(job, candidates, options, language);

  // Budget, planned in batch order from estimates so the cut is the same on every run.
  const planned: Batch[] = [];
  let plannedTokens = 0;
  for (const batch of batches) {
    const tokens = batch.estimatedInputTokens + batch.maxOutputTokens;
    const overCalls = budget?.maxCalls !== undefined && planned.length + 1 > budget.maxCalls;
    const overTokens = budget?.maxTokens !== undefined && plannedTokens + tokens > budget.maxTokens;
    if (overCalls || overTokens) {
      const exhausted = batches.slice(batch.index);
      const ids = exhausted.flatMap((rest) => rest.entries.map((entry) => entry.profile.id));
      const reason = overCalls ? 'max-calls' : 'max-tokens';
      for (const id of ids) {
        assessments.set(id, {
          ok: false,
          code: 'budget-exhausted',
          message:
            reason === 'max-calls'
              ? `LLM budget of ${budget?.maxCalls} calls used up for this job order`
              : `LLM budget of ${budget?.maxTokens} tokens would be exceeded for this job order`,
        });
      }
      emit({ type: 'budget-exhausted', candidateIds: ids, reason });
      break;
    }
    planned.push(batch);
    plannedTokens += tokens;
  }

  const limit = limitConcurrency(Math.max(1, Math.floor(options.concurrency ?? DEFAULT_RERANK_CONCURRENCY)));
  // Aborted by the caller, or by a batch that failed for good: the calls still queued or in flight stop.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const run = async (batch: Batch) => {
    signal.throwIfAborted();
    const ids = batch.entries.map((entry) => entry.profile.id);
    // Guard against estimates far below real usage: stop before going over the token budget.
    if (budget?.maxTokens !== undefined && usage.inputTokens + usage.outputTokens >= budget.maxTokens) {
      for (const id of ids) {
        assessments.set(id, {
          ok: false,
          code: 'budget-exhausted',
          message: `LLM budget of ${budget.maxTokens} tokens used up for this job order`,
        });
      }
      emit({ type: 'budget-exhausted', candidateIds: ids, reason: 'max-tokens' });
      return;
    }
    emit({
      type: 'batch-start',
      batch: batch.index,
      candidateIds: ids,
      estimatedInputTokens: batch.estimatedInputTokens,
    });
    const hash = promptHash(batch.messages);
    const started = performance.now();
    let answer: RerankAnswer;
    try {
      usage.calls++;
      const response = await model.generateObject({
        schema: rerankAnswerSchema,
        schemaName: 'candidate_assessments',
        messages: batch.messages,
        temperature: 0,
        seed: options.seed ?? DEFAULT_RERANK_SEED,
        maxOutputTokens: batch.maxOutputTokens,
        signal,
      });
      usage.inputTokens += response.usage.inputTokens;
      usage.outputTokens += response.usage.outputTokens;
      answer = response.object;
      emit({
        type: 'batch-done',
        batch: batch.index,
        candidateIds: ids,
        provider: model.provider,
        modelId: model.modelId,
        promptHash: hash,
        usage: response.usage,
        durationMs: performance.now() - started,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (!isProviderFault(error)) {
        stop.abort(error);
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      const errorName = error instanceof Error ? error.name : typeof error;
      emit({
        type: 'batch-failed',
        batch: batch.index,
        candidateIds: ids,
        provider: model.provider,
        modelId: model.modelId,
        promptHash: hash,
        durationMs: performance.now() - started,
        errorName,
        message,
      });
      for (const id of ids) {
        assessments.set(id, { ok: false, code: 'llm-failed', message: `${errorName}: ${message}` });
      }
      return;
    }
    const byAlias = new Map<string, RerankAnswer['candidates'][number]>();
    for (const entry of answer.candidates) if (!byAlias.has(entry.id)) byAlias.set(entry.id, entry);
    for (const entry of batch.entries) {
      const candidateAnswer = byAlias.get(entry.alias);
      assessments.set(
        entry.profile.id,
        candidateAnswer
          ? checkCandidateAnswer(candidateAnswer, entry.text, { injection: entry.injection })
          : { ok: false, code: 'llm-failed', message: 'the model answer did not include this candidate' },
      );
    }
  };
  await Promise.all(planned.map((batch) => limit(() => run(batch))));
  return { assessments, usage };
}
