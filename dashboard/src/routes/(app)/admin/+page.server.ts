import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  requireRole(locals, 'admin');
  redirect(303, '/admin/users');
};
