import { type ActionFailure, fail, isHttpError } from '@sveltejs/kit';
import type { z } from 'zod';

export interface FormFailure {
  message: string;
  field?: string;
}

/**
 * Runs a form action's work; a kit error thrown by a service (403, 404, 409, a 400 with a field)
 * comes back to the form as a failure with its message instead of an error page.
 */
export async function formAction<T>(work: () => Promise<T>): Promise<T | ActionFailure<FormFailure>> {
  try {
    return await work();
  } catch (error) {
    if (!isHttpError(error)) throw error;
    const body = error.body as App.Error;
    return fail(error.status, { message: body.message, field: body.field });
  }
}

/** Parses form fields with `schema`, or a 400 failure naming the first bad field. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; failure: ActionFailure<FormFailure> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    failure: fail(400, { message: issue?.message ?? '输入无效', field: issue?.path.join('.') || undefined }),
  };
}
