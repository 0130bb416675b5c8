/**
 * Campaigns on the real store: a simulated campaign on the fixture CVs and personas fills its order with a
 * call list of truly qualified people, texts nobody after STOP or after the order is full, gives the same
 * result on PGlite and PostgreSQL, and `kill -9` + resume ends like an uninterrupted run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonas } from '../../src/cli/commands/campaign.js';
import {
  type CandidateProfile,
  campaignReport,
  createCampaign,
  getCampaign,
  handleInboundReply,
  openStore,
  parseJobOrder,
  readCandidateDataset,
  recordCampaignDecision,
  runDueCampaignWork,
  type SimulationResult,
  type Store,
  simulateCampaign,
} from '../../src/index.js';
import { newPgliteFolder, newPostgresDatabase, removeTempFolders } from './backends.js';
import { cliArgs, runCliProcess } from './processes.js';

const JOB_FILE = 'fixtures/jobs/cariste-lyon.json';
const PERSONAS_FILE = 'fixtures/campaigns/cariste-lyon.personas.jsonl';
const job = parseJobOrder(readFileSync(JOB_FILE, 'utf8'));
/** Who is truly qualified, from the personas' answers and the CVs (CACES R489 3 held, available 4 January). */
const TRULY_QUALIFIED = new Set([
  'cariste-karim-benali.pdf',
  'cariste-hard-two-pages-moussa-kone.pdf',
  'cariste-jean-pierre-duval.docx',
  'magasinier-aicha-diallo.docx',
  'forklift-tomasz-kowalski-en.pdf',
]);
let profiles: CandidateProfile[];
const resultsByBackend = new Map<string, SimulationResult>();
let poolFile: string;

beforeAll(async () => {
  profiles = (await readCandidateDataset(['fixtures/cvs'], { now: '2026-12-07' })).profiles;
  const folder = newPgliteFolder();
  poolFile = join(folder, 'pool.jsonl');
  writeFileSync(poolFile, `${profiles.map((profile) => JSON.stringify(profile)).join('\n')}\n`);
});

afterAll(removeTempFolders);

async function withStore<T>(url: string, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url, { env: {} });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function simulate(store: Store): Promise<SimulationResult> {
  return simulateCampaign({
    job,
    profiles,
    personas: await readPersonas(PERSONAS_FILE),
    store,
    headcount: 1,
    campaignId: 'fixture',
    seed: 7,
  });
}

describe.each([
  { name: 'pglite', create: async () => newPgliteFolder() },
  { name: 'postgres', create: newPostgresDatabase },
])('simulated campaign on $name', ({ create }) => {
  let result: SimulationResult;
  let url: string;
  beforeAll(async () => {
    url = await create();
    result = await withStore(url, simulate);
    resultsByBackend.set(url.startsWith('postgres') ? 'postgres' : 'pglite', result);
  });

  it('fills the order with a call list of truly qualified candidates, best first', () => {
    expect(result.filled).toBe(1);
    expect(result.recruiterCallList).toHaveLength(3);
    for (const entry of result.recruiterCallList) {
      expect(TRULY_QUALIFIED.has(entry.file ?? '')).toBe(true);
      expect(entry.status).toBe('proposed');
      expect(entry.summary).toMatch(/^Qualifié\./);
    }
    expect(result.hoursToCallList).toBeGreaterThan(0);
    const byFile = new Map(result.outcomes.map((outcome) => [outcome.file, outcome]));
    expect(byFile.get('cariste-hidden-linh-tran.pdf')?.status).toBe('opted-out');
    expect(byFile.get('cariste-mehdi-haddad.txt')?.status).toBe('not-qualified');
    expect(byFile.get('cariste-sophie-marchand.pdf')?.status).toBe('not-qualified');
    expect(byFile.get('magasinier-aicha-diallo.docx')?.status).toBe('closed');
    expect(result.smsSent).toBe(
      (result.transcripts ?? [])
        .flatMap((transcript) => transcript.messages)
        .filter((m) => m.direction === 'out').length,
    );
  });

  it('texts nobody after STOP or after the order is full, and keeps STOP agency-wide', async () => {
    await withStore(url, async (store) => {
      const view = await getCampaign(store, 'fixture');
      expect(view.status).toBe('full');
      const fullAt = new Date(view.fullAt as string).getTime();
      for (const transcript of result.transcripts) {
        for (const message of transcript.messages)
          if (message.direction === 'out') expect(new Date(message.at).getTime()).toBeLessThanOrEqual(fullAt);
        const stop = transcript.messages.findIndex((m) => m.direction === 'in' && /stop/i.test(m.text));
        if (stop >= 0) {
          const after = transcript.messages.slice(stop + 1).filter((m) => m.direction === 'out');
          expect(after.length).toBeLessThanOrEqual(1); // the confirmation, sent right away, or nothing
        }
      }
      const linh = profiles.find((profile) => profile.source.file?.endsWith('cariste-hidden-linh-tran.pdf'));
      expect(await store.optOuts.has(linh?.phone as string)).toBe(true);
      // Aicha answered after the order was full: her reply is kept, nothing was sent back.
      const aicha = result.transcripts.find((t) => t.file === 'magasinier-aicha-diallo.docx');
      expect(aicha?.messages.at(-1)?.direction).toBe('in');
      const report = await campaignReport(store, 'fixture', { language: 'en' });
      expect(report).toContain('order filled, no more SMS');
      expect(report).toContain('STOP, added to the agency opt-out list');
      expect(report).toContain('cariste-karim-benali.pdf');
    });
  });

  it('a new order for the same pool never texts the person who said STOP', async () => {
    await withStore(url, async (store) => {
      const sent: string[] = [];
      const transport = {
        name: 'test',
        send: async (to: string) => {
          sent.push(to);
          return { id: `t${sent.length}` };
        },
        parseInbound: () => {
          throw new Error('unused');
        },
      };
      const clock = new Date('2026-12-09T09:00:00Z');
      await createCampaign({
        job: { ...job, id: 'cariste-lyon-2' },
        pool: 'campaign-fixture',
        headcount: 2,
        store,
        transport,
        agency: { name: 'Interim Rhone', humanContact: '04 00 00 00 00' },
        id: 'second',
        now: () => clock,
      });
      const linh = profiles.find((profile) => profile.source.file?.endsWith('cariste-hidden-linh-tran.pdf'));
      expect(sent.length).toBeGreaterThan(0);
      expect(sent).not.toContain(linh?.phone);
      const view = await getCampaign(store, 'second');
      expect(view.outcomes.find((o) => o.candidateId === linh?.id)?.status).toBe('not-contacted');
      // A duplicate webhook is handled once; a recruiter decision is logged and frees a place.
      const first = sent[0] as string;
      const context = { store, transport, now: () => clock };
      const reply = { from: first, text: 'oui', at: clock.toISOString(), providerMessageId: 'dup-1' };
      expect((await handleInboundReply(context, reply)).status).toBe('handled');
      expect((await handleInboundReply(context, reply)).status).toBe('duplicate');
      const fixtureView = await getCampaign(store, 'fixture');
      const proposed = fixtureView.callList[0]?.candidateId as string;
      await recordCampaignDecision(context, {
        campaignId: 'fixture',
        candidateId: proposed,
        decision: 'rejected',
        by: 'recruiter-1',
      });
      const after = await getCampaign(store, 'fixture');
      expect(after.callList.map((entry) => entry.candidateId)).not.toContain(proposed);
      // The place is free again: the campaign texts the next candidates, or says nobody is left.
      expect(['active', 'exhausted']).toContain(after.status);
      expect(await store.decisions.list({ campaignId: 'fixture' })).toMatchObject([
        { candidateId: proposed, decision: 'rejected', by: 'recruiter-1' },
      ]);
      const report = await campaignReport(store, 'fixture', { language: 'fr' });
      expect(report).toContain('décision de recruiter-1');
      await runDueCampaignWork(context);
      // STOP from a number with no conversation still goes on the agency-wide list.
      const stranger = {
        from: '+33699000001',
        text: 'S T O P',
        at: clock.toISOString(),
        providerMessageId: 'x-9',
      };
      expect(await handleInboundReply(context, stranger)).toMatchObject({
        status: 'unrouted',
        optedOut: true,
      });
      expect(await store.optOuts.has('+33699000001')).toBe(true);
    });
  });
});

