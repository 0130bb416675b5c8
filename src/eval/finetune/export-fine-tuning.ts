import { createHash } from 'node:crypto';
import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { ValidationError } from '../../errors.js';
import type { Store } from '../../store/open-store.js';
import type { DecisionRecord } from '../../store/registry-repositories.js';
import { DEFAULT_CLASS_SCORES, DEFAULT_DECISION_CLASSES, type DecisionClass } from './decision-class.js';
import {
  type FineTuningExample,
  type FineTuningFormat,
  type FineTuningIssue,
  type FineTuningLimits,
  validateFineTuningExample,
} from './fine-tuning-format.js';
import { identityLeaks } from './identity-leaks.js';
import { rerankExample } from './rerank-example.js';
import { screeningExample } from './screening-example.js';

export interface ExportFineTuningOptions {
  format: FineTuningFormat;
  /** Share of candidates whose examples go to the validation file, 0 to 0.5 (default 0.2). */
  validation?: number;
  /** Seed of the split (default 1): the same seed gives the same split. */
  seed?: number;
  /** A class with fewer training examples than this gets a warning (default 10). */
  minPerClass?: number;
  /** Which examples (default both): recruiter decisions, screening transcripts. */
  kinds?: readonly ExampleKind[];
  /** Only this campaign (default every campaign in the store). */
  campaignId?: string;
  /** Decision → class (null: left out), merged over `DEFAULT_DECISION_CLASSES`. */
  decisionClasses?: Readonly<Record<string, DecisionClass | null>>;
  /** Class → the 0–100 score of the answer, merged over `DEFAULT_CLASS_SCORES`. */
  classScores?: Partial<Record<DecisionClass, number>>;
  limits?: FineTuningLimits;
}

export type ExampleKind = 'decision' | 'screening';

/** One example with where it came from (ids only) and the side of the split it went to. */
export interface FineTuningRow {
  kind: ExampleKind;
  /** A decision class (`placed`, `kept`, `rejected`) or `screening:<conversation status>`. */
  class: string;
  split: 'train' | 'validation';
  campaignId: string;
  jobOrderId: string;
  candidateId: string;
  example: FineTuningExample;
}

/** Counts of examples, by split. */
export interface SplitCounts {
  train: number;
  validation: number;
}

export interface FineTuningSummary {
  format: FineTuningFormat;
  seed: number;
  validationShare: number;
  examples: SplitCounts;
  byClass: Record<string, SplitCounts>;
  /** By job order id, then class: the examples of each class (train + validation). */
  byJob: Record<string, Record<string, number>>;
  /** What was left out and why: `decision:<name>` (not a fit judgement), `no-campaign`, `missing-profile`, … */
  skipped: Record<string, number>;
}

export interface FineTuningExport {
  train: FineTuningExample[];
  validation: FineTuningExample[];
  rows: FineTuningRow[];
  summary: FineTuningSummary;
  /** Classes under `minPerClass`, a split side below the provider's minimum… */
  warnings: string[];
}

