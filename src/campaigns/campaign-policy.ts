import * as z from 'zod';
import { screeningOptionsSchema } from '../domain/index.js';

export const quietHoursSchema = z.object({
  timeZone: z.string().default('Europe/Paris'),
  startHour: z.number().int().min(0).max(23).default(8),
  endHour: z.number().int().min(1).max(24).default(20),
  sundays: z.boolean().default(true),
  publicHolidays: z.boolean().default(true),
});

/** How a campaign texts, widens and stops. Every field has a default. */
export const campaignPolicySchema = z.object({
  /** Qualified candidates proposed per open position (the recruiter's call list). */
  callsPerPosition: z.number().int().positive().default(3),
  /** Share of texted candidates expected to answer: sizes the first wave. */
  expectedReplyRate: z.number().gt(0).max(1).default(0.6),
  /** Share of answering candidates expected to end qualified. */
  expectedQualifyRate: z.number().gt(0).max(1).default(0.6),
  /** Candidates under this match score (0–100) are never texted. */
  minScore: z.number().min(0).max(100).default(30),
  /** Ranked candidates kept in the campaign (texted best first). */
  maxCandidates: z.number().int().positive().default(200),
  /** Minutes between two checks of whether a new wave is needed (missing answers). */
  waveCheckMinutes: z.number().positive().default(60),
  /** Other orders a person may have been texted for in `contactCapDays` before this one skips them. */
  maxOtherCampaigns: z.number().int().nonnegative().default(2),
  contactCapDays: z.number().positive().default(7),
  quietHours: quietHoursSchema.prefault({}),
  /** Screening options of every conversation (reminder and no-answer delays…). */
  screening: screeningOptionsSchema.partial().default({}),
  /** Also keep message text in the audit trail (default false: ids, kinds, counts only). */
  auditText: z.boolean().default(false),
});
export type CampaignPolicy = z.output<typeof campaignPolicySchema>;
export type CampaignPolicyInput = z.input<typeof campaignPolicySchema>;
