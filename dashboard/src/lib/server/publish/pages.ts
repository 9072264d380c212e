import { type ActionFailure, fail, isHttpError } from '@sveltejs/kit';
import { getUsers } from '@yuqing/schemas';
import { appContext } from '../context.ts';
import type { FormFailure } from '../forms.ts';
import { portalAdapter } from './adapter.ts';

/**
 * Helpers of the publishing pages. Like the API handlers they reach the portal adapter only
 * through `portalAdapter()`, never a static import (the build runs in plain Node).
 */

/** Runs a form action's work; a PublishError or a kit error comes back to the form as a failure. */
export async function publishFormAction<T>(
  work: () => Promise<T>,
): Promise<T | ActionFailure<FormFailure & { code?: string }>> {
  const pa = await portalAdapter();
  try {
    return await work();
  } catch (e) {
    if (e instanceof pa.PublishError) {
      const status =
        e.code === 'check_failed'
          ? 422
          : e.code === 'forbidden'
            ? 403
            : e.code === 'not_found'
              ? 404
              : e.code === 'bad_request'
                ? 400
                : 409;
      return fail(status, { message: e.message, field: e.field, code: e.code });
    }
    if (isHttpError(e)) {
      const body = e.body as App.Error;
      return fail(e.status, { message: body.message, field: body.field });
    }
    throw e;
  }
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
