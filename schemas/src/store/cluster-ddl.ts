/**
 * Rewrites single-node DDL for a ClickHouse cluster: each table becomes a Replicated* table
 * `<name>_local` on every node plus a Distributed table `<name>` in front of it; materialized
 * views read and write the local tables. Rows that share an `id` land on one shard, so
 * ReplacingMergeTree still collapses re-inserts of a document.
 */
export function clusterDdl(statement: string, cluster: string): string[] {
  const sql = statement.trim();
  const createTable = /^CREATE TABLE IF NOT EXISTS (\w+)\s*\(/i.exec(sql);
  if (createTable) return table(sql, createTable[1] as string, cluster);
  const view = /^CREATE MATERIALIZED VIEW IF NOT EXISTS (\w+) TO (\w+)/i.exec(sql);
  if (view) {
    const [, name, target] = view;
    return [
      sql
        .replace(
          view[0],
          `CREATE MATERIALIZED VIEW IF NOT EXISTS ${name} ON CLUSTER ${cluster} TO ${target}_local`,
        )
        .replace(/\bFROM (\w+)/i, (_, source) => `FROM ${source}_local`),
    ];
  }
  const alter = /^ALTER TABLE (\w+) (.*)$/is.exec(sql);
  if (alter) {
    const [, name, rest] = alter;
    const local = `ALTER TABLE ${name}_local ON CLUSTER ${cluster} ${rest}`;
    // Column changes must reach the Distributed table too; indexes and TTLs live on the local one.
    return /^\s*(ADD|MODIFY|DROP|RENAME) COLUMN/i.test(rest as string)
      ? [local, `ALTER TABLE ${name} ON CLUSTER ${cluster} ${rest}`]
      : [local];
  }
  // A back-fill (INSERT … SELECT) runs once, through the Distributed tables, which spread its rows
  // over the shards by id.
  if (/^INSERT INTO \w+\s/i.test(sql)) return [sql];
  throw new Error(
    `clusterDdl: unsupported statement, write it as CREATE TABLE/MATERIALIZED VIEW/ALTER/INSERT … SELECT: ${sql.slice(0, 80)}`,
  );
}

function table(sql: string, name: string, cluster: string): string[] {
  const local = `${name}_local`;
  const engine = /ENGINE\s*=\s*(Replacing|Aggregating|Summing|Collapsing)?MergeTree(?:\(([^)]*)\))?/i.exec(
    sql,
  );
  if (!engine) throw new Error(`clusterDdl: table ${name} has no MergeTree engine`);
  const args = [`'/clickhouse/tables/{shard}/{database}/${local}'`, `'{replica}'`];
  if (engine[2]?.trim()) args.push(engine[2].trim());
  const localSql = sql
    .replace(/^CREATE TABLE IF NOT EXISTS \w+/i, `CREATE TABLE IF NOT EXISTS ${local} ON CLUSTER ${cluster}`)
    .replace(engine[0], `ENGINE = Replicated${engine[1] ?? ''}MergeTree(${args.join(', ')})`);
  const shardKey = /\(\s*id String\b|,\s*id String\b/.test(sql) ? 'cityHash64(id)' : 'rand()';
  const distributed =
    `CREATE TABLE IF NOT EXISTS ${name} ON CLUSTER ${cluster} AS ${local} ` +
    `ENGINE = Distributed(${cluster}, currentDatabase(), ${local}, ${shardKey})`;
  return [localSql, distributed];
}
