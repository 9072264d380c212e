import { type SiteSource, SiteSourceSchema } from './source-schema.ts';

/**
 * The source for the demo site (`startDemoSite`) at `baseUrl`: list pages are followed, articles
 * stored. Loopback, so it may go fast.
 */
export function demoSource(baseUrl: string): SiteSource {
  const base = baseUrl.replace(/\/+$/, '');
  return SiteSourceSchema.parse({
    id: 'demo',
    name: '演示新闻网',
    kind: 'site',
    startUrls: [`${base}/news/list_1.html`],
    include: ['/news/(list_\\d+|[A-Za-z0-9]+)\\.html'],
    articlePatterns: ['/news/[A-Za-z0-9]+\\.html$'],
    maxDepth: 20,
    maxPagesPerRun: 2000,
    intervalMinutes: 10,
    rate: 100,
    concurrency: 8,
    mediaType: 'news',
    region: '',
    authority: 0.5,
  });
}
