import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import {
  type CandidateProfile,
  type Criterion,
  createAuditLog,
  criterionSchema,
  DEFAULT_SHORTLIST_SIZE,
  defaultLlmWeight,
  explainMatch,
  type InputFailure,
  type JobOrder,
  type LanguageCode,
  loadPoolIndex,
  loadStoredPool,
  type MatchResult,
  type MessageKey,
  message,
  modelKey,
  type PoolIndex,
  parseJobOrder,
  type RequirementKind,
  rankCandidates,
  recordRankEvent,
  requirementKindSchema,
  resolveWeights,
  type Store,
  UsageError,
  ValidationError,
} from '../../index.js';
import { parseWeightsFlag, readWeightsFlagFile } from '../parse-weights-flag.js';
import { addProviderOptions, formatUsage, resolveProviderOptions } from '../provider-options.js';
import { readCandidateInputs, SKIPPED_INPUTS_HELP } from '../read-candidate-inputs.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';

interface MatchCommandOptions extends StoreCliOptions {
  job: string;
  pool?: string;
  candidates?: string[];
  index?: string;
  top: string;
  json?: boolean;
  weights?: string;
  weightsFile?: string;
  explain?: boolean;
  nearMisses?: boolean;
  exclude?: string;
  now?: string;
  auditLog?: string;
  [provider: string]: unknown;
}

/** `cvmatch match`: rank candidates for a job order. */
export function registerMatchCommand(program: Command): void {
  const command = program
    .command('match')
    .description(
      'Rank candidates for a job order and print the ranking. Offline by default (rules + local embeddings); ' +
        `with a chat model (--provider mistral or openai, or a --chat-model on openai-compatible) the best ${DEFAULT_SHORTLIST_SIZE} are also assessed by the LLM. ` +
        'Candidates missing a requirement are kept with a lower score unless --exclude says otherwise.',
    )
    .requiredOption('--job <file>', 'job order: JSON (.json) or job ad text (.txt, French or English)')
    .option(
      '--candidates <paths...>',
      'CV folder(s), CV files (pdf, docx, doc, odt, rtf, txt) or profiles .jsonl',
    )
    .option(
      '--index <file>',
      'a pool index saved by `cvmatch index build` (profiles included, no CVs needed)',
    )
    .option(
      '--pool <name>',
      'rank a pool kept in the store (`cvmatch pool add`; see --db) without re-parsing or re-embedding it; ' +
        "the run is also written to the store's audit trail",
    )
    .option('--top <n>', 'number of candidates to print', '10')
    .option('--json', 'print { job, results, usage, errors, files } as JSON')
    .option(
      '--weights <list>',
      `weight overrides, e.g. occupation=0.3,skills=0.2 (criteria: ${criterionSchema.options.join(', ')}; llm = LLM share, default ${defaultLlmWeight})`,
    )
    .option(
      '--weights-file <file>',
      'weights from a JSON file: { "weights": { "occupation": 0.3, … } } as `cvmatch eval --fit-weights` writes it',
    )
    .option('--explain', 'print a plain-language explanation under each candidate')
    .option('--near-misses', 'also list candidates who miss one or two requirements, with the gap to close')
    .option(
      '--exclude <kinds>',
      `drop candidates missing these requirements: all or ${requirementKindSchema.options.join(',')}`,
    )
    .option(
      '--now <date>',
      'reference date YYYY-MM-DD for availability, experience and validity (default today)',
    )
    .option(
      '--audit-log <file>',
      'append this run to a JSONL audit trail (config, models, scores, LLM calls; no CV text, no names)',
    )
    .addHelpText('after', SKIPPED_INPUTS_HELP);
  addStoreOptions(command);
  addProviderOptions(command);
  command.action(async (options: MatchCommandOptions) => {
    if (options.pool !== undefined) await withStore(options, (store) => runMatch(options, store));
    else await runMatch(options, null);
  });
}

function parseOptions(options: MatchCommandOptions) {
  const top = Number(options.top);
  if (!Number.isInteger(top) || top <= 0) throw new UsageError('--top: expected a positive integer');
  if (options.now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.now)) {
    throw new UsageError('--now: expected a date YYYY-MM-DD');
  }
  const sources = [options.candidates?.length, options.index, options.pool].filter(Boolean).length;
  if (sources === 0) throw new UsageError('give --candidates, --index or --pool');
  if (sources > 1) throw new UsageError('give only one of --candidates, --index and --pool');
  if ((options.db || options.vectors) && options.pool === undefined)
    throw new UsageError('--db and --vectors go with --pool');
  let excludeUnmet: readonly RequirementKind[] = [];
  if (options.exclude) {
    const parts = options.exclude.split(',').map((part) => part.trim());
    excludeUnmet = parts.includes('all') ? requirementKindSchema.options : (parts as RequirementKind[]);
    const unknown = parts.filter(
      (part) => part !== 'all' && !requirementKindSchema.options.includes(part as RequirementKind),
    );
    if (unknown.length)
      throw new UsageError(
        `--exclude: unknown kind ${unknown.join(', ')} (known: all, ${requirementKindSchema.options.join(', ')})`,
      );
  }
  if (options.weights && options.weightsFile) throw new UsageError('give either --weights or --weights-file');
  return { top, excludeUnmet, weights: options.weights ? parseWeightsFlag(options.weights) : undefined };
}

