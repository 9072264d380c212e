import { loadDefaultRules, SensitivityMatcher } from '../sensitivity/index.ts';
import type { Category } from './categories.ts';

/*
 * Weak supervision for the classes the headline set lacks or barely has. Written for yuqing.
 * 时政: China's government and party vocabulary (foreign heads of government stay 国际).
 * 社会: incidents, police, courts and livelihood disputes, and what the sensitivity rules file
 * under public incidents (crime, accidents, food safety, disasters, pollution, protests).
 * 证券: stock-market vocabulary inside toutiao's finance class (toutiao's own stock class has 35 rows).
 */
const POLITICS =
  /国务院|李克强|习近平|总书记|党中央|中共中央|中央政治局|政治局常委|全国人大|人大常委|人大代表|人民代表大会|政协|两会|政府工作报告|十九大|十八大|党代会|中纪委|纪委|监委|监察委|巡视组|巡视|督查|省委|市委|县委|区委|镇党委|党委书记|第一书记|省长|市长|县长|区长|国家主席|常务会议|会议精神|党建|党组|党员|干部|廉政|反腐|腐败|落马|从严治党|放管服|简政放权|政务|发改委|国资委|政法委|机构改革|决策部署|主题教育|调研指导|中央部委|部委|国新办|政府常务/;
/** Words that look political but are not (书记员 is a court clerk). */
const NOT_POLITICS = /书记员|学生干部/g;

const SOCIETY =
  /警方|民警|派出所|公安|交警|辅警|刑拘|拘留|逮捕|嫌疑人|诈骗|盗窃|偷窃|抢劫|杀人|命案|车祸|坠楼|跳楼|溺水|失踪|火灾|起火|消防|城管|法院|判决|判刑|获刑|遇难|身亡|遇害|见义勇为|讨薪|欠薪|维权|拆迁|医闹|虐童|走失|救助|好心人|暖心|老人摔倒|猥亵|醉驾|酒驾|肇事|事故/;

const STOCKS =
  /股市|A股|a股|个股|涨停|跌停|大盘|沪指|深成指|创业板|中小板|科创板|板块|券商|证监会|股价|股民|散户|牛市|熊市|市盈率|概念股|龙头股|上证|深证|主力资金|北向资金|停牌|复牌|退市|新股|次新股|增持|减持|解禁|配股|股票|炒股|股份有限公司|庄家|K线|k线|均线|筹码|行情|牛股|妖股|白马股|题材股|港股|美股|两市|沪深|收盘|开盘|收涨|收跌|高开|低开|市值|董事会|控股股东|年报|中报|季报|业绩预告|分红|送转|融资融券|两融|定增|回购|质押|利好|利空|抄底|建仓|仓位|满仓|空仓|IPO|上市公司|成交额/;

/** The classes whose training labels come from these vocabularies (toutiao has none or few). */
export const WEAKLY_LABELLED: readonly Category[] = ['时政', '社会', '证券'];

const NEVER_POLITICS: ReadonlySet<Category> = new Set(['体育', '娱乐', '游戏', '军事', '国际']);
const MAY_BE_SOCIETY: ReadonlySet<Category> = new Set([
  '汽车',
  '教育',
  '房产',
  '财经',
  '科技',
  '文化',
  '旅游',
  '农业',
]);

/** A POLITICS match that survives removing the false friends (书记员 next to 市委书记 still counts). */
export function looksPolitical(text: string): boolean {
  return POLITICS.test(text.replace(NOT_POLITICS, ''));
}

/** Sensitivity categories whose texts are society news (not corruption: that is 时政 or 社会). */
const INCIDENT_CATEGORIES: ReadonlySet<string> = new Set([
  'mass-incident',
  'public-security',
  'work-safety',
  'food-drug-safety',
  'natural-disaster',
  'environment',
  'livelihood',
]);
let incidentRules: SensitivityMatcher | undefined;

export function looksSocial(text: string): boolean {
  if (SOCIETY.test(text)) return true;
  incidentRules ??= new SensitivityMatcher(loadDefaultRules());
  const hit = incidentRules.match(text, { negativity: 0, authority: 0 });
  return hit.categories.some((c) => INCIDENT_CATEGORIES.has(c));
}

export function looksStockMarket(text: string): boolean {
  return STOCKS.test(text);
}

/** The training label of a toutiao headline, given the category its toutiao class maps to. */
export function weakLabel(title: string, base: Category): Category {
  if (base === '财经' && looksStockMarket(title)) return '证券';
  if (!NEVER_POLITICS.has(base) && looksPolitical(title)) return '时政';
  if (MAY_BE_SOCIETY.has(base) && looksSocial(title)) return '社会';
  return base;
}

/** The label of an unlabelled news sentence or post (NER corpora, Weibo events), or none. */
export function weakLabelUnlabelled(text: string): Category | undefined {
  if (looksPolitical(text)) return '时政';
  if (looksSocial(text)) return '社会';
  return undefined;
}
