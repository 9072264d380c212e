-- When each raw document was written: the analyzer reads in this order. Reading by fetch time
-- missed documents that a crawler batch wrote after later-fetched ones had been analyzed.
-- Rows written before this column existed read it as their fetch time.
ALTER TABLE raw_documents ADD COLUMN IF NOT EXISTS stored_at DateTime64(3, 'UTC') DEFAULT fetched_at;
