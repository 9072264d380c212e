import { writeAudit } from '@yuqing/schemas';
import { z } from 'zod';
import { EXPORT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { allHits, csvStream, xlsxStream } from '$lib/server/export.ts';
import { SearchFiltersSchema, toSearchFilter } from '$lib/server/search.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

const FormatSchema = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'format 须为 csv 或 xlsx' }).default('csv'),
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Every document matching the search filters, streamed as CSV or XLSX; audited as an export. */
export const GET: RequestHandler = apiHandler('documents.export', async (event) => {
  const user = requireRole(event.locals, ...EXPORT_ROLES);
  const params = queryParams(event.url);
  const format = FormatSchema.safeParse({ format: params.format });
  if (!format.success) return badRequest(format.error);
  const { format: _f, ...rest } = params;
  const parsed = SearchFiltersSchema.safeParse(rest);
  if (!parsed.success) return badRequest(parsed.error);

  const { store } = appContext();
  const { filter } = await toSearchFilter(parsed.data);
  await writeAudit(store, {
    actorId: user.id,
    action: 'documents.export',
    target: format.data.format,
    detail: JSON.stringify(rest),
    ip: clientAddress(event),
  });
  const pages = allHits(store, filter);
  const body = format.data.format === 'csv' ? csvStream(pages) : xlsxStream(pages);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[format.data.format],
      'Content-Disposition': `attachment; filename="yuqing-search-${stamp}.${format.data.format}"`,
      'Cache-Control': 'no-store',
    },
  });
});
