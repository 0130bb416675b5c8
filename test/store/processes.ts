/** Runs the CLI in child processes (real concurrency, kill -9). */
import { type ChildProcess, spawn } from 'node:child_process';

/** Node arguments that run the CLI from source. */
export function cliArgs(args: string[]): string[] {
  return ['--import', 'tsx', 'src/cli/main.ts', ...args];
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns node with `args`; `onStderr` sees each stderr chunk (and may kill the child). */
export function runCliProcess(
  args: string[],
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CVMATCH_DB: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr, child);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
