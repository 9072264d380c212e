import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, MediaTypeSchema } from '@yuqing/schemas';
import { type Command, UsageError } from './index.ts';

const USAGE = `import --opml FILE [--department ID] [--media-type TYPE] [--disabled]
       yuqing sources list`;

/**
 * `yuqing sources import --opml FILE`: appends the OPML file's feeds to the sources file
 * (YUQING_SOURCES, default config/sources.yaml), keeping its comments and skipping URLs it already
 * has. `yuqing sources list`: the sources the file defines, and its problems with their lines.
 */
export const sourcesCommand: Command = {
  summary: 'Manage crawl sources: import feeds from OPML, list the sources file.',
  usage: USAGE,
  options: {
    opml: { type: 'string', help: 'OPML file whose feeds to add (import)' },
    department: { type: 'string', help: 'Owning department of the imported feeds (import)' },
    'media-type': { type: 'string', help: 'Media type of the imported feeds, default news (import)' },
    disabled: {
      type: 'boolean',
      help: 'Add the imported feeds with enabled: false, to review first (import)',
    },
  },
  passThrough: true,
  async run(_values, args = []) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        opml: { type: 'string' },
        department: { type: 'string' },
        'media-type': { type: 'string' },
        disabled: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    const [action, ...extra] = positionals;
    if (extra.length > 0 || (action !== 'import' && action !== 'list')) {
      throw new UsageError(`expected 'import' or 'list', got '${positionals.join(' ')}'`);
    }
    const config = loadConfig();
    // Loaded here so that `--help` and bad arguments answer without loading the crawler.
    const crawler = await import('@yuqing/crawler');

    if (action === 'list') {
      const { sources, problems } = crawler.loadSources(config.sourcesFile);
      for (const s of sources) {
        console.log(`${s.enabled ? ' ' : '-'} ${s.id.padEnd(28)} ${s.kind.padEnd(8)} ${s.name}`);
      }
      for (const p of problems) console.error(crawler.formatProblem(p));
      console.log(`${sources.length} sources in ${config.sourcesFile}, ${problems.length} problems`);
      return problems.length > 0 ? 1 : 0;
    }

    if (typeof values.opml !== 'string') throw new UsageError('import needs --opml FILE');
    const mediaType = MediaTypeSchema.safeParse(values['media-type'] ?? 'news');
    if (!mediaType.success) throw new UsageError(`unknown media type '${values['media-type']}'`);
    const feeds = crawler.parseOpml(readFileSync(values.opml, 'utf8'));
    const result = crawler.importFeeds(config.sourcesFile, feeds, {
      mediaType: mediaType.data,
      ...(values.department ? { department: values.department } : {}),
      ...(values.disabled ? { enabled: false } : {}),
    });
    for (const s of result.added) console.log(`added   ${s.id}  ${s.urls[0]}`);
    for (const url of result.present) console.log(`present ${url}`);
    console.log(
      `${result.added.length} feeds added to ${config.sourcesFile}, ${result.present.length} already there (${feeds.length} in the OPML file)`,
    );
    return 0;
  },
};
