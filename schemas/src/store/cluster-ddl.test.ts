import { describe, expect, it } from 'vitest';
import { clusterDdl } from './cluster-ddl.ts';
import { readMigrations } from './migrate.ts';

describe('clusterDdl', () => {
  it('turns a table into a replicated local table behind a distributed one, sharded by id', () => {
    const [local, distributed] = clusterDdl(
      'CREATE TABLE IF NOT EXISTS users (id String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY id',
      'main',
    );
    expect(local).toBe(
      "CREATE TABLE IF NOT EXISTS users_local ON CLUSTER main (id String, version UInt64) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/users_local', '{replica}', version) ORDER BY id",
    );
    expect(distributed).toBe(
      'CREATE TABLE IF NOT EXISTS users ON CLUSTER main AS users_local ENGINE = Distributed(main, currentDatabase(), users_local, cityHash64(id))',
    );
  });

  it('points materialized views at the local tables', () => {
    const [view] = clusterDdl(
      'CREATE MATERIALIZED VIEW IF NOT EXISTS v_mv TO v AS SELECT uniqState(id) AS docs FROM raw_documents GROUP BY 1',
      'main',
    );
    expect(view).toBe(
      'CREATE MATERIALIZED VIEW IF NOT EXISTS v_mv ON CLUSTER main TO v_local AS SELECT uniqState(id) AS docs FROM raw_documents_local GROUP BY 1',
    );
  });

  it('alters both tables for column changes and only the local one otherwise', () => {
    expect(clusterDdl('ALTER TABLE documents ADD COLUMN IF NOT EXISTS x UInt8', 'main')).toHaveLength(2);
    expect(clusterDdl('ALTER TABLE documents ADD INDEX i x TYPE minmax', 'main')).toEqual([
      'ALTER TABLE documents_local ON CLUSTER main ADD INDEX i x TYPE minmax',
    ]);
  });

  it('runs a back-fill once through the distributed tables', () => {
    const backfill = 'INSERT INTO facts SELECT id FROM documents FINAL';
    expect(clusterDdl(backfill, 'main')).toEqual([backfill]);
  });

  it('handles every statement of the shipped migrations', () => {
    for (const m of readMigrations())
      for (const s of m.statements) expect(clusterDdl(s, 'main').length).toBeGreaterThan(0);
  });
});
