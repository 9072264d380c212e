/**
 * Behaviour of the committed model (analyzer/models/sentiment.bin.gz) and a regression floor on
 * held-out Weibo posts from ../shared/data. The public-incident comments below were written for
 * this test (anger and anxiety about incidents, as they appear under news posts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyzeSentiment,
  labelledComments,
  loadNlpcc,
  loadWeiboSenti,
  nlpccHeldOutByEmotion,
  predictLabels,
  score,
  scoreBinary,
} from './index.ts';
import { getSentimentModel, labelOf, NEGATIVE, NEUTRAL, POSITIVE } from './model.ts';

const DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

const INCIDENT_COMMENTS = [
  '太可怕了，孩子还那么小，希望严惩凶手！',
  '这种黑心商家必须彻查，还老百姓一个公道',
  '欠薪半年了，工人们过年回不了家，谁来管管？',
  '强拆还打人，还有没有王法了',
  '出了事就删帖，真是寒心',
  '物业不作为，投诉了八次都没人理',
  '疫情这么严重，药店口罩还涨价，良心被狗吃了',
  '每天都提心吊胆的，不知道什么时候才能复工',
  '看完新闻手都在发抖，太吓人了',
  '为什么总是等到出了人命才重视？',
  '化工厂又爆炸了，住在附近好担心',
  '官官相护，普通人维权太难了',
  '举报了三个月，石沉大海',
  '拆迁补偿款被村干部克扣，我们要讨个说法',
  '小区停水三天了也没个通知',
  '官方通报避重就轻，根本不可信',
  '心疼那些被困的乘客，救援怎么这么慢',
  '我们的血汗钱就这么没了，平台跑路了',
  '被骗了两万块，报警也没用',
  '新冠确诊又增加了，真的好焦虑',
];

describe('analyzeSentiment', () => {
  it('reads complaint posts as negative and names the complaint', () => {
    const r = analyzeSentiment('公司拖欠工资三个月，投诉到劳动局也没人管，我们只能维权了！');
    expect(r.label).toBe('negative');
    expect(r.score).toBeLessThan(0);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('reads praise as positive with the praising word as evidence', () => {
    const r = analyzeSentiment('感谢消防员叔叔的辛苦付出，致敬！');
    expect(r.label).toBe('positive');
    expect(r.score).toBeGreaterThan(0.3);
    expect(r.evidence.some((e) => e.includes('感谢') || e.includes('致敬'))).toBe(true);
  });

  it('gives reasons an analyst can read: no particles, numbers or single punctuation marks', () => {
    const posts = [
      '他被城管打了15次，还被罚了200元？',
      '佛罗里达州的Marco岛发生了一件感人的事件：一只狗掉进运河，花了将近15个小时狗狗被消防人员拉出。',
      '请问B市水竹湖公园什么时候开工？',
      ...INCIDENT_COMMENTS,
    ];
    for (const post of posts) {
      for (const e of analyzeSentiment(post).evidence) {
        expect(e, post).not.toMatch(/^(?:[被把的了在A-Za-z]|\d+[个次元]?|[，。？！,.?!])$/);
      }
    }
    expect(analyzeSentiment('他被城管打了15次，还被罚了200元？').evidence.length).toBeGreaterThan(0);
  });

  it('gives no noun, pronoun or count of one character, nor a time, as a reason', () => {
    const posts = ['她花了一万块钱，每周五六点半还要排队，人都疯了', '他们骗了我的钱，一次又一次，太气人了'];
    for (const post of posts) {
      const evidence = analyzeSentiment(post).evidence;
      expect(evidence.length, post).toBeGreaterThan(0);
      for (const e of evidence)
        expect(['她', '他', '人', '钱', '一', '一次', '六点半', '每周五'], post).not.toContain(e);
    }
  });

  it('shows a phrase as evidence only when one of its words carries sentiment', () => {
    const agenda =
      '第四届中国经济学年会会议议程：12月10日代表注册，12月10日晚经济学院院长、主任联席会，欢迎各位代表。';
    expect(analyzeSentiment(agenda).evidence).not.toContain('学院院长主任');
    const tour = '导游的收入很大一部分来自购物的回扣，一般在购物额的10%左右，游客元付钱不要犹豫。';
    expect(analyzeSentiment(tour).evidence).not.toContain('元付钱');
    expect(analyzeSentiment('这次办事我很不满意').evidence.some((e) => e.includes('不满意'))).toBe(true);
  });

  it('shows no phrase that the text does not hold (a word bigram across punctuation)', () => {
    const posts = [
      '碰对了爱好，充实一辈子；',
      '湖南，谢谢大家，你们来了。',
      '我不热，我不热，我不热。。',
      ...INCIDENT_COMMENTS,
    ];
    for (const post of posts) {
      for (const e of analyzeSentiment(post).evidence) expect(post.replace(/\s+/g, ''), e).toContain(e);
    }
  });

  it('flips with negation: 满意 vs 不满意', () => {
    const pos = analyzeSentiment('这次办事我很满意');
    const neg = analyzeSentiment('这次办事我很不满意');
    expect(pos.label).toBe('positive');
    expect(neg.label).toBe('negative');
    expect(neg.evidence.some((e) => e.includes('不满意'))).toBe(true);
  });

  it('keeps plain announcements neutral', () => {
    expect(analyzeSentiment('明天上午九点召开新闻发布会').label).toBe('neutral');
  });

  it('gives the same answer with tokens passed in, and scores within [-1, 1]', () => {
    const text = '物业不作为，投诉了八次都没人理';
    const a = analyzeSentiment(text);
    const b = analyzeSentiment(text, ['物业', '不', '作为', '投诉', '了', '八次', '都', '没', '人', '理']);
    expect(b.label).toBe(a.label);
    for (const t of ['', '！！！', '[哈哈]', 'ok', '好'.repeat(5000)]) {
      const r = analyzeSentiment(t);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('recognises at least 85 % of anger and anxiety comments about incidents as negative', () => {
    const negative = INCIDENT_COMMENTS.filter((t) => analyzeSentiment(t).label === 'negative').length;
    expect(negative / INCIDENT_COMMENTS.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('held-out regression', () => {
  it('finds the shared data', () => {
    // Fail, never skip: without the data the floors below would silently stop guarding the model.
    expect(
      existsSync(DATA_DIR),
      `shared data not found at ${DATA_DIR}: check out ../shared/data next to the repository`,
    ).toBe(true);
  });

  it('weibo_senti_100k test.tsv (first 500 clean rows, emoticons stripped) stays above its floor', () => {
    const rows = loadWeiboSenti(DATA_DIR, 'test').clean.slice(0, 500);
    const predicted = predictLabels(
      getSentimentModel(),
      rows.map((r) => r.text),
    );
    const figures = scoreBinary(
      rows.map((r) => r.label),
      predicted,
    );
    // measured 0.689 on all 11,073 clean rows (the model reads emoticons; these have none)
    expect(figures.accuracy).toBeGreaterThan(0.66);
  });

  it('weibo_senti_100k test.tsv (first 500 clean rows, emoticons kept) is read through its emoticons', () => {
    const rows = loadWeiboSenti(DATA_DIR, 'test', 'keep').clean.slice(0, 500);
    const predicted = predictLabels(
      getSentimentModel(),
      rows.map((r) => r.text),
    );
    // measured 0.925 on all 11,143 clean rows, 0.800 by the model trained with the codes stripped
    expect(
      scoreBinary(
        rows.map((r) => r.label),
        predicted,
      ).accuracy,
    ).toBeGreaterThan(0.88);
  });

  it('NLPCC 2013 held-out 20 % stays above its floors', () => {
    const rows = loadNlpcc(DATA_DIR).heldOut;
    const predicted = predictLabels(
      getSentimentModel(),
      rows.map((r) => r.text),
    );
    const gold = rows.map((r) => r.label);
    // measured 3-class 0.754 accuracy / 0.724 macro-F1, binary 0.835
    expect(score(gold, predicted).macroF1).toBeGreaterThan(0.67);
    expect(scoreBinary(gold, predicted).accuracy).toBeGreaterThan(0.8);
  });

  it("labels at least 85 % of the held-out NLPCC 2013 anger posts negative (the issue's goal)", () => {
    const anger = nlpccHeldOutByEmotion(DATA_DIR).get('anger') ?? [];
    const negative = predictLabels(getSentimentModel(), anger).filter((l) => l === NEGATIVE).length;
    // measured 136 of 158 (0.861); 0.842 before anger and fear posts weighed 1.5 in training
    expect(anger.length).toBe(158);
    expect(negative / anger.length).toBeGreaterThanOrEqual(0.85);
  });

  it('labels real comments on public incidents (CED, hand-labelled) of anger and anxiety negative', () => {
    const comments = labelledComments(DATA_DIR).filter((c) => c.kind === 'A' || c.kind === 'X');
    const negative = comments.filter((c) => analyzeSentiment(c.text).label === 'negative').length;
    // measured 86 of 106 (0.811): below the 0.85, see SENTIMENT.md
    expect(comments.length).toBe(106);
    expect(negative / comments.length).toBeGreaterThanOrEqual(0.8);
  });

  it('holds its figures on the larger second draw of hand-labelled CED comments', () => {
    const comments = labelledComments(DATA_DIR, 'random-comments.tsv');
    const negativeShare = (kinds: string[]) => {
      const of = comments.filter((c) => kinds.includes(c.kind));
      return of.filter((c) => analyzeSentiment(c.text).label === 'negative').length / of.length;
    };
    expect(comments.length).toBe(1197);
    // measured 281 of 406 (0.692) and 187 of 439 (0.426): see SENTIMENT.md
    expect(negativeShare(['A', 'X'])).toBeGreaterThanOrEqual(0.66);
    expect(negativeShare(['N'])).toBeLessThanOrEqual(0.45);
  });
});

describe('labelOf', () => {
  it('is the most probable class, negative on a tie', () => {
    expect(labelOf(0.2, 0.7, 0.1)).toBe(NEUTRAL);
    expect(labelOf(0.1, 0.3, 0.6)).toBe(POSITIVE);
    expect(labelOf(0.6, 0.3, 0.1)).toBe(NEGATIVE);
    expect(labelOf(0.45, 0.45, 0.1)).toBe(NEGATIVE);
    expect(labelOf(0.44, 0.46, 0.1)).toBe(NEUTRAL);
  });
});
