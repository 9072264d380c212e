/**
 * Trains the NER tagger (averaged structured perceptron, `analyzer/src/entities/ner-*.ts`) and
 * writes analyzer/models/ner.bin.gz. Deterministic: seeded shuffles, no threads.
 *   cd /work/main && npx tsx analyzer/scripts/train-ner.ts [--data ../shared/data] [--output path]
 *     [--keep 85000] [--min-count 2] [--epochs 6] [--seed 20240601]
 *     [--weibo-repeat 4] [--clue name,org] [--validation] [--also-keep 30000,120000]
 * Training sees every feature (exact 32-bit hashes, those seen at least --min-count times); the
 * model keeps the --keep features whose weights differ most across tags, in rows by key
 * (`ner-model.ts`). --validation holds out one Weibo train post in five (by hash),
 * prints figures on it (also for the --also-keep sizes) and writes nothing: use it to choose
 * options without looking at Weibo dev.
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
import {
  FeatureIndex,
  selectFeatures,
  type TrainExample,
  trainPerceptron,
} from '../src/entities/ner-train.ts';
import { simplifiedForm } from '../src/entities/traditional.ts';
import { getGazetteer } from '../src/regions/index.ts';
import { getJieba } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data') },
    output: { type: 'string', default: DEFAULT_NER_MODEL_PATH },
    keep: { type: 'string', default: '85000' },
    'also-keep': { type: 'string', default: '' },
    'min-count': { type: 'string', default: '2' },
    epochs: { type: 'string', default: '6' },
    seed: { type: 'string', default: '20240601' },
    'weibo-repeat': { type: 'string', default: '4' },
    'msra-repeat': { type: 'string', default: '1' },
    'clue-repeat': { type: 'string', default: '1' },
    // CLUENER types to train on: name→PER, org (organization, government, company)→ORG, address and scene→LOC.
    clue: { type: 'string', default: 'name,org' },
    validation: { type: 'boolean', default: false },
    'every-epoch': { type: 'boolean', default: false },
    'no-retrain': { type: 'boolean', default: false },
  },
});
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
// As nerSpans does: a text in traditional script is featurised in its simplified form.
const featurise = ({ text }: TaggedSentence) => {
  const simple = simplifiedForm(text) ?? text;
  return extractFeatures(simple, jieba.tag(simple, true), { gazetteer });
};
const examples: TrainExample[] = [];
const index = new FeatureIndex();
const add = (set: TaggedSentence[], repeat: number) => {
  for (const s of set) {
    if (!usable(s)) continue;
    const features = featurise(s);
    index.count(features);
    examples.push({ features, tags: s.tags, repeat });
  }
};
add(msra, Number(values['msra-repeat']));
add(weiboTrain, Number(values['weibo-repeat']));
add(clue, Number(values['clue-repeat']));
const size = index.freeze(Number(values['min-count']));
for (const e of examples) index.toOffsets(e.features);
const chars = examples.reduce((n, e) => n + e.tags.length, 0);
console.log(
  `${examples.length} training sentences (${chars} characters; MSRA, Weibo train ×${values['weibo-repeat']}, ` +
    `CLUENER ${[...clueKinds].join('+') || 'none'}), ${size - 1} features seen ≥ ${values['min-count']} times, ` +
    `featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const evalSets = (
  values.validation ? [{ name: 'weibo train validation (1/5)', set: validation }] : []
).concat([
  { name: 'weibo dev', set: weiboDev },
  { name: 'msra held-out (1/20 by hash)', set: msraHeldOut },
]);
const evalFeatures = evalSets.map(({ set }) => set.map(featurise));
const meta = {
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

/** The model keeping `count` features. */
function compact(weights: Float32Array, transitions: Float64Array, count: number): NerModel {
  const { keep, threshold } = selectFeatures(weights, index.frequency, count);
  const model = NerModel.build(meta, index.hashes, index.templates, weights, keep, transitions);
  const tables = model.tables.reduce((bytes, t) => bytes + t.byteLength, 0);
  console.log(
    `  ${model.meta.kept} features kept (weight spread ≥ ${threshold.toPrecision(3)}): ` +
      `${(model.weights.length / 2 ** 20).toFixed(2)} MB of weights, ${(tables / 2 ** 20).toFixed(2)} MB of key tables`,
  );
  return model;
}

const epochs = Number(values.epochs);
const keepCount = Number(values.keep);
const train = (label: string) =>
  trainPerceptron(examples, {
    size,
    epochs,
    seed: Number(values.seed),
    onEpoch: (epoch, weights, transitions) => {
      console.log(`${label} epoch ${epoch}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (values.validation && values['every-epoch']) report(compact(weights, transitions, keepCount));
    },
  });
let trained = train('full');
if (values.validation) {
  for (const k of values['also-keep'].split(',').filter(Boolean).map(Number)) {
    console.log(`keeping ${k} features, not retrained:`);
    report(compact(trained.weights, trained.transitions, k));
  }
}
if (!values['no-retrain']) {
  // Train again on the kept features alone, so that the weights make up for the pruned ones.
  const { keep } = selectFeatures(trained.weights, index.frequency, keepCount);
  const kept = new Uint8Array(size);
  for (const id of keep) kept[id] = 1;
  for (const e of examples)
    for (let k = 0; k < e.features.length; k++) if (!kept[(e.features[k] as number) / T]) e.features[k] = 0;
  trained = train('pruned');
}
const model = compact(trained.weights, trained.transitions, keepCount);
if (values.validation) {
  console.log(`keeping ${keepCount} features${values['no-retrain'] ? '' : ', retrained'}:`);
  report(model);
} else {
  const bytes = model.save(values.output);
  console.log(`wrote ${values.output} (${(bytes / 1e6).toFixed(2)} MB)`);
  report(NerModel.load(values.output));
}
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
