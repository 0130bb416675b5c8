import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError, RateLimitError, ValidationError } from '../../src/errors.js';
import {
  createConsoleTransport,
  createTwilioTransport,
  validateTwilioSignature,
} from '../../src/screening/index.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local stand-in for Twilio's Messages API: records requests, answers what the test queued. */
let server: Server;
let baseURL: string;
const received: Received[] = [];
const replies: { status: number; body: string; headers?: Record<string, string> }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const reply = replies.shift() ?? {
        status: 201,
        body: JSON.stringify({ sid: 'SM00000000000000000000000000000001', status: 'queued' }),
      };
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const transport = () =>
  createTwilioTransport({
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'test-token',
    from: '+33100000000',
    baseURL,
    now: () => new Date('2026-12-28T09:00:00Z'),
  });

describe('Twilio transport', () => {
  it('POSTs a form to Messages.json with basic auth and returns the message sid', async () => {
    received.length = 0;
    const text =
      "Bonjour, ici l'assistant automatique (une IA) de l'agence. Répondez STOP pour arrêter. 12,50 €";
    const result = await transport().send('+33611111111', text);
    expect(result).toEqual({ id: 'SM00000000000000000000000000000001' });
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:test-token').toString('base64')}`,
    );
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request.body);
    expect(Object.fromEntries(form)).toEqual({ To: '+33611111111', Body: text, From: '+33100000000' });
  });

  it('uses a messaging service when given one instead of a sender number', async () => {
    received.length = 0;
    await createTwilioTransport({
      accountSid: 'AC1',
      authToken: 't',
      messagingServiceSid: 'MG1',
      baseURL,
    }).send('+33622222222', 'ok');
    const form = new URLSearchParams(received[0]!.body);
    expect(form.get('MessagingServiceSid')).toBe('MG1');
    expect(form.has('From')).toBe(false);
  });

  it('maps errors to the error tree without leaking the phone number', async () => {
    replies.push({
      status: 401,
      body: JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }),
    });
    await expect(transport().send('+33611111111', 'x')).rejects.toBeInstanceOf(AuthenticationError);

    replies.push({
      status: 429,
      body: JSON.stringify({ code: 20429, message: 'Too Many Requests' }),
      headers: { 'retry-after': '3' },
    });
    const limited = await transport()
      .send('+33611111111', 'x')
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(3000);

    replies.push({
      status: 400,
      body: JSON.stringify({
        code: 21211,
        message: "The 'To' number +33611111111 is not a valid phone number.",
        status: 400,
      }),
    });
    const invalid = await transport()
      .send('+33611111111', 'x')
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ProviderError);
    expect((invalid as ProviderError).retryable).toBe(false);
    expect((invalid as ProviderError).status).toBe(400);
    expect((invalid as Error).message).toContain('21211');
    expect((invalid as Error).message).not.toContain('611111111');

    replies.push({ status: 503, body: 'unavailable' });
    const down = await transport()
      .send('+33611111111', 'x')
      .catch((error: unknown) => error);
    expect(down).toBeInstanceOf(ProviderError);
    expect((down as ProviderError).retryable).toBe(true);
  });

  it('fails with a retryable ProviderError when the server cannot be reached', async () => {
    const unreachable = createTwilioTransport({
      accountSid: 'AC1',
      authToken: 't',
      from: '+331',
      baseURL: 'http://127.0.0.1:1',
    });
    const error = await unreachable.send('+33611111111', 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).retryable).toBe(true);
  });

  it('reads inbound webhooks (form string, URLSearchParams or parsed object)', () => {
    const body = 'MessageSid=SM1&From=%2B33611111111&To=%2B33100000000&Body=g+pa+le+caces+3';
    const bare = { from: '+33611111111', text: 'g pa le caces 3', at: '2026-12-28T09:00:00.000Z' };
    // The message id (duplicate webhooks carry the same) and the number written to come along when given.
    const expected = { ...bare, to: '+33100000000', providerMessageId: 'SM1' };
    expect(transport().parseInbound(body)).toEqual(expected);
    expect(transport().parseInbound(new URLSearchParams(body))).toEqual(expected);
    expect(transport().parseInbound({ From: '+33611111111', Body: 'g pa le caces 3' })).toEqual(bare);
    expect(() => transport().parseInbound('From=%2B336')).toThrow(ValidationError);
  });

  it('reads status callbacks into delivery reports', () => {
    const read = (body: string) => transport().parseDeliveryReport?.(body);
    expect(read('MessageSid=SM9&MessageStatus=delivered')).toEqual({
      providerMessageId: 'SM9',
      status: 'delivered',
      errorCode: null,
    });
    expect(read('MessageSid=SM9&MessageStatus=undelivered&ErrorCode=30003')).toEqual({
      providerMessageId: 'SM9',
      status: 'undelivered',
      errorCode: '30003',
    });
    expect(read('SmsSid=SM9&SmsStatus=sending')?.status).toBe('queued');
    expect(read('MessageSid=SM9&MessageStatus=canceled')?.status).toBe('failed');
    expect(() => read('MessageSid=SM9&MessageStatus=teleported')).toThrow(ValidationError);
    expect(() => read('MessageStatus=sent')).toThrow(ValidationError);
  });

  it('checks the X-Twilio-Signature of a webhook', () => {
    const url = 'https://example.test/sms/inbound';
    const params = { From: '+33611111111', Body: 'oui', To: '+33100000000' };
    // Sorted by name: Body, From, To, each name followed by its value, after the URL.
    const signature = createHmac('sha1', 'test-token')
      .update(`${url}BodyouiFrom+33611111111To+33100000000`)
      .digest('base64');
    expect(validateTwilioSignature({ authToken: 'test-token', url, params, signature })).toBe(true);
    expect(
      validateTwilioSignature({
        authToken: 'test-token',
        url,
        params: { ...params, Body: 'non' },
        signature,
      }),
    ).toBe(false);
    expect(validateTwilioSignature({ authToken: 'other', url, params, signature })).toBe(false);
  });
});

describe('console transport', () => {
  it('writes messages with a masked number and reads inbound objects', async () => {
    const lines: string[] = [];
    const console = createConsoleTransport({
      write: (line) => lines.push(line),
      now: () => new Date('2026-12-28T09:00:00Z'),
    });
    expect(await console.send('+33611111111', 'Bonjour')).toEqual({ id: 'console-1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Bonjour');
    expect(lines[0]).not.toContain('33611111111');
    expect(console.parseInbound({ from: '+33611111111', text: 'STOP' })).toEqual({
      from: '+33611111111',
      text: 'STOP',
      at: '2026-12-28T09:00:00.000Z',
    });
  });
});
