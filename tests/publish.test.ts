/**
 * Publishing without a store: the state machine and its roles, the maintained lists (the shipped
 * files and their format errors), the check, the sanitizer, and the three feed formats read back
 * by the crawler's own feed parser.
 */
import {
  allowedActions,
  DictionaryError,
  DraftChecker,
  type FeedEntry,
  htmlToText,
  loadDictionaries,
  nextState,
  PublishError,
  parseDictionaries,
  renderAtom,
  renderJsonFeed,
  renderRss,
  sanitizeRichText,
  textToHtml,
} from '@yuqing/portal-adapter';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../crawler/src/listings/feed-parse.ts';
import { tempDir } from './support/temp-dir.ts';

const EDITOR = ['editor'];
const CHIEF = ['chief_editor'];

describe('state machine', () => {
  it('walks draft → review → approved → published → withdrawn → archived', () => {
    expect(nextState('draft', 'submit', EDITOR)).toBe('pending_review');
    expect(nextState('pending_review', 'approve', CHIEF)).toBe('approved');
    expect(nextState('approved', 'publish', EDITOR)).toBe('published');
    expect(nextState('published', 'retry', EDITOR)).toBe('published');
    expect(nextState('published', 'withdraw', CHIEF)).toBe('withdrawn');
    expect(nextState('withdrawn', 'archive', EDITOR)).toBe('archived');
    expect(nextState('withdrawn', 'edit', EDITOR)).toBe('draft');
    expect(nextState('pending_review', 'reject', CHIEF)).toBe('rejected');
    expect(nextState('rejected', 'edit', EDITOR)).toBe('draft');
  });

  it('refuses illegal transitions with a message naming the allowed states', () => {
    const attempt = () => nextState('draft', 'publish', CHIEF);
    expect(attempt).toThrow(PublishError);
    expect(attempt).toThrow(/不能对「草稿」状态的稿件执行「发布」：只允许在已审核状态下执行/);
    expect(() => nextState('archived', 'edit', EDITOR)).toThrow(/已归档/);
    expect(() => nextState('pending_review', 'edit', EDITOR)).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });

  it('keeps approval and withdrawal to the chief editor, and gives analysts nothing', () => {
    expect(() => nextState('pending_review', 'approve', EDITOR)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => nextState('published', 'withdraw', EDITOR)).toThrow(/chief_editor/);
    expect(nextState('pending_review', 'approve', ['admin'])).toBe('approved');
    expect(allowedActions('draft', ['analyst', 'leader'])).toEqual([]);
    expect(allowedActions('pending_review', EDITOR)).toEqual([]);
    expect(allowedActions('pending_review', CHIEF)).toEqual(['approve', 'reject']);
    expect(allowedActions('published', EDITOR)).toEqual(['retry', 'archive']);
  });
});

