/**
 * The same small ranking with four providers, one line apart.
 *
 *   npx tsx examples/swap-provider.ts            # local only (offline, no key)
 *   MISTRAL_API_KEY=... OPENAI_API_KEY=... npx tsx examples/swap-provider.ts
 *   OPENAI_COMPATIBLE_BASE_URL=http://127.0.0.1:11434/v1 npx tsx examples/swap-provider.ts   # Ollama, nomic-embed-text
 *
 * Embeds a job and three candidate profiles and ranks them by cosine similarity. (The full matcher,
 * `rankCandidates`, adds rules, geography and explanations on top of these same models.)
 */
import {
  cosineSimilarity,
  createLocal,
  createMistral,
  createOpenAI,
  createOpenAICompatible,
  createUsageMeter,
  type EmbeddingModel,
} from '../src/index.js';

const job =
  'Préparateur de commandes H/F, CACES R489 cat. 1, entrepôt logistique, Vénissieux, horaires 5h-12h';
const profiles = [
  { id: 'p1', text: 'Aide-soignante diplômée, 6 ans en EHPAD, travail de nuit, Lyon 8e' },
  { id: 'p2', text: 'Préparatrice commande en entrepôt frigorifique, CACES 1 et 3, Saint-Priest' },
  { id: 'p3', text: 'Magasinier cariste, réception et expédition, logistique, Villeurbanne' },
];

/** Ranks profiles for the job with any embedding model: highest cosine first, ties by id. */
export async function rankByEmbedding(model: EmbeddingModel) {
  const { vectors } = await model.embed({ inputs: [job, ...profiles.map((profile) => profile.text)] });
  const [jobVector, ...profileVectors] = vectors;
  return profiles
    .map((profile, index) => ({
      id: profile.id,
      score: cosineSimilarity(jobVector!, profileVectors[index]!),
    }))
    .sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
}

const usage = createUsageMeter();
const models: EmbeddingModel[] = [createLocal({ usage }).embeddingModel()];
if (process.env.MISTRAL_API_KEY) models.push(createMistral({ usage }).embeddingModel());
if (process.env.OPENAI_API_KEY) models.push(createOpenAI({ usage }).embeddingModel());
const localServer = process.env.OPENAI_COMPATIBLE_BASE_URL;
if (localServer) {
  models.push(
    createOpenAICompatible({ name: 'ollama', baseURL: localServer, usage }).embeddingModel(
      'nomic-embed-text',
    ),
  );
}

for (const model of models) {
  const ranking = await rankByEmbedding(model);
  const line = ranking.map((entry) => `${entry.id} ${entry.score.toFixed(3)}`).join('  ');
  process.stdout.write(`${`${model.provider}/${model.modelId}`.padEnd(36)} ${line}\n`);
}
const report = usage.report();
process.stderr.write(
  `${report.calls} calls, ${report.inputTokens} input tokens, ≈ $${report.costEstimate.toFixed(6)}\n`,
);
