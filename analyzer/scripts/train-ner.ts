/**
 * Trains the NER tagger (averaged structured perceptron, `analyzer/src/entities/ner-*.ts`) and
 * writes analyzer/models/ner.bin.gz. Deterministic: seeded shuffles, no threads.
 *   cd /work/main && npx tsx analyzer/scripts/train-ner.ts [--data ../shared/data] [--output path]
 *     [--bits 21] [--epochs 8] [--seed 20240601] [--weibo-repeat 4] [--clue name,org] [--validation]
 * --validation holds out one Weibo train post in five (by hash), prints figures on it after every
 * epoch and writes nothing: use it to choose options without looking at Weibo dev.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type ClueMapping,
  isMsraHeldOut,
  isWeiboValidation,
  NER_FILES,
  readBioTagged,
  readClueNer,
  type TaggedSentence,
} from '../src/entities/ner-data.ts';
import { formatScores, scoreNer, spansToEntities, toNerSentence } from '../src/entities/ner-eval.ts';
import { extractFeatures, FEATURES } from '../src/entities/ner-features.ts';
import { DEFAULT_NER_MODEL_PATH, NerModel, T, TAGS, tagsToSpans } from '../src/entities/ner-model.ts';
import { type TrainExample, trainPerceptron } from '../src/entities/ner-train.ts';
import { getGazetteer } from '../src/regions/index.ts';
import { getJieba } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data') },
    output: { type: 'string', default: DEFAULT_NER_MODEL_PATH },
    bits: { type: 'string', default: '21' },
    epochs: { type: 'string', default: '8' },
    seed: { type: 'string', default: '20240601' },
    'weibo-repeat': { type: 'string', default: '4' },
    'msra-repeat': { type: 'string', default: '1' },
    'clue-repeat': { type: 'string', default: '1' },
    // CLUENER types to train on: name→PER, org (organization, government, company)→ORG, address and scene→LOC.
    clue: { type: 'string', default: 'name,org' },
    validation: { type: 'boolean', default: false },
  },
});
const bits = Number(values.bits);
const started = performance.now();
const file = (f: string) => {
  const path = resolve(values.data, f);
  if (!existsSync(path)) throw new Error(`missing ${path}: the shared data pack (../shared/data) is needed`);
  return path;
};

const msra = readBioTagged(file(NER_FILES.msra));
const weiboTrain = readBioTagged(file(NER_FILES.weiboTrain), { positionDigit: true });
const weiboDev = readBioTagged(file(NER_FILES.weiboDev), { positionDigit: true });
const clueKinds = new Set(values.clue.split(',').filter(Boolean));
const mapping: ClueMapping = {};
if (clueKinds.has('name')) mapping.name = 'PER';
if (clueKinds.has('org')) Object.assign(mapping, { organization: 'ORG', government: 'ORG', company: 'ORG' });
if (clueKinds.has('address')) Object.assign(mapping, { address: 'LOC', scene: 'LOC' });
const clue = clueKinds.size > 0 ? readClueNer(file(NER_FILES.clue), mapping) : [];

const validation = values.validation ? weiboTrain.filter((s) => isWeiboValidation(s.text)) : [];
const msraHeldOut = msra.filter((s) => isMsraHeldOut(s.text));
const heldOutTexts = new Set([...weiboDev, ...validation, ...msraHeldOut].map((s) => s.text));
const usable = (s: TaggedSentence) => !heldOutTexts.has(s.text);

const gazetteer = getGazetteer();
const jieba = getJieba();
const featurise = (s: TaggedSentence) =>
  extractFeatures(s.text, jieba.tag(s.text, true), { buckets: 2 ** bits, tags: T, gazetteer });
const examples: TrainExample[] = [];
const add = (set: TaggedSentence[], repeat: number) => {
  for (const s of set) if (usable(s)) examples.push({ features: featurise(s), tags: s.tags, repeat });
};
add(msra, Number(values['msra-repeat']));
add(weiboTrain, Number(values['weibo-repeat']));
add(clue, Number(values['clue-repeat']));
const chars = examples.reduce((n, e) => n + e.tags.length, 0);
console.log(
  `${examples.length} training sentences (${chars} characters; MSRA, Weibo train ×${values['weibo-repeat']}, ` +
    `CLUENER ${[...clueKinds].join('+') || 'none'}), featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const evalSets = (
  values.validation ? [{ name: 'weibo train validation (1/5)', set: validation }] : []
).concat([
  { name: 'weibo dev', set: weiboDev },
  { name: 'msra held-out (1/20 by hash)', set: msraHeldOut },
]);
const evalFeatures = evalSets.map(({ set }) => set.map(featurise));
const meta = {
  bits,
  features: FEATURES,
  tags: [...TAGS],
  trainedOn:
    `MSRA (dh_msra minus 1/20 by hash), Weibo NER train${values.validation ? ' minus 1/5 by hash' : ''} ` +
    `(named mentions, ×${values['weibo-repeat']}), CLUENER train (${[...clueKinds].join('+') || 'none'})`,
};

function report(model: NerModel) {
  evalSets.forEach(({ name, set }, k) => {
    const found = new Map(
      set.map((s, i) => [
        s.text,
        spansToEntities(s.text, tagsToSpans(model.tag(evalFeatures[k]?.[i] as Int32Array))),
      ]),
    );
    const scores = scoreNer(set.map(toNerSentence), (text) => found.get(text) ?? spansToEntities(text, []));
    console.log(formatScores(name, scores));
  });
}

const trained = trainPerceptron(examples, {
  bits,
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  onEpoch: (epoch, weights, transitions) => {
    console.log(`epoch ${epoch}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (values.validation) report(NerModel.fromWeights(meta, weights, transitions));
  },
});
const model = NerModel.fromWeights(meta, trained.weights, trained.transitions);
if (!values.validation) {
  const bytes = model.save(values.output);
  console.log(`wrote ${values.output} (${(bytes / 1e6).toFixed(2)} MB)`);
  report(NerModel.load(values.output));
}
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
