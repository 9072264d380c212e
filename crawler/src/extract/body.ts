import type { Element } from 'domhandler';
import { bestContainer, type TextBlock, within } from './blocks.ts';

/** Where the article has ended: what follows is related links, comments or the site's footer. */
const END_MARKERS =
  /^[【[(（]?\s*(相关(新闻|阅读|链接|文章|报道|推荐|专题)|延伸阅读|推荐阅读|热门(推荐|文章|新闻)|猜你喜欢|网友评论|我要评论|发表评论|热点推荐|更多精彩|上一篇|下一篇|返回顶部|打印本页|关闭窗口|【打印】|分享到)/;
/** Lines that are page furniture wherever they appear (not article text). */
const FURNITURE =
  /^([【[]\s*(打印|关闭|字号|收藏|纠错|返回|大|中|小)[^】\]]{0,6}[】\]]\s*)+$|^[（(【[]?\s*(责任编辑|编辑|责编|校对|审核|来源|作者)\s*[:：][^。，]{0,30}$|^(分享到|扫一扫|点击(进入|查看)|(网友)?评论\s*\d*|举报|打印|关闭|返回(顶部|首页)?)[:：]?$/;
/** A line that only gives the date, source or author (the byline under a headline). */
const BYLINE =
  /^(.{0,12}(发布时间|发表时间|发布日期|时间|日期|来源|稿源|作者|记者|编辑|浏览|阅读|点击)\s*[:：].*|\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*(\d{1,2}[:：]\d{2}([:：]\d{2})?)?.{0,40})$/;

export interface Body {
  text: string;
  container: Element | null;
}

/**
 * The article text: the best container's blocks in reading order, one paragraph a line, without
 * the chrome inside it, the headline and byline above the text, and what follows its end.
 */
export function extractBody(blocks: readonly TextBlock[], root: Element, title: string): Body {
  const found = bestContainer(blocks, root);
  if (!found) return { text: '', container: null };
  const container = found.element;
  const inside = blocks.filter((b) => within(container, b.owner, found.excluded));
  const lines: string[] = [];
  let seenText = false;
  let textChars = 0;
  const total = inside.reduce((n, b) => n + Math.max(0, b.weight), 0);
  for (const b of inside) {
    if (b.chrome || b.linkChars > b.chars * 0.6) continue;
    const isText = b.weight > 0;
    if (!seenText) {
      // Above the first paragraph: skip the headline, the byline and furniture.
      if (!isText && (b.text === title || title.includes(b.text) || BYLINE.test(b.text))) continue;
      if (isText && b.chars < 120 && BYLINE.test(b.text) && !/[。！？]/.test(b.text)) continue;
      if (b.text === title) continue;
    }
    if (END_MARKERS.test(b.text) && textChars > total * 0.5) break;
    if (FURNITURE.test(b.text)) continue;
    lines.push(b.text);
    if (isText) {
      seenText = true;
      textChars += b.weight;
    }
  }
  return { text: lines.join('\n'), container };
}
