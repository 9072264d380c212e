/**
 * Function words and generic news words that never make a useful keyword. Written for yuqing;
 * stop words are applied to keywords only, after sentiment, never to the stored tokens.
 */
const WORDS = `的 了 是 在 和 与 及 或 也 都 就 而 但 并 又 还 把 被 让 给 对 从 向 为 以 于 由 之 其 此 该 这 那 这个 那个 这些 那些
这样 那样 如此 一个 一些 一种 没有 不是 就是 还是 可以 可能 已经 正在 进行 通过 因为 所以 如果 虽然 但是 而且 以及 或者 然后
我们 你们 他们 她们 它们 我 你 他 她 它 自己 大家 什么 怎么 为什么 如何 哪里 多少 这里 那里 时候 现在 今天 昨天 明天 目前
表示 认为 称 说 据 报道 记者 消息 据悉 获悉 日前 近日 此前 今年 去年 有关 相关 方面 问题 情况 工作 一下 一直 一样 一起 不要
不会 不能 没 不 很 非常 更 最 太 真 好 啊 吧 呢 吗 哦 嗯 呀 哈 啦 等 等等 个 年 月 日 时 分 秒 次 位 名 人 上 下 中 里 后 前
能 会 要 想 去 来 看 做 有 着 过 到 让 使 将 已 再 才 只 都是 一定 应该 需要 发布 转发 微博 网友 视频 图片 全文 链接 来源 作者
责任编辑 编辑 原标题 http https www com cn`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Per UTF-16 unit: 1 if it is a one-character stop word, 2 if a longer one starts with it. */
const FIRST_UNIT = new Uint8Array(0x10000);
for (const w of STOP_WORDS) {
  const c = w.charCodeAt(0);
  FIRST_UNIT[c] = (FIRST_UNIT[c] as number) | (w.length === 1 ? 1 : 2);
}

/** `STOP_WORDS.has(word)`, most words decided by their first unit without hashing the string. */
export function isStopWord(word: string): boolean {
  if (word.length === 0) return false;
  const first = FIRST_UNIT[word.charCodeAt(0)] as number;
  if (word.length === 1) return (first & 1) !== 0;
  return (first & 2) !== 0 && STOP_WORDS.has(word);
}

/** Whether a UTF-16 unit is a one-character stop word (的, 在, 不 …). */
export function isStopChar(c: number): boolean {
  return ((FIRST_UNIT[c] as number) & 1) !== 0;
}

const NUMERIC = /^[\p{N}.%]+$/u;

/**
 * English function words, lower-case: posts quote English (Wherever you go, no one will ever
 * know) and credit their sources (via @…). Keywords and topic terms only.
 */
const ENGLISH = new Set(
  `a an the of to in on at by for from with as about into over after via and or but not no nor so if
than then too very just also only all any some each more most other such own same is are was were be
been being am do does did done have has had having will would shall should can could may might must
it its this that these those there here what which who whom whose when where why how i me my mine we
us our you your he him his she her they them their one ever go get got know like rt`.split(/\s+/),
);

/**
 * A word that can be a keyword or a topic term: two characters or more, no stop word (Chinese or
 * English), no number.
 */
export function isContentWord(word: string): boolean {
  if (word.length < 2 || isStopWord(word) || NUMERIC.test(word)) return false;
  return word.charCodeAt(0) >= 0x80 || !ENGLISH.has(word.toLowerCase());
}
