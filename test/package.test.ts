import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('package', () => {
  it('keeps VERSION in step with package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });

  it('declares the Node engine, bin and dual exports users rely on', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.bin.cvmatch).toBe('./dist/cli/main.js');
    expect(pkg.exports['.'].import.types).toBe('./dist/index.d.ts');
    expect(pkg.exports['.'].require.default).toBe('./dist/index.cjs');
  });
});
