/** A query built by a read model: SQL with `{name:Type}` placeholders and their values. */
export interface BuiltQuery {
  readonly query: string;
  readonly params: Record<string, unknown>;
}

export type EngineKind = 'embedded' | 'remote';

/** The one storage port. Both adapters implement it over `@clickhouse/client`. */
export interface Store {
  readonly engine: EngineKind;
  readonly database: string;
  /** Rewrites DDL for the configured cluster (identity without a cluster). */
  readonly ddl: (statement: string) => string[];
  /** Runs a SELECT and returns its rows; `name` labels the query in debug logs. */
  query<T>(name: string, built: BuiltQuery): Promise<T[]>;
  /** Inserts rows in one batch (JSONEachRow). */
  insert(table: string, rows: readonly object[]): Promise<void>;
  /** Runs a statement that returns no rows (DDL, mutations). */
  command(statement: string, params?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** A storage failure; `transient` ones are worth retrying. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
