import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) one thread has used, ms, from Linux's /proc: `/proc/<pid>/task/<tid>/stat` (the
 * main thread of a process has its process id as thread id), or the calling thread's own with no argument
 * (`/proc/thread-self/stat`). Undefined where /proc cannot be read (another system, or the process is gone).
 * The kernel counts it in clock ticks of 10 ms (USER_HZ 100 on every Linux architecture Node supports).
 */
export function threadCpuMs(pid?: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(
      pid === undefined ? '/proc/thread-self/stat' : `/proc/${pid}/task/${pid}/stat`,
      'latin1',
    );
  } catch {
    return undefined; // No /proc here, or the process has exited (its exit event says why).
  }
  // Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 10 : undefined;
}
