import { describe, expect, it } from 'vitest';
import { analyzeText, analyzeTexts, type TextInput } from './analyze-text.ts';
import { analyzeSentiment } from './sentiment/index.ts';

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

  it('keeps emoticon codes out of the words: [蜡烛] is no word of the post', () => {
    const [r] = analyzeTexts([
      { id: 'e', title: '悼念[蜡烛]', content: '一路走好[蜡烛][蜡烛]，蜡烛为你点亮' },
    ]);
    expect(r?.tokens).toEqual(['悼念', '一路', '走', '好', '蜡烛', '为', '你', '点亮']);
  });

  it('keeps fragments that jieba glued across words out of the tokens, not names', () => {
    const [a, b, c] = analyzeTexts([
      { id: 'f', title: '', content: '网友吐槽火车盒饭元太能吃，据博友爆料，吴在现场' },
      { id: 'g', title: '于欢案二审宣判', content: '' },
      { id: 'h', title: '', content: '因李天一未满18岁，多人围观，图自网络，且删且珍惜' },
    ]);
    expect(a?.tokens).toEqual(['网友', '吐槽', '火车', '盒饭', '吃', '爆料', '现场']);
    expect(b?.tokens).toContain('于欢');
    for (const glued of ['因李', '多人', '图自', '删且']) expect(c?.tokens).not.toContain(glued);
    expect(c?.tokens).toEqual(expect.arrayContaining(['围观', '网络', '珍惜']));
  });

  it('reads a post in traditional script as its simplified form, and reports names as written', () => {
    const written = { id: 't', title: '臺灣縣長涉嫌貪污被調查', content: '高雄市民憤怒，要求嚴懲貪官。' };
    const simple = { id: 't', title: '台湾县长涉嫌贪污被调查', content: '高雄市民愤怒，要求严惩贪官。' };
    const [a, b] = analyzeTexts([written, simple]);
    expect(a?.sensitivity.categories).toEqual(['贪污腐败']);
    for (const field of ['category', 'sentiment', 'sensitivity', 'regions', 'tokens', 'simhash'] as const)
      expect(a?.[field]).toEqual(b?.[field]);
    expect(a?.places).toEqual(expect.arrayContaining(['臺灣', '高雄']));
  });

  it('gives sentiment the words it was trained on: no emoticon or user-name words', () => {
    // Training cuts the cleaned text: [哈哈] is an emoticon feature, never the word 哈哈 as well.
    const texts = [
      '哈哈，他怎么还是政协委员···[哈哈]',
      '@人民日报 太可怕了[抓狂][抓狂] 希望早日查清真相',
      '求扩散//@张三丰:转发微博 http://t.cn/zlTzULj 谁来管管',
      '网友吐槽火车盒饭元太能吃，据博友爆料，吴在现场',
    ];
    for (const content of texts) {
      expect(analyzeText({ id: 'x', title: '', content }).sentiment).toEqual(analyzeSentiment(content));
    }
    const titled = { id: 'y', title: '投诉[怒]', content: '@物业管理处 停水三天了[泪]' };
    expect(analyzeText(titled).sentiment).toEqual(analyzeSentiment(`${titled.title}\n${titled.content}`));
  });

  it('weighs sensitivity by the source authority it is given', () => {
    const d = posts[3] as TextInput;
    const high = analyzeText({ ...d, authority: 1 }).sensitivity.score;
    const low = analyzeText({ ...d, authority: 0 }).sensitivity.score;
    expect(high).toBeGreaterThan(low);
  });
});
