/**
 * The development part of the livecareer category benchmark, for the scripts that tune or diagnose on it: the
 * whole parsed pool (held-out resumes stay in as distractors, as in `eval:ranking`), and only the DEV orders
 * and their judgements. Held-out orders are never returned.
 */
import { join } from 'node:path';
import type { CandidateProfile, JobOrder } from '../../src/domain/index.js';
import { readJobOrders } from '../../src/parsing/index.js';
import { categoryQrels, DEFAULT_DATA, jobIdOf } from '../eval-ranking.js';
import { type ParsedPool, readParsedPool } from './parsed-pool.js';
import { heldOutCategories } from './split.js';

export interface DevBenchmark {
  pool: ParsedPool;
  /** Every parsed resume, one per profile id. */
  profiles: CandidateProfile[];
  /** Judgements of the dev orders only. */
  qrels: ReturnType<typeof categoryQrels>;
  /** The dev orders only. */
  jobs: JobOrder[];
}

export async function readDevBenchmark(options: {
  data?: string;
  now: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<DevBenchmark> {
  const pool = await readParsedPool(options.data ?? DEFAULT_DATA, {
    now: options.now,
    onProgress: options.onProgress,
  });
  const categories = [...new Set(pool.documents.map((document) => document.category))];
  const heldOut = heldOutCategories(categories);
  const devJobIds = new Set(categories.filter((category) => !heldOut.has(category)).map(jobIdOf));
  const profiles = [...new Map(pool.cvs.map((cv) => [cv.profile.id, cv.profile])).values()];
  const qrels = categoryQrels(pool.documents);
  for (const jobId of [...qrels.keys()]) if (!devJobIds.has(jobId)) qrels.delete(jobId);
  const jobs = (
    await readJobOrders(join('eval', 'ranking', 'livecareer', 'jobs'), { now: options.now })
  ).filter((job) => devJobIds.has(job.id));
  return { pool, profiles, qrels, jobs };
}
