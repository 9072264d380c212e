import { type ActionFailure, fail } from '@sveltejs/kit';
import { getUsers } from '@yuqing/schemas';
import { appContext } from '../context.ts';
import { type FormFailure, formAction } from '../forms.ts';
import { portalAdapter } from './adapter.ts';
import { PUBLISH_ERROR_STATUS } from './service.ts';

/**
 * Helpers of the publishing pages. Like the API handlers they reach the portal adapter only
 * through `portalAdapter()`, never a static import (the build runs in plain Node).
 */

/** Runs a form action's work; a PublishError or a kit error comes back to the form as a failure. */
export async function publishFormAction<T>(
  work: () => Promise<T>,
): Promise<T | ActionFailure<FormFailure & { code?: string }>> {
  const pa = await portalAdapter();
  return formAction(async () => {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof pa.PublishError)) throw e;
      // On the form a failed delivery is a conflict (the API answers 502).
      const status = e.code === 'target_failed' ? 409 : PUBLISH_ERROR_STATUS[e.code];
      return fail(status, { message: e.message, field: e.field, code: e.code });
    }
  });
}

/** User ids → display names, for the audit history. */
export async function userNames(): Promise<Record<string, string>> {
  const users = await getUsers(appContext().store);
  return Object.fromEntries(users.map((u) => [u.id, u.displayName || u.username]));
}

/** True when the sanitized body holds only paragraphs and line breaks, so plain-text editing loses nothing. */
export function isPlainBody(html: string): boolean {
  return !/<(?!\/?(?:p|br)\b)[a-z]/i.test(html);
}
