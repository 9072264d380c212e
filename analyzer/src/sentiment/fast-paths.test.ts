/**
 * The shortcuts that make sentiment cheap per document must give what the plain code gives: the
 * pattern scan only where a pattern can start, one word-table probe per token, the text clean-up
 * that skips patterns whose characters are absent, and int8 scoring.
 */
import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from './features.ts';
import { hashString, SEED } from './hash.ts';
import { COMPLAINT_WORDS, DEGREE, NEGATIONS, PATTERNS } from './lexicon.ts';
import { getSentimentModel, SentimentModel } from './model.ts';
import { normalizeText } from './normalize.ts';
import { patternStarts } from './pattern-starts.ts';
import {
  COMPLAINT,
  confirm,
  DEGREE_FLAG,
  entryOf,
  lookup,
  NEGATION,
  NEGATIVE_WORD,
  POSITIVE_WORD,
  wordTable,
} from './word-table.ts';

const TEXTS = [
  '难道这就是所谓的服务吗？？凭什么让我们等三个小时！！',
  '呵呵，好一个为人民服务…… 唉唉唉，算了吧。。。',
  '强烈要求严惩凶手，希望大家平安，谢谢支持',
  '还有没有王法了？谁来管管？什么时候才能解决',
  '今天天气不错，出去走走。 Hello World!? ...',
  '哈哈哈哈太可笑了，真行，厉害了我的哥',
  '',
];

describe('patternStarts', () => {
  it('understands the sentiment patterns and covers every match start', () => {
    const starts = patternStarts(PATTERNS.map(([, re]) => re));
    const marked = starts.reduce((n, x) => n + x, 0);
    expect(marked).toBeGreaterThan(10);
    expect(marked).toBeLessThan(500); // not the fall-back "anywhere"
    for (const [, re] of PATTERNS) {
      const global = new RegExp(re.source, 'g');
      for (const text of TEXTS) {
        for (const m of text.matchAll(global))
          expect(starts[text.charCodeAt(m.index)], `${re} in ${text}`).toBe(1);
      }
    }
  });

  it('falls back to every position for syntax it does not read', () => {
    for (const re of [/.好/, /\b好/, /a?/, /[^好]/, /(?=好)/, /好/i]) {
      expect(patternStarts([re]).every((x) => x === 1)).toBe(true);
    }
    const optional = patternStarts([/(?:强烈)?要求|\.\.\.|[吗嘛]{2,}/]);
    expect([...'强要.吗嘛'].map((c) => optional[c.charCodeAt(0)])).toEqual([1, 1, 1, 1, 1]);
    expect(optional['烈'.charCodeAt(0)]).toBe(0);
  });
});

describe('word table', () => {
  const lexicon = new Map<number, number>([
    [hashString(SEED.lexicon, '满意'), 1],
    [hashString(SEED.lexicon, '失望'), -1],
  ]);
  const table = wordTable(lexicon);
  const flags = (w: string) => {
    const s = lookup(table, hashString(SEED.lexicon, w));
    return s === 0 ? 0 : confirm(table, s, w);
  };

  it('answers polarity, complaint, negation and degree in one probe', () => {
    expect(flags('满意') & POSITIVE_WORD).toBeTruthy();
    expect(flags('失望') & NEGATIVE_WORD).toBeTruthy();
    expect(flags('失望') & COMPLAINT).toBeTruthy(); // 失望 is also a complaint word
    for (const w of COMPLAINT_WORDS) expect(flags(w) & COMPLAINT, w).toBeTruthy();
    for (const w of NEGATIONS) expect(flags(w) & NEGATION, w).toBeTruthy();
    for (const [w, d] of DEGREE) {
      const s = flags(w);
      expect(s & DEGREE_FLAG, w).toBeTruthy();
      expect(table.degree[entryOf(s)]).toBe(d);
    }
    expect(flags('桌子')).toBe(0);
  });

  it('keeps only the polarity when a token merely shares a listed word’s hash', () => {
    const s = lookup(table, hashString(SEED.lexicon, '投诉'));
    expect(confirm(table, s, '投诉') & COMPLAINT).toBeTruthy();
    expect(confirm(table, s, '别的词')).toBe(s & (POSITIVE_WORD | NEGATIVE_WORD));
  });
});

describe('normalizeText', () => {
  /** The five replacements, always run. */
  function plain(raw: string): { text: string; emoticons: string[] } {
    const emoticons: string[] = [];
    const text = raw
      .replace(/\[[^[\]\s]{1,8}\]/g, (m) => {
        emoticons.push(m.slice(1, -1));
        return ' ';
      })
      .replace(/(?:https?:\/\/|www\.)[\w\-.~:/?#@!$&'*+,;=%]+/gi, ' ')
      .replace(/@[\p{L}\p{N}_-]{1,30}[:：]?/gu, ' ')
      .replace(/\/\/(?=\s*@|\s*$)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { text, emoticons };
  }

  it('gives what the five replacements give', () => {
    const samples = [
      ...TEXTS,
      '  前后有空格  ',
      '中间  两个空格',
      '换行\n和\t制表',
      '全角\u3000空格',
      '//@张三: 转发 [哈哈] http://t.cn/abc 看 WWW.Example.com',
      '版本 3.5 发布',
      '路径 a/b 和 a//',
      '邮箱 me@example.com',
      '[哈哈][怒] 表情',
      '单个 空格 没问题',
    ];
    for (const s of samples) expect(normalizeText(s), s).toEqual(plain(s));
  });
});

describe('int8 scoring', () => {
  it('scores a trained (float) model as its file will, close to float arithmetic', () => {
    const loaded = getSentimentModel();
    const float = new SentimentModel(
      loaded.meta,
      Float32Array.from(loaded.weights),
      loaded.bias,
      loaded.lexicon,
    );
    const f = new FeatureBuffer(false);
    for (let i = 0; i < 300; i++) f.add(Math.imul(i + 1, 0x9e3779b1) >>> 0, 1 + (i % 3) / 2);
    const a = loaded.logits(f, new Float64Array(3));
    const b = float.logits(f, new Float64Array(3));
    // reference: the float weights summed feature by feature
    const w = loaded.weights;
    const ref = [0, 0, 0];
    for (let i = 0; i < f.length; i++) {
      const j = ((f.hashes[i] as number) & loaded.mask) * 3;
      for (let c = 0; c < 3; c++)
        ref[c] = (ref[c] as number) + (w[j + c] as number) * (f.values[i] as number);
    }
    const s = SentimentModel.norm(f.length);
    for (let c = 0; c < 3; c++) {
      expect(a[c]).toBeCloseTo((ref[c] as number) * s + (loaded.bias[c] as number), 5);
      expect(b[c]).toBeCloseTo(a[c] as number, 5);
    }
  });
});
