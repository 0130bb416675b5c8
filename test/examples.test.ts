import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('examples/quickstart.ts', () => {
  it('parses the fixture CVs, ranks them for the cariste order and explains the best', () => {
    const run = spawnSync('npx', ['tsx', 'examples/quickstart.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Cariste \(N1101\), Vénissieux, from 2027-01-04: \d+ CVs$/);
    const ranked = lines
      .map((line) => /^(\d)\. +([\d.]+) +(\S+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null);
    expect(ranked.map((match) => Number(match[1]))).toEqual([1, 2, 3, 4, 5]);
    const scores = ranked.map((match) => Number(match[2]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The best candidate really holds the required CACES R489 3 (checked against the fixture's true profile).
    const bestFile = ranked[0]?.[3] ?? '';
    const expected = JSON.parse(
      readFileSync(
        new URL(`../fixtures/cvs/${bestFile.replace(/\.\w+$/, '')}.expected.json`, import.meta.url),
        'utf8',
      ),
    ) as { certifications: (string | { code: string })[] };
    const codes = expected.certifications.map((item) => (typeof item === 'string' ? item : item.code));
    expect(codes).toContain('CACES_R489_3');
    expect(run.stdout).toContain('Role of the AI');
    expect(run.stdout).toContain('no automated decision');
  }, 300_000);
});

describe('examples/screening.ts', () => {
  it('drives the pure engine on a stored state, runs a conversation with an audit log, and flags an order', () => {
    const run = spawnSync('npx', ['tsx', 'examples/screening.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("l'agence Intérim Rhone");
    expect(run.stdout).toMatch(
      /candidate: vous êtes un robot \?\nassistant: Je suis un assistant automatique \(une IA\)/,
    );
    expect(run.stdout).toContain('events: reply-received, reply-read, answer-recorded, message-sent');
    expect(run.stdout).toMatch(/outcome: qualified\nQualifié\./);
    expect(run.stdout).toMatch(/audit: \d+ events/);
    expect(run.stdout).toMatch(/^sex: Titre : « homme »/m);
    expect(run.stdout).toMatch(/^family: Titre : « sans enfants »/m);
  }, 180_000);
});
