/**
 * `exportFineTuning` and `cvmatch export finetune` on a store seeded in the test: a simulated campaign on the
 * fixture CVs and personas (conversations, SMS), recruiter decisions of every kind, and one synthetic person
 * full of identifiers with a decision and a screening reply full of protected facts. Embedded PGlite
 * (`memory:` for the library, a folder for the CLI) and the PostgreSQL server of the store tests.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonas } from '../../src/cli/commands/campaign.js';
import {
  type CandidateProfile,
  exportFineTuning,
  openStore,
  parseJobOrder,
  readCandidateDataset,
  type Store,
  simulateCampaign,
  validateFineTuningFile,
} from '../../src/index.js';
import { jobCriteria, rerankAnswerSchema, rerankWithLlm } from '../../src/matching/rerank/index.js';
import { foldAccents } from '../../src/text/normalize.js';
import { makeProfile, SAMPLE_IDENTITY } from '../compliance/make-profile.js';
import { createFakeChatModel } from '../rerank/fake-chat-model.js';
import { captureCli } from '../support/capture-cli.js';
import { newPgliteFolder, newPostgresDatabase, removeTempFolders } from './backends.js';

const job = parseJobOrder(readFileSync('fixtures/jobs/cariste-lyon.json', 'utf8'));
const POOL = 'campaign-fixture';
const EMILIE = 'cv_emilie';
/** Every identifier of the synthetic person, in the spellings a leak would take (see pseudonymize-profile.test). */
const IDENTIFIERS = [
  'Émilie',
  'Zarkowski',
  'Mbappé',
  'emilie.zarkowski@example.org',
  '06 12 34 56 78',
  '0612345678',
  '+33612345678',
  'rue des Lilas',
  '69003',
  '14/02/1991',
  '34 ans',
  'marocaine',
  'Casablanca',
  'mariée',
  '2 enfants',
  'enceinte',
  'musulmane',
];
const fold = (text: string) => foldAccents(text).toLowerCase().replace(/\s+/g, ' ');
const containsWords = (haystack: string, needle: string) => {
  const escaped = fold(needle).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(fold(haystack));
};

let profiles: CandidateProfile[];
beforeAll(async () => {
  profiles = (await readCandidateDataset(['fixtures/cvs'], { now: '2026-12-07' })).profiles;
});
afterAll(removeTempFolders);

/** The campaign, decisions on every ranked candidate (all kinds), and the synthetic person. */
async function seed(store: Store): Promise<{ ranked: string[] }> {
  await simulateCampaign({
    job,
    profiles,
    personas: await readPersonas('fixtures/campaigns/cariste-lyon.personas.jsonl'),
    store,
    headcount: 1,
    campaignId: 'fixture',
    seed: 7,
  });
  const campaign = await store.campaigns.get('fixture');
  const ranked = ((campaign?.state.ranked ?? []) as { candidateId: string }[]).map(
    (entry) => entry.candidateId,
  );
  const kinds = [
    'called',
    'placed',
    'rejected',
    'no-answer',
    'rejected',
    'unavailable',
    'called',
    'rejected',
  ];
  for (const [index, candidateId] of ranked.entries()) {
    const decision = kinds[index % kinds.length] as string;
    await store.decisions.record({ campaignId: 'fixture', candidateId, decision, by: 'recruiter-1' });
  }
  // Called, then placed: the latest decision stands.
  await store.decisions.record({
    campaignId: 'fixture',
    candidateId: ranked[0] as string,
    decision: 'placed',
    by: 'recruiter-1',
  });
  await store.profiles.put(POOL, { profile: makeProfile(EMILIE), sourceHash: 'emilie' });
  await store.decisions.record({
    campaignId: 'fixture',
    candidateId: EMILIE,
    decision: 'placed',
    by: 'recruiter-2',
  });
  const conversation = await store.conversations.create({
    campaignId: 'fixture',
    pool: POOL,
    candidateId: EMILIE,
    phone: SAMPLE_IDENTITY.phone,
    status: 'qualified',
  });
  const sms = [
    ['out', 'Bonjour Émilie, êtes-vous disponible le 4 janvier en 2x8 ?'],
    [
      'in',
      'Oui, ici Émilie Zarkowski, 34 ans, mariée, 2 enfants, enceinte, musulmane, nationalité marocaine, 12 bis rue des Lilas 69003, tel 06 12 34 56 78. Dispo le 4 janvier.',
    ],
    ['out', 'Merci. Un conseiller va vous rappeler.'],
    ['in', 'ok merci'],
  ] as const;
  for (const [index, [direction, body]] of sms.entries())
    await store.messages.record({
      conversationId: conversation.id,
      direction,
      body,
      idempotencyKey: `emilie-${index}`,
      status: direction === 'out' ? 'sent' : 'received',
    });
  return { ranked };
}

