import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from './load-sources.ts';
import { feedId, importFeeds, parseOpml } from './opml-import.ts';

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>订阅</title></head><body>
  <outline text="本地新闻">
    <outline type="rss" text="晚报 滚动新闻" title="晚报 滚动新闻" xmlUrl="https://news.example.cn/rss/rolling.xml" htmlUrl="https://news.example.cn/"/>
    <outline type="rss" text="区政府" xmlUrl="https://www.east.example.gov.cn/feed"/>
  </outline>
  <outline type="rss" text="已有的" xmlUrl="https://www.example.gov.cn/rss.xml?utm_source=opml"/>
  <outline text="没有地址"/>
</body></opml>`;

const EXISTING = `# 我们的订阅源：注释要保留
sources:
  # 市政府
  - id: city-feed
    name: 市政府订阅
    kind: feed
    urls: [https://www.example.gov.cn/rss.xml]
`;

describe('parseOpml', () => {
  it('finds feeds at any depth with their folder', () => {
    expect(parseOpml(OPML)).toEqual([
      {
        title: '晚报 滚动新闻',
        xmlUrl: 'https://news.example.cn/rss/rolling.xml',
        htmlUrl: 'https://news.example.cn/',
        category: '本地新闻',
      },
      { title: '区政府', xmlUrl: 'https://www.east.example.gov.cn/feed', htmlUrl: '', category: '本地新闻' },
      {
        title: '已有的',
        xmlUrl: 'https://www.example.gov.cn/rss.xml?utm_source=opml',
        htmlUrl: '',
        category: '',
      },
    ]);
  });

  it('makes ids from host and path', () => {
    expect(feedId('https://news.example.cn/rss/rolling.xml')).toBe('news-example-cn-rolling');
    expect(feedId('https://www.east.example.gov.cn/feed')).toBe('east-example-gov-cn');
  });
});

describe('importFeeds', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-opml-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends new feeds, keeps comments, skips URLs already present, and stays loadable', () => {
    const file = path.join(dir, 'sources.yaml');
    writeFileSync(file, EXISTING);
    const result = importFeeds(file, parseOpml(OPML), { department: 'city' });
    expect(result.added.map((s) => s.id)).toEqual(['news-example-cn-rolling', 'east-example-gov-cn']);
    expect(result.present).toEqual(['https://www.example.gov.cn/rss.xml?utm_source=opml']);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(EXISTING)).toBe(true);
    expect(text).toContain('# from OPML: 本地新闻');
    const { sources, problems } = loadSources(file);
    expect(problems).toEqual([]);
    expect(sources.map((s) => [s.id, s.kind, s.department])).toEqual([
      ['city-feed', 'feed', ''],
      ['news-example-cn-rolling', 'feed', 'city'],
      ['east-example-gov-cn', 'feed', 'city'],
    ]);
    // A second import of the same file adds nothing.
    expect(importFeeds(file, parseOpml(OPML)).added).toEqual([]);
  });

  it('creates the file when there is none', () => {
    const file = path.join(dir, 'new.yaml');
    expect(importFeeds(file, parseOpml(OPML)).added).toHaveLength(3);
    expect(loadSources(file).sources).toHaveLength(3);
  });
});
