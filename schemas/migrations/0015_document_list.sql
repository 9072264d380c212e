-- The document list and search without words (issue 6), ordered by time: `documents` is ordered by
-- id, so its newest page read the whole table through FINAL. Read backwards along this order and
-- stopped after a page, without FINAL (searchDocuments checks each row is its document's newest
-- analysis against this table, else reads `documents`). One row per analysis of a document: a
-- re-analysis that keeps the event time replaces its row, one that moves it adds a row.
CREATE TABLE IF NOT EXISTS document_list (
  event_time DateTime64(3, 'UTC'),
  id String,
  analyzed_at DateTime64(3, 'UTC'),
  url String,
  source LowCardinality(String),
  site LowCardinality(String),
  media_type LowCardinality(String),
  title String,
  summary String,
  published_at Nullable(DateTime64(3, 'UTC')),
  fetched_at DateTime64(3, 'UTC'),
  keywords Array(String),
  category LowCardinality(String),
  sentiment_label LowCardinality(String),
  sensitivity_score UInt8,
  region_codes Array(String),
  region_names Array(String)
) ENGINE = ReplacingMergeTree(analyzed_at)
ORDER BY (event_time, id);

-- The view exists before the back-fill below, so no insert falls between them.
CREATE MATERIALIZED VIEW IF NOT EXISTS document_list_mv TO document_list AS
SELECT coalesce(published_at, fetched_at) AS event_time, id, analyzed_at, url, source, site, media_type, title,
  summary, published_at, fetched_at, keywords, category, sentiment_label, sensitivity_score, region_codes, region_names
FROM documents;

-- Back-fill from the documents already stored (runs once, with the migration).
INSERT INTO document_list
SELECT coalesce(published_at, fetched_at) AS event_time, id, analyzed_at, url, source, site, media_type, title,
  summary, published_at, fetched_at, keywords, category, sentiment_label, sensitivity_score, region_codes, region_names
FROM documents FINAL;
