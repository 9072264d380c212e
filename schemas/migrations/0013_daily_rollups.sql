-- Daily rollups for the cockpit (issue 6 item 6). documents_hourly groups by hour × category ×
-- sentiment × media type × province, which is nearly one row per document at scale (645 k rows for
-- 1 M documents), so a 30-day read merges ~200 k uniq states. Here each dimension has its own rows
-- per Beijing day: (day, dimension, value) → documents, negative documents, sensitive documents.
-- About (1 + sentiments + categories + media types + provinces + cities) rows a day. The read
-- models take whole Beijing days from here and the partial days at the edges from the hourly
-- rollups, and merge the uniq states of both, so a document still counts once.
-- Measured at 1 M documents: a 30-day read merges ~30 states per value instead of ~200 k hourly
-- rows, about half the time; the rest is the uniq merge itself (~65 ns per document hash).
-- Tried and dropped: uniqCombined(17) states (not faster per value, and not mergeable with the
-- hourly uniq states) and blocks of 2..64 days (a sampled 64 k-hash state merges slower than days).
--
-- Dimensions and values (as in the hourly rollups):
--   all        ''                     every document
--   sentiment  negative|neutral|positive
--   category   the category, '' when none
--   media_type the media type
--   province   GB/T 2260 `xx0000`, '' when no region was found; a document naming several lands in each
--   city       GB/T 2260 `xxxx00` of county- or city-level codes; no row when none
-- negative_docs counts sentiment = 'negative'; sensitive_docs is a uniqIf state like
-- documents_hourly.sensitive_docs (sensitivity score ≥ 60), so the two merge together.
-- A re-analysed document counts in its old and its new group until a rebuild, as in the hourly rollups.
CREATE TABLE IF NOT EXISTS documents_daily (
  day Date,
  dimension LowCardinality(String),
  value LowCardinality(String),
  docs AggregateFunction(uniq, String),
  negative_docs AggregateFunction(uniq, String),
  sensitive_docs AggregateFunction(uniqIf, String, UInt8)
) ENGINE = AggregatingMergeTree
ORDER BY (dimension, day, value);

-- The view exists before the back-fill below, so no insert falls between them. A document inserted
-- while the back-fill runs is in both: its id enters the same uniq states twice, which counts once.
CREATE MATERIALIZED VIEW IF NOT EXISTS documents_daily_mv TO documents_daily AS
SELECT
  toDate(coalesce(published_at, fetched_at), 'Asia/Shanghai') AS day,
  dv.1 AS dimension,
  dv.2 AS value,
  uniqState(id) AS docs,
  uniqStateIf(id, sentiment_label = 'negative') AS negative_docs,
  uniqIfState(id, toUInt8(sensitivity_score >= 60)) AS sensitive_docs
FROM documents
ARRAY JOIN arrayConcat(
  [('all', ''), ('sentiment', toString(sentiment_label)), ('category', toString(category)), ('media_type', toString(media_type))],
  arrayMap(p -> ('province', p), if(empty(region_codes), [''], arrayDistinct(arrayMap(c -> concat(substring(c, 1, 2), '0000'), region_codes)))),
  arrayMap(c -> ('city', c), arrayDistinct(arrayMap(c -> concat(substring(c, 1, 4), '00'), arrayFilter(c -> length(c) = 6 AND substring(c, 3, 2) != '00', region_codes))))
) AS dv
GROUP BY day, dimension, value;

-- Back-fill from the documents already stored (runs once, with the migration). Rows the view
-- already wrote are harmless duplicates: uniq states of the same ids merge to the same count.
INSERT INTO documents_daily
SELECT
  toDate(coalesce(published_at, fetched_at), 'Asia/Shanghai') AS day,
  dv.1 AS dimension,
  dv.2 AS value,
  uniqState(id) AS docs,
  uniqStateIf(id, sentiment_label = 'negative') AS negative_docs,
  uniqIfState(id, toUInt8(sensitivity_score >= 60)) AS sensitive_docs
FROM documents
ARRAY JOIN arrayConcat(
  [('all', ''), ('sentiment', toString(sentiment_label)), ('category', toString(category)), ('media_type', toString(media_type))],
  arrayMap(p -> ('province', p), if(empty(region_codes), [''], arrayDistinct(arrayMap(c -> concat(substring(c, 1, 2), '0000'), region_codes)))),
  arrayMap(c -> ('city', c), arrayDistinct(arrayMap(c -> concat(substring(c, 1, 4), '00'), arrayFilter(c -> length(c) = 6 AND substring(c, 3, 2) != '00', region_codes))))
) AS dv
GROUP BY day, dimension, value;
