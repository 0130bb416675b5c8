import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type CandidateProfile,
  campaignReport,
  type Persona,
  parseJobOrder,
  personaSchema,
  type SimulationResult,
  simulateCampaign,
  UsageError,
  ValidationError,
} from '../../index.js';
import { readCandidateInputs } from '../read-candidate-inputs.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';

interface SimulateOptions extends StoreCliOptions {
  job: string;
  candidates: string;
  personas: string;
  headcount?: string;
  start?: string;
  campaignId?: string;
  seed: string;
  json?: boolean;
  transcripts?: boolean;
  callsPerPosition?: string;
  maxDays: string;
  progress?: boolean;
}

interface ReportOptions extends StoreCliOptions {
  lang: string;
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}`, { cause: error });
  }
}

function integer(value: string, flag: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return number;
}

/** Reads `personas.jsonl`: one persona per line, each validated. */
export async function readPersonas(file: string): Promise<Persona[]> {
  const personas: Persona[] = [];
  const lines = (await readText(file, '--personas')).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new ValidationError(`--personas: line ${index + 1} of ${file} is not JSON`, { cause: error });
    }
    const parsed = personaSchema.safeParse(json);
    if (!parsed.success)
      throw new ValidationError(`--personas: line ${index + 1} of ${file} is not a persona`, {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
        })),
        cause: parsed.error,
      });
    personas.push(parsed.data);
  }
  return personas;
}

function printResult(result: SimulationResult, options: SimulateOptions): void {
  if (options.json) {
    const { campaignId: _id, transcripts, ...rest } = result;
    const output = options.transcripts ? { ...rest, transcripts } : rest;
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const lines = [
    `campaign ${result.campaignId}: ${result.filled}/${result.headcount} position(s) filled, ` +
      `${result.contacted} contacted, ${result.smsSent} SMS sent, call list in ` +
      `${result.hoursToCallList === null ? '— (not complete)' : `${result.hoursToCallList} h`}`,
    '',
    'call list:',
    ...(result.recruiterCallList.length === 0
      ? ['  (empty)']
      : result.recruiterCallList.map(
          (entry, index) =>
            `  ${index + 1}. ${entry.file ?? entry.candidateId} [${entry.status}] ${entry.summary}`,
        )),
    '',
    'outcomes:',
    ...result.outcomes.map(
      (outcome) =>
        `  ${(outcome.file ?? outcome.candidateId).padEnd(48)} ${outcome.status.padEnd(14)} ${outcome.reasons.join(' ; ')}`,
    ),
  ];
  if (options.transcripts)
    for (const transcript of result.transcripts) {
      lines.push('', `— ${transcript.file}`);
      for (const message of transcript.messages)
        lines.push(`  ${message.at} ${message.direction === 'out' ? '→' : '←'} ${message.text}`);
    }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `cvmatch campaign simulate|report`. */
export function registerCampaignCommand(program: Command): void {
  const campaign = program
    .command('campaign')
    .description('Campaigns: fill an order end to end (rank, text in waves, screen, call list).');

  const simulate = campaign
    .command('simulate')
    .description(
      'Run a campaign on a virtual clock with simulated candidates (personas): the real engine, scheduler ' +
        'and store. With --db and --campaign-id, a campaign already in the store is resumed (a run killed ' +
        'midway and started again ends the same, nothing sent twice).',
    )
    .requiredOption('--job <file>', 'job order: JSON (.json) or job ad text')
    .requiredOption('--candidates <path>', 'a folder of CVs or a profiles .jsonl')
    .requiredOption(
      '--personas <file>',
      'personas.jsonl: {"file","replyAfterMinutes","replies":{"first","availability","certification","licence",' +
        '"transport","rate","confirmation"}} per line; file = CV base name (or profile id); replyAfterMinutes ' +
        'null never answers; a missing topic gets "je sais pas"; a candidate without a persona never answers',
    )
    .option('--headcount <n>', 'positions to fill (default: the job order headcount, else 1)')
    .option(
      '--start <date-time>',
      'virtual start, ISO 8601 (default 2026-12-07T08:00:00Z, a Monday 09:00 Paris)',
    )
    .option('--campaign-id <id>', 'campaign id (default sim-<job id>-<seed>); resumed when --db holds it')
    .option('--seed <n>', 'seed of the reply-delay jitter', '1')
    .option('--calls-per-position <n>', 'qualified candidates proposed per position (default 3)')
    .option('--max-days <n>', 'virtual days before the simulation stops', '14')
    .option(
      '--json',
      'print { headcount, filled, contacted, smsSent, recruiterCallList, outcomes, hoursToCallList } as JSON',
    )
    .option('--transcripts', 'also print every conversation (in the JSON: transcripts)')
    .option('--progress', 'print `simulated <virtual time> sms <count>` on stderr after each step');
  addStoreOptions(simulate);
  simulate.addHelpText(
    'after',
    '\nWithout --db the simulation runs in memory. Statuses: qualified, not-qualified, needs-human, no-answer,\n' +
      'opted-out, not-contacted, plus in-progress (still answering when the run stopped) and closed (still\n' +
      'answering when the order was full: nothing more was sent).',
  );
  simulate.action(async (options: SimulateOptions) => {
    const seed = integer(options.seed, '--seed', 0);
    const maxDays = integer(options.maxDays, '--max-days', 1);
    const headcount =
      options.headcount === undefined ? undefined : integer(options.headcount, '--headcount', 1);
    const callsPerPosition =
      options.callsPerPosition === undefined
        ? undefined
        : integer(options.callsPerPosition, '--calls-per-position', 1);
    const start = options.start ? new Date(options.start) : new Date('2026-12-07T08:00:00Z');
    if (Number.isNaN(start.getTime()))
      throw new UsageError(`--start must be an ISO date-time, got "${options.start}"`);
    const job = parseJobOrder(await readText(options.job, '--job'));
    await stat(options.candidates).catch((error: unknown) => {
      throw new UsageError(`--candidates: cannot read ${options.candidates}`, { cause: error });
    });
    const personas = await readPersonas(options.personas);
    const dataset = await readCandidateInputs([options.candidates], {
      now: start.toISOString().slice(0, 10),
    });
    const profiles: CandidateProfile[] = dataset.profiles;
    const result = await withStore({ ...options, db: options.db ?? 'memory:' }, (store) =>
      simulateCampaign({
        job,
        profiles,
        personas,
        store,
        start,
        seed,
        maxDays,
        ...(headcount !== undefined ? { headcount } : {}),
        ...(options.campaignId ? { campaignId: options.campaignId } : {}),
        ...(callsPerPosition !== undefined ? { policy: { callsPerPosition } } : {}),
        ...(options.progress
          ? {
              onProgress: ({ at, smsSent }: { at: string; smsSent: number }) => {
                process.stderr.write(`simulated ${at} sms ${smsSent}\n`);
              },
            }
          : {}),
      }),
    );
    printResult(result, options);
  });

  const report = campaign
    .command('report')
    .description('What happened in a campaign and why, from its audit trail, then the call list.')
    .argument('<id>', 'campaign id')
    .option('--lang <fr|en>', 'language of the report', 'fr');
  addStoreOptions(report);
  report.action(async (id: string, options: ReportOptions) => {
    if (options.lang !== 'fr' && options.lang !== 'en')
      throw new UsageError(`--lang must be fr or en, got "${options.lang}"`);
    const language = options.lang;
    const text = await withStore(options, (store) => campaignReport(store, id, { language }));
    process.stdout.write(text);
  });
}
