import type { DecisionRecord } from '../store/registry-repositories.js';
import type { CampaignContext } from './campaign-context.js';
import { withCampaign } from './campaign-session.js';
import { refreshCallList, runWave } from './run-wave.js';

/**
 * Records a recruiter's decision about a proposed candidate (AI Act art. 14: a person decides, the
 * decision is logged): in the decisions table and the campaign's audit trail. `rejected`, `unavailable`,
 * `declined` or `no-answer` take the candidate off the call list; a campaign that was full reopens and
 * texts the next candidates.
 */
export async function recordCampaignDecision(
  context: CampaignContext,
  decision: { campaignId: string; candidateId: string; decision: string; by: string; reason?: string | null },
): Promise<DecisionRecord> {
  return withCampaign(context, decision.campaignId, async (session) => {
    const record = await session.tx.decisions.record({
      campaignId: decision.campaignId,
      candidateId: decision.candidateId,
      decision: decision.decision,
      by: decision.by,
      reason: decision.reason ?? null,
      at: session.now,
    });
    session.audit.push({
      type: 'decision',
      candidateId: decision.candidateId,
      decision: decision.decision,
      by: decision.by,
      reason: decision.reason ?? null,
    });
    await refreshCallList(session);
    await runWave(session);
    return record;
  });
}
