import { fromClickHouseTime, toClickHouseTime } from '@yuqing/schemas';
import type { Letter, LetterEvent, LetterState } from './letter.ts';
import type { Urgency } from './urgency.ts';

/** The columns of `letters` as ClickHouse returns them. */
export interface LetterRow {
  id: string;
  owner_department_id: string;
  channel: string;
  external_id: string;
  title: string;
  content: string;
  author: string;
  phone: string;
  id_number: string;
  received_at: string;
  category: string;
  category_path: string;
  suggested_department: string;
  department: string;
  urgency: string;
  sentiment: string;
  sentiment_score: number;
  similar: string[];
  simhash: string;
  evidence: string;
  state: string;
  assignee: string;
  deadline_at: string;
  reply: string;
  reply_department: string;
  replied_at: string | null;
  reply_check: string;
  closed_at: string | null;
  updated_at: string;
  updated_by: string;
  version: number | string;
}

export const LETTER_COLUMNS =
  'id, owner_department_id, channel, external_id, title, content, author, phone, id_number, received_at, category, category_path, suggested_department, department, urgency, sentiment, sentiment_score, similar, simhash, evidence, state, assignee, deadline_at, reply, reply_department, replied_at, reply_check, closed_at, updated_at, updated_by, version';

export function fromLetterRow(r: LetterRow): Letter {
  return {
    id: r.id,
    ownerDepartmentId: r.owner_department_id,
    channel: r.channel,
    externalId: r.external_id,
    title: r.title,
    content: r.content,
    author: r.author,
    phone: r.phone,
    idNumber: r.id_number,
    receivedAt: fromClickHouseTime(r.received_at),
    category: r.category,
    categoryPath: r.category_path,
    suggestedDepartment: r.suggested_department,
    department: r.department,
    urgency: r.urgency as Urgency,
    sentiment: r.sentiment,
    sentimentScore: Number(r.sentiment_score),
    similar: r.similar,
    simhash: r.simhash,
    evidence: r.evidence,
    state: r.state as LetterState,
    assignee: r.assignee,
    deadlineAt: fromClickHouseTime(r.deadline_at),
    reply: r.reply,
    replyDepartment: r.reply_department,
    repliedAt: fromClickHouseTime(r.replied_at),
    replyCheck: r.reply_check,
    closedAt: fromClickHouseTime(r.closed_at),
    updatedAt: fromClickHouseTime(r.updated_at),
    updatedBy: r.updated_by,
    version: Number(r.version),
  };
}

/** A row for `store.insert('letters', …)`: times as epoch milliseconds. */
export function toLetterRow(l: Letter): Record<string, unknown> {
  return {
    id: l.id,
    owner_department_id: l.ownerDepartmentId,
    channel: l.channel,
    external_id: l.externalId,
    title: l.title,
    content: l.content,
    author: l.author,
    phone: l.phone,
    id_number: l.idNumber,
    received_at: toClickHouseTime(l.receivedAt),
    category: l.category,
    category_path: l.categoryPath,
    suggested_department: l.suggestedDepartment,
    department: l.department,
    urgency: l.urgency,
    sentiment: l.sentiment,
    sentiment_score: l.sentimentScore,
    similar: l.similar,
    simhash: l.simhash,
    evidence: l.evidence,
    state: l.state,
    assignee: l.assignee,
    deadline_at: toClickHouseTime(l.deadlineAt),
    reply: l.reply,
    reply_department: l.replyDepartment,
    replied_at: toClickHouseTime(l.repliedAt),
    reply_check: l.replyCheck,
    closed_at: toClickHouseTime(l.closedAt),
    updated_at: toClickHouseTime(l.updatedAt),
    updated_by: l.updatedBy,
    version: l.version,
  };
}

export interface LetterEventRow {
  letter_id: string;
  at: string;
  actor: string;
  action: string;
  from_state: string;
  to_state: string;
  note: string;
}

export function fromLetterEventRow(r: LetterEventRow): LetterEvent {
  return {
    letterId: r.letter_id,
    at: fromClickHouseTime(r.at),
    actor: r.actor,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    note: r.note,
  };
}

export function toLetterEventRow(e: LetterEvent): Record<string, unknown> {
  return {
    letter_id: e.letterId,
    at: toClickHouseTime(e.at),
    actor: e.actor,
    action: e.action,
    from_state: e.fromState,
    to_state: e.toState,
    note: e.note,
  };
}
