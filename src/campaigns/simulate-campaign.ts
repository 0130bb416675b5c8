import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import * as z from 'zod';
import type { CandidateProfile, JobOrderInput, QuestionTopic } from '../domain/index.js';
import type { ChatModel } from '../providers/spec.js';
import type { ScreeningAgency } from '../screening/engine/create-state.js';
import type { SmsTransport } from '../screening/transports/sms-transport.js';
import type { Store } from '../store/open-store.js';
import { getCampaign } from './call-list.js';
import type { CampaignContext } from './campaign-context.js';
import type { CampaignPolicyInput } from './campaign-policy.js';
import { createCampaign } from './create-campaign.js';
import { handleInboundReply } from './handle-inbound-reply.js';
import { nextCampaignWorkAt, runDueCampaignWork } from './run-due-campaign-work.js';

/** How a simulated candidate answers: one object per line of `personas.jsonl`. */
export const personaSchema = z.object({
  /** The CV's base name, or the profile id for JSONL pools. */
  file: z.string().min(1),
  /** Minutes between a message and the answer; null never answers. */
  replyAfterMinutes: z.number().nonnegative().nullable(),
  /** The answer per question topic (`first`: the answer to the first message); a missing topic gets "je sais pas". */
  replies: z
    .object({
      first: z.string(),
      availability: z.string(),
      certification: z.string(),
      licence: z.string(),
      transport: z.string(),
      rate: z.string(),
      confirmation: z.string(),
    })
    .partial()
    .default({}),
});
export type Persona = z.infer<typeof personaSchema>;

export interface SimulateCampaignInput {
  job: JobOrderInput;
  profiles: CandidateProfile[];
  personas: Persona[];
  store: Store;
  /** Rank this pool already in the store instead of storing `profiles` in a pool of the campaign's own. */
  pool?: string;
  headcount?: number;
  /** Virtual start (default: Monday 2026-12-07 09:00 Paris). */
  start?: Date | string;
  /** Resumes this campaign when the store holds it; else creates it with this id. */
  campaignId?: string;
  /** Seeds the reply-delay jitter (±25 %). Same seed, same run. */
  seed?: number;
  agency?: ScreeningAgency;
  policy?: CampaignPolicyInput;
  chatModel?: ChatModel;
  /** Virtual days after which the simulation stops (default 14). */
  maxDays?: number;
  /** Called after each unit of work (tests use it to stop a run midway). */
  onProgress?: (progress: { at: string; smsSent: number }) => void;
}

export type SimulatedOutcomeStatus =
  | 'qualified'
  | 'not-qualified'
  | 'needs-human'
  | 'no-answer'
  | 'opted-out'
  | 'not-contacted'
  | 'in-progress'
  | 'closed';

export interface SimulationResult {
  campaignId: string;
  headcount: number;
  filled: number;
  contacted: number;
  smsSent: number;
  recruiterCallList: { candidateId: string; file: string | null; status: string; summary: string }[];
  outcomes: { candidateId: string; file: string | null; status: SimulatedOutcomeStatus; reasons: string[] }[];
  /** Virtual hours from the start to a complete call list; null when it was not completed. */
  hoursToCallList: number | null;
  transcripts: { file: string | null; messages: { direction: 'out' | 'in'; text: string; at: string }[] }[];
}

const DEFAULT_AGENCY: ScreeningAgency = { name: 'Exemple Interim', humanContact: '04 00 00 00 00' };
const MAX_REPLIES = 12;

