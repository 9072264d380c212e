import { json } from '@sveltejs/kit';
import { BREAKDOWN_DIMENSIONS } from '@yuqing/schemas';
import { z } from 'zod';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitBreakdown, cockpitRangeSchema } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

const DimensionSchema = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS, {
    message: 'dimension 须为 category、media_type、province 或 sentiment',
  }),
});

/** Documents of the period by category, media type, province (the map) or sentiment. */
export const GET: RequestHandler = apiHandler('cockpit.breakdown', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const { dimension, ...rest } = queryParams(url);
  const dim = DimensionSchema.safeParse({ dimension });
  if (!dim.success) return badRequest(dim.error);
  const parsed = cockpitRangeSchema().safeParse(rest);
  if (!parsed.success) return badRequest(parsed.error);
  return json({
    ...parsed.data,
    dimension: dim.data.dimension,
    items: await cockpitBreakdown(parsed.data, dim.data.dimension),
  });
});
