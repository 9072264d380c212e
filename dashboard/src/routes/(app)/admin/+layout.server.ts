import { requireRole } from '$lib/server/access.ts';
import type { LayoutServerLoad } from './$types';

/** Every admin page needs the admin role; actions check it again (they run before loads). */
export const load: LayoutServerLoad = ({ locals }) => {
  requireRole(locals, 'admin');
  return {};
};
