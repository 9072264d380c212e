import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getGazetteer } from '../regions/index.ts';
import { getJieba, splitTagged } from '../text/segment.ts';
import { extractFeatures, FEATURES, prepareText } from './ner-features.ts';
import { allowed, getNerModel, NerModel, T, TAGS, tagsToSpans, viterbi } from './ner-model.ts';
import { tagPrepared } from './ner-scorer.ts';
import { FeatureIndex, selectFeatures, trainPerceptron } from './ner-train.ts';

const id = (tag: string) => TAGS.indexOf(tag as (typeof TAGS)[number]);

describe('BIO decoding', () => {
  it('turns tags into typed spans', () => {
    const tags = Uint8Array.from(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG'].map(id));
    expect(tagsToSpans(tags)).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 4, end: 7 },
    ]);
  });

  it('never starts a name with I- nor continues another type', () => {
    const em = new Float64Array(3 * T);
    em[id('I-PER')] = 5; // the best single tag at 0 is I-PER, which may not start a sentence
    em[T + id('I-LOC')] = 5;
    em[2 * T + id('I-LOC')] = 5;
    const tags = [...viterbi(em, 3, new Float64Array((T + 1) * T))].map((y) => TAGS[y]);
    expect(tags[0]).not.toBe('I-PER');
    tags.forEach((tag, i) => {
      if (tag?.startsWith('I-')) expect([`B-${tag.slice(2)}`, tag]).toContain(tags[i - 1]);
    });
  });
});

/** Plain Viterbi over every (previous, next) pair: the reference for the unrolled decoder. */
function reference(em: Float64Array, n: number, trans: Float64Array): number[] {
  const score: number[][] = [];
  const back: number[][] = [];
  const move = (p: number, y: number) => (allowed(p, y) ? (trans[p * T + y] as number) : -1e30);
  score.push(Array.from({ length: T }, (_, y) => (em[y] as number) + move(T, y)));
  for (let i = 1; i < n; i++) {
    const row: number[] = [];
    const arg: number[] = [];
    for (let y = 0; y < T; y++) {
      let best = -Infinity;
      let at = 0;
      for (let p = 0; p < T; p++) {
        const v = (score[i - 1]?.[p] as number) + move(p, y);
        if (v > best) {
          best = v;
          at = p;
        }
      }
      row.push(best + (em[i * T + y] as number));
      arg.push(at);
    }
    score.push(row);
    back.push(arg);
  }
  const last = score[n - 1] as number[];
  let y = last.indexOf(Math.max(...last));
  const tags = [y];
  for (let i = n - 1; i > 0; i--) {
    y = back[i - 1]?.[y] as number;
    tags.unshift(y);
  }
  return tags;
}

describe('Viterbi', () => {
  it('finds the same best path as the plain algorithm', () => {
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 30);
      const em = Float64Array.from({ length: n * T }, () => Math.round(random() * 200 - 100));
      const trans = Float64Array.from({ length: (T + 1) * T }, () => Math.round(random() * 100 - 50));
      expect([...viterbi(em, n, trans)]).toEqual(reference(em, n, trans));
    }
  });
});

describe('training, saving and loading', () => {
  it('learns a toy set and reads back exactly what it wrote', () => {
    const gazetteer = getGazetteer();
    const toy: Array<[string, string]> = [
      ['王小明在北京工作。', 'PPPOLLOOO'],
      ['李华去上海出差。', 'PPOLLOOO'],
      ['张伟在广州读书。', 'PPOLLOOO'],
    ];
    const index = new FeatureIndex();
    const hashed = toy.map(([text, marks]) => {
      const tags = Uint8Array.from(marks, (m, i) => {
        if (m === 'O') return 0;
        const type = m === 'P' ? 'PER' : 'LOC';
        return id(`${i > 0 && marks[i - 1] === m ? 'I' : 'B'}-${type}`);
      });
      const features = extractFeatures(text, getJieba().tag(text, true), { gazetteer });
      index.count(features);
      return { features, tags };
    });
    const size = index.freeze(1);
    const examples = hashed.map((e) => ({
      features: index.toOffsets(e.features.slice()),
      tags: e.tags,
      repeat: 1,
    }));
    const trained = trainPerceptron(examples, { size, epochs: 5, seed: 1 });
    const { keep } = selectFeatures(trained.weights, index.frequency, size);
    const meta = { features: FEATURES, tags: [...TAGS], trainedOn: 'toy' };
    const model = NerModel.build(
      meta,
      index.hashes,
      index.templates,
      trained.weights,
      keep,
      trained.transitions,
    );
    expect(model.meta.kept).toBeGreaterThan(0);
    const path = join(mkdtempSync(join(tmpdir(), 'ner-')), 'toy.bin.gz');
    model.save(path);
    const loaded = NerModel.load(path);
    expect(loaded.tables).toEqual(model.tables);
    expect(loaded.weights).toEqual(model.weights);
    expect(loaded.meta).toEqual(model.meta);
    // The model reads feature hashes, not training offsets.
    for (const e of hashed) expect([...loaded.tag(e.features)]).toEqual([...e.tags]);
  });

  it('tags a prepared text as it tags the hashed features, whole or in part', () => {
    const model = getNerModel();
    const gazetteer = getGazetteer();
    const news = readFileSync(new URL('../../../crawler/fixtures/demo-news.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { body: string }).body);
    const texts = [...news, '李克强在國務院會議上說，ＡＢＣ公司2024年在深圳南山区投资😀。', 'x', ''];
    let names = 0;
    for (const text of texts) {
      const tagged = getJieba().tag(text, true);
      const hashed = model.tag(extractFeatures(text, tagged, { gazetteer }));
      const prepared = prepareText(text, splitTagged(tagged), { gazetteer });
      const tags = [...tagPrepared(model, prepared)];
      expect(tags).toEqual([...hashed]);
      names += tagsToSpans(hashed).length;
      const [from, to] = [Math.floor(text.length / 3), Math.ceil((text.length * 2) / 3)];
      const part = model.tag(extractFeatures(text, tagged, { gazetteer }), from, to);
      expect([
        ...tagPrepared(model, prepareText(text, splitTagged(tagged), { gazetteer }), from, to),
      ]).toEqual([...part]);
    }
    expect(names).toBeGreaterThan(20);
  });

  it('is deterministic', () => {
    const examples = [
      {
        features: Int32Array.from({ length: FEATURES * 2 }, (_, i) => (i + 1) * T),
        tags: Uint8Array.of(1, 2),
        repeat: 2,
      },
    ];
    const a = trainPerceptron(examples, { size: 64, epochs: 2, seed: 7 });
    const b = trainPerceptron(examples, { size: 64, epochs: 2, seed: 7 });
    expect(a.weights).toEqual(b.weights);
  });
});
