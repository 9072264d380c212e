import type { ObserverOptions } from '@yuqing/analyzer';
import {
  demoSource,
  formatProblem,
  loadSources,
  resolveAllSources,
  type Source,
  startDemoSite,
} from '@yuqing/crawler';
import type { Config, Logger, Store } from '@yuqing/schemas';

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
  const sources = fileSources(config, logger);
  if (!usesDemo(config, sources)) return { sources, close: async () => {} };
  const site = await startDemoSite({ port: config.demoPort, host: '127.0.0.1' });
  logger.info({ url: site.url }, 'demo news site started (no other source is configured)');
  return { sources: [...sources, demoSource(site.url)], close: site.close };
}

/** The sources file's entries; a bad one is reported and skipped. */
function fileSources(config: Config, logger: Logger): Source[] {
  const { sources, problems } = loadSources(config.sourcesFile);
  for (const problem of problems) logger.warn(`bad source entry skipped: ${formatProblem(problem)}`);
  return sources;
}

function usesDemo(config: Config, sources: readonly Source[]): boolean {
  return config.demo === 'on' || (config.demo === 'auto' && !sources.some((s) => s.enabled));
}

/**
 * The stateful layers' settings: the jurisdiction, and how much each source is trusted (the file's,
 * the dashboard's and the demo site's). `yuqing start` and `yuqing analyze --once` share them, so
 * both give a document the same opinion index. Read once: a source's authority changed later
 * counts from the next start.
 */
export async function observerOptions(
  store: Store,
  config: Config,
  logger: Logger,
  sources?: readonly Source[],
): Promise<ObserverOptions> {
  let known = sources ?? fileSources(config, logger);
  // The demo site's settings do not depend on where it runs.
  if (!sources && usesDemo(config, known)) known = [...known, demoSource('http://127.0.0.1')];
  const all = await resolveAllSources(store, known);
  return {
    index: {
      homeRegions: [...config.homeRegions],
      // A source without an authority of its own weighs as its media type (the index's default).
      sourceAuthority: Object.fromEntries(
        all.sources.flatMap((s) => (s.authority === undefined ? [] : [[s.id, s.authority]])),
      ),
    },
  };
}
