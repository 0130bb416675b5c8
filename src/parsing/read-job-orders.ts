import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { JobOrder } from '../domain/job-order.js';
import { ValidationError } from '../errors.js';
import { parseJobOrder } from './job/parse-job.js';

/**
 * Reads job orders from a folder or a file. In a folder, `*.json` orders are read, and `*.txt` ads
 * only when no `.json` has the same name. The id defaults to the file name without extension.
 * Throws `ValidationError` naming the file when an order is invalid.
 */
export async function readJobOrders(path: string, options: { now?: string } = {}): Promise<JobOrder[]> {
  const info = await stat(path);
  let files: string[];
  if (info.isDirectory()) {
    const names = (await readdir(path)).sort();
    const jsonStems = new Set(
      names.filter((name) => name.endsWith('.json')).map((name) => basename(name, '.json')),
    );
    files = names
      .filter(
        (name) => name.endsWith('.json') || (name.endsWith('.txt') && !jsonStems.has(basename(name, '.txt'))),
      )
      .map((name) => join(path, name));
  } else {
    files = [path];
  }
  const jobs: JobOrder[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    try {
      jobs.push(
        parseJobOrder(text, {
          id: basename(file, extname(file)),
          ...(options.now ? { now: options.now } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(`${file}: ${error.message}`, { issues: error.issues, cause: error });
      }
      throw error;
    }
  }
  const ids = new Set<string>();
  for (const job of jobs) {
    if (ids.has(job.id))
      throw new ValidationError(`job id ${job.id} appears twice in ${path}`, {
        issues: [{ path: ['id'], message: job.id }],
      });
    ids.add(job.id);
  }
  return jobs;
}
