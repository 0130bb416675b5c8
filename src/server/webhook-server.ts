import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { CvmatchError, ValidationError } from '../errors.js';
import { maskPhoneNumber } from '../screening/transports/sms-transport.js';
import {
  parseTwilioDeliveryReport,
  validateTwilioSignature,
} from '../screening/transports/twilio-transport.js';
import type { Store } from '../store/open-store.js';
import { createJsonLogger, type JsonLogger } from './json-logger.js';
import { recordDeliveryReport } from './record-delivery-report.js';
import { twilioSignedUrls } from './twilio-signed-urls.js';
import type { WebhookReply, WebhookReplyHandler, WebhookReplyOutcome } from './webhook-reply.js';

export interface TwilioWebhookOptions {
  /** Key of the `X-Twilio-Signature` HMAC (the account's auth token). */
  authToken: string;
  /** When given, webhooks from another account are refused (403). */
  accountSid?: string;
  /**
   * The public base URL Twilio calls (`https://sms.agence.example/cvmatch`): the signature covers the URL
   * Twilio was configured with, which a reverse proxy hides. The request's path and query are appended.
   * Without it: the request URL, or the `X-Forwarded-Proto`/`X-Forwarded-Host` headers with `trustProxy`.
   */
  publicUrl?: string;
}

export interface WebhookServerOptions {
  /** For `/health` and delivery receipts (the messages' statuses). */
  store: Store;
  /** Routes each reply to its conversation and answers it (e.g. the campaign engine's `handleInboundReply`). */
  handleReply: WebhookReplyHandler;
  /** Mounts `POST /twilio/sms` and `POST /twilio/status`. */
  twilio?: TwilioWebhookOptions;
  /** Mounts `POST /sms` and `POST /sms/status` (JSON), which need `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Read `X-Forwarded-Proto`/`X-Forwarded-Host` for the signed URL (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Largest request body; default 64 KiB (413 above). */
  bodyLimitBytes?: number;
  /** Default: JSON lines on standard error at `info`. */
  logger?: JsonLogger;
  /** Clock of received replies; default the system clock. */
  now?: () => Date;
  /** How long `close` waits for requests in flight before cutting connections; default 10 s. */
  shutdownTimeoutMs?: number;
  /** `/health` answers 503 when the store does not answer within this; default 2 s. */
  healthTimeoutMs?: number;
}

export interface StartWebhookServerOptions extends WebhookServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

export interface WebhookServer {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, waits for those in flight (up to `shutdownTimeoutMs`), closes the port. */
  close(): Promise<void>;
}

const TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const DEFAULT_BODY_LIMIT = 64 * 1024;

const jsonReplySchema = z.object({
  from: z.string().min(3).max(32),
  to: z.string().min(1).max(32).optional(),
  text: z.string().max(1600),
  at: z.iso.datetime({ offset: true }).optional(),
  /** The gateway's message id: the same id twice is one reply. */
  id: z.string().min(1).max(200).optional(),
});

const jsonStatusSchema = z.object({
  provider: z.string().min(1).max(50),
  id: z.string().min(1).max(200),
  status: z.enum(['queued', 'sent', 'delivered', 'undelivered', 'failed', 'read']),
  errorCode: z.string().max(50).nullish(),
});

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function errorName(error: unknown): string {
  return CvmatchError.isInstance(error) || error instanceof Error ? error.name : typeof error;
}

/**
 * Starts the SMS webhook server (Hono on Node's HTTP server): Twilio inbound and status webhooks
 * (signature checked, 403 otherwise), a JSON endpoint behind a bearer token, `/health`. Replies go to
 * `handleReply`; Twilio gets an empty TwiML answer, the messages to send go out through the transport the
 * handler holds. Logs are JSON lines with masked numbers and never a message text.
 */
