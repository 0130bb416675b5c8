/**
 * LLM rerank of a 30-candidate shortlist against a fake model with 800 ms latency per call and token counts
 * proportional to prompt and answer size (≈ 4 characters per token): calls, tokens and wall time per job
 * order, batched vs one call per candidate, with and without concurrency.
 * Run: `npx tsx bench/rerank.ts` (`--latency <ms>` to change the simulated latency).
 */
import { jobOrderSchema } from '../src/domain/index.js';
import { rerankWithLlm } from '../src/matching/rerank/index.js';
import { makeProfile, type SyntheticIdentity } from '../test/compliance/make-profile.js';
import {
  candidateBlocks,
  createFakeChatModel,
  type RecordedRequest,
} from '../test/rerank/fake-chat-model.js';

export interface RerankBenchRow {
  setup: string;
  batchSize: number;
  concurrency: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  wallMs: number;
}

const job = jobOrderSchema.parse({
  id: 'job-bench',
  title: 'Cariste',
  romeCode: 'N1101',
  description:
    'Chargement et déchargement de camions sur quai, préparation de commandes, inventaires. Travail en équipe 2x8.',
  startDate: '2026-12-07',
  shift: '2x8',
  requiredCertifications: ['CACES_R489_3', 'CACES_R489_5'],
  requiredSkills: ['chariot frontal', 'gestion de stock'],
  preferredSkills: ['préparation vocale'],
  minExperienceMonths: 12,
});

/** Answers like a real model: every listed criterion with one quote from the block, and a summary. */
function respond(request: RecordedRequest): unknown {
  const prompt = request.messages.map((message) => message.content).join('\n');
  const criteria = [...prompt.matchAll(/^\d+\. (.+)$/gm)].map((match) => match[1]!);
  return {
    candidates: [...candidateBlocks(prompt)].map(([id, block]) => ({
      id,
      score: 40 + (block.length % 50),
      criteria: criteria.map((criterion) => ({
        criterion,
        met: 'partial',
        evidence: [block.split('\n').find((line) => line.includes('CACES')) ?? ''],
      })),
      summary:
        'Cariste expérimenté avec plusieurs catégories de CACES et une expérience récente en entrepôt. Disponible immédiatement, à confirmer par téléphone.',
    })),
  };
}

export async function runRerankBench(latencyMs = 800): Promise<RerankBenchRow[]> {
  const identity = (index: number): SyntheticIdentity => ({
    first: `Prénom${String.fromCharCode(65 + (index % 26))}`,
    last: `Nom${index}`,
    civility: index % 2 ? 'Monsieur' : 'Madame',
    email: `candidat${index}@example.org`,
    phone: `+3361234${String(index).padStart(4, '0')}`,
  });
  const shortlist = Array.from({ length: 30 }, (_, index) => makeProfile(`cv_${index}`, identity(index)));
  const setups: [string, number, number][] = [
    ['naive: one call per candidate', 1, 1],
    ['naive, 4 in flight', 1, 4],
    ['batched (default 5), sequential', 5, 1],
    ['batched (default 5), 4 in flight', 5, 4],
    ['batched 10, 4 in flight', 10, 4],
  ];
  const rows: RerankBenchRow[] = [];
  for (const [setup, batchSize, concurrency] of setups) {
    const fake = createFakeChatModel({ latencyMs, respond });
    const started = performance.now();
    const { usage, assessments } = await rerankWithLlm(job, shortlist, {
      model: fake.model,
      batchSize,
      concurrency,
    });
    const wallMs = performance.now() - started;
    const ok = [...assessments.values()].filter((assessment) => assessment.ok).length;
    if (ok !== shortlist.length)
      throw new Error(`${setup}: only ${ok} of ${shortlist.length} candidates assessed`);
    rows.push({ setup, batchSize, concurrency, ...usage, wallMs });
  }
  return rows;
}

const latencyFlag = process.argv.indexOf('--latency');
const latency = latencyFlag > 0 ? Number(process.argv[latencyFlag + 1]) : 800;
const rows = await runRerankBench(latency);
console.log(`LLM rerank, 30-candidate shortlist, ${latency} ms simulated latency per call`);
console.table(
  rows.map((row) => ({
    setup: row.setup,
    calls: row.calls,
    'input tokens': row.inputTokens,
    'output tokens': row.outputTokens,
    'tokens total': row.inputTokens + row.outputTokens,
    'wall s': Number((row.wallMs / 1000).toFixed(2)),
  })),
);
