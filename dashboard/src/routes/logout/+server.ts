import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** The header's logout button posts here; the browser then lands on the login page. */
export const POST: RequestHandler = async (event) => {
  await logout(event);
  redirect(303, '/login');
};
