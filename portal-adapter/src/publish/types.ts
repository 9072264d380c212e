import { z } from 'zod';

/** Where a draft stands; PUBLISHING.md draws the transitions. */
export const DRAFT_STATES = [
  'draft',
  'pending_review',
  'approved',
  'rejected',
  'published',
  'withdrawn',
  'archived',
] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A portal column (栏目): letters, digits, `_` and `-`, Chinese included, up to 40 characters. */
export const ColumnIdSchema = z
  .string()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, '栏目只能由文字、数字、_ 和 - 组成（1 到 40 个字符）');

export interface Draft {
  id: string;
  documentId: string;
  departmentId: string;
  column: string;
  title: string;
  summary: string;
  /** Sanitized HTML. */
  body: string;
  source: { url: string; site: string; name: string; publishedAt: string | null };
  state: DraftState;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string;
  approvedBy: string;
  publishedAt: string | null;
  /** 1 for a new draft, +1 per change; edits name the version they started from. */
  version: number;
}

export interface PublishEvent {
  draftId: string;
  at: string;
  actor: string;
  action: string;
  fromState: string;
  toState: string;
  detail: string;
}

/** What a target receives: the approved content with its attribution, body sanitized again. */
export interface PublishItem {
  draftId: string;
  version: number;
  column: string;
  title: string;
  summary: string;
  html: string;
  source: { url: string; site: string; name: string; publishedAt: string | null };
  publishedAt: string;
}

/** Where a publication ended up on a target, enough to withdraw it later. */
export interface RemoteRef {
  idempotencyKey: string;
  remoteId: string;
  remoteUrl: string;
}

export const TARGET_KINDS = ['feed', 'webhook', 'wordpress'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * One publishing target. `publish` is idempotent per key: calling it again with the same key
 * updates or confirms the same remote item, never makes a second one.
 */
export interface PublishTarget {
  readonly kind: TargetKind;
  readonly id: string;
  publish(item: PublishItem, idempotencyKey: string): Promise<RemoteRef>;
  withdraw(ref: RemoteRef): Promise<void>;
}

/** An illegal transition, a missing permission, a stale version or a failed check. */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    readonly code:
      | 'illegal_transition'
      | 'forbidden'
      | 'conflict'
      | 'not_found'
      | 'check_failed'
      | 'bad_request'
      | 'target_failed',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A target that failed; `retryable` failures are tried again with backoff. */
export class TargetError extends Error {
  override name = 'TargetError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly statusCode = 0,
  ) {
    super(message);
  }
}
