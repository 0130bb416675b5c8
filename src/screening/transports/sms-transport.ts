/** An SMS received from a candidate, read from a provider's webhook. */
export interface InboundSms {
  /** Sender, E.164 when the provider gives it. */
  from: string;
  text: string;
  /** ISO 8601 date-time the message was received. */
  at: string;
  /** The number (or sender id) it was sent to, when the provider gives it. */
  to?: string;
  /** The provider's id of this message (Twilio `MessageSid`): duplicate webhooks carry the same id. */
  providerMessageId?: string;
}

/** Where an outbound message stands, as a provider's delivery receipt says. */
export type SmsDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'read';

/** A delivery receipt read from a provider's status callback. */
export interface SmsDeliveryReport {
  /** The id `send` returned for the message. */
  providerMessageId: string;
  status: SmsDeliveryStatus;
  /** The provider's error code when it failed (e.g. Twilio `30003`), else null. */
  errorCode: string | null;
}

/**
 * Sends and receives SMS through a provider. `parseInbound` reads the body of the provider's
 * inbound webhook (form-encoded string, `URLSearchParams` or an already parsed object).
 */
export interface SmsTransport {
  readonly name: string;
  send(to: string, text: string, options?: { signal?: AbortSignal }): Promise<{ id: string }>;
  parseInbound(requestBody: string | URLSearchParams | Record<string, unknown>): InboundSms;
  /** Reads a delivery-status callback; absent when the provider has none. */
  parseDeliveryReport?(requestBody: string | URLSearchParams | Record<string, unknown>): SmsDeliveryReport;
}

/** `+33612345678` → `+336•••••678`: for logs, never the whole number. */
export function maskPhoneNumber(phone: string): string {
  const compact = phone.replace(/\s+/g, '');
  if (compact.length <= 6) return '•'.repeat(compact.length);
  return `${compact.slice(0, 4)}${'•'.repeat(compact.length - 7)}${compact.slice(-3)}`;
}

/** Reads form fields from any of the body shapes webhook frameworks hand over. */
export function formFields(
  requestBody: string | URLSearchParams | Record<string, unknown>,
): Map<string, string> {
  const fields = new Map<string, string>();
  if (typeof requestBody === 'string' || requestBody instanceof URLSearchParams) {
    const params = typeof requestBody === 'string' ? new URLSearchParams(requestBody) : requestBody;
    for (const [key, value] of params) fields.set(key, value);
    return fields;
  }
  for (const [key, value] of Object.entries(requestBody)) {
    if (typeof value === 'string') fields.set(key, value);
    else if (Array.isArray(value) && typeof value[0] === 'string') fields.set(key, value[0]);
  }
  return fields;
}
