import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/server/access.ts';
import type { LayoutServerLoad } from './$types';

/** Every page in this group needs a user; the hook already enforces it, this narrows the type. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) redirect(303, loginUrl(url));
  const { id, username, displayName, roles } = locals.user;
  return { user: { id, username, displayName, roles } };
};