describe.each([
  { name: 'pglite', url: async () => 'memory:' },
  { name: 'postgres', url: newPostgresDatabase },
])('exportFineTuning on $name', ({ url }) => {
  let store: Store;
  let ranked: string[];
  beforeAll(async () => {
    store = await openStore(await url(), { env: {} });
    ({ ranked } = await seed(store));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('sends the same pseudonymised prompt as the reranker and answers in its structured output shape', async () => {
    const result = await exportFineTuning(store, { format: 'openai', kinds: ['decision'] });
    const row = result.rows.find((entry) => entry.candidateId === ranked[0]);
    expect(row).toMatchObject({ kind: 'decision', class: 'placed' });
    const profile = (await store.profiles.get(POOL, ranked[0] as string))?.profile as CandidateProfile;
    const example = row?.example.messages ?? [];
    const answer = example.at(-1);
    const fake = createFakeChatModel({ respond: () => JSON.parse(answer?.content ?? '{}') });
    const sent = await rerankWithLlm(job, [profile], { model: fake.model, batchSize: 1 });
    expect(example.slice(0, -1)).toEqual(fake.requests[0]?.messages);
    expect(answer?.role).toBe('assistant');
    const parsed = rerankAnswerSchema.parse(JSON.parse(answer?.content ?? ''));
    expect(parsed.candidates).toHaveLength(1);
    expect(parsed.candidates[0]).toMatchObject({ id: 'c1', score: 90 });
    // Read back by the reranker's own checks: every quote found in the text sent, a plain two-sentence summary.
    const assessment = sent.assessments.get(profile.id);
    expect(assessment).toMatchObject({ ok: true, score: 90, flags: [] });
    expect(parsed.candidates[0]?.criteria.map((criterion) => criterion.criterion)).toEqual(
      jobCriteria(job, job.language),
    );
    expect(parsed.candidates[0]?.criteria.some((criterion) => criterion.evidence.length > 0)).toBe(true);
  });

  it('trains only on fit decisions, the latest standing, scored by class', async () => {
    const result = await exportFineTuning(store, { format: 'mistral', kinds: ['decision'] });
    const classes = new Map(result.rows.map((row) => [row.candidateId, row.class]));
    expect(classes.get(ranked[0] as string)).toBe('placed');
    expect(classes.get(ranked[1] as string)).toBe('placed');
    expect(classes.get(ranked[2] as string)).toBe('rejected');
    expect(classes.has(ranked[3] as string)).toBe(false); // no-answer says nothing about fit
    expect(result.summary.skipped['decision:no-answer']).toBeGreaterThan(0);
    expect(result.summary.skipped['decision:unavailable']).toBeGreaterThan(0);
    for (const row of result.rows) {
      const score = rerankAnswerSchema.parse(JSON.parse(row.example.messages.at(-1)?.content ?? ''))
        .candidates[0]?.score;
      expect(score).toBe({ placed: 90, kept: 75, rejected: 20 }[row.class]);
    }
  });

  it('leaves no identity and no protected fact in any example, decisions or screening', async () => {
    const result = await exportFineTuning(store, { format: 'mistral' });
    const emilie = result.rows.filter((row) => row.candidateId === EMILIE);
    expect(emilie.map((row) => row.kind).sort()).toEqual(['decision', 'screening']);
    for (const row of emilie) {
      const text = row.example.messages.map((entry) => entry.content).join('\n');
      for (const identifier of IDENTIFIERS) expect(containsWords(text, identifier), identifier).toBe(false);
    }
    const screening = emilie.find((row) => row.kind === 'screening')?.example.messages ?? [];
    expect(screening.map((entry) => entry.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(screening[3]?.content).toContain('Dispo le 4 janvier');
    expect(screening[2]?.content).toContain('disponible le 4 janvier');
    // The checker finds what it should.
    expect(containsWords('Oui, ici Émilie', 'emilie')).toBe(true);
  });

  it('writes screening examples from conversations with replies, never from people who opted out', async () => {
    const result = await exportFineTuning(store, { format: 'mistral', kinds: ['screening'] });
    expect(result.rows.length).toBeGreaterThan(2);
    expect(result.summary.skipped['opted-out-conversation']).toBe(1);
    for (const row of result.rows) {
      expect(row.class).toMatch(/^screening:/);
      expect(row.example.messages.at(-1)?.role).toBe('assistant');
      expect(
        row.example.messages.some((entry) => /\bstop\b/i.test(entry.content) && entry.role === 'user'),
      ).toBe(false);
    }
  });

  it('splits by candidate, deterministically for a seed, and counts classes per split and per job', async () => {
    const a = await exportFineTuning(store, { format: 'openai', seed: 3, validation: 0.3 });
    const b = await exportFineTuning(store, { format: 'openai', seed: 3, validation: 0.3 });
    const c = await exportFineTuning(store, { format: 'openai', seed: 4, validation: 0.3 });
    expect(b.rows.map((row) => row.split)).toEqual(a.rows.map((row) => row.split));
    expect(c.rows.map((row) => row.split)).not.toEqual(a.rows.map((row) => row.split));
    const sides = new Map<string, Set<string>>();
    for (const row of a.rows)
      sides.set(row.candidateId, (sides.get(row.candidateId) ?? new Set()).add(row.split));
    for (const set of sides.values()) expect(set.size).toBe(1);
    expect(a.train.length + a.validation.length).toBe(a.rows.length);
    const total = Object.values(a.summary.byClass).reduce(
      (sum, counts) => sum + counts.train + counts.validation,
      0,
    );
    expect(total).toBe(a.rows.length);
    expect(
      Object.values(a.summary.byJob.cariste_lyon ?? a.summary.byJob[job.id] ?? {}).reduce((x, y) => x + y, 0),
    ).toBe(a.rows.length);
    expect(
      a.warnings.some((warning) =>
        /class kept: \d+ training examples, under --min-per-class 10/.test(warning),
      ),
    ).toBe(true);
    expect((await exportFineTuning(store, { format: 'openai', minPerClass: 0 })).warnings.join()).not.toMatch(
      /class/,
    );
  });
});

describe('cvmatch export finetune', () => {
  let folder: string;
  beforeAll(async () => {
    folder = newPgliteFolder();
    const store = await openStore(folder, { env: {} });
    try {
      await seed(store);
    } finally {
      await store.close();
    }
  }, 120_000);

  it.each(['mistral', 'openai'] as const)(
    'writes %s train and validation files that pass the validator, and prints the class balance',
    async (format) => {
      const out = join(mkdtempSync(join(tmpdir(), 'cvmatch-finetune-')), 'train.jsonl');
      const args = ['export', 'finetune', '--db', folder, '--format', format, '--out', out];
      const { code, stdout, stderr } = await captureCli([...args, '--validation', '0.5', '--seed', '1']);
      expect(code, stderr).toBe(0);
      const train = readFileSync(out, 'utf8');
      const validation = readFileSync(out.replace(/\.jsonl$/, '.validation.jsonl'), 'utf8');
      // A shape check of every line; the seeded store is too small for OpenAI's 10-example minimum, which
      // the export says.
      expect(validateFineTuningFile(train, format, { minExamples: 1 }).issues).toEqual([]);
      if (format === 'openai' && validateFineTuningFile(train, format).examples < 10)
        expect(stderr).toMatch(/warning: \d+ training examples: openai needs at least 10/);
      expect(validateFineTuningFile(validation, format, { minExamples: 1 }).issues, stdout).toEqual([]);
      expect(stdout).toMatch(
        new RegExp(`^${format} fine-tuning: \\d+ training, [1-9]\\d* validation examples`),
      );
      expect(stdout).toMatch(/by class \(train \/ validation\):\n {2}kept +\d+ \/ \d+/);
      expect(stdout).toContain('by job order:');
      expect(stdout).toMatch(/left out: .*decision:no-answer \d+/);
      expect(stderr).toMatch(/warning: class \S+: \d+ training examples, under --min-per-class 10/);
      const again = await captureCli([...args, '--validation', '0.5', '--seed', '1', '--json']);
      expect(readFileSync(out, 'utf8')).toBe(train);
      expect(JSON.parse(again.stdout)).toMatchObject({ format, seed: 1, validationShare: 0.5 });
      for (const line of `${train}${validation}`.trim().split('\n'))
        for (const identifier of IDENTIFIERS) expect(containsWords(line, identifier), identifier).toBe(false);
    },
  );

  it('prints the training file on stdout without --out, and refuses bad flags with exit 2', async () => {
    const plain = await captureCli([
      'export',
      'finetune',
      '--db',
      folder,
      '--format',
      'mistral',
      '--min-per-class',
      '0',
    ]);
    expect(plain.code).toBe(0);
    expect(validateFineTuningFile(plain.stdout, 'mistral').issues).toEqual([]);
    expect(plain.stderr).toMatch(/validation examples not written \(use --out\)/);
    const bad = await captureCli([
      'export',
      'finetune',
      '--db',
      folder,
      '--format',
      'mistral',
      '--validation',
      '0.9',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--validation must be from 0 to 0.5');
    expect((await captureCli(['export', 'finetune', '--db', folder, '--format', 'gemini'])).code).toBe(2);
  });
});
