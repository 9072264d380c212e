-- Reports (portal-adapter/src/reports): one row per scheduled report period, a new version when
-- its state changes (generated, delivered, failed). The scheduler reads the latest period per
-- schedule, so a restart neither repeats a report nor sends it twice.
CREATE TABLE IF NOT EXISTS report_runs (
  schedule_id String,
  period_date String,
  kind LowCardinality(String),
  state LowCardinality(String),
  title String,
  files Array(String),
  documents UInt32,
  delivered Array(String),
  error String DEFAULT '',
  started_at DateTime64(3, 'UTC'),
  finished_at DateTime64(3, 'UTC'),
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY (schedule_id, period_date);
