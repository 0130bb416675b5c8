import type { ChatModel } from '../providers/spec.js';
import type { SmsTransport } from '../screening/transports/sms-transport.js';
import type { Store } from '../store/open-store.js';

/**
 * What every campaign operation runs with: the store (campaigns, conversations, messages, opt-outs,
 * contact log, audit trail), the SMS transport, the clock and, optionally, a chat model that reads the
 * replies the rules are unsure about. Policy, agency and job live in the stored campaign.
 */
export interface CampaignContext {
  store: Store;
  transport: SmsTransport;
  /** The clock (default: the system clock). A virtual clock makes simulations reproducible. */
  now?: () => Date;
  chatModel?: ChatModel;
}

export function clockOf(context: CampaignContext): Date {
  return context.now ? context.now() : new Date();
}
