-- Hot topics (热点发现): one versioned row per topic change, the newest version wins on merge.
-- The centroid and the rate counters let the analyzer restore its clustering state after a
-- restart; readers use the label, statistics and life-cycle state.
CREATE TABLE IF NOT EXISTS topics (
  id String,
  version UInt64,
  label String,
  keywords Array(String),
  representative_title String,
  representative_doc_id String,
  first_seen DateTime64(3, 'UTC'),
  last_seen DateTime64(3, 'UTC'),
  volume UInt32,
  velocity Float32,
  sources UInt32,
  source_names Array(String),
  sentiment_positive UInt32,
  sentiment_neutral UInt32,
  sentiment_negative UInt32,
  region_codes Array(String),
  region_counts Map(String, UInt32),
  state LowCardinality(String),
  merged_into String,
  centroid Map(String, Float32),
  rate_short Float64,
  rate_long Float64,
  rate_peak Float64,
  rate_at DateTime64(3, 'UTC'),
  attention Float64,
  representative_score Float32,
  updated_at DateTime64(3, 'UTC'),
  INDEX last_seen_idx last_seen TYPE minmax GRANULARITY 1
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;
