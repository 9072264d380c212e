/**
 * Trains the sentiment model and writes analyzer/models/sentiment.bin.gz, then prints the held-out
 * figures of the written model.
 *   npx tsx analyzer/scripts/train-sentiment.ts --data ../shared/data [--output path] [--bits 18]
 *     [--epochs 6] [--seed 20240601] [--no-lexicons] [--validation] [--weights nlpcc=3,…]
 *     [--emotion-weights anger=1.5,fear=1.5]
 */
import { parseArgs } from 'node:util';
import { evaluateSet, formatFigures, SentimentModel, trainSentiment } from '../src/sentiment/index.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    output: { type: 'string' },
    bits: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string' },
    l2: { type: 'string' },
    'no-lexicons': { type: 'boolean', default: false },
    validation: { type: 'boolean', default: false },
    weights: { type: 'string' },
    'emotion-weights': { type: 'string' },
  },
});
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const keyValues = (list = '') =>
  Object.fromEntries(
    list
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const [k, v] = kv.split('=');
        return [k, Number(v)];
      }),
  );

const result = trainSentiment({
  dataDir: values.data,
  output: values.output,
  bits: num(values.bits),
  epochs: num(values.epochs),
  seed: num(values.seed),
  learningRate: num(values.rate),
  l2: num(values.l2),
  lexicons: !values['no-lexicons'],
  validation: values.validation,
  // e.g. --weights nlpcc=2,weibo_senti=0.5
  weights: keyValues(values.weights),
  // e.g. --emotion-weights anger=1,fear=1 (replaces EMOTION_WEIGHTS)
  emotionWeights: values['emotion-weights'] === undefined ? undefined : keyValues(values['emotion-weights']),
  log: (m) => console.log(m),
});
console.log(`trained on ${result.rows} rows in ${result.seconds.toFixed(1)} s`);
const model = SentimentModel.load(values.output);
for (const set of result.heldOut) console.log(formatFigures(evaluateSet(model, set)));
