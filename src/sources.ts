import { demoSource, formatProblem, loadSources, type Source, startDemoSite } from '@yuqing/crawler';
import type { Config, Logger } from '@yuqing/schemas';

export interface ResolvedSources {
  /**
   * Every entry of the sources file, disabled ones too (they still own their ids against the
   * dashboard's table: see `resolveAllSources`), plus the demo site when it runs. The crawl skips
   * disabled sources.
   */
  sources: Source[];
  /** Stops the demo site when one was started. */
  close: () => Promise<void>;
}

/**
 * The sources file's sources, plus the bundled demo site when none is enabled (or YUQING_DEMO=on).
 * A bad entry in the sources file is reported and the rest still run. Sources managed from the
 * dashboard are merged in by the crawler on each scheduler round (`ScheduledCrawler`).
 */
export async function resolveSources(config: Config, logger: Logger): Promise<ResolvedSources> {
  const { sources, problems } = loadSources(config.sourcesFile);
  for (const problem of problems) logger.warn(`bad source entry skipped: ${formatProblem(problem)}`);
  const enabled = sources.filter((s) => s.enabled);
  const useDemo = config.demo === 'on' || (config.demo === 'auto' && enabled.length === 0);
  if (!useDemo) return { sources, close: async () => {} };
  const site = await startDemoSite({ port: config.demoPort, host: '127.0.0.1' });
  logger.info({ url: site.url }, 'demo news site started (no other source is configured)');
  return { sources: [...sources, demoSource(site.url)], close: site.close };
}
