-- Publishing crawled items to the government portal (portal-adapter/src/publish, PUBLISHING.md).
-- Drafts, targets and publications are versioned rows (ReplacingMergeTree by `version`); the
-- draft history and the publish events are append-only logs.

-- The current state of each draft: one row per edit or state change, the highest version wins.
-- `body` is sanitized HTML; `document_id` is the analyzed document it was pulled from.
CREATE TABLE IF NOT EXISTS publish_drafts (
  id String,
  document_id String,
  department_id String,
  column_id LowCardinality(String),
  title String,
  summary String,
  body String,
  source_url String,
  source_site String,
  source_name String,
  source_published_at Nullable(DateTime64(3, 'UTC')),
  state LowCardinality(String),
  created_by String,
  created_at DateTime64(3, 'UTC'),
  updated_by String,
  updated_at DateTime64(3, 'UTC'),
  submitted_by String DEFAULT '',
  approved_by String DEFAULT '',
  published_at Nullable(DateTime64(3, 'UTC')),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Every version of every draft, kept: the merge of publish_drafts keeps only the newest.
CREATE TABLE IF NOT EXISTS publish_draft_versions (
  id String,
  version UInt64,
  state LowCardinality(String),
  column_id LowCardinality(String),
  title String,
  summary String,
  body String,
  updated_by String,
  updated_at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (id, version);

-- The audit of every step: create, edit, check, submit, approve, reject, publish, deliver,
-- withdraw, archive, and each refused transition.
CREATE TABLE IF NOT EXISTS publish_events (
  draft_id String,
  at DateTime64(3, 'UTC'),
  actor String,
  action LowCardinality(String),
  from_state LowCardinality(String) DEFAULT '',
  to_state LowCardinality(String) DEFAULT '',
  detail String DEFAULT ''
) ENGINE = MergeTree
ORDER BY (draft_id, at);

-- Where published items go: `kind` is feed, webhook or wordpress; `config` is JSON and may hold
-- secrets (never logged, never returned by the API). `columns` empty means every column.
CREATE TABLE IF NOT EXISTS publish_targets (
  id String,
  name String,
  kind LowCardinality(String),
  columns Array(String),
  config String,
  enabled UInt8 DEFAULT 1,
  deleted UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- One row per draft and target: the idempotency key sent, the remote reference it got, and the
-- outcome of the last attempt.
CREATE TABLE IF NOT EXISTS publications (
  draft_id String,
  target_id String,
  idempotency_key String,
  remote_id String DEFAULT '',
  remote_url String DEFAULT '',
  status LowCardinality(String),
  attempts UInt16 DEFAULT 0,
  last_error String DEFAULT '',
  published_at Nullable(DateTime64(3, 'UTC')),
  withdrawn_at Nullable(DateTime64(3, 'UTC')),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (draft_id, target_id);

-- What the feeds serve: a snapshot of each published item, keyed by (feed target, column,
-- idempotency key), so a retried publish replaces rather than duplicates; withdrawn ones stay
-- with `withdrawn = 1` and drop out of the feeds.
CREATE TABLE IF NOT EXISTS feed_entries (
  target_id String,
  column_id LowCardinality(String),
  entry_key String,
  draft_id String,
  title String,
  summary String,
  content String,
  link String,
  source_name String,
  source_url String,
  published_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC'),
  withdrawn UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (target_id, column_id, entry_key);
