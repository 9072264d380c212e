import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSource } from './demo-source.ts';
import { formatProblem, loadSources, parseSources } from './load-sources.ts';

// Line numbers matter here: the problems must point at these exact lines.
const CONFIG = `# two good sources around three bad ones
sources:
  - id: city-news
    name: 市新闻网
    kind: site
    startUrls: [https://news.example.gov.cn/list.html]
  - id: slow-site
    name: 慢网站
    kind: site
    startUrls: [https://slow.example.cn/]
    rate: fast
  - id: no-urls
    name: 没有地址
    kind: feed
  - id: bad-media
    name: 坏类型
    kind: sitemap
    urls: [https://c.example.cn/sitemap.xml]
    mediaType: tv
  - id: city-feed
    name: 市政府订阅
    kind: feed
    urls: [https://www.example.gov.cn/rss.xml]
    mediaType: government
    authority: 0.9
`;

describe('parseSources', () => {
  const { sources, problems } = parseSources(CONFIG, 'sources.yaml');

  it('keeps the valid entries, with defaults filled in', () => {
    expect(sources.map((s) => s.id)).toEqual(['city-news', 'city-feed']);
    const site = sources[0];
    expect(site).toMatchObject({ kind: 'site', enabled: true, mediaType: 'news', rate: 1, maxDepth: 3 });
    expect(sources[1]).toMatchObject({ kind: 'feed', mediaType: 'government', authority: 0.9 });
  });

  it('reports each bad entry with the line and field at fault', () => {
    expect(problems.map((p) => ({ line: p.line, sourceId: p.sourceId, field: p.field }))).toEqual([
      { line: 11, sourceId: 'slow-site', field: 'rate' },
      // A missing field points at the entry's first line.
      { line: 12, sourceId: 'no-urls', field: 'urls' },
      { line: 19, sourceId: 'bad-media', field: 'mediaType' },
    ]);
    expect(formatProblem(problems[0] as (typeof problems)[0])).toMatch(
      /^sources\.yaml:11 \(source slow-site, field rate\): .*expected number/,
    );
  });

  it('reports a duplicate id and a bad pattern', () => {
    const text = `sources:
  - { id: a, name: A, kind: site, startUrls: ['http://a.example/'] }
  - id: a
    name: A again
    kind: site
    startUrls: ['http://b.example/']
  - id: c
    name: C
    kind: site
    startUrls: ['http://c.example/']
    exclude: ['(']
`;
    const result = parseSources(text);
    expect(result.sources.map((s) => s.id)).toEqual(['a']);
    expect(result.problems).toMatchObject([
      {
        line: 3,
        field: 'id',
        message: expect.stringContaining('duplicate id "a" (first defined on line 2)'),
      },
      { line: 11, field: 'exclude.0', message: 'not a valid regular expression' },
    ]);
  });

  it('turns broken YAML into a problem with a line, not an exception', () => {
    const result = parseSources('sources:\n  - id: x\n    name: [unclosed\n');
    expect(result.sources).toEqual([]);
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(result.problems[0]?.message).toMatch(/^YAML: /);
  });
});

describe('loadSources', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-sources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file, naming it in problems', () => {
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, CONFIG);
    const { sources, problems } = loadSources(file);
    expect(sources).toHaveLength(2);
    expect(problems[0]?.file).toBe(file);
  });

  it('treats a missing file as no sources and no problem', () => {
    expect(loadSources(path.join(dir, 'absent.yaml'))).toEqual({ sources: [], problems: [] });
  });

  it('loads the documented example without problems', () => {
    const example = new URL('../../../config/sources.example.yaml', import.meta.url).pathname;
    const { sources, problems } = loadSources(example);
    expect(problems).toEqual([]);
    expect(sources.map((s) => s.kind).sort()).toEqual(['feed', 'site', 'site', 'sitemap']);
  });
});

describe('demoSource', () => {
  it('is a valid site source for the given base URL', () => {
    const source = demoSource('http://127.0.0.1:8080/');
    expect(source.startUrls).toEqual(['http://127.0.0.1:8080/news/list_1.html']);
    expect(source.kind).toBe('site');
  });
});