function unitInterval(...parts: (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

function fileKey(profile: CandidateProfile): string {
  return profile.source.file ? basename(profile.source.file) : profile.id;
}

/** A transport that delivers nowhere: every send is recorded in the store by the engine, nothing else. */
function simulatedTransport(): SmsTransport {
  return {
    name: 'simulation',
    async send() {
      return { id: `sim-${randomUUID()}` };
    },
    parseInbound() {
      throw new Error('the simulated transport has no webhook');
    },
  };
}

interface PendingReply {
  at: number;
  conversationId: string;
  from: string;
  text: string;
  index: number;
}

/**
 * Runs a campaign on a virtual clock with simulated candidates: the real engine, scheduler and store,
 * replies written by personas. Everything the run needs to continue is in the store (pending replies are
 * derived from the conversations), so a run stopped at any point and started again with the same store,
 * campaign id and seed ends the same way, sending nothing twice.
 */
export async function simulateCampaign(input: SimulateCampaignInput): Promise<SimulationResult> {
  const { store } = input;
  const seed = input.seed ?? 1;
  const start = new Date(input.start ?? '2026-12-07T08:00:00Z');
  const end = start.getTime() + (input.maxDays ?? 14) * 86_400_000;
  const campaignId = input.campaignId ?? `sim-${input.job.id ?? 'job'}-${seed}`;
  let clock = start;
  const transport = simulatedTransport();
  const context: CampaignContext = {
    store,
    transport,
    now: () => clock,
    ...(input.chatModel ? { chatModel: input.chatModel } : {}),
  };
  const personaByFile = new Map(input.personas.map((persona) => [persona.file, persona]));
  const profileById = new Map(input.profiles.map((profile) => [profile.id, profile]));
  const personaOf = (candidateId: string): Persona | undefined => {
    const profile = profileById.get(candidateId);
    return profile ? (personaByFile.get(fileKey(profile)) ?? personaByFile.get(profile.id)) : undefined;
  };

  const existing = await store.campaigns.get(campaignId);
  if (existing) {
    const [row] = await store.sql.query<{ at: Date | null }>(
      `SELECT max(m.created_at) AS at FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.campaign_id = $1`,
      [campaignId],
    );
    if (row?.at && new Date(row.at).getTime() > clock.getTime()) clock = new Date(row.at);
  } else {
    await createCampaign({
      job: input.job,
      pool: input.pool ?? input.profiles,
      ...(input.headcount !== undefined ? { headcount: input.headcount } : {}),
      store,
      transport,
      agency: input.agency ?? DEFAULT_AGENCY,
      ...(input.chatModel ? { chatModel: input.chatModel } : {}),
      ...(input.policy ? { policy: input.policy } : {}),
      id: campaignId,
      now: () => clock,
    });
  }

  // Pending replies are derived from the store (never kept in memory), so a resumed run sees the same.
  const pendingReplies = async (): Promise<PendingReply[]> => {
    const rows = await store.sql.query<{
      id: string;
      candidate_id: string;
      phase: string | null;
      topic: string | null;
      held: number;
      replies: number;
      last_direction: string | null;
      last_at: Date | null;
    }>(
      `SELECT c.id, c.candidate_id, c.state->>'phase' AS phase,
              c.state->'plan'->((c.state->>'current')::int)->>'topic' AS topic,
              (SELECT count(*)::int FROM messages m WHERE m.conversation_id = c.id AND m.status = 'scheduled') AS held,
              (SELECT count(*)::int FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS replies,
              last.direction AS last_direction, last.created_at AS last_at
         FROM conversations c
         LEFT JOIN LATERAL (
           SELECT m.direction, m.created_at FROM messages m
            WHERE m.conversation_id = c.id AND m.status IN ('sent', 'delivered', 'received')
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1) last ON true
        WHERE c.campaign_id = $1 AND c.status IN ('in-progress', 'closed') ORDER BY c.id`,
      [campaignId],
    );
    const pending: PendingReply[] = [];
    for (const row of rows) {
      if (row.held > 0 || row.phase !== 'awaiting-reply') continue;
      if (row.last_direction !== 'out' || !row.last_at) continue;
      const persona = personaOf(row.candidate_id);
      const phone = profileById.get(row.candidate_id)?.phone;
      if (!persona || persona.replyAfterMinutes === null || !phone) continue;
      const index = row.replies;
      if (index >= MAX_REPLIES) continue;
      const jitter = 0.75 + 0.5 * unitInterval(seed, row.candidate_id, index);
      const at = new Date(row.last_at).getTime() + persona.replyAfterMinutes * jitter * 60_000;
      const topic = (row.topic ?? undefined) as QuestionTopic | undefined;
      const text =
        (index === 0 ? persona.replies.first : undefined) ??
        (topic ? persona.replies[topic] : undefined) ??
        'je sais pas';
      pending.push({ at: Math.round(at / 1000) * 1000, conversationId: row.id, from: phone, text, index });
    }
    return pending.sort((a, b) => a.at - b.at || a.conversationId.localeCompare(b.conversationId));
  };

  for (;;) {
    const replies = await pendingReplies();
    const reply = replies[0];
    const due = await nextCampaignWorkAt(context, campaignId);
    const next = Math.min(reply?.at ?? Number.POSITIVE_INFINITY, due?.getTime() ?? Number.POSITIVE_INFINITY);
    if (!Number.isFinite(next) || next > end) break;
    if (next > clock.getTime()) clock = new Date(next);
    if (reply && reply.at <= (due?.getTime() ?? Number.POSITIVE_INFINITY)) {
      await handleInboundReply(context, {
        from: reply.from,
        text: reply.text,
        at: clock.toISOString(),
        providerMessageId: `sim-in:${reply.conversationId}:${reply.index}`,
      });
    } else await runDueCampaignWork(context);
    if (input.onProgress) {
      const [row] = await store.sql.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE c.campaign_id = $1 AND m.direction = 'out' AND m.status = 'sent'`,
        [campaignId],
      );
      input.onProgress({ at: clock.toISOString(), smsSent: row?.count ?? 0 });
    }
  }
  return simulationResult(store, campaignId, input.profiles);
}

async function simulationResult(
  store: Store,
  campaignId: string,
  profiles: CandidateProfile[],
): Promise<SimulationResult> {
  const view = await getCampaign(store, campaignId);
  const fileOf = new Map(profiles.map((profile) => [profile.id, fileKey(profile)]));
  const seen = new Set(view.outcomes.map((outcome) => outcome.candidateId));
  const outcomes: SimulationResult['outcomes'] = view.outcomes.map((outcome) => ({
    candidateId: outcome.candidateId,
    file: fileOf.get(outcome.candidateId) ?? outcome.file,
    status: outcome.status,
    reasons: outcome.reasons,
  }));
  for (const profile of profiles)
    if (!seen.has(profile.id))
      outcomes.push({
        candidateId: profile.id,
        file: fileKey(profile),
        status: 'not-contacted',
        reasons: ['below-min-score'],
      });
  const rows = await store.sql.query<{
    candidate_id: string;
    direction: 'out' | 'in';
    body: string | null;
    created_at: Date;
  }>(
    `SELECT c.candidate_id, m.direction, m.body, m.created_at FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
      WHERE c.campaign_id = $1 AND m.status IN ('sent', 'delivered', 'received')
      ORDER BY c.candidate_id, m.created_at, m.id`,
    [campaignId],
  );
  const transcripts = new Map<string, SimulationResult['transcripts'][number]>();
  for (const row of rows) {
    let transcript = transcripts.get(row.candidate_id);
    if (!transcript) {
      transcript = { file: fileOf.get(row.candidate_id) ?? row.candidate_id, messages: [] };
      transcripts.set(row.candidate_id, transcript);
    }
    transcript.messages.push({
      direction: row.direction,
      text: row.body ?? '',
      at: new Date(row.created_at).toISOString(),
    });
  }
  const hoursToCallList =
    view.fullAt === null
      ? null
      : Math.round(
          ((new Date(view.fullAt).getTime() - new Date(view.startedAt).getTime()) / 3_600_000) * 100,
        ) / 100;
  return {
    campaignId,
    headcount: view.headcount,
    filled: view.filled,
    contacted: view.contacted,
    smsSent: view.smsSent,
    recruiterCallList: view.callList.map((entry) => ({
      candidateId: entry.candidateId,
      file: fileOf.get(entry.candidateId) ?? entry.file,
      status: entry.status,
      summary: entry.summary,
    })),
    outcomes,
    hoursToCallList,
    transcripts: [...transcripts.values()].sort((a, b) => String(a.file).localeCompare(String(b.file))),
  };
}