/** Deterministic side of the split for one candidate: all examples of a person go to the same file. */
export function splitSide(
  candidateId: string,
  seed: number,
  validationShare: number,
): 'train' | 'validation' {
  const hash = createHash('sha256').update(`${seed}\u0000${candidateId}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < validationShare ? 'validation' : 'train';
}

function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** The decision that stands for each candidate of a campaign: the latest one that judges fit. */
function standingDecisions(
  decisions: readonly DecisionRecord[],
  classes: Readonly<Record<string, DecisionClass | null>>,
  skipped: Record<string, number>,
): Map<string, { record: DecisionRecord; class: DecisionClass }> {
  const standing = new Map<string, { record: DecisionRecord; class: DecisionClass }>();
  for (const record of decisions) {
    const decisionClass = classes[record.decision];
    if (!decisionClass) {
      count(skipped, `decision:${record.decision}`);
      continue;
    }
    if (standing.has(record.candidateId)) count(skipped, 'superseded-decision');
    standing.set(record.candidateId, { record, class: decisionClass }); // listed oldest first
  }
  return standing;
}

/**
 * Builds chat fine-tuning examples from what the store records, for the LLM reranker and the SMS screening:
 *
 * - a recruiter decision (`placed`, `kept`/`called`, `rejected`; see `DEFAULT_DECISION_CLASSES`) on a
 *   campaign candidate gives the reranker's own prompt for that order and that candidate (pseudonymised,
 *   see `rerankExample`) and the answer in its structured output shape, scored by the decision;
 * - a screening conversation with at least one reply gives the redacted SMS exchange (`screeningExample`);
 *   conversations of people who opted out, purged ones and those whose profile is gone are left out.
 *
 * Each example is checked for the person's identity (name, e-mail, phone: left out if found) and validated
 * against the provider's format (`validateFineTuningExample`: an invalid one throws, it is a bug). The split
 * is by candidate, by hash with `seed`, so one person's examples never sit on both sides.
 */
export async function exportFineTuning(
  store: Store,
  options: ExportFineTuningOptions,
): Promise<FineTuningExport> {
  const validationShare = options.validation ?? 0.2;
  if (!(validationShare >= 0 && validationShare <= 0.5))
    throw new ValidationError('validation share must be from 0 to 0.5', {
      issues: [{ path: ['validation'], message: `got ${validationShare}` }],
    });
  const seed = options.seed ?? 1;
  const minPerClass = options.minPerClass ?? 10;
  const kinds = new Set(options.kinds ?? ['decision', 'screening']);
  const classes = { ...DEFAULT_DECISION_CLASSES, ...options.decisionClasses };
  const scores = { ...DEFAULT_CLASS_SCORES, ...options.classScores };
  const skipped: Record<string, number> = {};
  const rows: FineTuningRow[] = [];

  const campaigns = options.campaignId
    ? [await store.campaigns.get(options.campaignId)].filter((campaign) => campaign !== null)
    : await store.campaigns.list();
  const jobs = new Map<string, JobOrder | null>();
  const jobOf = async (id: string) => {
    if (!jobs.has(id)) jobs.set(id, (await store.jobOrders.get(id))?.job ?? null);
    return jobs.get(id) ?? null;
  };

  const push = (row: Omit<FineTuningRow, 'split'>, profile: CandidateProfile | null) => {
    const text = row.example.messages.map((entry) => entry.content).join('\n');
    const leaks = profile ? identityLeaks(text, profile) : [];
    if (leaks.length > 0) {
      for (const leak of leaks) count(skipped, `identity-leak:${leak}`);
      return;
    }
    const issues: FineTuningIssue[] = validateFineTuningExample(
      row.example,
      options.format,
      rows.length + 1,
      options.limits,
    );
    if (issues.some((issue) => issue.code === 'too-long')) {
      count(skipped, 'too-long');
      return;
    }
    if (issues.length > 0)
      throw new ValidationError(`a ${row.kind} example does not follow the ${options.format} format`, {
        issues: issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      });
    rows.push({ ...row, split: splitSide(row.candidateId, seed, validationShare) });
  };

  for (const campaign of campaigns) {
    const job = await jobOf(campaign.jobOrderId);
    if (!job) {
      count(skipped, 'missing-job-order');
      continue;
    }
    const profileOf = async (id: string) => (await store.profiles.get(campaign.pool, id))?.profile ?? null;
    if (kinds.has('decision')) {
      const decisions = await store.decisions.list({ campaignId: campaign.id });
      for (const [candidateId, standing] of standingDecisions(decisions, classes, skipped)) {
        const profile = await profileOf(candidateId);
        if (!profile) {
          count(skipped, 'missing-profile');
          continue;
        }
        const example = rerankExample(job, profile, {
          class: standing.class,
          score: scores[standing.class],
          now: standing.record.decidedAt.slice(0, 10),
        });
        push(
          {
            kind: 'decision',
            class: standing.class,
            campaignId: campaign.id,
            jobOrderId: job.id,
            candidateId,
            example,
          },
          profile,
        );
      }
    }
    if (kinds.has('screening')) {
      for (const conversation of await store.conversations.list({ campaignId: campaign.id })) {
        if (conversation.purgedAt !== null) {
          count(skipped, 'purged-conversation');
          continue;
        }
        if (conversation.status === 'opted-out') {
          count(skipped, 'opted-out-conversation');
          continue;
        }
        const messages = await store.messages.list(conversation.id);
        const transcript = messages.flatMap((entry) =>
          entry.body === null ? [] : [{ direction: entry.direction, body: entry.body }],
        );
        // Without the profile, the person's name and number are unknown: nothing could check they are gone.
        const profile = await profileOf(conversation.candidateId);
        if (!profile) {
          count(skipped, 'missing-profile');
          continue;
        }
        const example = screeningExample(job, conversation.candidateId, transcript, profile);
        if (!example) {
          count(skipped, 'no-reply');
          continue;
        }
        push(
          {
            kind: 'screening',
            class: `screening:${conversation.status}`,
            campaignId: campaign.id,
            jobOrderId: job.id,
            candidateId: conversation.candidateId,
            example,
          },
          profile,
        );
      }
    }
  }

  const byClass: Record<string, SplitCounts> = {};
  const byJob: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    byClass[row.class] ??= { train: 0, validation: 0 };
    (byClass[row.class] as SplitCounts)[row.split]++;
    byJob[row.jobOrderId] ??= {};
    count(byJob[row.jobOrderId] as Record<string, number>, row.class);
  }
  const train = rows.filter((row) => row.split === 'train').map((row) => row.example);
  const validation = rows.filter((row) => row.split === 'validation').map((row) => row.example);
  const warnings: string[] = [];
  const expected = [
    ...(kinds.has('decision') ? (['placed', 'kept', 'rejected'] as const) : []),
    ...Object.keys(byClass).filter((name) => name.startsWith('screening:')),
  ];
  for (const name of expected) {
    const counts = byClass[name] ?? { train: 0, validation: 0 };
    if (counts.train < minPerClass)
      warnings.push(`class ${name}: ${counts.train} training examples, under --min-per-class ${minPerClass}`);
  }
  const minExamples = options.limits?.minExamples ?? (options.format === 'openai' ? 10 : 1);
  if (train.length < minExamples)
    warnings.push(`${train.length} training examples: ${options.format} needs at least ${minExamples}`);
  return {
    train,
    validation,
    rows,
    summary: {
      format: options.format,
      seed,
      validationShare,
      examples: { train: train.length, validation: validation.length },
      byClass,
      byJob,
      skipped,
    },
    warnings,
  };
}
