-- The region of the source a raw document came from (its `region`: a GB/T 2260 code or a place
-- name), so the analyzer can resolve an ambiguous place name (朝阳区 in 北京 or 长春) by where the
-- source is. Rows written before read it as none.
ALTER TABLE raw_documents ADD COLUMN IF NOT EXISTS region String DEFAULT '';
