import { countSearchDocuments, searchDocuments } from '@yuqing/schemas';
import { EXPORT_ROLES, hasRole, requireUser } from '$lib/server/access.ts';
import { analyzer } from '$lib/server/analyzer.ts';
import { queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { SearchQuerySchema, toSearchFilter } from '$lib/server/search.ts';
import { pageParamsToApi } from '$lib/server/search-page.ts';
import type { PageServerLoad } from './$types';

/** Search results for the page's URL; a bad parameter shows its message instead of results. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals);
  const params = queryParams(url);
  const apiParams = pageParamsToApi(params);
  const base = {
    params,
    categories: [...(await analyzer()).CATEGORIES],
    canExport: hasRole(user, ...EXPORT_ROLES),
  };
  const parsed = SearchQuerySchema.safeParse({ limit: '30', ...apiParams });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...base,
      error: issue?.message ?? '检索条件无效',
      items: [],
      nextCursor: null,
      total: 0,
      highlight: [],
      exportQuery: '',
    };
  }
  const { store } = appContext();
  const { filter, highlight } = await toSearchFilter(parsed.data);
  const [page, total] = await Promise.all([
    searchDocuments(store, { ...filter, limit: parsed.data.limit, cursor: parsed.data.cursor }),
    countSearchDocuments(store, filter),
  ]);
  const { cursor: _c, limit: _l, ...exportParams } = apiParams;
  return {
    ...base,
    error: '',
    ...page,
    total,
    highlight,
    exportQuery: new URLSearchParams(exportParams).toString(),
  };
};
