import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitCities, cockpitRangeSchema } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

const ProvinceSchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}(0000)?$/, 'province 须为省级代码，如 440000 或 44')
    .transform((p) => p.slice(0, 2))
    .optional(),
});

/** Cities ranked by documents naming them (the regional ranking and the map's drill-down). */
export const GET: RequestHandler = apiHandler('cockpit.cities', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const { province, ...rest } = queryParams(url);
  const p = ProvinceSchema.safeParse({ province });
  if (!p.success) return badRequest(p.error);
  const parsed = cockpitRangeSchema().safeParse(rest);
  if (!parsed.success) return badRequest(parsed.error);
  return json({
    ...parsed.data,
    province: p.data.province ?? null,
    items: await cockpitCities(parsed.data, p.data.province),
  });
});
