import { type JobOrder, type JobOrderInput, jobOrderSchema } from '../domain/job-order.js';
import { isoTime, json, validate } from './rows.js';
import type { SqlExecutor } from './sql-client.js';

/** A stored job order. */
export interface StoredJobOrder {
  job: JobOrder;
  createdAt: string;
  updatedAt: string;
}

export interface JobOrderRepository {
  /** Inserts or replaces the job order with `job.id` (validated, defaults filled). */
  put(job: JobOrderInput | JobOrder): Promise<JobOrder>;
  get(id: string): Promise<StoredJobOrder | null>;
  list(): Promise<StoredJobOrder[]>;
}

interface JobOrderRow {
  job: JobOrder;
  created_at: Date;
  updated_at: Date;
}

function toStored(row: JobOrderRow): StoredJobOrder {
  return { job: row.job, createdAt: isoTime(row.created_at), updatedAt: isoTime(row.updated_at) };
}

export function createJobOrderRepository(sql: SqlExecutor): JobOrderRepository {
  return {
    put: async (input) => {
      const job = validate(jobOrderSchema, input, 'job order');
      await sql.query(
        `INSERT INTO job_orders (id, job, title) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (id) DO UPDATE SET job = EXCLUDED.job, title = EXCLUDED.title, updated_at = now()`,
        [job.id, json(job), job.title],
      );
      return job;
    },
    get: async (id) => {
      const [row] = await sql.query<JobOrderRow>(
        'SELECT job, created_at, updated_at FROM job_orders WHERE id = $1',
        [id],
      );
      return row ? toStored(row) : null;
    },
    list: async () =>
      (await sql.query<JobOrderRow>('SELECT job, created_at, updated_at FROM job_orders ORDER BY id')).map(
        toStored,
      ),
  };
}
