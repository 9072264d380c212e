-- What the crawler fetched. One row per document id (hash of the canonical URL); a re-crawl or
-- a retried insert is collapsed by ReplacingMergeTree, the newest fetch wins.
CREATE TABLE IF NOT EXISTS raw_documents (
  id String,
  url String,
  canonical_url String,
  source LowCardinality(String),
  site LowCardinality(String),
  media_type LowCardinality(String),
  title String,
  body String,
  author String,
  published_at Nullable(DateTime64(3, 'UTC')),
  fetched_at DateTime64(3, 'UTC'),
  content_hash String,
  event_time DateTime64(3, 'UTC') MATERIALIZED coalesce(published_at, fetched_at)
) ENGINE = ReplacingMergeTree(fetched_at)
ORDER BY id;

-- The analysis of each document, denormalised with what lists and charts show.
CREATE TABLE IF NOT EXISTS documents (
  id String,
  url String,
  source LowCardinality(String),
  site LowCardinality(String),
  media_type LowCardinality(String),
  title String,
  summary String,
  published_at Nullable(DateTime64(3, 'UTC')),
  fetched_at DateTime64(3, 'UTC'),
  analyzed_at DateTime64(3, 'UTC'),
  content_hash String,
  tokens Array(String),
  keywords Array(String),
  event_time DateTime64(3, 'UTC') MATERIALIZED coalesce(published_at, fetched_at),
  INDEX event_time_idx event_time TYPE minmax GRANULARITY 1
) ENGINE = ReplacingMergeTree(analyzed_at)
ORDER BY id;

-- Hourly volume for the dashboard's trend; uniq over ids so a re-inserted document counts once.
CREATE TABLE IF NOT EXISTS volume_hourly (
  hour DateTime('UTC'),
  source LowCardinality(String),
  media_type LowCardinality(String),
  docs AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
ORDER BY (hour, source, media_type);

CREATE MATERIALIZED VIEW IF NOT EXISTS volume_hourly_mv TO volume_hourly AS
SELECT toStartOfHour(coalesce(published_at, fetched_at)) AS hour, source, media_type, uniqState(id) AS docs
FROM raw_documents
GROUP BY hour, source, media_type;

-- Where each pipeline stage has read up to: (time, id) of the last row it finished.
CREATE TABLE IF NOT EXISTS pipeline_state (
  stage String,
  watermark_time DateTime64(3, 'UTC'),
  watermark_id String,
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(updated_at)
ORDER BY stage;

-- The crawler's seen-set: what each canonical URL looked like when last fetched.
CREATE TABLE IF NOT EXISTS crawl_seen (
  source LowCardinality(String),
  url_id String,
  url String,
  content_hash String,
  etag String,
  last_modified String,
  fetched_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(fetched_at)
ORDER BY (source, url_id);

-- One row per crawl run and source: the source's health.
CREATE TABLE IF NOT EXISTS crawl_runs (
  run_id String,
  source LowCardinality(String),
  started_at DateTime64(3, 'UTC'),
  finished_at DateTime64(3, 'UTC'),
  found UInt32,
  new UInt32,
  changed UInt32,
  errors Map(String, UInt32),
  freshness_p50_seconds Nullable(Float64)
) ENGINE = MergeTree
ORDER BY (source, started_at);

-- Departments form a tree (city -> district -> bureau). Versioned rows: every change is a new row.
CREATE TABLE IF NOT EXISTS departments (
  id String,
  parent_id String,
  name String,
  version UInt64,
  deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS users (
  id String,
  username String,
  display_name String,
  password_hash String,
  roles Array(LowCardinality(String)),
  department_id String,
  disabled UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Sessions are keyed by the SHA-256 of the cookie token; the token itself is never stored.
CREATE TABLE IF NOT EXISTS sessions (
  id String,
  user_id String,
  created_at DateTime64(3, 'UTC'),
  expires_at DateTime64(3, 'UTC'),
  revoked UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

CREATE TABLE IF NOT EXISTS audit_log (
  at DateTime64(3, 'UTC'),
  actor_id String,
  action LowCardinality(String),
  target String,
  detail String,
  ip String
) ENGINE = MergeTree
ORDER BY at;
