/**
 * One suite, every backend: embedded PGlite with pgvector, embedded PGlite with pgvector switched off
 * (bytea vectors scanned in process) and a real PostgreSQL server started by the global setup.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuditLog } from '../../src/compliance/index.js';
import type { CandidateProfile, MatchResult } from '../../src/domain/index.js';
import { rankCandidates } from '../../src/matching/index.js';
import { VectorIndex } from '../../src/matching/retrieve/index.js';
import { parseJobOrder, readCandidateDataset } from '../../src/parsing/index.js';
import { createLocal } from '../../src/providers/index.js';
import { addToPool, rankStoredPool, type Store, StoreError } from '../../src/store/index.js';
import { buildProfile } from '../matching/profile-factory.js';
import { backends, openFreshStore, removeTempFolders } from './backends.js';

const NOW = '2026-11-01';
const embeddingModel = createLocal().embeddingModel();
const cvFiles = readdirCvs();
const job = parseJobOrder(JSON.parse(readFileSync('fixtures/jobs/cariste-lyon.json', 'utf8')), {
  id: 'cariste-lyon',
  now: NOW,
});

function readdirCvs(): string[] {
  return readdirSync('fixtures/cvs')
    .filter((name) => /\.(pdf|docx|txt)$/.test(name))
    .sort()
    .map((name) => `fixtures/cvs/${name}`);
}

function profile(id: string, extra: Partial<Parameters<typeof buildProfile>[0]> = {}): CandidateProfile {
  return buildProfile({
    id,
    headline: 'Cariste',
    experiences: [{ title: 'Cariste', start: '2020-01', current: true }],
    skills: ['chargement'],
    ...extra,
  });
}

function seededVector(seed: number, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  let state = seed >>> 0;
  for (let index = 0; index < dimensions; index++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    vector[index] = (state / 4_294_967_296 - 0.5) * (index % 7 === 0 ? 1e-6 : 3);
  }
  vector[1] = -0; // the sign of zero survives too
  return vector;
}

let fromFiles: MatchResult[];

beforeAll(async () => {
  const dataset = await readCandidateDataset(['fixtures/cvs'], { now: NOW });
  fromFiles = await rankCandidates(job, dataset.profiles, { embeddingModel, now: NOW });
});

afterAll(removeTempFolders);

describe.each(backends)('store on $name', (backend) => {
  let store: Store;
  let url: string;

  beforeAll(async () => {
    ({ store, url } = await openFreshStore(backend));
  });

  afterAll(async () => {
    await store?.close();
  });

  it('creates the schema on open, keeps vectors where the backend can, and reopening migrates nothing', async () => {
    const status = await store.status();
    expect(status.schemaVersion).toBe(status.latestSchemaVersion);
    expect(status.migrations.every((migration) => migration.appliedAt !== null)).toBe(true);
    const expected =
      backend.name === 'pglite' || (backend.name === 'postgres' && inject('postgresHasPgvector'))
        ? 'pgvector'
        : 'bytea';
    expect(store.vectors).toBe(expected);
    expect(status.vectors).toBe(expected);
    expect(await store.migrate()).toMatchObject({ applied: [] });
  });

  it('stores a pool from CV files and ranks it exactly as ranking the same files does', async () => {
    const report = await addToPool(store, 'fixtures', cvFiles, { embeddingModel, now: NOW });
    expect(report).toMatchObject({ stored: 32, unchanged: 0, failed: 0 });
    const fromStore = await rankStoredPool(store, job, 'fixtures', { embeddingModel, now: NOW });
    expect(fromStore).toEqual(fromFiles);
    expect(await store.pools.get('fixtures')).toMatchObject({
      profiles: 32,
      embedded: { 'local/hashing-v1': 32 },
    });
  });

  it('skips unchanged files by content hash on the next add', async () => {
    const report = await addToPool(store, 'fixtures', cvFiles.slice(0, 5), { embeddingModel, now: NOW });
    expect(report).toMatchObject({ stored: 0, unchanged: 5, failed: 0 });
  });

  it('adds profiles from .jsonl, reporting bad lines, and skips them when unchanged', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cvmatch-jsonl-')), 'profiles.jsonl');
    writeFileSync(
      file,
      [JSON.stringify(profile('cv_j1')), '{"id": "broken"}', JSON.stringify(profile('cv_j2'))].join('\n'),
    );
    const first = await addToPool(store, 'jsonl', [file], { embeddingModel });
    expect(first).toMatchObject({ stored: 2, unchanged: 0, failed: 1 });
    expect(first.items.find((item) => item.status === 'failed')).toMatchObject({ reason: 'invalid-profile' });
    expect(await addToPool(store, 'jsonl', [file], { embeddingModel })).toMatchObject({
      stored: 0,
      unchanged: 2,
    });
    expect((await store.pools.get('jsonl'))?.embedded).toEqual({ 'local/hashing-v1': 2 });
  });

  it('reads vectors back bit-exact and answers nearest-neighbour queries like the in-process index', async () => {
    const dimensions = 64;
    const index = new VectorIndex({ dimensions, modelId: 'test/seeded' });
    for (let position = 0; position < 40; position++) {
      const vector = seededVector(position + 1, dimensions);
      const id = `cv_v${String(position).padStart(3, '0')}`;
      index.add(id, vector);
      await store.profiles.put('vectors', {
        profile: profile(id),
        sourceHash: `hash-${id}`,
        embedding: { model: 'test/seeded', input: 'x', vector },
      });
    }
    const loaded = await store.profiles.load('vectors', 'test/seeded');
    const vector = loaded.vectors.get('cv_v007')?.vector;
    expect(vector && Buffer.from(vector.buffer).equals(Buffer.from(seededVector(8, dimensions).buffer))).toBe(
      true,
    );
    const query = seededVector(1000, dimensions);
    const hits = await store.profiles.nearest('vectors', 'test/seeded', query, 5);
    const expected = index.search(query, 5);
    expect(hits.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
    for (const [position, hit] of hits.entries())
      expect(hit.score).toBeCloseTo(expected[position]?.score ?? 0, 5);
  });

  it('replaces the profile of a file whose content changed, and removes pools with their profiles', async () => {
    await store.profiles.put('replace', {
      profile: profile('cv_old'),
      sourceHash: 'h1',
      sourcePath: 'cvs/a.pdf',
    });
    await store.profiles.put('replace', {
      profile: profile('cv_new'),
      sourceHash: 'h2',
      sourcePath: 'cvs/a.pdf',
    });
    expect((await store.profiles.list('replace')).map((item) => item.id)).toEqual(['cv_new']);
    expect(await store.profiles.sourceHashes('replace')).toEqual(new Set(['h2']));
    expect(await store.pools.remove('replace')).toBe(true);
    expect(await store.profiles.count('replace')).toBe(0);
    expect(await store.pools.remove('replace')).toBe(false);
    await expect(rankStoredPool(store, job, 'replace')).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.profiles.put('rollback', { profile: profile('cv_tx1'), sourceHash: 'tx1' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.pools.get('rollback')).toBeNull();
  });

  it('keeps campaigns and conversations consistent with optimistic locking', async () => {
    await store.jobOrders.put(job);
    expect((await store.jobOrders.get(job.id))?.job).toEqual(job);
    const campaign = await store.campaigns.create({
      id: 'c1',
      jobOrderId: job.id,
      pool: 'fixtures',
      headcount: 2,
    });
    expect(campaign).toMatchObject({ status: 'active', version: 1 });
    await expect(
      store.campaigns.create({ id: 'c1', jobOrderId: job.id, pool: 'fixtures', headcount: 2 }),
    ).rejects.toMatchObject({ reason: 'conflict' });
    const updated = await store.campaigns.update('c1', { state: { wave: 1 } }, 1);
    expect(updated).toMatchObject({ version: 2, state: { wave: 1 } });
    await expect(store.campaigns.update('c1', { status: 'filled' }, 1)).rejects.toMatchObject({
      reason: 'conflict',
    });

    const conversation = await store.conversations.create({
      campaignId: 'c1',
      candidateId: 'cv_a',
      phone: '06 12 34 56 78',
      state: { step: 0 },
      dueAt: '2026-11-02T08:00:00Z',
    });
    expect(conversation.phoneHash).toBe(store.hashPhone('+33612345678'));
    const [found] = await store.conversations.findByPhone('+33 6 12 34 56 78', { campaignId: 'c1' });
    expect(found?.id).toBe(conversation.id);
    await expect(store.conversations.create({ campaignId: 'c1', candidateId: 'cv_a' })).rejects.toMatchObject(
      { reason: 'conflict' },
    );
    const first = await store.conversations.update(conversation.id, { state: { step: 1 }, dueAt: null }, 1);
    expect(first).toMatchObject({ version: 2, dueAt: null, state: { step: 1 } });
    const losers = await Promise.allSettled([
      store.conversations.update(conversation.id, { state: { step: 2 } }, 2),
      store.conversations.update(conversation.id, { state: { step: 3 } }, 2),
    ]);
    expect(losers.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = losers.find((result) => result.status === 'rejected');
    expect(rejected && rejected.status === 'rejected' && rejected.reason).toBeInstanceOf(StoreError);
    expect((await store.conversations.get(conversation.id))?.version).toBe(3);
  });

  it('hands due conversations to one worker at a time', async () => {
    const due = await store.conversations.create({
      campaignId: 'c1',
      candidateId: 'cv_due',
      dueAt: '2026-11-02T09:00:00Z',
    });
    const claimed = await store.transaction(async (tx) =>
      tx.conversations.claimDue('2026-11-02T10:00:00Z', 10),
    );
    expect(claimed.map((item) => item.id)).toContain(due.id);
    expect(await store.conversations.claimDue('2026-11-02T08:59:00Z', 10)).toEqual([]);
  });

  it('records each message once per idempotency key and tracks delivery by provider id', async () => {
    const conversation = await store.conversations.create({ campaignId: 'c1', candidateId: 'cv_msg' });
    const input = {
      conversationId: conversation.id,
      direction: 'out' as const,
      body: 'Bonjour, je suis un assistant automatique…',
      idempotencyKey: 'c1:cv_msg:0',
      status: 'queued',
    };
    const first = await store.messages.record(input);
    const again = await store.messages.record({ ...input, body: 'autre texte' });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, message: { id: first.message.id, body: input.body } });
    await store.messages.update('c1:cv_msg:0', {
      status: 'sent',
      provider: 'twilio',
      providerMessageId: 'SM1',
    });
    const delivered = await store.messages.updateByProviderId('twilio', 'SM1', 'delivered');
    expect(delivered?.status).toBe('delivered');
    const inbound = {
      conversationId: conversation.id,
      direction: 'in' as const,
      body: 'oui',
      status: 'received',
    };
    await store.messages.record({
      ...inbound,
      idempotencyKey: 'in:SM2',
      provider: 'twilio',
      providerMessageId: 'SM2',
    });
    const duplicate = await store.messages.record({
      ...inbound,
      idempotencyKey: 'in:SM2-retry',
      provider: 'twilio',
      providerMessageId: 'SM2',
    });
    expect(duplicate.created).toBe(false);
    expect(await store.messages.count({ campaignId: 'c1' })).toBe(2);
  });

  it('keeps an agency-wide opt-out registry and a contact log keyed by hashed phone', async () => {
    expect(await store.optOuts.add('06 98 76 54 32', { source: 'sms-stop', campaignId: 'c1' })).toBe(true);
    expect(await store.optOuts.add('+33698765432', { source: 'recruiter' })).toBe(false);
    expect(await store.optOuts.has('0698765432')).toBe(true);
    expect((await store.optOuts.get('+33 6 98 76 54 32'))?.source).toBe('sms-stop');
    const rows = await store.sql.query<{ phone_hash: string }>('SELECT phone_hash FROM opt_outs');
    expect(JSON.stringify(rows)).not.toContain('698765432');
    await store.contacts.record({ phone: '0611111111', campaignId: 'c1', at: '2026-11-01T10:00:00Z' });
    await store.contacts.record({ phone: '+33611111111', campaignId: 'c2', at: '2026-11-03T10:00:00Z' });
    expect(await store.contacts.count('06 11 11 11 11', '2026-11-01T00:00:00Z')).toBe(2);
    expect(await store.contacts.count('06 11 11 11 11', '2026-11-02T00:00:00Z')).toBe(1);
    const decision = await store.decisions.record({
      campaignId: 'c1',
      candidateId: 'cv_a',
      decision: 'placed',
      by: 'rec-1',
    });
    expect((await store.decisions.list({ campaignId: 'c1' })).map((item) => item.id)).toEqual([decision.id]);
  });

  it('takes audit events from createAuditLog and refuses to change or delete them', async () => {
    const sink = store.audit.sink();
    const log = createAuditLog({ sink: sink.write, runId: `run-${backend.name}` });
    log.recordRunStart({ jobId: job.id, candidateCount: 3 });
    log.recordDecision({ candidateId: 'cv_a', decision: 'placed', by: 'rec-1' });
    log.recordRunEnd({ status: 'ok', resultCount: 3 });
    await sink.flush();
    const events = await store.audit.list({ runId: `run-${backend.name}` });
    expect(events.map((item) => item.event.type)).toEqual(['run-start', 'decision', 'run-end']);
    for (const statement of [
      'UPDATE audit_events SET type = $1',
      'DELETE FROM audit_events WHERE type <> $1',
    ]) {
      await expect(store.sql.query(statement, ['x'])).rejects.toMatchObject({ code: 'CVM01' });
    }
    await expect(store.sql.query('TRUNCATE audit_events')).rejects.toMatchObject({ code: 'CVM01' });
    expect(await store.audit.count()).toBe(3);
  });

  it('purges profiles and conversation text past the retention period and keeps the counts', async () => {
    const old = '2023-01-01T00:00:00Z';
    await store.profiles.put('retention', { profile: profile('cv_old_1'), sourceHash: 'r1', at: old });
    await store.profiles.put('retention', {
      profile: profile('cv_recent'),
      sourceHash: 'r2',
      at: '2026-10-01T00:00:00Z',
    });
    const conversation = await store.conversations.create({
      candidateId: 'cv_old_1',
      state: { transcript: ['oui'] },
    });
    await store.sql.query('UPDATE conversations SET updated_at = $1 WHERE id = $2', [old, conversation.id]);
    await store.messages.record({
      conversationId: conversation.id,
      direction: 'in',
      body: 'oui je suis dispo',
      idempotencyKey: 'old-1',
      status: 'received',
      at: old,
    });
    const dry = await store.purge({ now: '2026-11-01T00:00:00Z', dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      profilesDeleted: 1,
      messagesScrubbed: 1,
      conversationsScrubbed: 1,
    });
    const report = await store.purge({ now: '2026-11-01T00:00:00Z' });
    expect(report).toMatchObject({
      cutoff: '2024-11-01T00:00:00.000Z',
      profilesDeleted: 1,
      messagesScrubbed: 1,
    });
    expect((await store.profiles.list('retention')).map((item) => item.id)).toEqual(['cv_recent']);
    const [message] = await store.messages.list(conversation.id);
    expect(message).toMatchObject({ body: null, direction: 'in', status: 'received' });
    expect((await store.conversations.get(conversation.id))?.state).toBeNull();
    expect((await store.status()).lastPurge).toMatchObject({ profilesDeleted: 1, messagesScrubbed: 1 });
    expect(await store.purge({ now: '2026-11-01T00:00:00Z' })).toMatchObject({
      profilesDeleted: 0,
      messagesScrubbed: 0,
    });
  });

  it('refuses a phone-hash key that is not the one the store hashes with', async () => {
    await store.close();
    const { openStore } = await import('../../src/store/index.js');
    await expect(
      openStore(url, { ...backend.options, env: {}, phoneHashKey: 'ab'.repeat(16) }),
    ).rejects.toMatchObject({
      reason: 'config',
    });
    store = await openStore(url, { ...backend.options, env: {} });
    expect(await store.optOuts.has('06 98 76 54 32')).toBe(true);
  });
});
