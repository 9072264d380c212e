-- A topic's word groups (词群关系, analyzer issue) count the strongest keywords of its stories.
-- `documents` is ordered by id, so a topic's documents lie all over the table and reading their
-- keywords read the whole keywords column: ~40 ms a query at 1 M documents, two queries a topic
-- page. Here they are ordered by topic, so a topic reads its own rows only.
--
-- One row per (topic, document), the newest analysis (read with FINAL): each document's eight
-- strongest keywords (stored by TF-IDF weight), and whether it is a reprint, which the query
-- leaves out (a story counts once). A document keeps its topic when analysed again; one that moved
-- would keep a row in its old topic too.
CREATE TABLE IF NOT EXISTS topic_keywords (
  topic_id String,
  id String,
  analyzed_at DateTime64(3, 'UTC'),
  reprint UInt8,
  keywords Array(String)
) ENGINE = ReplacingMergeTree(analyzed_at)
ORDER BY (topic_id, id);

-- The view exists before the back-fill below, so no insert falls between them.
CREATE MATERIALIZED VIEW IF NOT EXISTS topic_keywords_mv TO topic_keywords AS
SELECT topic_id, id, analyzed_at, duplicate_of != '' AS reprint, arraySlice(arrayDistinct(keywords), 1, 8) AS keywords
FROM documents
WHERE topic_id != '';

-- Back-fill from the documents already stored (runs once, with the migration).
INSERT INTO topic_keywords
SELECT topic_id, id, analyzed_at, duplicate_of != '' AS reprint, arraySlice(arrayDistinct(keywords), 1, 8) AS keywords
FROM documents FINAL
WHERE topic_id != '';
