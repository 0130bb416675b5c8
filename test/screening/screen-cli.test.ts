import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCli as capture } from '../support/capture-cli.js';
import { NOW, syntheticCandidate } from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'cvmatch-screen-'));
const profile = join(folder, 'profile.json');
writeFileSync(profile, JSON.stringify(syntheticCandidate()));
const job = 'fixtures/jobs/cariste-lyon.json';
const base = ['screen', '--job', job, '--candidate', profile, '--now', NOW, '--agency-name', 'Interim Test'];

describe('cvmatch screen', () => {
  it('plays scripted replies and prints the transcript with intents, then the outcome', async () => {
    const replies = join(folder, 'replies.txt');
    writeFileSync(replies, 'oui dispo\n\ng pa le caces 3\n');
    const result = await capture([...base, '--replies', replies]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^assistant: Bonjour, ici l'assistant automatique \(une IA\) de l'agence Interim Test/,
    );
    expect(result.stdout).toContain('candidate: oui dispo    [yes, rules]');
    expect(result.stdout).toContain('candidate: g pa le caces 3    [no, rules]');
    expect(result.stdout).toContain('outcome: not-qualified');
  });

  it('prints JSON with --json: transcript with intent and extracted values, outcome, events', async () => {
    const replies = join(folder, 'replies-json.txt');
    writeFileSync(replies, 'ok pr lundi\nSTOP\noui\n');
    const result = await capture([...base, '--replies', replies, '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      transcript: {
        direction: string;
        text: string;
        interpretation: { intent: string; extracted: { dates: unknown[] } } | null;
      }[];
      outcome: { status: string };
      events: { type: string }[];
    };
    expect(parsed.outcome.status).toBe('opted-out');
    const inbound = parsed.transcript.filter((message) => message.direction === 'in');
    expect(inbound[0]!.interpretation).toMatchObject({
      intent: 'date_given',
      extracted: { dates: [{ date: '2027-01-04', kind: 'on', text: 'lundi' }] },
    });
    expect(inbound[1]!.interpretation!.intent).toBe('opt_out');
    // Nothing is sent after STOP.
    const lastOut = parsed.transcript.filter((message) => message.direction === 'out').at(-1)!;
    expect(lastOut.text).toMatch(/plus de messages/);
    expect(parsed.transcript.at(-1)!.direction).toBe('in');
  });

  it('reads replies from piped stdin without prompting, and lets time pass with #wait', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...base, '--reminder-after', '60'],
      {
        input: '#wait 61\n#wait 2000\n',
        encoding: 'utf8',
      },
    );
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    expect(child.stdout).toMatch(/assistant: Petit rappel/);
    expect(child.stdout).toContain('outcome: no-answer');
  });

  it('writes every screening event to --audit-log, without message text', async () => {
    const replies = join(folder, 'replies-audit.txt');
    writeFileSync(replies, 'vous êtes un robot ?\nSTOP\n');
    const audit = join(folder, 'audit.jsonl');
    const result = await capture([...base, '--replies', replies, '--audit-log', audit]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /candidate: vous êtes un robot \?.*\nassistant: Je suis un assistant automatique/,
    );
    const events = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(events.map((event) => event.event)).toEqual(
      expect.arrayContaining(['message-sent', 'reply-read', 'opt-out', 'outcome']),
    );
    expect(readFileSync(audit, 'utf8')).not.toMatch(/robot|Bonjour/);
    expect((await capture([...base, '--replies', replies, '--audit-text'])).code).toBe(2);
  });

  it('refuses an order that selects on a forbidden criterion, saying why', async () => {
    const order = join(folder, 'order.txt');
    writeFileSync(
      order,
      'Cariste homme jeune sans enfants\nVénissieux, dès le 4 janvier 2027, 12,50 €/h, CACES 3',
    );
    const result = await capture([
      'screen',
      '--job',
      order,
      '--candidate',
      profile,
      '--now',
      NOW,
      '--replies',
      join(folder, 'replies.txt'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/« homme » sélectionne sur le sexe/);
    expect(result.stderr).toMatch(/La présélection ne peut pas démarrer/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await capture(['screen', '--job', job])).code).toBe(2);
    expect((await capture([...base, '--now', 'yesterday'])).code).toBe(2);
    expect((await capture([...base, '--language', 'de'])).code).toBe(2);
    expect((await capture([...base, '--replies', join(folder, 'missing.txt')])).code).toBe(2);
    expect((await capture(['screen', '--job', 'missing.json', '--candidate', profile])).code).toBe(2);
  });
});
