import * as z from 'zod';
import { type CampaignPolicy, campaignPolicySchema } from './campaign-policy.js';

/** One ranked candidate of a campaign: what the call list quotes of the match. */
export const rankedCandidateSchema = z.object({
  candidateId: z.string(),
  rank: z.number().int().positive(),
  score: z.number(),
  /** The match explanation (why this candidate ranks here). */
  summary: z.string(),
  /** Base name of the CV file (or null for profiles given as JSON). */
  file: z.string().nullable(),
  /** Codes of requirements the CV does not show (checked in the screening). */
  unmet: z.array(z.string()),
});
export type RankedCandidate = z.infer<typeof rankedCandidateSchema>;

/** Stored in `campaigns.settings`: fixed when the campaign is created. */
export const campaignSettingsSchema = z.object({
  policy: campaignPolicySchema,
  agency: z.object({ name: z.string().min(1), humanContact: z.string().min(1) }),
  language: z.enum(['fr', 'en']),
  /** The number candidates text back (disambiguates replies when a person is in several campaigns). */
  senderNumber: z.string().nullable().default(null),
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema> & { policy: CampaignPolicy };

/** Stored in `campaigns.state`: where the campaign stands. Changed only under the campaign row lock. */
export const campaignStateSchema = z.object({
  version: z.literal(1),
  startedAt: z.string(),
  ranked: z.array(rankedCandidateSchema),
  /** Index in `ranked` of the next candidate a wave considers. */
  next: z.number().int().nonnegative(),
  waves: z.number().int().nonnegative(),
  /** Candidate ids on the call list, best first (to log its changes). */
  callList: z.array(z.string()),
  fullAt: z.string().nullable(),
  /** Next sequence number of the campaign's audit run (`campaign:<id>`). */
  auditSeq: z.number().int().nonnegative(),
});
export type CampaignState = z.infer<typeof campaignStateSchema>;

/** Campaign status: `active` (texting), `full` (call list complete, no more texts), `exhausted` (nobody left to text). */
export type CampaignStatus = 'active' | 'full' | 'exhausted';

/**
 * Conversation status in a campaign: a screening status (`in-progress`, `qualified`, `not-qualified`,
 * `needs-human`, `no-answer`, `opted-out`), `not-contacted` (skipped: opted out, contact cap, no phone)
 * or `closed` (still open when the order was full: nothing more is sent).
 */
export type CampaignConversationStatus =
  | 'in-progress'
  | 'qualified'
  | 'not-qualified'
  | 'needs-human'
  | 'no-answer'
  | 'opted-out'
  | 'not-contacted'
  | 'closed';

export function auditRunId(campaignId: string): string {
  return `campaign:${campaignId}`;
}

export function conversationIdFor(campaignId: string, candidateId: string): string {
  return `${campaignId}:${candidateId}`;
}
