-- Fingerprints of a document's longest sentences (analyzer `dedup/passages.ts`): a reprint that
-- adds a comment or a sentence, or cuts one, shares most of them with its original while its
-- SimHash moves too far. The near-duplicate index is rebuilt from them at start. Each value is a
-- 41-bit hash times 4096 plus the sentence's length, below 2^53. Rows written before have none and
-- are found by their SimHash alone.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS passages Array(UInt64) DEFAULT [];
