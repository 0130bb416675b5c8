import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createJsonLogger,
  openStore,
  type Store,
  startWebhookServer,
  type WebhookReply,
  type WebhookServer,
} from '../../src/index.js';
import { newPgliteFolder, removeTempFolders } from '../store/backends.js';
import { postTwilio } from './twilio-signing.js';

const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
const ACCOUNT_SID = 'AC00000000000000000000000000000001';
const BEARER = 'bearer-token-for-tests-0123456789';
const PHONE = '+33612345678';

let store: Store;
const lines: string[] = [];
const received: WebhookReply[] = [];
let servers: WebhookServer[] = [];

async function start(
  overrides: Partial<Parameters<typeof startWebhookServer>[0]> = {},
): Promise<WebhookServer> {
  const server = await startWebhookServer({
    store,
    port: 0,
    host: '127.0.0.1',
    twilio: { authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID },
    bearerToken: BEARER,
    logger: createJsonLogger({ level: 'debug', write: (line) => lines.push(line) }),
    handleReply: async (inbound) => {
      received.push(inbound);
      return { status: 'handled', conversationId: 'conv-1' };
    },
    ...overrides,
  });
  servers.push(server);
  return server;
}

function inboundParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    MessageSid: 'SM0000000000000000000000000000aa01',
    From: PHONE,
    To: '+33700000001',
    Body: 'oui je suis dispo lundi',
    NumMedia: '0',
    ...overrides,
  };
}

beforeAll(async () => {
  store = await openStore(newPgliteFolder(), { env: {} });
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  received.length = 0;
  lines.length = 0;
});

afterAll(async () => {
  await store.close();
  removeTempFolders();
});