describe('the same campaign on both backends', () => {
  it('gives the same call list, outcomes, SMS count and transcripts', () => {
    const [pglite, postgres] = [resultsByBackend.get('pglite'), resultsByBackend.get('postgres')];
    expect(pglite).toBeDefined();
    expect(postgres).toEqual(pglite);
  });
});

describe('kill -9 during `campaign simulate`, then resume', () => {
  it('ends with the same call list and SMS count as an uninterrupted run', async () => {
    const args = (db: string) =>
      cliArgs([
        'campaign',
        'simulate',
        '--job',
        JOB_FILE,
        '--candidates',
        poolFile,
        '--personas',
        PERSONAS_FILE,
        '--headcount',
        '1',
        '--seed',
        '7',
        '--campaign-id',
        'resumable',
        '--db',
        db,
        '--json',
        '--progress',
      ]);
    const reference = await runCliProcess(args(newPgliteFolder()));
    expect(reference.code).toBe(0);
    const expected = JSON.parse(reference.stdout);
    expect(expected.smsSent).toBeGreaterThan(10);

    const interrupted = newPgliteFolder();
    let smsAtKill = -1;
    const killed = await runCliProcess(args(interrupted), (stderr, child) => {
      const counts = [...stderr.matchAll(/ sms (\d+)/g)].map((match) => Number(match[1]));
      const count = counts.at(-1) ?? 0;
      if (smsAtKill === -1 && count >= 12) {
        smsAtKill = count;
        child.kill('SIGKILL');
      }
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(smsAtKill).toBeLessThan(expected.smsSent);
    const resumed = await runCliProcess(args(interrupted));
    expect(resumed.code).toBe(0);
    const actual = JSON.parse(resumed.stdout);
    expect(actual.recruiterCallList).toEqual(expected.recruiterCallList);
    expect(actual.smsSent).toBe(expected.smsSent);
    expect(actual.outcomes).toEqual(expected.outcomes);
    expect(actual.hoursToCallList).toBe(expected.hoursToCallList);

    const report = await runCliProcess(
      cliArgs(['campaign', 'report', 'resumable', '--db', interrupted, '--lang', 'en']),
    );
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Campaign resumable: order cariste-lyon, 1 position, filled.');
    expect(report.stdout).toContain('Call list (the recruiter decides');
    const usage = await runCliProcess(cliArgs(['campaign', 'report', 'resumable', '--lang', 'de']));
    expect(usage.code).toBe(2);
  }, 600_000);
});
