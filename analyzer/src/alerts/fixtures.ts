/**
 * Alert fixtures with a story, in Beijing time on 2026-03-10 (UTC+8):
 * - 10:00–10:40 a chemical-plant explosion in 滨江 is reported eight times: `boom-1` first, reprints
 *   (`boom-2`, `boom-5` are near-duplicates of `boom-1`) and follow-ups worded differently.
 * - 10:05–10:45 workers in 杭州 protest unpaid wages five times (`wage-1` … `wage-5`).
 * - Noise all morning: weather, a concert, a trade fair (`noise-1` … `noise-4`), which no rule wants.
 * One alert each for the explosion and the wages, none for the noise.
 */
import type { AnalyzedDocument } from '@yuqing/schemas';

export const T0 = Date.parse('2026-03-10T02:00:00.000Z'); // 10:00 Beijing
const MINUTE = 60_000;

export interface FixtureOptions {
  title: string;
  body: string;
  minute: number;
  keywords: string[];
  regions?: Array<{ code: string; name: string; level: 'province' | 'city' | 'county' }>;
  duplicateOf?: string;
  sensitivity?: number;
  negative?: boolean;
  topicId?: string;
  tokens?: string[];
}

export function fixtureDoc(id: string, o: FixtureOptions, base = T0): AnalyzedDocument & { text: string } {
  const published = new Date(base + o.minute * MINUTE).toISOString();
  const fetched = new Date(base + o.minute * MINUTE + 30_000).toISOString();
  return {
    id,
    url: `http://news.test/${id}.html`,
    source: id.startsWith('noise') ? 'portal' : 'news',
    site: 'news.test',
    mediaType: 'news',
    title: o.title,
    summary: o.body.slice(0, 60),
    text: `${o.title}\n${o.body}`,
    publishedAt: published,
    fetchedAt: fetched,
    analyzedAt: new Date(Date.parse(fetched) + 1000).toISOString(),
    contentHash: id,
    tokens: o.tokens ?? o.keywords,
    keywords: o.keywords,
    category: 'society',
    sentiment: { label: o.negative ? 'negative' : 'neutral', score: o.negative ? -0.7 : 0, evidence: [] },
    sensitivity: { score: o.sensitivity ?? 0, categories: o.sensitivity ? ['accident'] : [], evidence: [] },
    regions: o.regions ?? [],
    persons: [],
    orgs: [],
    places: [],
    simhash: '0123456789abcdef',
    duplicateOf: o.duplicateOf ?? null,
    topicId: o.topicId ?? null,
  };
}

const BINJIANG = [{ code: '330108', name: '滨江区', level: 'county' as const }];
const HANGZHOU = [{ code: '330100', name: '杭州市', level: 'city' as const }];
const BOOM_WORDS = ['化工厂', '爆炸', '滨江', '消防', '伤亡'];
const WAGE_WORDS = ['欠薪', '农民工', '工地', '讨薪', '杭州'];

const boom = (n: number, minute: number, title: string, body: string, extra: Partial<FixtureOptions> = {}) =>
  fixtureDoc(`boom-${n}`, {
    title,
    body,
    minute,
    keywords: BOOM_WORDS.slice(0, 4 + (n % 2)),
    regions: BINJIANG,
    sensitivity: 70 + n,
    negative: true,
    ...extra,
  });

const wage = (n: number, minute: number, title: string, body: string) =>
  fixtureDoc(`wage-${n}`, {
    title,
    body,
    minute,
    keywords: WAGE_WORDS,
    regions: HANGZHOU,
    sensitivity: 40,
    negative: true,
  });

const noise = (n: number, minute: number, title: string, body: string, keywords: string[]) =>
  fixtureDoc(`noise-${n}`, { title, body, minute, keywords });

export const BURSTS = [
  boom(1, 0, '滨江一化工厂发生爆炸', '今天上午滨江区一化工厂发生爆炸，消防正在处置，伤亡情况不明。'),
  wage(1, 5, '杭州一工地农民工讨薪', '杭州某工地数十名农民工聚集讨薪，称被拖欠工资半年。'),
  noise(1, 6, '杭州今日多云转晴', '气象台预报今天多云转晴，气温回升。', ['天气', '多云', '气温']),
  boom(2, 8, '滨江一化工厂发生爆炸（转载）', '今天上午滨江区一化工厂发生爆炸，消防正在处置，伤亡情况不明。', {
    duplicateOf: 'boom-1',
  }),
  boom(3, 12, '化工厂爆炸现场：浓烟滚滚', '记者赶到化工厂爆炸现场，消防车持续赶来，周边居民已疏散。'),
  wage(2, 15, '农民工讨薪事件追踪', '工地欠薪问题引发关注，农民工表示拖欠工资已久。'),
  noise(2, 18, '周末音乐节门票开售', '本周末音乐节门票今日开售。', ['音乐节', '门票', '周末']),
  boom(4, 20, '滨江化工厂爆炸已致3人受伤', '滨江化工厂爆炸事故已造成三人受伤，消防仍在处置。'),
  wage(3, 25, '杭州工地欠薪：劳动监察介入', '劳动监察部门介入工地欠薪一事，农民工讨薪有望解决。'),
  boom(5, 26, '滨江一化工厂发生爆炸', '今天上午滨江区一化工厂发生爆炸，消防正在处置，伤亡情况不明。', {
    duplicateOf: 'boom-1',
  }),
  boom(6, 30, '化工厂爆炸原因正在调查', '应急管理部门表示，化工厂爆炸原因正在调查，滨江区已启动应急预案。'),
  noise(3, 31, '国际贸易博览会开幕', '第十届国际贸易博览会今日开幕。', ['博览会', '贸易', '开幕']),
  wage(4, 35, '讨薪农民工拿到部分工资', '经协调，工地为讨薪农民工先行支付部分拖欠工资。'),
  boom(7, 36, '滨江化工厂爆炸事故通报', '滨江区通报化工厂爆炸事故，伤亡人员已送医救治，消防已控制火势。'),
  boom(8, 40, '化工厂爆炸：周边空气监测正常', '化工厂爆炸后环保部门监测周边空气，消防继续清理现场。'),
  wage(5, 45, '杭州工地欠薪事件后续', '杭州工地欠薪事件有了进展，农民工讨薪诉求得到回应。'),
  noise(4, 50, '杭州地铁新线试运行', '杭州地铁新线今日试运行。', ['地铁', '试运行', '杭州']),
];