async function runMatch(options: MatchCommandOptions, store: Store | null): Promise<void> {
  const parsed = parseOptions(options);
  const { top, excludeUnmet } = parsed;
  const weights = options.weightsFile ? await readWeightsFlagFile(options.weightsFile) : parsed.weights;
  const now = options.now ?? new Date().toISOString().slice(0, 10);
  const providers = await resolveProviderOptions(options, process.env);
  const job = await readJob(options.job, now);
  const errors: InputFailure[] = [];
  const files = new Map<string, string>();
  let pool: CandidateProfile[] | PoolIndex;
  let embeddingModel = providers.embeddingModel;
  if (store && options.pool !== undefined) {
    const stored = await loadStoredPool(store, options.pool, { embeddingModel });
    if (stored.embeddingModel) embeddingModel = stored.embeddingModel;
    if (options.verbose || stored.toEmbed > 0) {
      process.stderr.write(
        `pool ${options.pool}: ${stored.profiles.length} profiles, ${stored.reused} stored vectors reused, ` +
          `${stored.toEmbed} to embed now (${modelKey(providers.embeddingModel)})\n`,
      );
    }
    for (const profile of stored.profiles)
      files.set(profile.id, profile.source.file ? basename(profile.source.file) : profile.id);
    pool = stored.profiles;
  } else if (options.index) {
    pool = await loadPoolIndex(options.index, { embeddingModel: providers.embeddingModel });
    for (const profile of pool.profiles()) files.set(profile.id, profile.source.file ?? profile.id);
  } else {
    const paths = options.candidates ?? [];
    const dataset = await readCandidateInputs(paths, { now }).catch((error: unknown) => {
      throw new UsageError(`--candidates: cannot read ${paths.join(', ')}`, { cause: error });
    });
    errors.push(...dataset.failures);
    const profiles = dataset.profiles;
    for (const profile of profiles)
      files.set(profile.id, profile.source.file ? basename(profile.source.file) : profile.id);
    pool = profiles;
  }
  process.stderr.write(`ranking ${files.size} candidates for "${job.title}" (${providers.describe()})\n`);
  const sink = store ? store.audit.sink() : null;
  const audit =
    options.auditLog || sink
      ? createAuditLog({
          ...(options.auditLog ? { file: options.auditLog } : {}),
          ...(sink ? { sink: sink.write } : {}),
        })
      : null;
  audit?.recordRunStart({
    jobId: job.id,
    config: {
      command: 'match',
      now,
      exclude: excludeUnmet.join(',') || null,
      index: options.index ?? null,
      pool: options.pool ?? null,
    },
    weights: resolveWeights(weights),
    models: [
      {
        role: 'embedding',
        provider: providers.embeddingModel.provider,
        modelId: providers.embeddingModel.modelId,
      },
      ...(providers.chatModel
        ? [{ role: 'chat', provider: providers.chatModel.provider, modelId: providers.chatModel.modelId }]
        : []),
    ],
    candidateCount: files.size,
  });
  let results: MatchResult[];
  try {
    results = await rankCandidates(job, pool, {
      embeddingModel,
      ...(providers.chatModel ? { chatModel: providers.chatModel } : {}),
      ...(weights ? { weights } : {}),
      excludeUnmet,
      now,
      onEvent: (event) => {
        if (event.type === 'embedding-failed') {
          process.stderr.write(
            `cvmatch: embeddings unavailable (${event.provider}/${event.modelId}: ${event.message}), ranked on words and rules only (embedding-failed)\n`,
          );
        }
        if (event.type === 'llm-degraded') {
          process.stderr.write(
            `cvmatch: LLM unavailable for ${event.candidateId}, rule score kept (${event.code})\n`,
          );
        }
        if (audit && providers.chatModel) recordRankEvent(audit, event, providers.chatModel);
      },
    });
  } catch (error) {
    audit?.recordRunEnd({ status: 'failed', resultCount: 0, errorName: (error as Error)?.name ?? null });
    await sink?.flush();
    throw error;
  }
  if (audit) {
    audit.recordResults(results);
    const report = providers.usage.report();
    audit.recordRunEnd({
      status: 'ok',
      resultCount: results.length,
      usage: { calls: report.calls, inputTokens: report.inputTokens, outputTokens: report.outputTokens },
    });
  }
  await sink?.flush();
  const usage = providers.usage.report();
  const shown = results.slice(0, top);
  if (options.json) {
    const output = { job, results: shown, usage, errors, files: Object.fromEntries(files) };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    process.stdout.write(formatTable(shown, files, job));
    if (options.explain) {
      for (const result of shown) {
        const label = files.get(result.candidateId) ?? result.candidateId;
        process.stdout.write(
          `\n[${result.rank}] ${label}\n${explainMatch(result, { audience: 'recruiter', language: job.language, job })}\n`,
        );
      }
    }
    if (options.nearMisses) process.stdout.write(formatNearMisses(results, files, job.language));
  }
  if (errors.length)
    process.stderr.write(`${errors.length} file(s) could not be read (see above); exit code 1\n`);
  process.stderr.write(`${formatUsage(usage)}\n`);
}

