import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { TOPIC_ROLES, topicPage } from '$lib/server/topics.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  requireRole(locals, ...TOPIC_ROLES);
  const page = await topicPage(params.id);
  // A topic merged into another lives on under the other's id.
  if ('mergedInto' in page) redirect(307, `/topics/${encodeURIComponent(page.mergedInto)}`);
  return page;
};
