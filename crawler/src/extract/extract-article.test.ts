import { describe, expect, it } from 'vitest';
import { loadDemoItems, shiftToRecent } from '../demo/demo-data.ts';
import { renderArticle, renderList } from '../demo/demo-html.ts';
import { extractArticle } from './extract-article.ts';
import {
  dateFromUrl,
  labelledDate,
  parseChineseDate,
  parseMachineDate,
  parseRelativeDate,
} from './publish-time.ts';
import { stripSiteName } from './title.ts';

/** The same instant in UTC (extracted times carry the site's offset). */
const utc = (iso: string | null): string | null => (iso ? new Date(iso).toISOString() : null);

describe('extractArticle on the demo site', () => {
  const articles = shiftToRecent(loadDemoItems(), new Date('2026-11-20T02:20:00Z'));

  it('reads title, time, byline and body, and leaves the page chrome out', () => {
    const a = articles[3];
    if (!a) throw new Error('fixture too small');
    const got = extractArticle(renderArticle(articles, 3), `http://demo.test/news/${a.id}.html`);
    expect({ ...got, publishedAt: utc(got.publishedAt) }).toEqual({
      title: a.title,
      publishedAt: a.publishedAt,
      author: a.author,
      source: a.source,
      content: a.body,
    });
    for (const chrome of ['相关新闻', '分享到', '版权所有', '责任编辑', '当前位置']) {
      expect(got.content).not.toContain(chrome);
    }
  });

  it('reads every demo article exactly', () => {
    const wrong = articles.filter((a, i) => {
      const got = extractArticle(renderArticle(articles, i), `http://demo.test/news/${a.id}.html`);
      return got.title !== a.title || utc(got.publishedAt) !== a.publishedAt || got.content !== a.body;
    });
    expect(wrong.map((a) => a.id)).toEqual([]);
  });

  it('takes the <title> without the site name when a list page has no <h1>', () => {
    expect(extractArticle(renderList(articles, 2), 'http://demo.test/news/list_2.html').title).toBe(
      '新闻列表 第2页',
    );
  });
});

describe('extractArticle on other layouts', () => {
  it('prefers meta times, finds 来源 and 作者, and picks the headline <h1> over a logo <h1>', () => {
    const html = `<html><head><title>暴雨致城区多处积水 - 本地 - 某某日报</title>
      <meta property="article:published_time" content="2026-07-01T09:15:00+08:00"></head>
      <body><h1 class="logo">某某日报</h1><div class="menu"><a href="/">首页</a></div>
      <h1>暴雨致城区多处积水</h1><div class="meta">2026年7月1日 10:00 来源：某某日报 记者：王明</div>
      <div id="text"><p>昨日午后，一场暴雨袭击城区。</p><p>多条道路出现积水，交警到场疏导。</p>
      <p><a href="/x">点击查看更多</a></p></div>
      <div class="comment"><p>网友评论：这雨下得真大，路上全是水，上班迟到了。</p></div></body></html>`;
    expect(extractArticle(html, 'https://paper.example.cn/a/1.html')).toEqual({
      title: '暴雨致城区多处积水',
      publishedAt: '2026-07-01T09:15:00+08:00',
      author: '王明',
      source: '某某日报',
      content: '昨日午后，一场暴雨袭击城区。\n多条道路出现积水，交警到场疏导。',
    });
  });

  it('falls back to the date in the URL and to <br> text without <p>', () => {
    const html = `<html><head><title>通知公告_区政府</title></head><body>
      <table><tr><td class="content">关于开展安全检查的通知<br>各单位：为做好节前安全工作，现将有关事项通知如下。<br>一、全面排查隐患。</td></tr></table>
      </body></html>`;
    const got = extractArticle(html, 'https://www.example.gov.cn/tzgg/202611/t20261118_123.html');
    expect(got.title).toBe('通知公告');
    expect(got.publishedAt).toBe('2026-11-18T00:00:00+08:00');
    expect(got.content).toBe(
      '关于开展安全检查的通知\n各单位：为做好节前安全工作，现将有关事项通知如下。\n一、全面排查隐患。',
    );
  });
});

describe('publish time patterns (Beijing time)', () => {
  it('reads the common written forms', () => {
    expect(parseChineseDate('2026-11-20 10:20')).toBe('2026-11-20T10:20:00+08:00');
    expect(parseChineseDate('2026/11/20 10:20:30')).toBe('2026-11-20T10:20:30+08:00');
    expect(parseChineseDate('2026年11月2日 8时5分')).toBe('2026-11-02T08:05:00+08:00');
    expect(parseChineseDate('2026年1月2日')).toBe('2026-01-02T00:00:00+08:00');
    expect(parseChineseDate('2026年2月30日')).toBeNull();
    expect(parseChineseDate('没有日期')).toBeNull();
  });

  it('reads labelled dates and machine dates', () => {
    expect(labelledDate('浏览次数：12 发布时间：2026-11-20 10:20 来源：市政府')).toBe(
      '2026-11-20T10:20:00+08:00',
    );
    expect(parseMachineDate('2026-11-20T10:20:00Z')).toBe('2026-11-20T18:20:00+08:00');
    expect(parseMachineDate('2026-11-20 10:20:00')).toBe('2026-11-20T10:20:00+08:00');
    expect(parseMachineDate('2026-11-20 10:20:00', { timeZone: 'Europe/Berlin' })).toBe(
      '2026-11-20T10:20:00+01:00',
    );
    expect(dateFromUrl('https://x.cn/c/2026-11-20/doc-abc.shtml')).toBe('2026-11-20T00:00:00+08:00');
    expect(dateFromUrl('https://x.cn/news/12345.html')).toBeNull();
  });

  it('reads relative times against now, in the site time zone', () => {
    const now = new Date('2026-11-20T02:20:00Z'); // 10:20 in Beijing
    expect(parseRelativeDate('3小时前', { now })).toBe('2026-11-20T07:20:00+08:00');
    expect(parseRelativeDate('昨天 08:05', { now })).toBe('2026-11-19T08:05:00+08:00');
    expect(parseRelativeDate('刚刚', { now })).toBe('2026-11-20T10:20:00+08:00');
    expect(labelledDate('发布时间：15分钟前', { now })).toBe('2026-11-20T10:05:00+08:00');
  });

  it('strips the site name from <title>', () => {
    expect(stripSiteName('标题在这里_新闻_演示新闻网')).toBe('标题在这里');
    expect(stripSiteName('长标题在这里 | 某网')).toBe('长标题在这里');
  });
});
