import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from './feed-parse.ts';
import { parseSitemap, SitemapParseError } from './sitemap-parse.ts';
import { htmlToText, listingDate } from './xml-dom.ts';

describe('parseFeed', () => {
  it('reads RSS 1.0 (RDF) items beside the channel, with dc:date', () => {
    const feed = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://e.cn/"><title>频道</title></channel>
<item rdf:about="https://e.cn/a/1.html"><title>一</title><dc:date>2026-11-20T08:00:00+08:00</dc:date></item></rdf:RDF>`,
      'https://e.cn/rss',
    );
    expect(feed).toMatchObject({ format: 'rdf', title: '频道', skipped: 0 });
    expect(feed.items[0]).toMatchObject({
      url: 'https://e.cn/a/1.html',
      title: '一',
      publishedAt: '2026-11-20T00:00:00.000Z',
    });
  });

  it('resolves relative links, counts items without one, and reads zone-less Chinese dates as Beijing time', () => {
    const feed = parseFeed(
      `<rss><channel><item><title>有链接</title><link>/news/2.html</link><pubDate>2026-11-20 10:30:00</pubDate></item>
<item><title>没链接</title></item></channel></rss>`,
      'https://e.cn/feed.xml',
    );
    expect(feed.items).toMatchObject([
      { url: 'https://e.cn/news/2.html', publishedAt: '2026-11-20T02:30:00.000Z' },
    ]);
    expect(feed.skipped).toBe(1);
  });

  it('tolerates a truncated feed, and rejects what is not a feed', () => {
    expect(
      parseFeed(
        '<rss><channel><item><title>半截</title><link>https://e.cn/1</link></item><item><ti',
        'https://e.cn/',
      ).items,
    ).toHaveLength(1);
    expect(() => parseFeed('<html><body>维护中</body></html>', 'https://e.cn/')).toThrow(FeedParseError);
    expect(() =>
      parseFeed('{"version": "https://jsonfeed.org/version/1", "items": [', 'https://e.cn/'),
    ).toThrow(/not valid JSON/);
    expect(() => parseFeed('{"hello": 1}', 'https://e.cn/')).toThrow(FeedParseError);
  });
});

describe('parseSitemap', () => {
  it('reads a text list, and rejects HTML', () => {
    expect(parseSitemap('https://e.cn/1.html\nhttps://e.cn/2.html\n')).toMatchObject({
      kind: 'urlset',
      urls: [{ url: 'https://e.cn/1.html' }, { url: 'https://e.cn/2.html' }],
    });
    expect(() => parseSitemap('<html><body>404</body></html>')).toThrow(SitemapParseError);
  });
});

describe('helpers', () => {
  it('turns item HTML into paragraphs and reads dates', () => {
    expect(htmlToText('<p>第一段</p><p>第二 <b>段</b></p><script>x()</script>')).toBe('第一段\n第二 段');
    expect(listingDate('Fri, 20 Nov 2026 09:00:00 GMT')).toBe('2026-11-20T09:00:00.000Z');
    expect(listingDate('2026-11-19')).toBe('2026-11-19T00:00:00.000Z');
    expect(listingDate('不是日期')).toBeNull();
  });
});
