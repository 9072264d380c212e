import type { Urgency } from './urgency.ts';

/**
 * 限时办结: working days a department has to answer a letter, by level-1 class. The default of 15
 * working days follows common practice of 12345 hotlines and leader mailboxes for complaints;
 * matters of health, safety and pollution get 10; an urgent letter (urgency `high`) gets 3 whatever
 * its class. Portals pass their own table to `deadlineFor`.
 */
export const DEFAULT_DEADLINE_DAYS = 15;
export const URGENT_DEADLINE_DAYS = 3;
export const DEADLINE_DAYS_BY_CATEGORY: Readonly<Record<string, number>> = {
  环境保护: 10,
  卫生计生: 10,
  交通运输: 10,
  城乡建设: 15,
  劳动和社会保障: 15,
  教育文体: 15,
  商贸旅游: 10,
  政法: 15,
  民政: 15,
  国土资源: 20,
  农村农业: 15,
  经济管理: 20,
  科技与信息产业: 15,
  党务政务: 20,
  纪检监察: 20,
};

export interface DeadlinePolicy {
  byCategory?: Readonly<Record<string, number>>;
  defaultDays?: number;
  urgentDays?: number;
}

/** Beijing time, in which working days are counted. */
const ZONE_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The moment `days` working days (Mon–Fri in Beijing time) after `from` ends; public holidays are not known. */
export function addWorkingDays(from: Date, days: number): Date {
  let local = from.getTime() + ZONE_MS;
  let left = days;
  while (left > 0) {
    local += DAY_MS;
    const weekday = new Date(local).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  // due at the end of that working day
  const endOfDay = Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - 1;
  return new Date(endOfDay - ZONE_MS);
}

export function deadlineDays(category: string, urgency: Urgency, policy: DeadlinePolicy = {}): number {
  if (urgency === 'high') return policy.urgentDays ?? URGENT_DEADLINE_DAYS;
  return (
    policy.byCategory?.[category] ??
    DEADLINE_DAYS_BY_CATEGORY[category] ??
    policy.defaultDays ??
    DEFAULT_DEADLINE_DAYS
  );
}

export function deadlineFor(
  receivedAt: Date,
  category: string,
  urgency: Urgency,
  policy: DeadlinePolicy = {},
): Date {
  return addWorkingDays(receivedAt, deadlineDays(category, urgency, policy));
}
