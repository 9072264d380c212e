import { describe, expect, it } from 'vitest';
import { isHeldOut, loadLabelledHeadlines, loadToutiao, weiboHeadlines } from './dataset.ts';
import { CATEGORIES, type Category, classify } from './index.ts';
import { evaluate } from './metrics.ts';

/** One plain headline per category, written for these tests (not from the training data). */
const OBVIOUS: Record<Category, string> = {
  时政: '国务院常务会议部署深化放管服改革，市委书记传达会议精神',
  社会: '男子醉驾撞伤路人逃逸，警方已将嫌疑人刑事拘留',
  财经: '央行下调存款准备金率，银行理财收益率走低',
  证券: '沪指放量上涨，创业板个股涨停潮再现',
  房产: '楼市调控加码，一线城市二手房成交量下滑',
  汽车: '新款SUV上市，搭载2.0T发动机，油耗表现如何',
  教育: '高考志愿填报指南：这些大学专业就业率最高',
  科技: '华为发布新款5G芯片，人工智能算力大幅提升',
  体育: '梅西梅开二度，巴萨客场击败皇马',
  娱乐: '杨幂新剧开播，收视率登顶，粉丝热议',
  游戏: '王者荣耀新英雄上线，玩家吐槽技能太强',
  文化: '故宫博物院举办书画展，明清名家真迹亮相',
  旅游: '五一去哪玩？这些景点风景美门票便宜',
  军事: '歼20战机编队飞行，解放军空军实战化训练',
  国际: '特朗普与普京举行会晤，美俄关系出现转机',
  农业: '农民种植大棚蔬菜增收，农村合作社带动致富',
};

describe('classify', () => {
  it.each(Object.entries(OBVIOUS))('files an obvious %s headline under it', (category, title) => {
    expect(classify(title).category).toBe(category);
  });

  it('returns a confidence and a probability for every category', () => {
    const r = classify('梅西梅开二度，巴萨客场击败皇马');
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(Object.keys(r.scores)).toEqual([...CATEGORIES]);
    const sum = Object.values(r.scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 2);
  });

  it('reads the body, but the title weighs more', () => {
    const body = '本赛季中超联赛第十轮，上港主场迎战国安，武磊梅开二度，球队两球取胜，积分榜继续领跑。';
    expect(classify('周末战报', body).category).toBe('体育');
    expect(classify('华为发布新款5G芯片', body).category).toBe('科技');
  });

  it('survives empty input', () => {
    expect(CATEGORIES).toContain(classify('').category);
  });
});

/** Accuracy and macro-F1 of `classify` on labelled texts. */
const scored = (rows: readonly { text: string; label: string }[]) =>
  evaluate(
    rows.map((r) => r.label),
    rows.map((r) => classify(r.text).category),
    CATEGORIES,
  );

describe('classify on held-out toutiao headlines (../shared/data)', () => {
  // Fails, never skips, when the shared data is missing: loadToutiao throws with the path.
  it('keeps accuracy and macro-F1 above the floor measured at training time', () => {
    const dev = loadToutiao().filter((r) => isHeldOut(r.text));
    const r = scored(dev.filter((_, i) => i % 2 === 0));
    // Measured 2026-11-25: accuracy 80.4 %, macro-F1 76.7 % on the whole held-out split (81.2 % /
    // 79.0 % before the weakly labelled classes' bias was lifted for other sources).
    expect(r.accuracy).toBeGreaterThan(0.77);
    expect(r.macroF1).toBeGreaterThan(0.72);
  });
});

describe('classify on headlines of another source (Weibo news posts, hand-labelled)', () => {
  it('keeps accuracy and macro-F1 above the floor', () => {
    const r = scored(weiboHeadlines());
    // Measured 2026-11-25: accuracy 63.5 %, macro-F1 58.3 % (293 headlines; 64.2 % / 58.6 % before
    // that day's retraining, 63.5 % / 53.4 % before the added stock words, 62.1 % / 52.9 % before the weakly labelled classes' bias was lifted,
    // 53.2 % / 45.9 % before the hand-labelled training headlines, 47–48 % / 36–41 % before that
    // day's other changes).
    expect(r.accuracy).toBeGreaterThan(0.58);
    expect(r.macroF1).toBeGreaterThan(0.49);
  });

  it('never measures a training headline', () => {
    const training = loadLabelledHeadlines();
    const measured = new Set(weiboHeadlines().map((h) => h.text));
    expect(training).toHaveLength(321);
    expect(training.filter((h) => measured.has(h.text))).toEqual([]);
  });
});
