import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { checkJobOrder } from '../compliance/check-job-order.js';
import type { CandidateProfile, JobOrder, JobOrderInput } from '../domain/index.js';
import { DiscriminatoryJobOrderError, ValidationError } from '../errors.js';
import { message } from '../locale/index.js';
import { rankCandidates, validateJobOrder } from '../matching/rank-candidates.js';
import type { ChatModel, EmbeddingModel } from '../providers/spec.js';
import type { ScreeningAgency } from '../screening/engine/create-state.js';
import type { SmsTransport } from '../screening/transports/sms-transport.js';
import type { Store } from '../store/open-store.js';
import type { CampaignContext } from './campaign-context.js';
import { type CampaignPolicyInput, campaignPolicySchema } from './campaign-policy.js';
import { withCampaign } from './campaign-session.js';
import type { CampaignSettings, CampaignState, RankedCandidate } from './campaign-state.js';
import { runWave } from './run-wave.js';

export interface CreateCampaignInput {
  job: JobOrderInput | JobOrder;
  /** A pool already in the store (its name), or profiles (stored in pool `campaign-<id>`). */
  pool: string | CandidateProfile[];
  /** Positions to fill (default: the job order's headcount, else 1). */
  headcount?: number;
  store: Store;
  transport: SmsTransport;
  agency: ScreeningAgency;
  /** Reads the replies the rules are unsure about (never writes messages, never ranks). */
  chatModel?: ChatModel;
  /** Adds the semantic criterion to the ranking. */
  embeddingModel?: EmbeddingModel;
  policy?: CampaignPolicyInput;
  /** Default: a random UUID. */
  id?: string;
  /** The number candidates write back to (routes replies when a person is in several campaigns). */
  senderNumber?: string | null;
  /** Clock (default: the system clock). */
  now?: () => Date;
}

export interface CreatedCampaign {
  campaignId: string;
  /** Candidates ranked at or above the policy's `minScore` (the ones a wave may text). */
  ranked: number;
  /** Conversations started by the first wave (0 during quiet hours: the wave waits for the window). */
  started: number;
}

function sourceHash(profile: CandidateProfile): string {
  return createHash('sha256').update(JSON.stringify(profile)).digest('hex');
}

/**
 * Creates a campaign and sends its first wave: checks the order against the law (refused with
 * `DiscriminatoryJobOrderError`), ranks the pool, keeps the candidates at or above `minScore` (best first),
 * stores the job order and the campaign, then texts the best candidates — as many as the call list
 * (`headcount × callsPerPosition`) needs given the expected reply and qualify rates. Later waves, replies,
 * reminders and time-outs are driven by `handleInboundReply` and `runDueCampaignWork`. Nobody is placed or
 * rejected by the machine: qualified candidates are proposed on the call list, a recruiter decides
 * (`recordCampaignDecision`).
 */
export async function createCampaign(input: CreateCampaignInput): Promise<CreatedCampaign> {
  const job = validateJobOrder(input.job);
  const language = job.language ?? 'fr';
  const warnings = checkJobOrder(job);
  if (warnings.length > 0)
    throw new DiscriminatoryJobOrderError(
      message(language, 'law.refused', { jobId: job.id, count: warnings.length }),
      { jobId: job.id, warnings },
    );
  const headcount = input.headcount ?? job.headcount ?? 1;
  if (!Number.isInteger(headcount) || headcount < 1)
    throw new ValidationError('headcount must be a positive integer', {
      issues: [{ path: ['headcount'], message: `got ${headcount}` }],
    });
  const policy = campaignPolicySchema.parse(input.policy ?? {});
  const id = input.id ?? randomUUID();
  const now = input.now ? input.now() : new Date();
  const { store } = input;

  let poolName: string;
  let profiles: CandidateProfile[];
  if (typeof input.pool === 'string') {
    poolName = input.pool;
    profiles = await store.profiles.list(poolName);
  } else {
    poolName = `campaign-${id}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100);
    profiles = input.pool;
    await store.transaction((tx) =>
      tx.profiles.putMany(
        poolName,
        profiles.map((profile) => ({
          profile,
          sourceHash: sourceHash(profile),
          sourcePath: profile.source.file,
          at: now,
        })),
      ),
    );
  }
  const results = await rankCandidates(job, profiles, {
    now,
    ...(input.embeddingModel ? { embeddingModel: input.embeddingModel } : {}),
  });
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const ranked: RankedCandidate[] = results
    .filter((result) => result.score >= policy.minScore)
    .slice(0, policy.maxCandidates)
    .map((result) => {
      const file = byId.get(result.candidateId)?.source.file ?? null;
      return {
        candidateId: result.candidateId,
        rank: result.rank,
        score: result.score,
        summary: result.summary,
        file: file ? basename(file) : null,
        unmet: result.unmetRequirements.map((unmet) => unmet.kind),
      };
    });

  const settings: CampaignSettings = {
    policy,
    agency: { name: input.agency.name.trim(), humanContact: input.agency.humanContact.trim() },
    language,
    senderNumber: input.senderNumber ?? null,
  };
  const state: CampaignState = {
    version: 1,
    startedAt: now.toISOString(),
    ranked,
    next: 0,
    waves: 0,
    callList: [],
    fullAt: null,
    auditSeq: 0,
  };
  await store.transaction(async (tx) => {
    await tx.jobOrders.put(job);
    await tx.campaigns.create({
      id,
      jobOrderId: job.id,
      pool: poolName,
      headcount,
      status: 'active',
      settings: settings as unknown as Record<string, unknown>,
      state: state as unknown as Record<string, unknown>,
    });
    // Due now: if this process stops before the first wave, any worker sends it.
    await tx.sql.query('UPDATE campaigns SET due_at = $2 WHERE id = $1', [id, now]);
  });
  const context: CampaignContext = {
    store,
    transport: input.transport,
    ...(input.now ? { now: input.now } : {}),
    ...(input.chatModel ? { chatModel: input.chatModel } : {}),
  };
  const started = await withCampaign(context, id, async (session) => {
    session.log('campaign-created', null, {
      jobId: job.id,
      headcount,
      poolSize: profiles.length,
      ranked: ranked.length,
      minScore: policy.minScore,
      callsPerPosition: policy.callsPerPosition,
    });
    return runWave(session);
  });
  return { campaignId: id, ranked: ranked.length, started };
}
