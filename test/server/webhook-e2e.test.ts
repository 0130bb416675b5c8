/**
 * End to end: a campaign texts three synthetic cariste candidates through a Twilio-shaped fake API on
 * 127.0.0.1; their replies come back as signed Twilio webhooks to the real server (embedded PGlite store),
 * which routes them with the campaign engine's `handleInboundReply` and answers through the fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CampaignContext,
  type CandidateProfile,
  createCampaign,
  createJsonLogger,
  createTwilioTransport,
  handleInboundReply,
  openStore,
  runDueCampaignWork,
  type SmsTransport,
  type Store,
  startWebhookServer,
  type WebhookServer,
} from '../../src/index.js';
import { AGENCY, loadJob, NOW, syntheticCandidate } from '../screening/helpers.js';
import { newPgliteFolder, newPostgresDatabase, removeTempFolders } from '../store/backends.js';
import { type FakeTwilio, startFakeTwilio } from './fake-twilio.js';
import { postTwilio } from './twilio-signing.js';

const ACCOUNT_SID = 'AC0000000000000000000000000000e2e1';
const AUTH_TOKEN = 'e2e-auth-token-0123456789abcdef';
const BEARER = 'e2e-bearer-token-0123456789abcdef';
const SENDER = '+33700000001';

function cariste(id: string, name: string, phone: string): CandidateProfile {
  return syntheticCandidate({
    id,
    name,
    phone,
    location: { city: 'Vénissieux', postalCode: '69200', country: 'FR', lat: 45.6975, lon: 4.8867 },
    headline: 'Cariste',
    certifications: [{ code: 'CACES_R489_3', label: 'CACES R489 cat. 3', validUntil: '2029-06-30' }],
    totalExperienceMonths: 36,
  });
}

const ALICE = cariste('cv_a000000000000001', 'Alice Exemple', '+33611111111');
const BASILE = cariste('cv_b000000000000002', 'Basile Exemple', '+33622222222');
const CHLOE = cariste('cv_c000000000000003', 'Chloé Exemple', '+33633333333');

afterAll(() => removeTempFolders());

describe('webhook server end to end (PGlite store, Twilio-shaped fake)', () => {
  let fake: FakeTwilio;
  let store: Store;
  let server: WebhookServer;
  let clock = new Date(NOW); // Monday 28 December 2026, 10:00 in Paris: texting allowed
  let campaignId: string;
  const logs: string[] = [];
  let onReply: (() => void) | null = null;
  const signed = (params: Record<string, string>) =>
    postTwilio(server.url, '/twilio/sms', params, { authToken: AUTH_TOKEN });
  const inbound = (from: string, body: string, sid: string) => ({
    AccountSid: ACCOUNT_SID,
    MessageSid: sid,
    From: from,
    To: SENDER,
    Body: body,
  });

  beforeAll(async () => {
    fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    store = await openStore(newPgliteFolder(), { env: {} });
    const transport = createTwilioTransport({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: SENDER,
      baseURL: fake.url,
    });
    const created = await createCampaign({
      job: loadJob('cariste-lyon'),
      pool: [ALICE, BASILE, CHLOE],
      headcount: 1,
      store,
      transport,
      agency: AGENCY,
      policy: { minScore: 0 },
      senderNumber: SENDER,
      now: () => clock,
    });
    campaignId = created.campaignId;
    const context: CampaignContext = { store, transport, now: () => clock };
    server = await startWebhookServer({
      store,
      port: 0,
      twilio: { authToken: AUTH_TOKEN, accountSid: ACCOUNT_SID },
      handleReply: (reply) => {
        onReply?.();
        return handleInboundReply(context, reply);
      },
      logger: createJsonLogger({ write: (line) => logs.push(line) }),
      now: () => clock,
    });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await fake?.close();
  });

  it('texts the first wave through the fake Twilio API', () => {
    // The opening message and the first question, to each of the three.
    for (const person of [ALICE, BASILE, CHLOE])
      expect(fake.to(person.phone as string).length).toBeGreaterThanOrEqual(1);
    expect(fake.messages.every((message) => message.from === SENDER)).toBe(true);
  });

  it('routes a signed reply to its conversation, answers it through the transport, empty TwiML', async () => {
    const [conversation] = await store.conversations.findByPhone(ALICE.phone as string, { campaignId });
    expect(conversation).toBeDefined();
    const before = await store.messages.count({ conversationId: conversation?.id as string });
    const sentToAlice = fake.to(ALICE.phone as string).length;
    const sentInAll = fake.messages.length;
    clock = new Date(clock.getTime() + 5 * 60_000);
    const response = await signed(inbound(ALICE.phone as string, 'oui je suis intéressée', 'SMin0001'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    // The next question went out to Alice, and only to her.
    const answers = fake.to(ALICE.phone as string).length - sentToAlice;
    expect(answers).toBeGreaterThanOrEqual(1);
    expect(fake.messages.length - sentInAll).toBe(answers);
    const messages = await store.messages.list(conversation?.id as string);
    expect(messages).toHaveLength(before + 1 + answers);
    expect(messages[before]).toMatchObject({ direction: 'in', providerMessageId: 'SMin0001' });
    expect(messages.at(-1)).toMatchObject({ direction: 'out', provider: 'twilio', status: 'sent' });
    expect(messages.at(-1)?.providerMessageId).toBe(fake.to(ALICE.phone as string).at(-1)?.sid);
    const after = await store.conversations.get(conversation?.id as string);
    expect(after?.status).toBe('in-progress');
    expect(after?.version).toBeGreaterThan(conversation?.version as number);
  });

  it('handles a duplicate webhook (same MessageSid) once', async () => {
    const [conversation] = await store.conversations.findByPhone(ALICE.phone as string, { campaignId });
    const before = await store.messages.count({ conversationId: conversation?.id as string });
    const sent = fake.messages.length;
    const response = await signed(inbound(ALICE.phone as string, 'oui je suis intéressée', 'SMin0001'));
    expect(response.status).toBe(200);
    expect(fake.messages).toHaveLength(sent);
    expect(await store.messages.count({ conversationId: conversation?.id as string })).toBe(before);
    const outcomes = logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'inbound sms');
    expect(outcomes.map((entry) => entry.outcome)).toEqual(['handled', 'duplicate']);
  });

  it('refuses a badly signed webhook with 403 and changes nothing', async () => {
    const count = await store.messages.count({ campaignId });
    const forged = await postTwilio(
      server.url,
      '/twilio/sms',
      inbound(CHLOE.phone as string, 'STOP', 'SMforged'),
      { authToken: 'someone-else' },
    );
    expect(forged.status).toBe(403);
    expect(await store.messages.count({ campaignId })).toBe(count);
    expect(await store.optOuts.has(CHLOE.phone as string)).toBe(false);
  });

  it('registers STOP agency-wide and never texts the person again', async () => {
    const sentBefore = fake.to(BASILE.phone as string).length;
    const response = await signed(inbound(BASILE.phone as string, 'STOP', 'SMin0002'));
    expect(response.status).toBe(200);
    expect(await store.optOuts.has(BASILE.phone as string)).toBe(true);
    const [conversation] = await store.conversations.findByPhone(BASILE.phone as string, { campaignId });
    expect(conversation?.status).toBe('opted-out');
    // At most the opt-out confirmation; then nothing, even when reminders fall due.
    const afterStop = fake.to(BASILE.phone as string).length;
    expect(afterStop - sentBefore).toBeLessThanOrEqual(1);
    clock = new Date(clock.getTime() + 26 * 3_600_000);
    const transport = createTwilioTransport({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: SENDER,
      baseURL: fake.url,
    });
    await runDueCampaignWork({ store, transport, now: () => clock });
    expect(fake.to(BASILE.phone as string)).toHaveLength(afterStop);
  });

  it('records delivery receipts for the messages it sent', async () => {
    const [first] = fake.to(ALICE.phone as string);
    const response = await postTwilio(
      server.url,
      '/twilio/status',
      { AccountSid: ACCOUNT_SID, MessageSid: first?.sid as string, MessageStatus: 'delivered' },
      { authToken: AUTH_TOKEN },
    );
    expect(response.status).toBe(204);
    const [conversation] = await store.conversations.findByPhone(ALICE.phone as string, { campaignId });
    const messages = await store.messages.list(conversation?.id as string);
    expect(messages.find((message) => message.providerMessageId === first?.sid)?.status).toBe('delivered');
  });

  it('reports health, logs no number or text, and shuts down gracefully', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'pglite' });
    const all = logs.join('\n');
    for (const person of [ALICE, BASILE, CHLOE]) expect(all).not.toContain((person.phone as string).slice(3));
    expect(all).not.toContain('intéressée');
    // A reply in flight when the shutdown starts is finished and answered; then the port is closed.
    const sentBefore = fake.messages.length;
    const entered = new Promise<void>((resolve) => {
      onReply = resolve;
    });
    const pending = signed(inbound(CHLOE.phone as string, 'oui', 'SMin0003'));
    await entered;
    await server.close();
    expect((await pending).status).toBe(200);
    expect(fake.messages.length).toBeGreaterThan(sentBefore);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    // The store is intact and still usable by its owner.
    expect(await store.messages.count({ campaignId, direction: 'in' })).toBe(3);
  });
});

describe('two servers on one PostgreSQL store', () => {
  it('handle replies to the same conversation one at a time', async () => {
    const fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    const url = await newPostgresDatabase();
    const storeA = await openStore(url, { env: {} });
    const storeB = await openStore(url, { env: {} });
    const clock = new Date(NOW);
    const twilio = () =>
      createTwilioTransport({
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        from: SENDER,
        baseURL: fake.url,
      });
    const servers: WebhookServer[] = [];
    try {
      const { campaignId } = await createCampaign({
        job: loadJob('cariste-lyon'),
        pool: [ALICE, BASILE],
        headcount: 1,
        store: storeA,
        transport: twilio(),
        agency: AGENCY,
        policy: { minScore: 0 },
        now: () => clock,
      });
      const probe = { maxOverlap: 0 };
      let active = 0;
      for (const store of [storeA, storeB]) {
        const inner = twilio();
        // Both servers' sends pass through one counter: overlapping sends to Alice would show here.
        const transport: SmsTransport = {
          ...inner,
          async send(to, text, options) {
            active++;
            probe.maxOverlap = Math.max(probe.maxOverlap, active);
            try {
              await new Promise((resolve) => setTimeout(resolve, 150));
              return await inner.send(to, text, options);
            } finally {
              active--;
            }
          },
        };
        const context: CampaignContext = { store, transport, now: () => clock };
        servers.push(
          await startWebhookServer({
            store,
            port: 0,
            bearerToken: BEARER,
            handleReply: (reply) => handleInboundReply(context, reply),
            logger: createJsonLogger({ write: () => {} }),
            now: () => clock,
          }),
        );
      }
      const post = (server: WebhookServer, text: string, id: string) =>
        fetch(`${server.url}/sms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${BEARER}` },
          body: JSON.stringify({ from: ALICE.phone, to: SENDER, text, id, at: '2026-12-28T09:05:00Z' }),
        });
      const [first, second] = await Promise.all([
        post(servers[0] as WebhookServer, 'oui je suis intéressée', 'gw-1'),
        post(servers[1] as WebhookServer, 'oui je suis dispo', 'gw-2'),
      ]);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      const outcomes = [(await first.json()).outcome, (await second.json()).outcome];
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['handled', 'handled']);
      expect(probe.maxOverlap).toBe(1);
      const [conversation] = await storeA.conversations.findByPhone(ALICE.phone as string, { campaignId });
      const messages = await storeA.messages.list(conversation?.id as string);
      const directions = messages.map((message) => message.direction).join('');
      // Each reply was read on the state the other left: out (opening), in, out…, in, out….
      expect(directions).toMatch(/^(out)+in(out)+in(out)+$/);
      expect(
        messages
          .filter((message) => message.direction === 'in')
          .map((message) => message.providerMessageId)
          .sort(),
      ).toEqual(['gw-1', 'gw-2']);
      // A duplicate of either, to either server, changes nothing.
      const count = messages.length;
      const again = await post(servers[1] as WebhookServer, 'oui je suis intéressée', 'gw-1');
      expect((await again.json()).outcome.status).toBe('duplicate');
      expect(await storeA.messages.count({ conversationId: conversation?.id as string })).toBe(count);
    } finally {
      for (const server of servers) await server.close();
      await storeA.close();
      await storeB.close();
      await fake.close();
    }
  });
});
