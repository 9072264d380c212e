import type { DemoArticle } from './demo-data.ts';

/** Pages of the demo news site: plain server-rendered HTML shaped like a Chinese news portal. */

export const SITE_NAME = '演示新闻网';
export const PAGE_SIZE = 20;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `YYYY-MM-DD hh:mm` in Beijing time, as Chinese sites print dates. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function layout(title: string, main: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}_${SITE_NAME}</title>
<meta name="keywords" content="新闻,时事,社会,${SITE_NAME}">
${head}<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div class="top-bar"><a href="/">${SITE_NAME}首页</a> | <a href="/about.html">关于我们</a> | <a href="/search?q=">站内搜索</a></div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/news/list_1.html">新闻</a></li>
    <li><a href="/channel/guonei.html">国内</a></li>
    <li><a href="/channel/shehui.html">社会</a></li>
    <li><a href="/channel/keji.html">科技</a></li>
    <li><a href="/channel/yule.html">娱乐</a></li>
  </ul>
</div>
${main}
<div class="footer">
  <p><a href="/about.html">关于我们</a> | <a href="/contact.html">联系方式</a> | <a href="/copyright.html">版权声明</a></p>
  <p>Copyright © 2026 ${SITE_NAME} 版权所有 未经授权禁止转载</p>
  <p>违法和不良信息举报电话：12345 &nbsp; 演示备案号：演ICP备00000000号</p>
</div>
</body>
</html>
`;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

function pagination(page: number, pages: number): string {
  const link = (n: number, label: string) => `<a href="/news/list_${n}.html">${label}</a>`;
  const parts = [link(1, '首页')];
  if (page > 1) parts.push(link(page - 1, '上一页'));
  for (let n = Math.max(1, page - 4); n <= Math.min(pages, page + 4); n++) {
    parts.push(n === page ? `<span class="current">${n}</span>` : link(n, String(n)));
  }
  if (page < pages) parts.push(link(page + 1, '下一页'));
  parts.push(link(pages, '尾页'));
  return `<div class="pagination">${parts.join(' ')} <span>共${pages}页</span></div>`;
}

/** Summary line of a list entry: the start of the body. */
function summary(article: DemoArticle): string {
  const text = article.body.replace(/\n/g, '');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export function renderList(articles: readonly DemoArticle[], page: number): string {
  const pages = pageCount(articles.length);
  const slice = articles.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // Links carry tracking parameters, as real portals' do: the crawler must canonicalise them away.
  const items = slice
    .map(
      (a, i) => `    <li>
      <h3><a href="/news/${a.id}.html?spm=list.${page}.${i + 1}" target="_blank">${escapeHtml(a.title)}</a></h3>
      <p class="summary">${escapeHtml(summary(a))}</p>
      <span class="time">${beijingMinute(a.publishedAt)}</span>
    </li>`,
    )
    .join('\n');
  const main = `<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 新闻</div>
<div class="list-box">
  <h2>新闻列表</h2>
  <ul class="news-list">
${items}
  </ul>
  ${pagination(page, pages)}
</div>`;
  return layout(page === 1 ? '新闻列表' : `新闻列表 第${page}页`, main);
}

export function renderArticle(articles: readonly DemoArticle[], index: number): string {
  const a = articles[index] as DemoArticle;
  const related = [articles[index - 1], articles[index + 1], articles[index + 2]]
    .filter((r): r is DemoArticle => r !== undefined)
    .map((r) => `<li><a href="/news/${r.id}.html?utm_source=related#top">${escapeHtml(r.title)}</a></li>`)
    .join('\n      ');
  const paragraphs = a.body
    .split('\n')
    .map((p) => `    <p>${escapeHtml(p)}</p>`)
    .join('\n');
  const shareUrl = encodeURIComponent(`/news/${a.id}.html`);
  const main = `<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/list_1.html">新闻</a> &gt; 正文</div>
<div class="article">
  <h1>${escapeHtml(a.title)}</h1>
  <div class="info">发布时间：${beijingMinute(a.publishedAt)}&nbsp;&nbsp;来源：${escapeHtml(a.source)}&nbsp;&nbsp;作者：${escapeHtml(a.author)}</div>
  <div class="article-content">
${paragraphs}
  </div>
  <div class="editor">（责任编辑：演示编辑）</div>
  <div class="share-bar">分享到：<a href="https://service.weibo.com/share/share.php?url=${shareUrl}">新浪微博</a> <a href="javascript:void(0)">微信</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
  <div class="related">
    <h3>相关新闻</h3>
    <ul>
      ${related}
    </ul>
  </div>
</div>`;
  return layout(a.title, main, `<meta name="author" content="${escapeHtml(a.author)}">\n`);
}
