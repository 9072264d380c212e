-- Citizen mailbox (领导信箱 / 网上信访 / 民意征集), portal-adapter/src/mailbox. A letter is a versioned
-- row (ReplacingMergeTree by `version`): the triage result, the workflow state, the responsible
-- department, the deadline and the reply all live on it, and every change writes a new version.
-- The change history (who, when, from, to, note) and leaders' instructions (批示) are append-only
-- rows of letter_events.

CREATE TABLE IF NOT EXISTS letters (
  id String,
  -- The department that owns the letter (tenancy); `department` is the one that must answer.
  owner_department_id String DEFAULT '',
  channel LowCardinality(String) DEFAULT 'mailbox',
  external_id String DEFAULT '',
  title String,
  content String,
  author String DEFAULT '',
  phone String DEFAULT '',
  id_number String DEFAULT '',
  received_at DateTime64(3, 'UTC'),
  category LowCardinality(String),
  category_path String,
  suggested_department String,
  department String,
  urgency LowCardinality(String),
  sentiment LowCardinality(String),
  sentiment_score Float32,
  similar Array(String),
  simhash String,
  evidence String,
  state LowCardinality(String),
  assignee String DEFAULT '',
  deadline_at DateTime64(3, 'UTC'),
  reply String DEFAULT '',
  reply_department String DEFAULT '',
  replied_at Nullable(DateTime64(3, 'UTC')),
  reply_check String DEFAULT '',
  closed_at Nullable(DateTime64(3, 'UTC')),
  updated_at DateTime64(3, 'UTC'),
  updated_by String DEFAULT '',
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Every change of a letter: received, assigned, replying, replied, closed, reopened, instruction
-- (批示: `note` holds the text), deadline changes. `actor` is a user id or `system`.
CREATE TABLE IF NOT EXISTS letter_events (
  letter_id String,
  at DateTime64(3, 'UTC'),
  actor String,
  action LowCardinality(String),
  from_state LowCardinality(String) DEFAULT '',
  to_state LowCardinality(String) DEFAULT '',
  note String DEFAULT ''
) ENGINE = MergeTree
ORDER BY (letter_id, at);
