import { describe, expect, it } from 'vitest';
import { canonicalUrl, contentHash, documentId } from './canonical-url.ts';
import { errorKind, TooLargeError } from './error-kind.ts';

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, and sorts the rest', () => {
    expect(
      canonicalUrl('https://News.Example.cn:443/a/1.html?utm_source=wx&b=2&spm=x.y&a=1&from=timeline#top'),
    ).toBe('https://news.example.cn/a/1.html?a=1&b=2');
  });

  it('keeps parameters that select the page', () => {
    expect(canonicalUrl('http://example.cn/view.php?id=7&page=2')).toBe(
      'http://example.cn/view.php?id=7&page=2',
    );
    expect(canonicalUrl('http://example.cn/list?utm_medium=a')).toBe('http://example.cn/list');
  });

  it('drops session ids, in the query and as path parameters', () => {
    expect(canonicalUrl('http://example.cn/a.jsp;jsessionid=0A1B2C?id=3&PHPSESSID=ff&sid=9')).toBe(
      'http://example.cn/a.jsp?id=3',
    );
  });

  it('gives every spelling of a page the same document id', () => {
    const id = documentId('http://example.cn/news/1.html');
    expect(id).toMatch(/^[0-9a-f]{40}$/);
    expect(documentId('http://EXAMPLE.cn:80/news/1.html?spm=list.1.3#comments')).toBe(id);
    expect(documentId('http://example.cn/news/2.html')).not.toBe(id);
  });

  it('hashes content so that any change in title or body shows', () => {
    expect(contentHash('标题', '正文')).toBe(contentHash('标题', '正文'));
    expect(contentHash('标题', '正文。')).not.toBe(contentHash('标题', '正文'));
    expect(contentHash('标题a', '正文')).not.toBe(contentHash('标题', 'a正文'));
  });
});

describe('errorKind', () => {
  it('groups failures for source health', () => {
    expect(errorKind(new Error('503 - Internal Server Error: busy'))).toBe('http_5xx');
    expect(errorKind(new Error('Request blocked - received 403 status code.'))).toBe('http_4xx');
    expect(errorKind(new Error('429 - Too Many Requests'))).toBe('http_429');
    expect(errorKind(new Error('getaddrinfo ENOTFOUND nowhere.invalid'))).toBe('dns');
    expect(errorKind(new TooLargeError('over the limit'))).toBe('too_large');
    expect(errorKind(new Error('request timed out after 20 seconds'))).toBe('timeout');
    expect(errorKind(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe('network');
  });
});
