import { LETTER_STATES } from '@yuqing/schemas';
import type { Urgency } from './urgency.ts';

export { LETTER_STATES };
export type LetterState = (typeof LETTER_STATES)[number];

/** Allowed moves; `received`/`assigned` may be re-assigned, a reply found lacking goes back to `replying`. */
export const TRANSITIONS: Readonly<Record<LetterState, readonly LetterState[]>> = {
  received: ['assigned', 'closed'],
  assigned: ['assigned', 'replying', 'replied'],
  replying: ['replied', 'assigned'],
  replied: ['closed', 'replying'],
  closed: ['replying'],
};

export const CHANNELS = ['mailbox', 'petition', 'consultation', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Letter {
  id: string;
  ownerDepartmentId: string;
  channel: string;
  externalId: string;
  title: string;
  content: string;
  author: string;
  phone: string;
  idNumber: string;
  receivedAt: string;
  category: string;
  categoryPath: string;
  suggestedDepartment: string;
  department: string;
  urgency: Urgency;
  sentiment: string;
  sentimentScore: number;
  similar: string[];
  simhash: string;
  /** JSON of the triage evidence. */
  evidence: string;
  state: LetterState;
  assignee: string;
  deadlineAt: string;
  reply: string;
  replyDepartment: string;
  repliedAt: string | null;
  /** JSON of the last reply check. */
  replyCheck: string;
  closedAt: string | null;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface LetterEvent {
  letterId: string;
  at: string;
  actor: string;
  action: string;
  fromState: string;
  toState: string;
  note: string;
}
