import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  type CandidateProfile,
  candidateProfileSchema,
  createAuditLog,
  createScreening,
  type JobOrder,
  parseCv,
  parseJobOrder,
  type Screening,
  type ScreeningMessage,
  type ScreeningOutcome,
  UsageError,
  ValidationError,
} from '../../index.js';
import { addProviderOptions, resolveProviderOptions } from '../provider-options.js';

interface ScreenCommandOptions {
  job: string;
  candidate: string;
  replies?: string;
  json?: boolean;
  now?: string;
  agencyName: string;
  humanContact: string;
  language?: string;
  reminderAfter: string;
  giveUpAfter: string;
  auditLog?: string;
  auditText?: boolean;
  [provider: string]: unknown;
}

const WAIT_LINE = /^#wait\s+(\d+)\s*$/i;

/** `cvmatch screen`: run an SMS pre-screening conversation in the terminal or from a script of replies. */
export function registerScreenCommand(program: Command): void {
  const command = program
    .command('screen')
    .description(
      'Simulate the SMS pre-screening of one candidate for one job order: prints the messages, how each ' +
        'reply was read and the outcome. Interactive in a terminal; otherwise replies come from --replies ' +
        'or standard input, one per line ("#wait <minutes>" lets time pass: reminder, then no-answer).',
    )
    .requiredOption('--job <file>', 'job order: JSON (.json) or job ad text')
    .requiredOption(
      '--candidate <file>',
      'candidate: a profile (.json, as printed by `cvmatch parse --json`) or a CV',
    )
    .option('--replies <file>', "the candidate's replies, one per line")
    .option(
      '--json',
      'print { transcript, outcome, events } as JSON (replies with intent and extracted values)',
    )
    .option('--now <date-time>', 'when the first message is sent, ISO 8601 (default: now)')
    .option('--agency-name <name>', 'agency named in the messages', 'Exemple Intérim')
    .option(
      '--human-contact <contact>',
      'how to reach a person, shown in the first message',
      '04 00 00 00 00',
    )
    .option('--language <fr|en>', 'language of the messages (default: the job order language)')
    .option('--reminder-after <minutes>', 'silence before the single reminder', '180')
    .option('--give-up-after <minutes>', 'silence after the reminder before the outcome is no-answer', '1440')
    .option(
      '--audit-log <file>',
      'append every screening event to this JSONL audit log (ids, intents, counts; no message text)',
    )
    .option('--audit-text', 'with --audit-log, also write the text of each message');
  addProviderOptions(command);
  command.action(async (options: ScreenCommandOptions) => {
    await runScreen(options);
  });
}

function positiveNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return number;
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}`, { cause: error });
  }
}

async function loadJob(file: string): Promise<JobOrder> {
  return parseJobOrder(await readText(file, '--job'));
}

async function loadCandidate(file: string, now: Date): Promise<CandidateProfile> {
  if (extname(file).toLowerCase() === '.json') {
    const text = await readText(file, '--candidate');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ValidationError(`--candidate: ${file} is not valid JSON`, { cause: error });
    }
    // `cvmatch parse --json` prints { profile, ... } or the profile itself.
    const candidate = (json as { profile?: unknown })?.profile ?? json;
    const parsed = candidateProfileSchema.safeParse(candidate);
    if (!parsed.success)
      throw new ValidationError(`--candidate: ${file} is not a candidate profile`, {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
        })),
        cause: parsed.error,
      });
    return parsed.data;
  }
  await readText(file, '--candidate');
  return (await parseCv(file, { now })).profile;
}

function formatMessage(message: ScreeningMessage): string {
  if (message.direction === 'out') return `assistant: ${message.text}`;
  const reading = message.interpretation;
  return `candidate: ${message.text}${reading ? `    [${reading.intent}, ${reading.by}]` : ''}`;
}

function formatOutcome(outcome: ScreeningOutcome): string {
  const lines = [`outcome: ${outcome.status}`, `summary: ${outcome.summary}`];
  for (const answer of outcome.answers)
    lines.push(`  ${answer.questionId.padEnd(30)} ${String(answer.value).padEnd(12)} ${answer.note}`);
  return lines.join('\n');
}

/** Reads reply lines: from the file, from piped stdin, or typed in a terminal (one at a time). */
async function* replyLines(options: ScreenCommandOptions): AsyncGenerator<string> {
  if (options.replies) {
    for (const line of (await readText(options.replies, '--replies')).split(/\r?\n/))
      if (line.trim()) yield line;
    return;
  }
  const interactive = process.stdin.isTTY === true;
  const reader = createInterface({
    input: process.stdin,
    terminal: interactive,
    output: interactive ? process.stderr : undefined,
  });
  if (interactive) process.stderr.write("Type the candidate's replies (Ctrl-D to stop).\n");
  try {
    for await (const line of reader) if (line.trim()) yield line;
  } finally {
    reader.close();
  }
}

async function runScreen(options: ScreenCommandOptions): Promise<void> {
  const now = options.now ? new Date(options.now) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO 8601 date or date-time, got "${options.now}"`);
  if (options.language !== undefined && options.language !== 'fr' && options.language !== 'en')
    throw new UsageError(`--language must be fr or en, got "${options.language}"`);
  const reminderAfterMinutes = positiveNumber(options.reminderAfter, '--reminder-after');
  const noAnswerAfterMinutes = positiveNumber(options.giveUpAfter, '--give-up-after');
  if (!options.agencyName.trim()) throw new UsageError('--agency-name must not be empty');
  if (!options.humanContact.trim()) throw new UsageError('--human-contact must not be empty');
  const providers = await resolveProviderOptions(options);
  const job = await loadJob(options.job);
  const candidate = await loadCandidate(options.candidate, now);

  if (options.auditText && !options.auditLog) throw new UsageError('--audit-text needs --audit-log');
  // The order's own warnings first: an order that selects on a forbidden criterion is never screened.
  for (const warning of job.warnings) process.stderr.write(`cvmatch: ${warning.message}\n`);
  const screening: Screening = createScreening({
    job,
    candidate,
    agency: { name: options.agencyName, humanContact: options.humanContact },
    ...(providers.chatModel ? { model: providers.chatModel } : {}),
    ...(options.language ? { language: options.language as 'fr' | 'en' } : {}),
    ...(options.auditLog
      ? {
          audit: { log: createAuditLog({ file: options.auditLog }), includeText: options.auditText === true },
        }
      : {}),
    now,
    options: { reminderAfterMinutes, noAnswerAfterMinutes },
  });
  const print = (messages: ScreeningMessage[]) => {
    if (!options.json) for (const message of messages) process.stdout.write(`${formatMessage(message)}\n`);
  };
  print(screening.start().messages);
  // Replies are one minute apart; "#wait N" moves the clock N minutes and lets the conversation react.
  let clock = now.getTime();
  for await (const line of replyLines(options)) {
    const wait = WAIT_LINE.exec(line.trim());
    if (wait) {
      clock += Number(wait[1]) * 60_000;
      print(screening.tick(new Date(clock)).messages);
      continue;
    }
    clock += 60_000;
    const before = screening.state.messages.length;
    await screening.receive(line, new Date(clock));
    // Print the candidate's reply (with how it was read) and the answers to it.
    print(screening.state.messages.slice(before));
    // In a terminal, stop reading once the conversation is over; scripted late replies are still recorded.
    if (screening.state.phase === 'finished' && process.stdin.isTTY && !options.replies) break;
  }
  const outcome = screening.outcome();
  const state = screening.state;
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ transcript: state.messages, outcome, events: state.events, plan: state.plan }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`\n${formatOutcome(outcome)}\n`);
  }
}
