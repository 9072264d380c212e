import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getGazetteer } from '../regions/index.ts';
import { getJieba } from '../text/segment.ts';
import { extractFeatures, FEATURES } from './ner-features.ts';
import { NerModel, T, TAGS, tagsToSpans, viterbi } from './ner-model.ts';
import { trainPerceptron } from './ner-train.ts';

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

describe('training, saving and loading', () => {
  it('learns a toy set and reads back exactly what it wrote', () => {
    const gazetteer = getGazetteer();
    const toy: Array<[string, string]> = [
      ['王小明在北京工作。', 'PPPOLLOOO'],
      ['李华去上海出差。', 'PPOLLOOO'],
      ['张伟在广州读书。', 'PPOLLOOO'],
    ];
    const bits = 12;
    const examples = toy.map(([text, marks]) => {
      const tags = Uint8Array.from(marks, (m, i) => {
        if (m === 'O') return 0;
        const type = m === 'P' ? 'PER' : 'LOC';
        return id(`${i > 0 && marks[i - 1] === m ? 'I' : 'B'}-${type}`);
      });
      const features = extractFeatures(text, getJieba().tag(text, true), {
        buckets: 2 ** bits,
        tags: T,
        gazetteer,
      });
      return { features, tags, repeat: 1 };
    });
    const trained = trainPerceptron(examples, { bits, epochs: 5, seed: 1 });
    const meta = { bits, features: FEATURES, tags: [...TAGS], trainedOn: 'toy' };
    const model = NerModel.fromWeights(meta, trained.weights, trained.transitions);
    const path = join(mkdtempSync(join(tmpdir(), 'ner-')), 'toy.bin.gz');
    model.save(path);
    const loaded = NerModel.load(path);
    expect(loaded.weights).toEqual(model.weights);
    for (const e of examples) expect([...loaded.tag(e.features)]).toEqual([...e.tags]);
  });

  it('is deterministic', () => {
    const examples = [
      {
        features: Int32Array.from({ length: FEATURES * 2 }, (_, i) => i * T),
        tags: Uint8Array.of(1, 2),
        repeat: 2,
      },
    ];
    const a = trainPerceptron(examples, { bits: 8, epochs: 2, seed: 7 });
    const b = trainPerceptron(examples, { bits: 8, epochs: 2, seed: 7 });
    expect(a.weights).toEqual(b.weights);
  });
});
