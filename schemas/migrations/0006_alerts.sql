-- Alerts and their delivery (alerts issue). Rules, channels, alerts and deliveries are versioned
-- rows (ReplacingMergeTree by `version`); state history and delivery attempts are append-only logs.

-- A department's alert rule; `definition` is the rule as JSON (analyzer/src/alerts/rules.ts).
CREATE TABLE IF NOT EXISTS alert_rules (
  id String,
  department_id String,
  name String,
  definition String,
  enabled UInt8 DEFAULT 1,
  deleted UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- One alert per department and event (topic, duplicate cluster, spike): the alert engine writes a
-- new version each time it grows. Analysts' changes live in alert_status, so the two writers never
-- overwrite each other.
CREATE TABLE IF NOT EXISTS alerts (
  id String,
  department_id String,
  rule_id String,
  rule_ids Array(String),
  group_key String,
  keys Array(String),
  keywords Array(String),
  level LowCardinality(String),
  title String,
  evidence String,
  documents UInt32,
  first_triggered_at DateTime64(3, 'UTC'),
  last_triggered_at DateTime64(3, 'UTC'),
  first_report_at Nullable(DateTime64(3, 'UTC')),
  alerted_at DateTime64(3, 'UTC'),
  notified_at Nullable(DateTime64(3, 'UTC')),
  notified_documents UInt32 DEFAULT 0,
  notified_level LowCardinality(String) DEFAULT '',
  notify_pending UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- The analyst side of an alert: state (new → acknowledged → assigned → resolved), assignee and
-- feedback (not_relevant / handled). No row means `new`. `id` is the alert's id (it also shards).
CREATE TABLE IF NOT EXISTS alert_status (
  id String,
  state LowCardinality(String),
  assignee String DEFAULT '',
  feedback LowCardinality(String) DEFAULT '',
  updated_by String DEFAULT '',
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Every change of an alert: created, escalated, notified, suppressed, and each state change.
CREATE TABLE IF NOT EXISTS alert_events (
  alert_id String,
  at DateTime64(3, 'UTC'),
  actor String,
  action LowCardinality(String),
  from_state LowCardinality(String) DEFAULT '',
  to_state LowCardinality(String) DEFAULT '',
  detail String DEFAULT ''
) ENGINE = MergeTree
ORDER BY (alert_id, at);

-- The documents behind each alert with the times of every step, for evidence and for latency
-- (fetch → alert) per source.
CREATE TABLE IF NOT EXISTS alert_documents (
  alert_id String,
  document_id String,
  source LowCardinality(String),
  published_at Nullable(DateTime64(3, 'UTC')),
  fetched_at DateTime64(3, 'UTC'),
  analyzed_at DateTime64(3, 'UTC'),
  alerted_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(alerted_at)
ORDER BY (alert_id, document_id);

-- Where a department's alerts go; `config` is JSON and may hold secrets (never logged).
CREATE TABLE IF NOT EXISTS channels (
  id String,
  department_id String,
  name String,
  kind LowCardinality(String),
  config String,
  enabled UInt8 DEFAULT 1,
  deleted UInt8 DEFAULT 0,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- The delivery queue: one row per notification and channel, a new version per attempt. The id is
-- the receiver's idempotency key.
CREATE TABLE IF NOT EXISTS deliveries (
  id String,
  alert_id String,
  channel_id String,
  kind LowCardinality(String),
  payload String,
  status LowCardinality(String),
  attempts UInt16,
  next_attempt_at DateTime64(3, 'UTC'),
  last_error String DEFAULT '',
  created_at DateTime64(3, 'UTC'),
  sent_at Nullable(DateTime64(3, 'UTC')),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- The delivery log: every attempt with its outcome.
CREATE TABLE IF NOT EXISTS delivery_attempts (
  delivery_id String,
  alert_id String,
  channel_id String,
  attempt UInt16,
  at DateTime64(3, 'UTC'),
  ok UInt8,
  status_code UInt16 DEFAULT 0,
  error String DEFAULT '',
  duration_ms UInt32 DEFAULT 0
) ENGINE = MergeTree
ORDER BY (delivery_id, at);
