import type { SiteSource } from '../sources/source-schema.ts';
import { canonicalUrl } from './canonical-url.ts';

/** Paths that look like a list or index page rather than an article. */
const LIST_PATH = /(\/|\/(index|default|list|node|channel)[^/]*)$/i;

export interface LinkRules {
  /** Whether a discovered (canonical) URL is worth fetching. */
  follows(url: string): boolean;
  /** Whether a fetched page is an article to store, or only a page to find links on. */
  isArticle(url: string): boolean;
}

/** The site source's include/exclude/article patterns, compiled once per run. */
export function linkRules(source: SiteSource): LinkRules {
  const compile = (patterns: readonly string[]) => patterns.map((p) => new RegExp(p));
  const include = compile(source.include);
  const exclude = compile(source.exclude);
  const articles = compile(source.articlePatterns);
  const starts = new Set(source.startUrls.map(canonicalUrl));
  const hosts = new Set(source.startUrls.map((u) => new URL(u).hostname));

  return {
    follows(url) {
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        return false;
      }
      return (
        hosts.has(host) &&
        (include.length === 0 || include.some((re) => re.test(url))) &&
        !exclude.some((re) => re.test(url))
      );
    },
    isArticle(url) {
      if (articles.length > 0) return articles.some((re) => re.test(url));
      return !starts.has(url) && !LIST_PATH.test(new URL(url).pathname);
    },
  };
}
