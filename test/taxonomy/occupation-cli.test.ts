import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureCli as capture } from '../support/capture-cli.js';

describe('cvmatch occupation', () => {
  it('prints a readable table with the confidence', async () => {
    const result = await capture(['occupation', 'Cariste H/F - Lyon']);
    expect(result.code).toBe(0);
    const [header, first] = result.stdout.split('\n');
    expect(header).toMatch(/^confidence \d+ % \(family \d+ %\)$/);
    expect(first).toMatch(/^N1101 {2}1\.000 {2}Cariste$/);
  });

  it('says when it abstains', async () => {
    const result = await capture(['occupation', 'Technicien']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^not sure: no occupation is named clearly enough/);
  });

  it('reads a ROME v3 code and says how it maps to v460', async () => {
    const result = await capture(['occupation', 'M1403', '--json']);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.matches[0].romeCode).toBe('M1403');
    expect(parsed.romeInput).toMatchObject({ version: 'v3', family: 'M1403' });
    expect(parsed.romeInput.familyCodes).toContain('M1419');
  });

  it('prints JSON with --json and honours --limit', async () => {
    const result = await capture(['occupation', 'forklift driver', '--json', '--limit', '2']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      input: string;
      matches: { romeCode: string }[];
      confidence: number;
      abstained: boolean;
    };
    expect(parsed.input).toBe('forklift driver');
    expect(parsed.matches).toHaveLength(2);
    expect(parsed.matches[0]?.romeCode).toBe('N1101');
    expect(parsed.confidence).toBeGreaterThan(0.5);
    expect(parsed.abstained).toBe(false);
  });

  it('exits 2 on bad usage', async () => {
    expect((await capture(['occupation'])).code).toBe(2);
    expect((await capture(['occupation', 'cariste', '--limit', '0'])).code).toBe(2);
    expect((await capture(['occupation', 'cariste', '--stdin'])).code).toBe(2);
  });

  it('writes exactly one JSON line per input line with --stdin, in order, empty lines included', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'occupation', '--stdin', '--limit', '1'],
      { input: 'Serveuse\n\nprépa de cdes\r\nAide-soignante (F/H)\nManager', encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.input)).toEqual([
      'Serveuse',
      '',
      'prépa de cdes',
      'Aide-soignante (F/H)',
      'Manager',
    ]);
    expect(lines.map((line) => line.matches[0]?.romeCode ?? null)).toEqual([
      'G1803',
      null,
      'N1103',
      'J1501',
      expect.any(String),
    ]);
    expect(lines.map((line) => line.abstained)).toEqual([false, true, false, false, true]);
    for (const line of lines) expect(typeof line.confidence).toBe('number');
  }, 60_000);
});
