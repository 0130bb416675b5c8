import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// pdfjs-dist's optional dependency @napi-rs/canvas (a 30 MB native binary) only serves rendering, which
// cvmatch never does: installed with `--omit=optional`, PDF text extraction must still work.
describe('PDF extraction without @napi-rs/canvas', () => {
  it('reads a fixture PDF when the canvas package cannot be resolved', async () => {
    const script = [
      "const { parseCv } = await import('./src/index.ts');",
      "const result = await parseCv('fixtures/cvs/agent-securite-samira-el-amrani.pdf', { now: '2026-11-01' });",
      'console.log(JSON.stringify({ name: result.profile.id, domMatrix: typeof globalThis.DOMMatrix }));',
    ].join('\n');
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '--require',
          './test/support/hide-canvas.cjs',
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { timeout: 60_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
      name: unknown;
      domMatrix: string;
    };
    expect(result.name).toMatch(/^cv_/);
    // The placeholder classes are removed once pdfjs has loaded.
    expect(result.domMatrix).toBe('undefined');
  }, 90_000);
});
