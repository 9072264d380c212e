import type { AlertFeedback, AlertLevel, AlertState } from '@yuqing/schemas';
import { levelRank, type NotifyPolicy } from './rules.ts';

/** China keeps UTC+8 all year (no daylight saving), so Beijing time is a fixed offset. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

/** Whether `now` falls in [start, end) Beijing time; a window that crosses midnight wraps. */
export function inQuietHours(now: Date, quiet: { start: string; end: string } | undefined): boolean {
  if (!quiet) return false;
  const minute = (now.getUTCHours() * 60 + now.getUTCMinutes() + SHANGHAI_OFFSET_MINUTES) % 1440;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export interface NotifyState {
  level: AlertLevel;
  documents: number;
  notifiedAt: string | null;
  notifiedDocuments: number;
  notifiedLevel: AlertLevel | '';
  notifyPending: boolean;
  state: AlertState;
  feedback: AlertFeedback;
}

export type NotifyDecision =
  | { notify: true; reason: 'new' | 'escalated' | 'grown' | 'pending' }
  | {
      notify: false;
      reason: 'feedback' | 'resolved' | 'no_growth' | 'min_interval' | 'quiet_hours';
      defer: boolean;
    };

/**
 * Whether an alert that just changed should go out to its channels now. The in-app alert always
 * shows the change; this only limits e-mail and robots:
 * - feedback (not relevant, handled) and a resolved state silence it for good;
 * - a repeat needs the alert to grow by `regrowthFactor` or its level to rise;
 * - a repeat waits `minIntervalMinutes` unless the level rose; quiet hours hold back everything
 *   below `exceptLevel`. Both defer: the next tick sends what is due.
 */
export function decideNotification(alert: NotifyState, policy: NotifyPolicy, now: Date): NotifyDecision {
  if (alert.feedback !== '') return { notify: false, reason: 'feedback', defer: false };
  if (alert.state === 'resolved') return { notify: false, reason: 'resolved', defer: false };
  const first = alert.notifiedAt === null;
  const escalated = !first && levelRank(alert.level) > levelRank(alert.notifiedLevel);
  const grown = !first && alert.documents >= alert.notifiedDocuments * policy.regrowthFactor;
  if (!first && !escalated && !grown && !alert.notifyPending) {
    return { notify: false, reason: 'no_growth', defer: false };
  }
  if (!first && !escalated) {
    const since = now.getTime() - Date.parse(alert.notifiedAt as string);
    if (since < policy.minIntervalMinutes * 60_000)
      return { notify: false, reason: 'min_interval', defer: true };
  }
  const quiet = policy.quietHours;
  if (quiet && inQuietHours(now, quiet) && levelRank(alert.level) < levelRank(quiet.exceptLevel)) {
    return { notify: false, reason: 'quiet_hours', defer: true };
  }
  if (first) return { notify: true, reason: 'new' };
  if (escalated) return { notify: true, reason: 'escalated' };
  return { notify: true, reason: grown ? 'grown' : 'pending' };
}