export async function startWebhookServer(options: StartWebhookServerOptions): Promise<WebhookServer> {
  if (!options.twilio && !options.bearerToken)
    throw new ValidationError('webhook server: configure Twilio (auth token) or a bearer token, or both');
  if (options.bearerToken !== undefined && options.bearerToken.length < 16)
    throw new ValidationError('webhook server: the bearer token must be at least 16 characters');
  const [{ Hono }, { bodyLimit }, { createAdaptorServer }] = await Promise.all([
    import('hono'),
    import('hono/body-limit'),
    import('@hono/node-server'),
  ]);
  const logger = options.logger ?? createJsonLogger();
  const now = options.now ?? (() => new Date());
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const healthTimeoutMs = options.healthTimeoutMs ?? 2_000;
  let closing = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  const app: Hono = new Hono();
  app.use('*', async (c, next) => {
    if (closing) {
      c.header('connection', 'close');
      return c.text('shutting down', 503);
    }
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
      onError: (c) => c.text('payload too large', 413),
    }),
  );
  app.onError((error, c) => {
    logger.error('request failed', { path: c.req.path, error: errorName(error) });
    return c.text('internal error', 500);
  });

  const deliver = async (inbound: WebhookReply, channel: string): Promise<WebhookReplyOutcome> => {
    const outcome = await options.handleReply(inbound);
    logger.info('inbound sms', {
      channel,
      from: maskPhoneNumber(inbound.from),
      messageId: inbound.providerMessageId ?? null,
      length: inbound.text.length,
      outcome: outcome.status,
      conversationId: outcome.conversationId ?? null,
    });
    return outcome;
  };

  app.get('/health', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        options.store.sql.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('store health check timed out')), healthTimeoutMs);
        }),
      ]);
      return c.json({ status: 'ok', store: options.store.backend });
    } catch (error) {
      logger.error('health: store unreachable', { error: errorName(error) });
      return c.json({ status: 'unavailable', store: options.store.backend }, 503);
    } finally {
      clearTimeout(timer);
    }
  });

  if (options.twilio) {
    const twilio = options.twilio;
    /** The form fields of a Twilio webhook whose signature holds, else null (the response is sent). */
    const signedFields = async (c: Context): Promise<Record<string, string> | null> => {
      const body = await c.req.text();
      const params: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(body)) params[key] = value;
      const signature = c.req.header('x-twilio-signature') ?? '';
      const urls = twilioSignedUrls(new URL(c.req.url), {
        publicUrl: twilio.publicUrl,
        forwardedProto: options.trustProxy ? c.req.header('x-forwarded-proto') : undefined,
        forwardedHost: options.trustProxy ? c.req.header('x-forwarded-host') : undefined,
      });
      const valid =
        signature !== '' &&
        urls.some((url) => validateTwilioSignature({ authToken: twilio.authToken, url, params, signature }));
      if (!valid || (twilio.accountSid && params.AccountSid !== twilio.accountSid)) {
        logger.warn('twilio: signature refused', { path: c.req.path, hasSignature: signature !== '' });
        return null;
      }
      return params;
    };

    app.post('/twilio/sms', async (c) => {
      const params = await signedFields(c);
      if (!params) return c.text('forbidden', 403);
      const from = params.From;
      const text = params.Body;
      if (!from || text === undefined) return c.text('expected From and Body', 400);
      const sid = params.MessageSid ?? params.SmsSid;
      await deliver(
        {
          from,
          text,
          at: now().toISOString(),
          ...(params.To ? { to: params.To } : {}),
          ...(sid ? { providerMessageId: sid } : {}),
        },
        'twilio',
      );
      return c.body(TWIML_EMPTY, 200, { 'content-type': 'text/xml; charset=utf-8' });
    });

    app.post('/twilio/status', async (c) => {
      const params = await signedFields(c);
      if (!params) return c.text('forbidden', 403);
      let report: ReturnType<typeof parseTwilioDeliveryReport>;
      try {
        report = parseTwilioDeliveryReport(params);
      } catch (error) {
        if (!ValidationError.isInstance(error)) throw error;
        return c.text('expected MessageSid and a known MessageStatus', 400);
      }
      const result = await recordDeliveryReport(options.store, 'twilio', report);
      logger.info('delivery report', { channel: 'twilio', messageId: report.providerMessageId, ...result });
      return c.body(null, 204);
    });
  }

  if (options.bearerToken) {
    const token = options.bearerToken;
    const authorised = (c: Context): boolean => {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      return match !== null && sameSecret(match[1] as string, token);
    };
    const readJson = async (c: Context): Promise<unknown> => {
      try {
        return await c.req.json();
      } catch {
        return undefined; // not JSON: refused below as an invalid body
      }
    };

    app.post('/sms', async (c) => {
      if (!authorised(c)) return c.json({ error: 'unauthorised' }, 401);
      const parsed = jsonReplySchema.safeParse(await readJson(c));
      if (!parsed.success)
        return c.json(
          {
            error: 'invalid body',
            issues: parsed.error.issues.map((issue) => ({
              path: issue.path.map(String),
              message: issue.message,
            })),
          },
          400,
        );
      const body = parsed.data;
      const outcome = await deliver(
        {
          from: body.from,
          text: body.text,
          at: new Date(body.at ?? now()).toISOString(),
          ...(body.to ? { to: body.to } : {}),
          ...(body.id ? { providerMessageId: body.id } : {}),
        },
        'json',
      );
      return c.json({ outcome });
    });

    app.post('/sms/status', async (c) => {
      if (!authorised(c)) return c.json({ error: 'unauthorised' }, 401);
      const parsed = jsonStatusSchema.safeParse(await readJson(c));
      if (!parsed.success) return c.json({ error: 'invalid body' }, 400);
      const { provider, id, status, errorCode } = parsed.data;
      const result = await recordDeliveryReport(options.store, provider, {
        providerMessageId: id,
        status,
        errorCode: errorCode ?? null,
      });
      logger.info('delivery report', { channel: 'json', provider, messageId: id, ...result });
      return c.json(result);
    });
  }

  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  // In flight until the response is written (Hono's middleware ends before the adapter writes it).
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info('listening', { host: address.address, port: address.port });

  let closed: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close() {
      closed ??= (async () => {
        closing = true;
        const portClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          const drained = new Promise<void>((resolve) => {
            idle = resolve;
          });
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs);
          });
          const result = await Promise.race([drained, timedOut]);
          clearTimeout(timer);
          if (result === 'timeout') logger.warn('shutdown: requests still in flight, cut', { inFlight });
        }
        // Connections kept alive after their last response: closed now, any left after 1 s are cut.
        server.closeIdleConnections();
        let cutTimer: NodeJS.Timeout | undefined;
        await Promise.race([
          portClosed,
          new Promise<void>((resolve) => {
            cutTimer = setTimeout(() => {
              server.closeAllConnections();
              resolve();
            }, 1_000);
          }),
        ]);
        clearTimeout(cutTimer);
        await portClosed;
        logger.info('closed', {});
      })();
      return closed;
    },
  };
}
