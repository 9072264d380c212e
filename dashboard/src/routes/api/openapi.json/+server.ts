import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access.ts';
import { apiHandler } from '$lib/server/api.ts';
import { openApiDocument } from '$lib/server/openapi.ts';
import type { RequestHandler } from './$types';

const document = openApiDocument();

/** The OpenAPI description of every route of the JSON API. */
export const GET: RequestHandler = apiHandler('openapi', async ({ locals }) => {
  requireUser(locals);
  return json(document);
});
