/**
 * Fixture story for the topic tests: on 2026-11-20 a rainstorm red warning hits 杭州 (a burst of
 * posts and bare reactions from 08:00), a highway pile-up on the 沪昆高速 is reported from 09:00,
 * and a food-poisoning case at a 广州 school canteen from 14:00. `story` says which each doc is.
 */
import { KeywordExtractor } from '../text/keywords.ts';
import { segment } from '../text/segment.ts';
import type { TopicDocument } from './types.ts';

export const T0 = Date.parse('2026-11-20T08:00:00+08:00');
const MIN = 60_000;

const STORIES = {
  rain: [
    '杭州市气象台发布暴雨红色预警，西湖区余杭区累计雨量超过一百毫米，全市中小学停课',
    '杭州暴雨红色预警，地铁部分站点临时关闭，市防汛指挥部提醒市民减少外出',
    '暴雨导致杭州多处道路积水，防汛部门紧急排涝',
    '杭州这场暴雨太大了，地铁站都进水了',
    '杭州暴雨停课，孩子们在家上网课',
  ],
  crash: [
    '沪昆高速金华段发生多车追尾事故，造成三人受伤，交警部门正在处置',
    '沪昆高速多车追尾，现场车辆严重变形，高速交警提醒注意车距',
    '沪昆高速追尾事故伤者已送医救治，道路恢复通行',
    '高速上开车一定要保持车距，追尾太危险了',
  ],
  food: [
    '广州一所学校食堂发生学生食物中毒，二十多名学生送医，市场监管部门介入调查',
    '广州学校食堂食物中毒事件，涉事食堂已停业整顿，卫健部门公布检测结果',
    '食堂食物中毒，学校管理者必须追责，家长很愤怒',
  ],
} as const;

export type Story = keyof typeof STORIES;

const REACTIONS = ['太可怕了', '大家注意安全', '转发一下'];

function doc(id: string, text: string, time: number): TopicDocument {
  return {
    id,
    tokens: segment(text),
    keywords: [],
    title: text.slice(0, 30),
    time,
    source: `site-${id.length % 3}`,
    sentiment: 'negative',
    regions: text.includes('杭州') ? ['330100'] : text.includes('广州') ? ['440100'] : [],
    persons: [],
    orgs: [],
    places: [],
    duplicateOf: null,
  };
}

/** Each story's posts a few minutes apart, each post followed by a bare reaction a minute later. */
export function burstStream(): Array<{ doc: TopicDocument; story: Story }> {
  const start: Record<Story, number> = { rain: T0, crash: T0 + 60 * MIN, food: T0 + 360 * MIN };
  const out: Array<{ doc: TopicDocument; story: Story }> = [];
  for (const story of Object.keys(STORIES) as Story[]) {
    STORIES[story].forEach((text, i) => {
      const time = start[story] + i * 7 * MIN;
      out.push({ doc: doc(`${story}-${i}`, text, time), story });
      const reaction = REACTIONS[i % REACTIONS.length] as string;
      out.push({ doc: doc(`${story}-${i}-r`, reaction, time + MIN), story });
    });
  }
  return out.sort((a, b) => a.doc.time - b.doc.time);
}

/** An IDF learned from the fixture texts, as the corpus would learn it. */
export function fixtureIdf(stream: ReadonlyArray<{ doc: TopicDocument }>): (word: string) => number {
  const k = new KeywordExtractor();
  for (const { doc: d } of stream) k.observe(d.tokens);
  return (w) => k.idf(w);
}

export { doc as fixtureDoc };
