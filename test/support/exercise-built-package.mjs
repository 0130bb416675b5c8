// Runs every async entry point of a built cvmatch (the CommonJS or the ESM file, whichever `cvmatch` is) and
// prints a JSON digest of what came out. Used by test/dist-entry-points.test.ts, which runs it once per
// module system: `node test/support/exercise-built-package.mjs cjs|esm` from the repository root.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const system = process.argv[2];
const cvmatch = system === 'cjs' ? createRequire(import.meta.url)('cvmatch') : await import('cvmatch');
const scratch = mkdtempSync(join(tmpdir(), `cvmatch-${system}-`));
const NOW = '2026-11-01';
const digest = { system };

/** One OpenAI- and Mistral-shaped embeddings endpoint on 127.0.0.1, enough for the SDKs' own validation. */
let requests = 0;
function startEmbeddingServer() {
  const server = createServer((request, response) => {
    requests++;
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const { input, model, dimensions } = JSON.parse(body);
      const size = dimensions ?? (model === 'mistral-embed' ? 1024 : 1536);
      const inputs = Array.isArray(input) ? input : [input];
      const data = inputs.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: size }, (_, at) => Math.sin(text.length + at)),
      }));
      const usage = { prompt_tokens: inputs.length, completion_tokens: 0, total_tokens: inputs.length };
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: 'emb-1', object: 'list', data, model, usage }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

try {
  // Parsing: one file, a batch (bounded concurrency), a job ad.
  const single = await cvmatch.parseCv('fixtures/cvs/cariste-karim-benali.pdf', { now: NOW });
  digest.parseCv = single.profile.certifications.map((certification) => certification.code).sort();
  const files = [
    'fixtures/cvs/cariste-karim-benali.pdf',
    'fixtures/cvs/cariste-jean-pierre-duval.docx',
    'fixtures/cvs/cariste-mehdi-haddad.txt',
    'fixtures/cvs/electricien-nicolas-mercier.pdf',
  ];
  const parsed = await cvmatch.parseCvs(files, { now: NOW, concurrency: 2 });
  const profiles = parsed.map((item) => item.profile);
  digest.parseCvs = parsed.map((item) =>
    item.profile ? item.profile.experiences[0]?.occupation?.romeCode : item.error.reason,
  );
  const job = cvmatch.parseJobOrder(readFileSync('fixtures/jobs/cariste-lyon.txt', 'utf8'), {
    id: 'cariste-lyon',
  });
  digest.parseJobOrder = { romeCode: job.romeCode, certifications: job.requiredCertifications };

  // Matching with the local embedding model, and its pool index saved and loaded again.
  const embeddingModel = cvmatch.createLocal().embeddingModel();
  const ranked = await cvmatch.rankCandidates(job, profiles, { embeddingModel, now: NOW });
  const stemOf = new Map(parsed.map((item) => [item.profile.id, item.file.split('/').pop().split('.')[0]]));
  digest.rankCandidates = ranked.map((result) => stemOf.get(result.candidateId));
  const index = await cvmatch.buildPoolIndex(profiles, { embeddingModel });
  await cvmatch.savePoolIndex(index, join(scratch, 'pool.idx'));
  const loaded = await cvmatch.loadPoolIndex(join(scratch, 'pool.idx'), { embeddingModel });
  const fromIndex = await cvmatch.rankCandidates(job, loaded, { embeddingModel, now: NOW });
  digest.poolIndex = {
    size: loaded.size,
    sameRanking: fromIndex.map((r) => r.candidateId).join() === ranked.map((r) => r.candidateId).join(),
  };
  const electricien = cvmatch.parseJobOrder('Électricien H/F Villeurbanne, habilitation B1V', {
    id: 'electricien',
  });
  const jobs = await cvmatch.rankJobs(profiles[0], [electricien, job], { embeddingModel, now: NOW });
  digest.rankJobs = jobs.map((match) => match.jobId);

  // Remote providers through their SDKs (loaded on first call), with the on-disk cache.
  const server = await startEmbeddingServer();
  const baseURL = `http://127.0.0.1:${server.address().port}/v1`;
  const openai = cvmatch.createOpenAI({
    apiKey: 'test',
    baseURL,
    cache: join(scratch, 'cache'),
    maxRetries: 0,
  });
  const mistral = cvmatch.createMistral({
    apiKey: 'test',
    baseURL: baseURL.replace(/\/v1$/, ''),
    maxRetries: 0,
  });
  const viaOpenAI = await openai
    .embeddingModel('text-embedding-3-small', { dimensions: 8 })
    .embed({ inputs: ['cariste'] });
  const viaCache = await openai
    .embeddingModel('text-embedding-3-small', { dimensions: 8 })
    .embed({ inputs: ['cariste'] });
  const viaMistral = await mistral.embeddingModel('mistral-embed').embed({ inputs: ['cariste', 'soudeur'] });
  server.close();
  digest.providers = {
    openai: viaOpenAI.vectors[0].length,
    cached: viaCache.vectors[0].length,
    mistral: viaMistral.vectors.map((vector) => vector.length),
    requests,
  };

  // Screening, audit log, fairness audit, evaluation.
  const screening = cvmatch.createScreening({
    job,
    candidate: profiles[0],
    agency: { name: 'Agence Test', humanContact: '04 00 00 00 00' },
    now: `${NOW}T09:00:00Z`,
  });
  const opening = screening.start();
  const reply = await screening.receive('Oui je suis disponible', `${NOW}T09:05:00Z`);
  digest.screening = { opening: opening.messages.length > 0, afterReply: reply.state.phase };
  const auditFile = join(scratch, 'audit.jsonl');
  const log = cvmatch.createAuditLog({ file: auditFile });
  log.recordRunStart({ jobId: job.id, candidateCount: profiles.length });
  log.recordRunEnd({ status: 'ok', resultCount: ranked.length });
  digest.auditLog = cvmatch.readAuditLog(auditFile).map((event) => event.type);
  const fairness = await cvmatch.auditFairness({
    job,
    profiles,
    variants: 2,
    rank: (j, p) => cvmatch.rankCandidates(j, p, { now: NOW }),
  });
  digest.auditFairness = fairness.passed;
  const qrels = cvmatch.readQrels(readFileSync('eval/qrels/fixtures.tsv', 'utf8'));
  const experiment = await cvmatch.runExperiment({
    jobs: [job],
    candidates: profiles,
    qrels,
    configs: [{ name: 'rules', options: { now: NOW } }],
  });
  digest.runExperiment = experiment.configs.map((config) => [config.name, config.overall.mrr]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(JSON.stringify(digest));
