import { describe, expect, it } from 'vitest';
import { analyzeText, analyzeTexts, type TextInput } from './analyze-text.ts';

const posts: TextInput[] = [
  {
    id: 'a',
    title: '杭州发布暴雨红色预警',
    content: '杭州市气象台发布暴雨红色预警，西湖区、余杭区中小学停课。',
  },
  {
    id: 'b',
    title: '',
    content: '家长投诉学校食堂饭菜发霉变质，多名学生食物中毒住院，太气愤了！',
    mediaType: 'social',
  },
  {
    id: 'c',
    title: '',
    content: '感谢消防员叔叔的辛苦付出，致敬！详情 http://t.cn/zlTzULj',
    mediaType: 'social',
  },
  {
    id: 'd',
    title: '化工厂爆炸',
    content: '化工厂车间发生爆炸，造成3人死亡、5人受伤，王建国等村民聚集讨说法。',
  },
];

describe('analyzeTexts', () => {
  it('gives every document of a batch what analyzeText gives it alone', () => {
    expect(analyzeTexts(posts)).toEqual(posts.map((p) => analyzeText(p)));
  });

  it('keeps the pieces of links out of the words', () => {
    const [c] = analyzeTexts([posts[2] as TextInput]);
    expect(c?.tokens).toEqual(expect.arrayContaining(['感谢', '消防员', '致敬', '详情']));
    for (const piece of ['http', 't', 'cn', 'zlTzULj']) expect(c?.tokens).not.toContain(piece);
  });

  it('weighs sensitivity by the source authority it is given', () => {
    const d = posts[3] as TextInput;
    const high = analyzeText({ ...d, authority: 1 }).sensitivity.score;
    const low = analyzeText({ ...d, authority: 0 }).sensitivity.score;
    expect(high).toBeGreaterThan(low);
  });
});
