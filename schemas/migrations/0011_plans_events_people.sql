-- Monitoring plans (专题), events (事件追踪), watched people (人物追踪) and the opinion index
-- (舆情指数). Design and thresholds: analyzer/EVENTS.md.

-- A department's monitoring plan. Versioned: every change is a new row, the highest version wins.
-- `match_version` is the version at which the matching criteria last changed: plan_documents rows
-- tagged under an older one no longer count.
CREATE TABLE IF NOT EXISTS plans (
  id String,
  version UInt64,
  match_version UInt64,
  department_id String,
  name String,
  expression String,
  persons Array(String),
  region_codes Array(String),
  exclusions Array(String),
  sharing LowCardinality(String),
  enabled UInt8,
  deleted UInt8 DEFAULT 0,
  created_by String,
  updated_by String,
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Documents a plan matched, tagged as they arrive and back-filled over history.
CREATE TABLE IF NOT EXISTS plan_documents (
  plan_id String,
  document_id String,
  match_version UInt64,
  event_time DateTime64(3, 'UTC'),
  matched_terms Array(String),
  matched_persons Array(String),
  tagged_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(tagged_at)
ORDER BY (plan_id, document_id);

-- Events: topics that crossed a threshold or that an analyst promoted. Versioned rows.
CREATE TABLE IF NOT EXISTS events (
  id String,
  version UInt64,
  topic_ids Array(String),
  title String,
  keywords Array(String),
  state LowCardinality(String),
  reasons Array(String),
  promoted_by String,
  first_doc_id String,
  first_time DateTime64(3, 'UTC'),
  first_site String,
  first_source String,
  first_title String,
  first_url String,
  last_seen DateTime64(3, 'UTC'),
  volume UInt32,
  sources UInt32,
  negative UInt32,
  max_sensitivity UInt8,
  index_score Float64,
  index_level LowCardinality(String),
  created_at DateTime64(3, 'UTC'),
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Citation links between documents found in their text (a body naming another document's URL),
-- besides the near-duplicate links in documents.duplicate_of; reprint chains use both.
CREATE TABLE IF NOT EXISTS document_links (
  from_id String,
  to_id String,
  kind LowCardinality(String),
  found_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(found_at)
ORDER BY (to_id, from_id);

-- The watch list of public figures. Versioned rows.
CREATE TABLE IF NOT EXISTS watched_people (
  id String,
  version UInt64,
  department_id String,
  name String,
  aliases Array(String),
  roles Array(String),
  note String,
  enabled UInt8,
  deleted UInt8 DEFAULT 0,
  updated_by String,
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- A watched person mentioned by a document: as a recognised person entity or by name in the text.
CREATE TABLE IF NOT EXISTS person_mentions (
  person_id String,
  document_id String,
  matched String,
  via LowCardinality(String),
  event_time DateTime64(3, 'UTC'),
  source LowCardinality(String),
  topic_id String,
  sentiment_label LowCardinality(String),
  sentiment_score Float32,
  tagged_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(tagged_at)
ORDER BY (person_id, document_id);

-- The opinion index of documents, topics and events with its parts (points per factor, summing to
-- the score, and the raw inputs as `input.*`). Append-only: a topic's or event's rows are its
-- index over time; the newest row is the current index.
CREATE TABLE IF NOT EXISTS opinion_index (
  kind LowCardinality(String),
  id String,
  score Float64,
  level LowCardinality(String),
  parts Map(String, Float64),
  computed_at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (kind, id, computed_at);

-- Event and index read models select a topic's documents.
ALTER TABLE documents ADD INDEX IF NOT EXISTS topic_id_idx topic_id TYPE bloom_filter GRANULARITY 4;
