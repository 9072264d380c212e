-- The full per-document analysis (analyzer issue): category, sentiment, sensitivity, regions,
-- entities, near-duplicates. Evidence is kept so every label can be explained.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS category LowCardinality(String) DEFAULT '';
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sentiment_label LowCardinality(String) DEFAULT 'neutral';
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sentiment_score Float32 DEFAULT 0;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sentiment_evidence Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sensitivity_score UInt8 DEFAULT 0;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sensitivity_categories Array(LowCardinality(String)) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS sensitivity_evidence String DEFAULT '[]';
ALTER TABLE documents ADD COLUMN IF NOT EXISTS region_codes Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS region_names Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS persons Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS orgs Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS places Array(String) DEFAULT [];
ALTER TABLE documents ADD COLUMN IF NOT EXISTS simhash UInt64 DEFAULT 0;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_of String DEFAULT '';
ALTER TABLE documents ADD COLUMN IF NOT EXISTS topic_id String DEFAULT '';

-- Corpus document frequencies for keywords, so they survive restarts: one row per word and
-- analyzer batch, summed on merge.
CREATE TABLE IF NOT EXISTS term_df (
  term String,
  df UInt64
) ENGINE = SummingMergeTree
ORDER BY term;

CREATE TABLE IF NOT EXISTS corpus_stats (
  key LowCardinality(String),
  value UInt64
) ENGINE = SummingMergeTree
ORDER BY key;
