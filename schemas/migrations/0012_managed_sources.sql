-- Sources managed from the dashboard (crawler issue). The sources file stays authoritative: an id
-- defined in the file wins and the dashboard shows it read-only; table entries add further sources.
-- `definition` is one source entry as JSON, validated by the same zod schema as config/sources.yaml
-- (crawler/src/sources/source-schema.ts). The newest `updated_at` version of an id wins.
CREATE TABLE IF NOT EXISTS managed_sources (
  id String,
  definition String,
  enabled UInt8 DEFAULT 1,
  deleted UInt8 DEFAULT 0,
  updated_by String,
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(updated_at)
ORDER BY id;

-- "Run now" from the dashboard: the scheduler treats a source with a request newer than its last
-- run as due at once. Append-only; a request is answered by the next run that starts after it.
CREATE TABLE IF NOT EXISTS source_run_requests (
  source_id String,
  requested_by String,
  requested_at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (requested_at, source_id);
