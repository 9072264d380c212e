/**
 * How the publish time is chosen among the dates a page shows (generic rules, no per-site ones).
 * Each page is a small made-up article; "now" (the fetch time) is 2026-11-20 10:20 in Beijing.
 */
import { describe, expect, it } from 'vitest';
import { parseChineseDate, parseShortDate } from './date-patterns.ts';
import { extractArticle } from './extract-article.ts';

const now = new Date('2026-11-20T02:20:00Z');
const BODY =
  '<p>市政府今天召开新闻发布会，介绍全市今年以来经济运行情况，相关部门负责人回答了记者提问。</p>' +
  '<p>会议指出，要继续做好民生保障工作，确保各项政策落地见效，让群众有更多获得感和幸福感。</p>' +
  '<p>会上还通报了重点项目建设进展，全年计划投资目标已完成九成以上，各区县进度总体良好。</p>';

function page(opts: { head?: string; beforeTitle?: string; header?: string; body?: string; after?: string }) {
  return `<html><head><title>全市经济运行情况发布会召开_新闻中心</title>${opts.head ?? ''}</head><body>
    <div class="top">${opts.beforeTitle ?? ''}</div>
    <h1>全市经济运行情况发布会召开</h1>
    <div class="info">${opts.header ?? ''}</div>
    <div class="content">${opts.body ?? BODY}</div>
    <div class="more">${opts.after ?? ''}</div>
    <div class="foot">Copyright © 2003-2026 某市人民政府 版权所有</div>
  </body></html>`;
}
const published = (html: string, url = 'https://news.example.cn/a/123.html') =>
  extractArticle(html, url, { now }).publishedAt;

describe('publish time patterns', () => {
  it('reads US-order dates with AM/PM (ASP pages) and 下午 times', () => {
    expect(parseChineseDate('发布日期： 7/5/2005 9:23:57 PM')).toBe('2005-07-05T21:23:57+08:00');
    expect(parseChineseDate('17/9/2004 5:54 AM')).toBe('2004-09-17T05:54:00+08:00');
    expect(parseChineseDate('2026年11月2日 下午3:05')).toBe('2026-11-02T15:05:00+08:00');
  });

  it('gives a date without a year the year of the same day elsewhere, or the latest past one', () => {
    expect(parseShortDate('10-08 12:00', { now }, ['2019-10-08T12:00:57+08:00'])).toBe(
      '2019-10-08T12:00:00+08:00',
    );
    expect(parseShortDate('11月19日 08:00', { now })).toBe('2026-11-19T08:00:00+08:00');
    // 12月 is still to come this year: last year's.
    expect(parseShortDate('12-24', { now })).toBe('2025-12-24T00:00:00+08:00');
    expect(parseShortDate('18-03-08', { now })).toBe('2018-03-08T00:00:00+08:00');
  });
});

describe('choosing the publish time', () => {
  it('takes the labelled date under the headline over the page-top date and comment dates', () => {
    const html = page({
      beforeTitle: '2026年11月20日 星期五',
      header: '来源：市政府办公室 发布时间：2026-11-18 09:30 浏览次数：12',
      after: '<p>网友评论 (2026-11-19 22:10:05)</p>',
    });
    expect(published(html)).toBe('2026-11-18T09:30:00+08:00');
  });

  it('never takes a future date, a copyright year or a profile date', () => {
    const html = page({ header: '注册时间：2020-01-02 发布时间：2027-01-01 10:00', body: BODY });
    expect(published(html)).toBeNull();
  });

  it('takes a forum post header right before the headline over a date in the body', () => {
    const html = page({
      beforeTitle: '2003-5-29 09:07 高山流水',
      body: `${BODY}<p>本文由某网站搜集整理于2002-09-25，转载请注明出处，谢谢各位网友的支持。</p>`,
    });
    expect(published(html)).toBe('2003-05-29T09:07:00+08:00');
  });

  it('reads a labelled date without a year with the year of the modification time', () => {
    const html = page({
      head: '<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">',
      header: '<span class="date">发布时间：10-08</span><span class="time">12:00</span>',
    });
    expect(published(html)?.slice(0, 10)).toBe('2019-10-08');
  });

  it('reads a time set by an inline script', () => {
    const html = page({ head: `<script>var DATA = { "pubtime": "2019-09-07 19:02:26" };</script>` });
    expect(published(html)).toBe('2019-09-07T19:02:26+08:00');
  });

  it('takes a relative time only from a short line, against the fetch time', () => {
    expect(published(page({ header: '3小时前 来源：市政府' }))).toBe('2026-11-20T07:20:00+08:00');
    const prose = page({
      body: `${BODY}<p>一位刚刚做完手术的病人说，一点不疼，这里的医生技术很好，服务也很周到。</p>`,
    });
    expect(published(prose)).toBeNull();
  });

  it('falls back to the URL date before a date mentioned in the body', () => {
    const html = page({
      body: `${BODY}<p>此前，该市于2026年3月5日出台了相关政策，效果明显，受到广泛好评。</p>`,
    });
    expect(published(html, 'https://news.example.cn/2026-11/19/c_123.htm')).toBe('2026-11-19T00:00:00+08:00');
  });
});