describe('Twilio webhooks', () => {
  it('hands a signed inbound SMS to the handler and answers with empty TwiML', async () => {
    const server = await start();
    const response = await postTwilio(server.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      from: PHONE,
      to: '+33700000001',
      text: 'oui je suis dispo lundi',
      providerMessageId: 'SM0000000000000000000000000000aa01',
    });
    expect(Number.isNaN(Date.parse(received[0]?.at ?? ''))).toBe(false);
  });

  it('refuses a bad, missing or other-account signature with 403, without calling the handler', async () => {
    const server = await start();
    const tampered = await postTwilio(server.url, '/twilio/sms', inboundParams(), {
      authToken: AUTH_TOKEN,
      signature: (await signedFor(server.url, inboundParams({ Body: 'autre texte' }))) as string,
    });
    expect(tampered.status).toBe(403);
    const wrongKey = await postTwilio(server.url, '/twilio/sms', inboundParams(), {
      authToken: 'not-the-token',
    });
    expect(wrongKey.status).toBe(403);
    const none = await fetch(`${server.url}/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(inboundParams()).toString(),
    });
    expect(none.status).toBe(403);
    const otherAccount = await postTwilio(
      server.url,
      '/twilio/sms',
      inboundParams({ AccountSid: 'AC99999999999999999999999999999999' }),
      { authToken: AUTH_TOKEN },
    );
    expect(otherAccount.status).toBe(403);
    expect(received).toHaveLength(0);
  });

  it('checks the signature against the public URL behind a proxy', async () => {
    const publicUrl = 'https://sms.agence.example/cvmatch';
    const behind = await start({ twilio: { authToken: AUTH_TOKEN, publicUrl } });
    const signedUrl = `${publicUrl}/twilio/sms`;
    expect(
      (await postTwilio(behind.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN, signedUrl }))
        .status,
    ).toBe(200);
    // Signed for the local URL: not what Twilio would have signed.
    expect(
      (await postTwilio(behind.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN })).status,
    ).toBe(403);
    // Forwarded headers count only with trustProxy.
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sms.agence.example' };
    const proxied = await start({ twilio: { authToken: AUTH_TOKEN }, trustProxy: true });
    const untrusting = await start({ twilio: { authToken: AUTH_TOKEN } });
    const signedForwarded = 'https://sms.agence.example/twilio/sms';
    expect(
      (
        await postTwilio(proxied.url, '/twilio/sms', inboundParams(), {
          authToken: AUTH_TOKEN,
          signedUrl: signedForwarded,
          headers: forwarded,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await postTwilio(untrusting.url, '/twilio/sms', inboundParams(), {
          authToken: AUTH_TOKEN,
          signedUrl: signedForwarded,
          headers: forwarded,
        })
      ).status,
    ).toBe(403);
  });

  it('records delivery receipts on the outbound message, never moving a status backwards', async () => {
    const server = await start();
    const conversation = await store.conversations.create({ candidateId: 'cv_receipts', phone: PHONE });
    await store.messages.record({
      conversationId: conversation.id,
      direction: 'out',
      body: 'Bonjour',
      idempotencyKey: 'out:receipt-test',
      provider: 'twilio',
      providerMessageId: 'SMout0001',
      status: 'sent',
    });
    const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
      postTwilio(
        server.url,
        '/twilio/status',
        { AccountSid: ACCOUNT_SID, MessageSid: 'SMout0001', MessageStatus, ...extra },
        { authToken: AUTH_TOKEN },
      );
    expect((await status('delivered')).status).toBe(204);
    expect((await store.messages.list(conversation.id))[0]?.status).toBe('delivered');
    expect((await status('sent')).status).toBe(204); // late receipt: ignored
    expect((await store.messages.list(conversation.id))[0]?.status).toBe('delivered');
    expect((await status('bogus')).status).toBe(400);
    const unknown = await postTwilio(
      server.url,
      '/twilio/status',
      { AccountSid: ACCOUNT_SID, MessageSid: 'SMunknown', MessageStatus: 'failed', ErrorCode: '30003' },
      { authToken: AUTH_TOKEN },
    );
    expect(unknown.status).toBe(204);
    const badSignature = await postTwilio(
      server.url,
      '/twilio/status',
      { AccountSid: ACCOUNT_SID, MessageSid: 'SMout0001', MessageStatus: 'failed' },
      { authToken: 'wrong' },
    );
    expect(badSignature.status).toBe(403);
    expect((await store.messages.list(conversation.id))[0]?.status).toBe('delivered');
    const reports = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'delivery report');
    expect(reports.map((entry) => entry.result)).toEqual(['updated', 'stale', 'unknown']);
  });
});

async function signedFor(serverUrl: string, params: Record<string, string>): Promise<string> {
  const { signTwilio } = await import('./twilio-signing.js');
  return signTwilio(AUTH_TOKEN, `${serverUrl}/twilio/sms`, params);
}

describe('JSON endpoint', () => {
  const post = (url: string, body: unknown, token: string | null = BEARER) =>
    fetch(`${url}/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('needs the bearer token, validates the body and returns the outcome', async () => {
    const server = await start();
    expect((await post(server.url, { from: PHONE, text: 'oui' }, null)).status).toBe(401);
    expect((await post(server.url, { from: PHONE, text: 'oui' }, 'wrong-token-wrong-token')).status).toBe(
      401,
    );
    expect((await post(server.url, { text: 'oui' })).status).toBe(400);
    expect((await post(server.url, 'not json')).status).toBe(400);
    const ok = await post(server.url, {
      from: PHONE,
      text: 'oui',
      id: 'gw-1',
      at: '2026-12-28T10:00:00+01:00',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ outcome: { status: 'handled', conversationId: 'conv-1' } });
    expect(received).toEqual([
      { from: PHONE, text: 'oui', providerMessageId: 'gw-1', at: '2026-12-28T09:00:00.000Z' },
    ]);
  });

  it('is absent without a bearer token, and refuses a short one', async () => {
    const server = await start({ bearerToken: undefined });
    expect((await post(server.url, { from: PHONE, text: 'oui' })).status).toBe(404);
    await expect(start({ bearerToken: 'short' })).rejects.toThrow(/at least 16/);
    await expect(start({ bearerToken: undefined, twilio: undefined })).rejects.toThrow(/configure/);
  });
});

describe('limits, health, logs, shutdown', () => {
  it('answers 500 when the handler fails (the provider retries), logging the error class only', async () => {
    const server = await start({
      handleReply: async () => {
        throw new TypeError(`cannot handle ${PHONE}: oui je suis dispo lundi`);
      },
    });
    const response = await postTwilio(server.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN });
    expect(response.status).toBe(500);
    const failed = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(failed).toMatchObject({ level: 'error', error: 'TypeError', path: '/twilio/sms' });
    expect(lines.join('\n')).not.toContain('dispo lundi');
    expect(lines.join('\n')).not.toContain('612345678');
  });

  it('refuses bodies over the limit with 413', async () => {
    const server = await start({ bodyLimitBytes: 1024 });
    const response = await postTwilio(server.url, '/twilio/sms', inboundParams({ Body: 'x'.repeat(4000) }), {
      authToken: AUTH_TOKEN,
    });
    expect(response.status).toBe(413);
    expect(received).toHaveLength(0);
  });

  it('reports the store on /health, 503 when it is unreachable', async () => {
    const server = await start();
    const ok = await fetch(`${server.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', store: 'pglite' });
    const closedStore = await openStore(newPgliteFolder(), { env: {} });
    await closedStore.close();
    const broken = await start({ store: closedStore, healthTimeoutMs: 500 });
    const down = await fetch(`${broken.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
  });

  it('logs JSON lines with masked numbers and never the message text', async () => {
    const server = await start();
    await postTwilio(server.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN });
    const entries = lines.map((line) => JSON.parse(line));
    const inbound = entries.find((entry) => entry.msg === 'inbound sms');
    expect(inbound).toMatchObject({
      level: 'info',
      from: '+336•••••678',
      outcome: 'handled',
      conversationId: 'conv-1',
    });
    expect(entries.some((entry) => entry.msg === 'request' && entry.status === 200)).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain('612345678');
    expect(all).not.toContain('dispo lundi');
    // Even a number a caller puts in a field is masked.
    const masked: string[] = [];
    createJsonLogger({ write: (line) => masked.push(line) }).info('x', { note: 'appelez le 06 12 34 56 78' });
    expect(masked[0]).not.toContain('34 56');
  });

  it('finishes the requests in flight on close, refuses new ones, then closes the port', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const server = await start({
      handleReply: async () => {
        entered();
        await gate;
        return { status: 'handled', conversationId: 'slow' };
      },
    });
    const slow = postTwilio(server.url, '/twilio/sms', inboundParams(), { authToken: AUTH_TOKEN });
    await inHandler;
    const closing = server.close();
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    release();
    expect((await slow).status).toBe(200);
    await closing;
    expect(closed).toBe(true);
    servers = servers.filter((other) => other !== server);
  });
});
