/**
 * Screening speed: reply reading with the offline rules (replies per second over the labelled set),
 * the message guard (messages per second) and whole scripted conversations (start + 5 replies + outcome,
 * conversations per second). CPU time is reported next to wall time, which a busy machine inflates.
 *
 *   npx tsx bench/screening.ts [--rounds 5]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuestionTopic } from '../src/domain/index.js';
import { createScreening, guardMessage, interpretReplyWithRules } from '../src/screening/index.js';
import { AGENCY, loadJob, NOW, syntheticCandidate } from '../test/screening/helpers.js';

export interface ScreeningBenchResult {
  repliesPerSecond: number;
  repliesPerCpuSecond: number;
  guardChecksPerSecond: number;
  conversationsPerSecond: number;
  conversationsPerCpuSecond: number;
}

function measure(run: () => void | Promise<void>): Promise<{ seconds: number; cpuSeconds: number }> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  return Promise.resolve(run()).then(() => {
    const cpu = process.cpuUsage(cpuStart);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1_000_000 };
  });
}

export async function runScreeningBench(rounds = 5): Promise<ScreeningBenchResult> {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const rows = readFileSync(join(root, 'eval', 'screening', 'replies.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { topic: QuestionTopic; code?: string; text: string });
  const job = loadJob('cariste-lyon');
  const readAll = () => {
    for (const row of rows)
      interpretReplyWithRules(row.text, {
        question: { id: row.topic, topic: row.topic, code: row.code ?? null, reason: 'bench' },
        job,
        now: NOW,
      });
  };
  readAll(); // warm-up
  const reading = await measure(() => {
    for (let round = 0; round < rounds; round++) readAll();
  });
  const sentences = rows.map((row) => row.text);
  const guarding = await measure(() => {
    for (let round = 0; round < rounds; round++) for (const sentence of sentences) guardMessage(sentence);
  });
  const conversations = 40 * rounds;
  const talking = await measure(async () => {
    for (let index = 0; index < conversations; index++) {
      const screening = createScreening({ job, candidate: syntheticCandidate(), agency: AGENCY, now: NOW });
      screening.start();
      let minute = 1;
      for (const reply of ['oui dispo', 'oui le 3', 'en voiture', 'ok', 'oui'])
        await screening.receive(reply, new Date(Date.parse(NOW) + minute++ * 60_000));
      screening.outcome();
    }
  });
  return {
    repliesPerSecond: (rows.length * rounds) / reading.seconds,
    repliesPerCpuSecond: (rows.length * rounds) / reading.cpuSeconds,
    guardChecksPerSecond: (sentences.length * rounds) / guarding.seconds,
    conversationsPerSecond: conversations / talking.seconds,
    conversationsPerCpuSecond: conversations / talking.cpuSeconds,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roundsFlag = process.argv.indexOf('--rounds');
  const rounds = roundsFlag === -1 ? 5 : Number(process.argv[roundsFlag + 1]);
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write('--rounds must be a positive integer\n');
    process.exit(2);
  }
  const result = await runScreeningBench(rounds);
  const rows: [string, string][] = [
    [
      'reply reading (rules)',
      `${result.repliesPerSecond.toFixed(0)} replies/s (${result.repliesPerCpuSecond.toFixed(0)} per CPU s)`,
    ],
    ['message guard', `${result.guardChecksPerSecond.toFixed(0)} messages/s`],
    [
      'conversation, 5 replies',
      `${result.conversationsPerSecond.toFixed(1)} conversations/s (${result.conversationsPerCpuSecond.toFixed(1)} per CPU s)`,
    ],
  ];
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(26)} ${value}\n`);
}
