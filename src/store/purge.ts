import { ValidationError } from '../errors.js';
import { isoTime, toDate } from './rows.js';
import type { SqlClient } from './sql-client.js';

/** Default retention of candidate data: 2 years after the last activity (CNIL guidance for candidate files). */
export const DEFAULT_RETENTION = '2y';

/** What one purge removed. The counts are also kept in the store (`purges` table). */
export interface PurgeReport {
  /** Data older than this was removed (ISO 8601). */
  cutoff: string;
  /** Profiles (and their vectors) whose last activity is older than the cutoff. */
  profilesDeleted: number;
  /** Messages whose text was erased (the row, direction, status and dates stay for counts). */
  messagesScrubbed: number;
  /** Conversations whose state JSON was erased (the row stays). */
  conversationsScrubbed: number;
  /** Contact-log entries deleted (they only serve frequency caps). */
  contactsDeleted: number;
  /** Recruiter decisions whose free-text reason was erased (the decision stays). */
  decisionsScrubbed: number;
  dryRun: boolean;
}

/**
 * The cutoff for a retention period before `now`: `730d` (days), `24m` (calendar months) or `2y`
 * (calendar years). `ValidationError` otherwise.
 */
export function retentionCutoff(period: string, now: Date | string = new Date()): Date {
  const match = /^(\d+)\s*([dmy])$/.exec(period.trim());
  const amount = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new ValidationError(`invalid retention period "${period}": expected e.g. 2y, 24m or 730d`, {
      issues: [{ path: ['olderThan'], message: 'expected <n>d, <n>m or <n>y' }],
    });
  }
  const cutoff = toDate(now);
  const result = new Date(cutoff.getTime());
  if (match[2] === 'd') result.setUTCDate(result.getUTCDate() - amount);
  else if (match[2] === 'm') result.setUTCMonth(result.getUTCMonth() - amount);
  else result.setUTCFullYear(result.getUTCFullYear() - amount);
  return result;
}

/**
 * Deletes candidate profiles and erases conversation text older than the retention period, in one
 * transaction, and records the counts. Opt-outs (which must outlive the data) and the audit trail
 * (append-only, no CV text or names) are kept.
 */
export async function purgeStore(
  client: SqlClient,
  options: { olderThan?: string; now?: Date | string; dryRun?: boolean } = {},
): Promise<PurgeReport> {
  const cutoff = retentionCutoff(options.olderThan ?? DEFAULT_RETENTION, options.now);
  const dryRun = options.dryRun ?? false;
  return client.transaction(async (tx) => {
    /** Applies `change` to the rows of `table` matching `where` (or only counts them in a dry run). */
    const apply = async (table: string, where: string, change: string): Promise<number> => {
      const statement = dryRun
        ? `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`
        : `WITH changed AS (${change} ${table === 'profiles' || table === 'contact_log' ? `FROM ${table}` : ''} WHERE ${where} RETURNING 1)
           SELECT count(*)::int AS n FROM changed`;
      const [row] = await tx.query<{ n: number }>(statement, [cutoff]);
      return row?.n ?? 0;
    };
    const report: PurgeReport = {
      cutoff: isoTime(cutoff),
      profilesDeleted: await apply('profiles', 'last_activity_at < $1', 'DELETE'),
      messagesScrubbed: await apply(
        'messages',
        'created_at < $1 AND purged_at IS NULL',
        'UPDATE messages SET body = NULL, error = NULL, purged_at = now()',
      ),
      conversationsScrubbed: await apply(
        'conversations',
        'updated_at < $1 AND purged_at IS NULL',
        'UPDATE conversations SET state = NULL, due_at = NULL, purged_at = now()',
      ),
      contactsDeleted: await apply('contact_log', 'contacted_at < $1', 'DELETE'),
      decisionsScrubbed: await apply(
        'decisions',
        'decided_at < $1 AND reason IS NOT NULL',
        'UPDATE decisions SET reason = NULL',
      ),
      dryRun,
    };
    if (!dryRun) {
      await tx.query(
        `INSERT INTO purges (cutoff, profiles_deleted, messages_scrubbed, conversations_scrubbed, contacts_deleted,
                             decisions_scrubbed) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          cutoff,
          report.profilesDeleted,
          report.messagesScrubbed,
          report.conversationsScrubbed,
          report.contactsDeleted,
          report.decisionsScrubbed,
        ],
      );
    }
    return report;
  });
}
