-- Source health (crawler issue): what each crawl run did, beyond found/new/changed/errors.
-- Rows written before this migration keep the defaults (kind '' = unknown, duration 0).

ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS kind LowCardinality(String) DEFAULT '';
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS render UInt8 DEFAULT 0;
-- Pages fetched (listings, list pages and articles) and articles found again unchanged.
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS pages UInt32 DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS unchanged UInt32 DEFAULT 0;
-- Left out on purpose, by reason: non_html, trap, not_modified (304), same_listing, over_budget.
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS skipped Map(String, UInt32);
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS duration_ms UInt64 DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS freshness_p90_seconds Nullable(Float64);
ALTER TABLE crawl_runs ADD COLUMN IF NOT EXISTS aborted UInt8 DEFAULT 0;