export async function readJob(file: string, now: string): Promise<JobOrder> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--job: cannot read ${file}`, { cause: error });
  }
  const id = basename(file, extname(file));
  try {
    return parseJobOrder(extname(file).toLowerCase() === '.json' ? JSON.parse(text) : text, { id, now });
  } catch (error) {
    if (error instanceof SyntaxError) throw new ValidationError(`${file}: invalid JSON`, { cause: error });
    if (error instanceof ValidationError) {
      const details = error.issues
        .map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('\n');
      throw new ValidationError(`${file}: ${error.message}\n${details}`, {
        issues: error.issues,
        cause: error,
      });
    }
    throw error;
  }
}

/** Criteria with a short name in the catalogue (`cli.criterion.<criterion>`): the schema's, and `llm`. */
const SHORT_LABELLED: readonly string[] = [...criterionSchema.options, 'llm'];

/** Short criterion name for the "key reasons" column; other entries (`llm:<name>`) print as they are. */
function shortLabel(criterion: string, language: LanguageCode): string {
  if (!SHORT_LABELLED.includes(criterion)) return criterion;
  return message(language, `cli.criterion.${criterion as Criterion | 'llm'}`);
}

function reasons(result: MatchResult, language: LanguageCode): string {
  return result.breakdown
    .filter((entry) => entry.weight > 0 && entry.met === 'yes')
    .sort((a, b) => b.weight - a.weight || a.criterion.localeCompare(b.criterion))
    .slice(0, 4)
    .map((entry) => shortLabel(entry.criterion, language))
    .join(', ');
}

function cut(text: string, width: number): string {
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

function formatTable(results: MatchResult[], files: Map<string, string>, job: JobOrder): string {
  const say = (key: MessageKey) => message(job.language, key);
  const lines = [
    `${say('cli.match.jobOrder')}: ${job.title}${job.location?.city ? ` — ${job.location.city}` : ''}${job.startDate ? ` — ${job.startDate}` : ''}`,
    `${'#'.padStart(3)}  ${'score'.padStart(5)}  ${cut(say('cli.match.candidate'), 32)}  ${cut(say('cli.match.keyReasons'), 40)}  ${say('cli.match.unmet')}`,
  ];
  for (const result of results) {
    const unmet = result.unmetRequirements.map((item) => item.message).join('; ') || '—';
    const warn = result.warnings.some((warning) => warning.code === 'llm-degraded') ? ' (!LLM)' : '';
    lines.push(
      `${String(result.rank).padStart(3)}  ${result.score.toFixed(1).padStart(5)}  ${cut(files.get(result.candidateId) ?? result.candidateId, 32)}  ${cut(reasons(result, job.language), 40)}  ${unmet}${warn}`,
    );
  }
  if (results.length === 0) lines.push(say('cli.match.noCandidates'));
  return `${lines.join('\n')}\n`;
}

function formatNearMisses(
  results: MatchResult[],
  files: Map<string, string>,
  language: LanguageCode,
): string {
  const near = results.filter(
    (result) => result.unmetRequirements.length >= 1 && result.unmetRequirements.length <= 2,
  );
  const lines = [`\n${message(language, 'cli.match.nearMisses')}:`];
  for (const result of near.slice(0, 10)) {
    const gaps = result.unmetRequirements.map((item) => item.message).join('; ');
    lines.push(
      `  #${result.rank} ${files.get(result.candidateId) ?? result.candidateId} (${result.score.toFixed(1)}): ${gaps}`,
    );
  }
  if (near.length === 0) lines.push(`  ${message(language, 'cli.match.none')}`);
  return `${lines.join('\n')}\n`;
}
