import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureCli as capture } from '../support/capture-cli.js';

describe('cvmatch occupation', () => {
  it('prints a readable table', async () => {
    const result = await capture(['occupation', 'Cariste H/F - Lyon']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^N1101 {2}1\.000 {2}Cariste$/);
  });

  it('prints JSON with --json and honours --limit', async () => {
    const result = await capture(['occupation', 'forklift driver', '--json', '--limit', '2']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { input: string; matches: { romeCode: string }[] };
    expect(parsed.input).toBe('forklift driver');
    expect(parsed.matches).toHaveLength(2);
    expect(parsed.matches[0]?.romeCode).toBe('N1101');
  });

  it('exits 2 on bad usage', async () => {
    expect((await capture(['occupation'])).code).toBe(2);
    expect((await capture(['occupation', 'cariste', '--limit', '0'])).code).toBe(2);
    expect((await capture(['occupation', 'cariste', '--stdin'])).code).toBe(2);
  });

  it('reads one title per line with --stdin and writes one JSON line each', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'occupation', '--stdin', '--limit', '1'],
      { input: 'Serveuse\n\nprépa de cdes\r\nAide-soignante (F/H)\n', encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.input)).toEqual(['Serveuse', 'prépa de cdes', 'Aide-soignante (F/H)']);
    expect(lines.map((line) => line.matches[0].romeCode)).toEqual(['G1803', 'N1103', 'J1501']);
  }, 60_000);
});
