import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError, ProviderError, RateLimitError, ValidationError } from '../../errors.js';
import {
  formFields,
  type InboundSms,
  type SmsDeliveryReport,
  type SmsDeliveryStatus,
  type SmsTransport,
} from './sms-transport.js';

export interface TwilioTransportOptions {
  accountSid: string;
  /** Falls back to `TWILIO_AUTH_TOKEN` at call time. */
  authToken?: string;
  /** Sender number (E.164) or alphanumeric sender id; or use `messagingServiceSid`. */
  from?: string;
  messagingServiceSid?: string;
  /** Default `https://api.twilio.com`; point it at a local server in tests. */
  baseURL?: string;
  fetch?: typeof fetch;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** Clock for inbound messages (Twilio's webhook carries no timestamp). */
  now?: () => Date;
}

const PROVIDER = 'twilio';

/** Digits runs that look like phone numbers are masked before an error message is kept. */
function scrub(text: string): string {
  return text.replace(/\+?\d[\d\s.-]{5,}\d/g, '[number]');
}

/**
 * Twilio Programmable Messaging: `POST {baseURL}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded,
 * HTTP basic auth; inbound webhooks are form posts with `From` and `Body`. Errors map to the cvmatch
 * error tree (401/403 `AuthenticationError`, 429 `RateLimitError`, others `ProviderError`), without
 * phone numbers or message text in their messages.
 */
export function createTwilioTransport(options: TwilioTransportOptions): SmsTransport {
  if (!options.accountSid) throw new ValidationError('twilio: accountSid is required');
  if (!options.from && !options.messagingServiceSid)
    throw new ValidationError('twilio: give `from` or `messagingServiceSid`');
  const baseURL = (options.baseURL ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? (() => new Date());
  const url = `${baseURL}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;

  return {
    name: PROVIDER,
    async send(to, text, sendOptions = {}) {
      const authToken = options.authToken ?? process.env.TWILIO_AUTH_TOKEN;
      if (!authToken)
        throw new AuthenticationError('twilio: no auth token (set authToken or TWILIO_AUTH_TOKEN)', {
          provider: PROVIDER,
        });
      const body = new URLSearchParams({ To: to, Body: text });
      if (options.messagingServiceSid) body.set('MessagingServiceSid', options.messagingServiceSid);
      else body.set('From', options.from!);
      const signals = [AbortSignal.timeout(timeoutMs), ...(sendOptions.signal ? [sendOptions.signal] : [])];
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${options.accountSid}:${authToken}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: body.toString(),
          signal: AbortSignal.any(signals),
        });
      } catch (error) {
        throw new ProviderError('twilio: request failed (network or timeout)', {
          provider: PROVIDER,
          retryable: true,
          cause: error,
        });
      }
      const requestId = response.headers.get('twilio-request-id');
      const raw = await response.text();
      let json: Record<string, unknown> | null = null;
      try {
        json = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      } catch (error) {
        if (response.ok)
          throw new ProviderError('twilio: response is not JSON', {
            provider: PROVIDER,
            status: response.status,
            requestId,
            cause: error,
          });
      }
      if (!response.ok) {
        const code = json && typeof json.code === 'number' ? ` ${json.code}` : '';
        const detail = json && typeof json.message === 'string' ? `: ${scrub(json.message)}` : '';
        const message = `twilio: HTTP ${response.status}${code}${detail}`;
        const common = { provider: PROVIDER, status: response.status, requestId };
        if (response.status === 401 || response.status === 403)
          throw new AuthenticationError(message, common);
        if (response.status === 429) {
          const retryAfter = Number(response.headers.get('retry-after'));
          throw new RateLimitError(message, {
            ...common,
            retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
          });
        }
        throw new ProviderError(message, { ...common, retryable: response.status >= 500 });
      }
      const sid = json && typeof json.sid === 'string' ? json.sid : null;
      if (!sid)
        throw new ProviderError('twilio: response has no message sid', {
          provider: PROVIDER,
          status: response.status,
          requestId,
        });
      return { id: sid };
    },
    parseInbound(requestBody): InboundSms {
      const fields = formFields(requestBody);
      const from = fields.get('From');
      const text = fields.get('Body');
      if (from === undefined || text === undefined)
        throw new ValidationError('twilio: inbound webhook without From/Body', {
          issues: [{ path: [], message: 'expected form fields From and Body' }],
        });
      const to = fields.get('To');
      const sid = fields.get('MessageSid') ?? fields.get('SmsSid');
      return {
        from,
        text,
        at: now().toISOString(),
        ...(to ? { to } : {}),
        ...(sid ? { providerMessageId: sid } : {}),
      };
    },
    parseDeliveryReport: parseTwilioDeliveryReport,
  };
}

const TWILIO_STATUSES: Record<string, SmsDeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
  read: 'read',
};

/**
 * Reads Twilio's status callback (form fields `MessageSid`, `MessageStatus`, `ErrorCode`): `accepted`,
 * `scheduled`, `sending` are `queued`; `canceled` is `failed`. `ValidationError` for another shape.
 */
export function parseTwilioDeliveryReport(
  requestBody: string | URLSearchParams | Record<string, unknown>,
): SmsDeliveryReport {
  const fields = formFields(requestBody);
  const sid = fields.get('MessageSid') ?? fields.get('SmsSid');
  const raw = (fields.get('MessageStatus') ?? fields.get('SmsStatus'))?.toLowerCase();
  const status = raw === undefined ? undefined : TWILIO_STATUSES[raw];
  if (!sid || !status)
    throw new ValidationError('twilio: status callback without MessageSid or with an unknown MessageStatus', {
      issues: [{ path: [], message: `expected MessageSid and MessageStatus, got status ${raw ?? 'none'}` }],
    });
  const errorCode = fields.get('ErrorCode');
  return { providerMessageId: sid, status, errorCode: errorCode ? errorCode : null };
}

/**
 * Checks Twilio's `X-Twilio-Signature` on an inbound webhook: base64 HMAC-SHA1, keyed with the auth
 * token, of the full URL followed by each POST field name and value, sorted by name.
 */
export function validateTwilioSignature(input: {
  authToken: string;
  url: string;
  params: Record<string, string>;
  signature: string;
}): boolean {
  const data =
    input.url +
    Object.keys(input.params)
      .sort()
      .map((key) => key + input.params[key])
      .join('');
  const expected = createHmac('sha1', input.authToken).update(data, 'utf8').digest();
  const given = Buffer.from(input.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
