import type { ScreeningOutcome, ScreeningState } from '../domain/index.js';
import { StoreError } from '../errors.js';
import { screeningOutcome } from '../screening/engine/screening-outcome.js';
import type { Store } from '../store/open-store.js';
import {
  type CampaignConversationStatus,
  type CampaignSettings,
  type CampaignStatus,
  campaignSettingsSchema,
  campaignStateSchema,
} from './campaign-state.js';

/** One candidate proposed to the recruiter. */
export interface CallListEntry {
  candidateId: string;
  /** Base name of the CV file, when known. */
  file: string | null;
  /** Match rank and score (0–100). */
  rank: number;
  score: number;
  /** `proposed` until a recruiter records a decision, then the last decision (`called`, `placed`…). */
  status: string;
  /** The screening summary (status, what the candidate confirmed). */
  summary: string;
  /** Why this candidate: the match explanation. */
  matchSummary: string;
  /** The screening answers, each with the reply behind it (protected facts redacted). */
  answers: ScreeningOutcome['answers'];
  /** Requirements the CV did not show (confirmed or not in the answers). */
  unmet: string[];
}

/** How one texted or considered candidate ended. */
export interface CampaignOutcomeEntry {
  candidateId: string;
  file: string | null;
  rank: number;
  status: CampaignConversationStatus | 'not-contacted';
  reasons: string[];
}

export interface CampaignView {
  campaignId: string;
  jobId: string;
  headcount: number;
  status: CampaignStatus;
  /** Places on the call list (`headcount × callsPerPosition`). */
  capacity: number;
  /** Positions with their full set of `callsPerPosition` qualified candidates. */
  filled: number;
  /** Candidates texted at least once. */
  contacted: number;
  smsSent: number;
  waves: number;
  startedAt: string;
  fullAt: string | null;
  callList: CallListEntry[];
  /** Every ranked candidate, best first: outcome of their conversation, or `not-contacted`. */
  outcomes: CampaignOutcomeEntry[];
}

/** Where a campaign stands: the recruiter's call list and every candidate's outcome, read from the store. */
export async function getCampaign(store: Store, campaignId: string): Promise<CampaignView> {
  const campaign = await store.campaigns.get(campaignId);
  if (!campaign) throw new StoreError('not-found', `no campaign ${campaignId}`);
  const settings = campaignSettingsSchema.parse(campaign.settings) as CampaignSettings;
  const state = campaignStateSchema.parse(campaign.state);
  const conversations = new Map(
    (await store.conversations.list({ campaignId })).map((conversation) => [
      conversation.candidateId,
      conversation,
    ]),
  );
  const decisions = new Map<string, string>();
  for (const decision of await store.decisions.list({ campaignId }))
    decisions.set(decision.candidateId, decision.decision);
  const rankedById = new Map(state.ranked.map((entry) => [entry.candidateId, entry]));
  const outcomeOf = (candidateId: string): ScreeningOutcome | null => {
    const stored = conversations.get(candidateId)?.state as ScreeningState | { skipped: string } | null;
    if (!stored || 'skipped' in stored) return null;
    return screeningOutcome(stored as ScreeningState);
  };
  const callList: CallListEntry[] = state.callList.map((candidateId) => {
    const ranked = rankedById.get(candidateId);
    const outcome = outcomeOf(candidateId);
    return {
      candidateId,
      file: ranked?.file ?? null,
      rank: ranked?.rank ?? 0,
      score: ranked?.score ?? 0,
      status: decisions.get(candidateId) ?? 'proposed',
      summary: outcome?.summary ?? '',
      matchSummary: ranked?.summary ?? '',
      answers: outcome?.answers ?? [],
      unmet: ranked?.unmet ?? [],
    };
  });
  const outcomes: CampaignOutcomeEntry[] = state.ranked.map((ranked) => {
    const conversation = conversations.get(ranked.candidateId);
    const outcome = outcomeOf(ranked.candidateId);
    const skipped = (conversation?.state as { skipped?: string } | null)?.skipped;
    return {
      candidateId: ranked.candidateId,
      file: ranked.file,
      rank: ranked.rank,
      status: (conversation?.status as CampaignConversationStatus | undefined) ?? 'not-contacted',
      reasons: skipped ? [skipped] : (outcome?.reasons ?? []),
    };
  });
  const smsSent = await store.sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.campaign_id = $1 AND m.direction = 'out' AND m.status IN ('sent', 'delivered')`,
    [campaignId],
  );
  const contacted = [...conversations.values()].filter(
    (conversation) => conversation.status !== 'not-contacted',
  ).length;
  const perPosition = settings.policy.callsPerPosition;
  return {
    campaignId,
    jobId: campaign.jobOrderId,
    headcount: campaign.headcount,
    status: campaign.status as CampaignStatus,
    capacity: campaign.headcount * perPosition,
    filled: Math.min(campaign.headcount, Math.floor(callList.length / perPosition)),
    contacted,
    smsSent: smsSent[0]?.count ?? 0,
    waves: state.waves,
    startedAt: state.startedAt,
    fullAt: state.fullAt,
    callList,
    outcomes,
  };
}
