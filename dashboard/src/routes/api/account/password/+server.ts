import { actor } from '$lib/server/actor.ts';
import { changeOwnPassword } from '$lib/server/admin.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { ChangePasswordSchema } from '$lib/server/requests-admin.ts';
import type { RequestHandler } from './$types';

/** Changes the caller's own password: `{ oldPassword, newPassword }` (8 characters or more). */
export const POST: RequestHandler = apiHandler('account.password', async (event) => {
  const who = actor(event);
  const body = await readBody(event.request, ChangePasswordSchema);
  if (!body.ok) return body.response;
  await changeOwnPassword(who, body.data);
  return new Response(null, { status: 204 });
});
