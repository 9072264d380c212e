-- Dashboard rollups and search (dashboard issue). The cockpit reads these small tables instead of
-- scanning documents; search uses the text index on the jieba tokens.

-- Full-text search over jieba tokens: has(tokens, t), hasAllTokens and hasAnyTokens use it.
ALTER TABLE documents ADD INDEX IF NOT EXISTS tokens_text tokens TYPE text(tokenizer = 'array');
ALTER TABLE documents MATERIALIZE INDEX tokens_text;

-- Documents per hour × category × sentiment × media type × province (GB/T 2260 `xx0000`, '' when no
-- region was found). A document naming several provinces lands in each; uniqMerge over provinces
-- still counts it once. A re-analysed document counts in its old and its new group until a rebuild:
-- the analyzer writes each document once in normal operation.
CREATE TABLE IF NOT EXISTS documents_hourly (
  hour DateTime('UTC'),
  category LowCardinality(String),
  sentiment LowCardinality(String),
  media_type LowCardinality(String),
  province LowCardinality(String),
  docs AggregateFunction(uniq, String),
  sensitive_docs AggregateFunction(uniqIf, String, UInt8)
) ENGINE = AggregatingMergeTree
ORDER BY (hour, category, sentiment, media_type, province);

CREATE MATERIALIZED VIEW IF NOT EXISTS documents_hourly_mv TO documents_hourly AS
SELECT
  toStartOfHour(coalesce(published_at, fetched_at)) AS hour,
  category,
  sentiment_label AS sentiment,
  media_type,
  arrayJoin(if(empty(region_codes), [''], arrayDistinct(arrayMap(c -> concat(substring(c, 1, 2), '0000'), region_codes)))) AS province,
  uniqState(id) AS docs,
  uniqIfState(id, toUInt8(sensitivity_score >= 60)) AS sensitive_docs
FROM documents
GROUP BY hour, category, sentiment, media_type, province;

-- Keyword counts per Beijing day for the word cloud.
CREATE TABLE IF NOT EXISTS keywords_daily (
  day Date,
  keyword String,
  docs UInt64
) ENGINE = SummingMergeTree
ORDER BY (day, keyword);

CREATE MATERIALIZED VIEW IF NOT EXISTS keywords_daily_mv TO keywords_daily AS
SELECT toDate(coalesce(published_at, fetched_at), 'Asia/Shanghai') AS day, arrayJoin(keywords) AS keyword, count() AS docs
FROM documents
GROUP BY day, keyword;

-- Documents per hour and city (GB/T 2260 `xxxx00`) for the regional ranking and drill-down.
CREATE TABLE IF NOT EXISTS regions_hourly (
  hour DateTime('UTC'),
  city LowCardinality(String),
  sentiment LowCardinality(String),
  docs AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
ORDER BY (hour, city, sentiment);

CREATE MATERIALIZED VIEW IF NOT EXISTS regions_hourly_mv TO regions_hourly AS
SELECT
  toStartOfHour(coalesce(published_at, fetched_at)) AS hour,
  arrayJoin(arrayDistinct(arrayMap(c -> concat(substring(c, 1, 4), '00'), arrayFilter(c -> length(c) = 6 AND substring(c, 3, 2) != '00', region_codes)))) AS city,
  sentiment_label AS sentiment,
  uniqState(id) AS docs
FROM documents
GROUP BY hour, city, sentiment;
