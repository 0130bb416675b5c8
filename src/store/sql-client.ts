/** Which database engine runs the store. */
export type StoreBackend = 'pglite' | 'postgres';

/** Runs parameterised SQL (`$1`, `$2`…) and returns the rows. One connection or one transaction. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** Isolation of a store transaction (PostgreSQL levels; both backends accept them). */
export type TransactionIsolation = 'read committed' | 'repeatable read' | 'serializable';

/** A database handle: a PGlite instance or a `pg` pool, behind the same small interface. */
export interface SqlClient extends SqlExecutor {
  readonly backend: StoreBackend;
  /** Runs `run` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(
    run: (tx: SqlExecutor) => Promise<T>,
    options?: { isolation?: TransactionIsolation },
  ): Promise<T>;
  close(): Promise<void>;
}

/** The `SET TRANSACTION` statement for an isolation level, or null for the default (read committed). */
export function isolationStatement(isolation: TransactionIsolation | undefined): string | null {
  if (!isolation || isolation === 'read committed') return null;
  return `SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`;
}
