/**
 * What the webhook server hands to the code that owns the conversations (the campaign engine's
 * `handleInboundReply`, or any function of the same shape): one reply from a candidate.
 */
export interface WebhookReply {
  /** Sender, E.164 when the provider gives it. */
  from: string;
  /** The number (or sender id) it was sent to. */
  to?: string;
  text: string;
  /** ISO 8601 date-time it was received. */
  at: string;
  /** The provider's id of the message: a duplicate webhook carries the same one. */
  providerMessageId?: string;
}

/**
 * What became of a reply, at least. `status` is the handler's word for it (the campaign engine says
 * `handled`, `duplicate`, `late`, `unrouted`); the server logs it with `conversationId` and returns the
 * whole object (whatever else it holds) to JSON callers.
 */
export interface WebhookReplyOutcome {
  status: string;
  conversationId?: string | null;
}

/**
 * Routes a reply to its conversation and answers it (through the SMS transport). The server relies on
 * its contract: idempotent for a given `providerMessageId`, one conversation handled at a time across
 * processes. It throws for a failure worth a retry (the server answers 500).
 */
export type WebhookReplyHandler = (inbound: WebhookReply) => Promise<WebhookReplyOutcome>;
