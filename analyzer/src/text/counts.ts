const NUMERAL_START = /^[第一二三四五六七八九十百千万亿两几数余多半0-9]/;
const MEASURE_END = /[个次只名位件条张头项元块岁年月日天号台辆家人例起所座亿万千百]$/;
/** 三点, 第六届, 十份: numerals and one of these measures, nothing else (五角场 and 二战时期 are none). */
const NUMERALS_AND_MEASURE =
  /^第?[零〇一二三四五六七八九十百千万亿两几数余多半0-9]+[点分秒周届期批份倍层米吨斤部种些样回场]$/;
/** 这部, 每个, 那些: a demonstrative or 每 and a measure. */
const POINTING =
  /^[这那每哪该此][个次只名位件条张头项块年月日天号台辆家人例起所座点分秒周届期批份倍层米部种些样回场]$/;
/** 12-14, 19:30, 2013/7: digits with separators. */
const NUMBERS = /^[\p{N}.%:：\-~～—/]+$/u;
/** 六点半, 十点钟, 周五, 每周五. */
const CLOCK_OR_WEEKDAY =
  /^(?:[零〇一二三四五六七八九十两0-9]+点(?:半|钟|[零〇一二三四五六七八九十0-9]+分?)?|每?(?:周|星期|礼拜)[一二三四五六日天末])$/;

/**
 * A count or a time (第一个, 三万多元, 这部, 12-14, 六点半, 每周五): a numeral or demonstrative word
 * ending in a measure, or a clock time or weekday, which says nothing of a topic; 两会 and 一把手
 * are none. Out of the keywords and the sentiment evidence only: as topic terms, counts still make
 * a short news item's vector longer (see the attention prior of `TopicClusterer`).
 */
export function isCount(word: string): boolean {
  if (word.length < 2) return false;
  if (NUMERAL_START.test(word) && MEASURE_END.test(word)) return true;
  return (
    NUMERALS_AND_MEASURE.test(word) ||
    POINTING.test(word) ||
    NUMBERS.test(word) ||
    CLOCK_OR_WEEKDAY.test(word)
  );
}
