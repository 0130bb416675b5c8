export {
  type CallListEntry,
  type CampaignOutcomeEntry,
  type CampaignView,
  getCampaign,
} from './call-list.js';
export type { CampaignContext } from './campaign-context.js';
export {
  type CampaignPolicy,
  type CampaignPolicyInput,
  campaignPolicySchema,
} from './campaign-policy.js';
export { campaignReport } from './campaign-report.js';
export type { CampaignConversationStatus, CampaignStatus, RankedCandidate } from './campaign-state.js';
export { type CreateCampaignInput, type CreatedCampaign, createCampaign } from './create-campaign.js';
export { handleInboundReply, type InboundOutcome, type InboundReply } from './handle-inbound-reply.js';
export {
  DEFAULT_QUIET_HOURS,
  easterSunday,
  frenchPublicHolidays,
  isSendingAllowed,
  nextSendingTime,
  type QuietHours,
} from './quiet-hours.js';
export { recordCampaignDecision } from './record-campaign-decision.js';
export {
  type DueWorkReport,
  nextCampaignWorkAt,
  runDueCampaignWork,
} from './run-due-campaign-work.js';
export {
  type Persona,
  personaSchema,
  type SimulateCampaignInput,
  type SimulatedOutcomeStatus,
  type SimulationResult,
  simulateCampaign,
} from './simulate-campaign.js';
