/**
 * The crawler's own sources schema, file loader and file/table merge, so the dashboard shows and
 * accepts exactly what the crawler runs. `@yuqing/crawler`'s index also pulls in Crawlee and
 * Playwright, which do not belong in the server bundle; these modules are pure (zod, yaml and
 * `@yuqing/schemas`), so this one module reaches them by path and the build bundles them.
 */
export { loadSources } from '../../../../crawler/src/sources/load-sources.ts';
export { parseManagedSource } from '../../../../crawler/src/sources/resolve-all-sources.ts';
export { type Source, SourceSchema } from '../../../../crawler/src/sources/source-schema.ts';