describe('maintained lists', () => {
  it('loads the shipped lists', () => {
    const dicts = loadDictionaries();
    expect(dicts.sensitive.length).toBeGreaterThan(20);
    expect(dicts.forbiddenNames.length).toBeGreaterThan(3);
    expect(dicts.typos.length).toBeGreaterThan(50);
    expect(dicts.typos.every((t) => t.wrong !== t.right)).toBe(true);
  });

  it('reports every bad line of every file at once, with file and line', () => {
    const problems: string[] = [];
    const dicts = parseDictionaries(
      {
        sensitive: '# comment\n赌博网站 | 违法信息\n坏词 | 类别 | 必须\n',
        forbiddenNames: '张\n李四 | 已免职\n',
        typos: '按装 | 安装\n只有一列\n同样 | 同样\n',
      },
      problems,
    );
    expect(problems).toEqual([
      'sensitive-words.txt:3: 级别「必须」无效：只能是「禁止」或「提示」',
      'forbidden-names.txt:1: 姓名「张」过短（至少两个字）',
      'typos.txt:2: 须为两列：错误写法 | 正确写法',
      'typos.txt:3: 错误写法与正确写法相同：同样',
    ]);
    expect(dicts.forbiddenNames).toEqual([{ name: '李四', reason: '已免职' }]);
    const tmp = tempDir('dict');
    try {
      expect(() => loadDictionaries(tmp.dir)).toThrow(DictionaryError);
      expect(() => loadDictionaries(tmp.dir)).toThrow(/forbidden-names\.txt: 无法读取/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('check', () => {
  const checker = new DraftChecker(
    parseDictionaries({
      sensitive: '代开发票 | 违法信息\n传销 | 违法信息 | 提示\nVPN代理 | 违规信息\n',
      forbiddenNames: '王某某 | 已免职（2025 年）\n',
      typos: '再接再励 | 再接再厉\n既使 | 即使\n',
    }),
  );

  it('finds forbidden names, sensitive words and typos in title, summary and body text', () => {
    const result = checker.check({
      title: '王某某出席会议',
      summary: '大家要再接再励',
      body: '<p>提供<strong>代开</strong>发票？不，是<em>代开发票</em>。打击传销。使用ＶＰＮ代理</p>',
    });
    expect(result.ok).toBe(false);
    // Tags do not hide a word: `<strong>代开</strong>发票` is found as well.
    expect(result.errors).toBe(4);
    expect(result.warnings).toBe(2);
    const summary = result.findings.map((f) => `${f.severity}:${f.kind}:${f.field}:${f.term}`);
    expect(summary).toEqual([
      'error:forbidden_name:title:王某某',
      'error:sensitive:body:代开发票',
      'error:sensitive:body:代开发票',
      'error:sensitive:body:ＶＰＮ代理',
      'warning:typo:summary:再接再励',
      'warning:sensitive:body:传销',
    ]);
    expect(result.findings.find((f) => f.kind === 'typo')?.note).toBe('再接再厉');
    expect(result.findings[0]?.note).toBe('已免职（2025 年）');
  });

  it('passes clean text, and does not flag a typo inside its own correct form', () => {
    const ok = checker.check({ title: '再接再厉，即使困难', summary: '', body: '<p>全市经济运行平稳。</p>' });
    expect(ok).toEqual({ ok: true, errors: 0, warnings: 0, findings: [] });
  });
});

describe('sanitizer', () => {
  it('keeps the whitelist and drops scripts, styles, handlers, iframes and non-http links', () => {
    const dirty = `<h1>标题</h1><h2 style="color:red" onclick="x()">小标题</h2><p class="a">正文<script>alert(1)</script>
<a href="javascript:alert(1)">坏链接</a><a href="https://gov.example.test/x" target="_blank" onmouseover="x">好链接</a>
<img src="data:image/png;base64,AAAA"><img src="https://img.example.test/a.png" onerror="x()" alt="图">
<iframe src="https://evil.test"></iframe><style>p{display:none}</style><blockquote>引用</blockquote>
<ul><li>一</li></ul><ol><li>二</li></ol><strong>粗</strong><em>斜</em><br><h5>五级</h5></p>`;
    const clean = sanitizeRichText(dirty);
    expect(clean).not.toMatch(
      /script|style|onclick|onerror|onmouseover|iframe|javascript:|data:|target=|class=/,
    );
    expect(clean).toContain('<h2>小标题</h2>');
    expect(clean).toContain('<a href="https://gov.example.test/x">好链接</a>');
    expect(clean).toContain('<a>坏链接</a>');
    expect(clean).toContain('<img src="https://img.example.test/a.png" alt="图" />');
    expect(clean).not.toContain('<img />');
    expect(clean).toContain('<blockquote>引用</blockquote>');
    expect(clean).toContain('<ul><li>一</li></ul><ol><li>二</li></ol><strong>粗</strong><em>斜</em><br />');
    expect(clean).not.toMatch(/<h1|<h5/);
    expect(clean).toContain('标题');
  });

  it('turns crawled text into escaped paragraphs and back', () => {
    const html = textToHtml('第一段 <b>&\n\n  第二段  \n');
    expect(html).toBe('<p>第一段 &lt;b&gt;&amp;</p>\n<p>第二段</p>');
    expect(htmlToText(html)).toBe('第一段 <b>&\n\n第二段');
  });
});

describe('feeds', () => {
  const entries: FeedEntry[] = [
    {
      key: 'd2:feeds',
      draftId: 'd2',
      column: '通知公告',
      title: '关于 <停水> & 检修的通知',
      summary: '11 月 25 日停水。',
      content: '<p>因管网检修，<strong>停水</strong>一天。</p>',
      link: 'https://water.example.test/n/2?a=1&b=2',
      sourceName: '市水务集团',
      sourceUrl: 'https://water.example.test/n/2?a=1&b=2',
      publishedAt: '2026-11-21T02:00:00.000Z',
      updatedAt: '2026-11-21T03:00:00.000Z',
    },
    {
      key: 'd1:feeds',
      draftId: 'd1',
      column: '通知公告',
      title: '冬季供暖\u0001通知',
      summary: '',
      content: '<p>供暖</p>',
      link: 'https://gov.example.test/n/1',
      sourceName: '',
      sourceUrl: 'https://gov.example.test/n/1',
      publishedAt: '2026-11-20T02:00:00.000Z',
      updatedAt: '2026-11-20T02:00:00.000Z',
    },
  ];
  const meta = {
    column: '通知公告',
    title: '示例门户 · 通知公告',
    description: '由舆情平台发布',
    baseUrl: 'https://yq.example.test',
    updated: '2026-11-21T03:00:00.000Z',
  };

  it.each([
    ['rss', renderRss],
    ['atom', renderAtom],
    ['json', renderJsonFeed],
  ] as const)('%s reads back with titles, links, dates and the sanitized content', (format, render) => {
    const text = render(meta, entries);
    const feed = parseFeed(text, meta.baseUrl);
    expect(feed.format).toBe(format);
    expect(feed.title).toBe(meta.title);
    expect(feed.items.map((i) => i.title)).toEqual(['关于 <停水> & 检修的通知', '冬季供暖通知']);
    expect(feed.items.map((i) => i.url)).toEqual([entries[0]?.link, entries[1]?.link]);
    expect(feed.items[0]?.publishedAt).toBe('2026-11-21T02:00:00.000Z');
    expect(feed.items[0]?.html).toContain('<strong>停水</strong>');
  });

  it('says which version and self URL it is', () => {
    expect(renderRss(meta, entries)).toContain(
      '<atom:link href="https://yq.example.test/feeds/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/rss.xml" rel="self"',
    );
    const json = JSON.parse(renderJsonFeed(meta, entries)) as { version: string; items: { id: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(new Set(json.items.map((i) => i.id)).size).toBe(2);
    expect(renderAtom(meta, [])).toContain('<updated>2026-11-21T03:00:00.000Z</updated>');
  });
});
