import type { Command } from 'commander';
import { DEFAULT_RETENTION, type StoreStatus } from '../../index.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';

function formatStatus(status: StoreStatus): string {
  const lines = [
    `store:    ${status.backend === 'pglite' ? 'embedded PGlite' : 'PostgreSQL server'} ${status.location} (PostgreSQL ${status.serverVersion})`,
    `schema:   v${status.schemaVersion} of v${status.latestSchemaVersion}${status.schemaVersion < status.latestSchemaVersion ? ' (run `cvmatch db migrate`)' : ''}`,
    `vectors:  ${status.vectors ?? '-'}${status.vectors === 'pgvector' ? ' (nearest-neighbour in SQL)' : status.vectors === 'bytea' ? ' (scanned in process, SIMD)' : ''}; pgvector available: ${status.pgvectorAvailable ?? 'no'}`,
  ];
  for (const migration of status.migrations) {
    lines.push(
      `  ${String(migration.version).padStart(4)} ${migration.name.padEnd(16)} ${migration.appliedAt ?? 'pending'}`,
    );
  }
  if (Object.keys(status.counts).length > 0) {
    lines.push(
      `rows:     ${Object.entries(status.counts)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')}`,
    );
  }
  if (status.lastPurge) {
    lines.push(
      `purged:   ${status.lastPurge.purgedAt} (before ${status.lastPurge.cutoff}: ${status.lastPurge.profilesDeleted} profiles, ` +
        `${status.lastPurge.messagesScrubbed} messages)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `cvmatch db migrate|status|purge`. */
export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('The store itself: schema migrations, status, retention purge.');

  const migrate = db
    .command('migrate')
    .description(
      'Apply pending schema migrations (commands that use the store also do it when they open it).',
    )
    .option('--json', 'print { applied, current, latest } as JSON');
  addStoreOptions(migrate);
  migrate.action(async (options: StoreCliOptions & { json?: boolean }) => {
    const report = await withStore(options, (store) => store.migrate(), { migrate: false });
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(
        report.applied.length > 0
          ? `applied migration(s) ${report.applied.join(', ')}; schema v${report.current}\n`
          : `schema v${report.current} is up to date\n`,
      );
    }
  });

  const status = db
    .command('status')
    .description(
      'Show the backend, schema version, pending migrations, vector storage and row counts (changes nothing).',
    )
    .option('--json', 'print the status as JSON');
  addStoreOptions(status);
  status.action(async (options: StoreCliOptions & { json?: boolean }) => {
    const report = await withStore(options, (store) => store.status(), { migrate: false });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
  });

  const purge = db
    .command('purge')
    .description(
      'Retention: delete candidate profiles whose last activity is older than the period, erase the text of older ' +
        'messages and conversations (rows and counts stay), and delete older contact-log entries. Opt-outs and ' +
        'the audit trail are kept.',
    )
    .option(
      '--older-than <period>',
      'retention period: <n>y, <n>m or <n>d (CNIL: 2 years for candidate files)',
      DEFAULT_RETENTION,
    )
    .option('--now <date-time>', 'reference date (ISO 8601; default now)')
    .option('--dry-run', 'count what would be removed, remove nothing')
    .option('--json', 'print the report as JSON');
  addStoreOptions(purge);
  purge.action(
    async (
      options: StoreCliOptions & { olderThan: string; now?: string; dryRun?: boolean; json?: boolean },
    ) => {
      const report = await withStore(options, (store) =>
        store.purge({
          olderThan: options.olderThan,
          ...(options.now ? { now: options.now } : {}),
          dryRun: options.dryRun ?? false,
        }),
      );
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        process.stdout.write(
          `${report.dryRun ? 'would purge' : 'purged'} data older than ${report.cutoff}: ${report.profilesDeleted} profiles, ` +
            `${report.messagesScrubbed} message texts, ${report.conversationsScrubbed} conversation states, ` +
            `${report.contactsDeleted} contact-log entries, ${report.decisionsScrubbed} decision reasons\n`,
        );
      }
    },
  );
}
