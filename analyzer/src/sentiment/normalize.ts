/** Text clean-up shared by training and inference. */

/** Weibo emoticon codes such as [哈哈] or [抓狂]: short bracketed names without spaces. */
const EMOTICON = /\[[^[\]\s]{1,8}\]/g;
const URL = /(?:https?:\/\/|www\.)[\w\-.~:/?#@!$&'*+,;=%]+/gi;
/** @mentions and the "//@name:" of retweet chains: user names carry no sentiment but get memorised. */
const MENTION = /@[\p{L}\p{N}_-]{1,30}[:：]?/gu;
const REPOST = /\/\/(?=\s*@|\s*$)/g;
const SPACE = /\s+/g;

export interface NormalizedText {
  /** Text without emoticon codes, links and user names. */
  text: string;
  /** Emoticon names without brackets, in order (empty when they were stripped). */
  emoticons: string[];
}

/**
 * Cleans a post. With `keepEmoticons` false the codes are dropped entirely (needed on data whose
 * labels were derived from those emoticons, such as weibo_senti_100k).
 */
export function normalizeText(raw: string, keepEmoticons = true): NormalizedText {
  const emoticons: string[] = [];
  let text = raw.replace(EMOTICON, (m) => {
    if (keepEmoticons) emoticons.push(m.slice(1, -1));
    return ' ';
  });
  text = text.replace(URL, ' ').replace(MENTION, ' ').replace(REPOST, ' ').replace(SPACE, ' ').trim();
  return { text, emoticons };
}

/** Removes emoticon codes only (for data sets whose labels came from them). */
export function stripEmoticons(raw: string): string {
  return raw.replace(EMOTICON, ' ').replace(SPACE, ' ').trim();
}
