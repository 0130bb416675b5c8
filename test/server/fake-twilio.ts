import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
}

export interface FakeTwilio {
  /** Base URL to give `createTwilioTransport({ baseURL })`. */
  url: string;
  readonly messages: FakeTwilioMessage[];
  /** Messages sent to one number. */
  to(phone: string): FakeTwilioMessage[];
  close(): Promise<void>;
}

/**
 * A Twilio-shaped Messages API on 127.0.0.1: `POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded,
 * HTTP basic auth checked, answers 201 with a JSON message resource (`sid`, `status: queued`), 401 otherwise.
 */
export async function startFakeTwilio(accountSid: string, authToken: string): Promise<FakeTwilio> {
  const messages: FakeTwilioMessage[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || request.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`)
        return json(404, { code: 20404, message: 'not found', status: 404 });
      if (request.headers.authorization !== expectedAuth)
        return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      const body = form.get('Body');
      if (!to || body === null)
        return json(400, { code: 21604, message: 'A To and Body are required', status: 400 });
      const sid = `SM${String(messages.length + 1).padStart(32, '0')}`;
      messages.push({ sid, to, from: form.get('From'), body });
      return json(201, { sid, status: 'queued', to, body, account_sid: accountSid });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    to: (phone) => messages.filter((message) => message.to === phone),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
