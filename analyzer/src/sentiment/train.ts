import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../seeded-random.ts';
import { segment } from '../text/segment.ts';
import { type DataSet, EMOTION_WEIGHTS, loadSentimentData, type TrainingSet } from './datasets.ts';
import { extractFeatures, FeatureBuffer, type Lexicon } from './features.ts';
import { hashString, SEED } from './hash.ts';
import { DEFAULT_MODEL_PATH, LABELS, SentimentModel } from './model.ts';
import { normalizeText } from './normalize.ts';

export interface TrainOptions {
  /** The shared data folder (../shared/data). */
  dataDir: string;
  /** Where to write the weights; nothing is written when null. Default: analyzer/models/sentiment.bin.gz. */
  output?: string | null;
  /** log2 of the number of hashed buckets (default 19). */
  bits?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Read the third-party lexicons (HowNet, NTUSD, Tsinghua) into lexicon features (default true). */
  lexicons?: boolean;
  /** Per-set weights overriding SET_WEIGHTS. */
  weights?: Partial<Record<TrainingSet, number>>;
  /** Per-emotion weights of the Weibo emotion sets, replacing EMOTION_WEIGHTS. */
  emotionWeights?: Record<string, number>;
  /** Hold out 20 % of the Weibo training sets for tuning instead of reporting on the real held-out sets. */
  validation?: boolean;
  log?: (message: string) => void;
}

export interface TrainResult {
  model: SentimentModel;
  heldOut: DataSet[];
  rows: number;
  seconds: number;
  bytes?: number;
}

/** Lexicon files used, with their polarity. DUTIR and NRC (research-only) and BosonNLP are not read. */
const LEXICON_FILES: [string, number][] = [
  ['hownet_positive_emotion.txt', 1],
  ['hownet_positive_evaluation.txt', 1],
  ['hownet_negative_emotion.txt', -1],
  ['hownet_negative_evaluation.txt', -1],
  ['ntusd_positive.txt', 1],
  ['ntusd_negative.txt', -1],
  ['tsinghua_lijun_positive.txt', 1],
  ['tsinghua_lijun_negative.txt', -1],
];

/** Word polarity by hashed id; words listed on both sides are dropped. */
export function buildLexicon(dataDir: string): Map<number, number> {
  const votes = new Map<string, number>();
  const both = new Set<string>();
  for (const [file, polarity] of LEXICON_FILES) {
    const words = readFileSync(join(dataDir, 'lexicons/sentiment', file), 'utf8').split('\n');
    for (const line of words) {
      const w = line.trim();
      if (!w || w.includes(' ')) continue;
      const v = votes.get(w);
      if (v !== undefined && Math.sign(v) !== polarity) both.add(w);
      votes.set(w, (v ?? 0) + polarity);
    }
  }
  const lexicon = new Map<number, number>();
  for (const [w, v] of votes) if (!both.has(w)) lexicon.set(hashString(SEED.lexicon, w), Math.sign(v));
  return lexicon;
}

/** All training rows as one packed sparse matrix (features computed once). */
interface Packed {
  offsets: Uint32Array;
  index: Uint32Array;
  value: Float32Array;
  label: Uint8Array;
  weight: Float32Array;
}

function pack(sets: { set: DataSet; weight: number }[], lexicon: Lexicon, mask: number): Packed {
  const n = sets.reduce((s, x) => s + x.set.rows.length, 0);
  const offsets = new Uint32Array(n + 1);
  let index = new Uint32Array(1 << 22);
  let value = new Float32Array(1 << 22);
  const label = new Uint8Array(n);
  const weight = new Float32Array(n);
  const f = new FeatureBuffer(false);
  let row = 0;
  let used = 0;
  for (const { set, weight: w } of sets) {
    for (const r of set.rows) {
      const { text, emoticons } = normalizeText(r.text);
      extractFeatures(text, segment(text), emoticons, lexicon, f);
      if (used + f.length > index.length) {
        const bigger = new Uint32Array(index.length * 2);
        bigger.set(index);
        index = bigger;
        const biggerV = new Float32Array(value.length * 2);
        biggerV.set(value);
        value = biggerV;
      }
      const s = SentimentModel.norm(f.length);
      for (let i = 0; i < f.length; i++) {
        index[used + i] = ((f.hashes[i] as number) & mask) * 3;
        value[used + i] = (f.values[i] as number) * s;
      }
      used += f.length;
      label[row] = r.label;
      weight[row] = w * (r.weight ?? 1);
      offsets[++row] = used;
    }
  }
  return { offsets, index: index.subarray(0, used), value: value.subarray(0, used), label, weight };
}

/**
 * Trains the 3-class linear model with AdaGrad SGD on the softmax loss (L2 on touched weights),
 * deterministic for a given seed, and writes it to `output`.
 */
export function trainSentiment(options: TrainOptions): TrainResult {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const bits = options.bits ?? 19;
  const epochs = options.epochs ?? 6;
  const rate = options.learningRate ?? 0.2;
  const l2 = options.l2 ?? 1e-6;
  const mask = (1 << bits) - 1;
  const data = loadSentimentData(
    options.dataDir,
    options.weights,
    options.validation,
    options.emotionWeights,
  );
  for (const { set, weight } of data.train)
    log(`train  ${set.name}: ${set.rows.length} rows, weight ${weight}`);
  const lexicon = options.lexicons === false ? new Map<number, number>() : buildLexicon(options.dataDir);
  log(`lexicon: ${lexicon.size} words`);
  const m = pack(data.train, lexicon, mask);
  const rows = m.label.length;
  log(
    `features: ${m.index.length} over ${rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const weights = new Float32Array((mask + 1) * 3);
  const squares = new Float32Array((mask + 1) * 3).fill(1e-2);
  const bias = new Float32Array(3);
  const biasSquares = new Float32Array(3).fill(1e-2);
  const next = seededRandom(options.seed ?? 20240601);
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const g = new Float64Array(3);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let loss = 0;
    for (const r of order) {
      const from = m.offsets[r] as number;
      const to = m.offsets[r + 1] as number;
      let a = bias[0] as number;
      let b = bias[1] as number;
      let c = bias[2] as number;
      for (let k = from; k < to; k++) {
        const j = m.index[k] as number;
        const v = m.value[k] as number;
        a += (weights[j] as number) * v;
        b += (weights[j + 1] as number) * v;
        c += (weights[j + 2] as number) * v;
      }
      const top = Math.max(a, b, c);
      const ea = Math.exp(a - top);
      const eb = Math.exp(b - top);
      const ec = Math.exp(c - top);
      const z = ea + eb + ec;
      const y = m.label[r] as number;
      const w = m.weight[r] as number;
      g[0] = (ea / z - (y === 0 ? 1 : 0)) * w;
      g[1] = (eb / z - (y === 1 ? 1 : 0)) * w;
      g[2] = (ec / z - (y === 2 ? 1 : 0)) * w;
      loss -= w * Math.log(Math.max(1e-12, (y === 0 ? ea : y === 1 ? eb : ec) / z));
      for (let k = from; k < to; k++) {
        const j = m.index[k] as number;
        const v = m.value[k] as number;
        for (let q = 0; q < 3; q++) {
          const grad = (g[q] as number) * v + l2 * (weights[j + q] as number);
          squares[j + q] = (squares[j + q] as number) + grad * grad;
          weights[j + q] = (weights[j + q] as number) - (rate * grad) / Math.sqrt(squares[j + q] as number);
        }
      }
      for (let q = 0; q < 3; q++) {
        const grad = g[q] as number;
        biasSquares[q] = (biasSquares[q] as number) + grad * grad;
        bias[q] = (bias[q] as number) - (rate * grad) / Math.sqrt(biasSquares[q] as number);
      }
    }
    log(`epoch ${epoch + 1}/${epochs}: mean loss ${(loss / rows).toFixed(4)}`);
  }

  const model = new SentimentModel(
    {
      version: 1,
      bits,
      labels: LABELS,
      weightScale: 1,
      training: {
        trainedAt: new Date().toISOString().slice(0, 10),
        rows,
        epochs,
        learningRate: rate,
        l2,
        seed: options.seed ?? 20240601,
        sets: data.train.map(({ set, weight }) => ({ name: set.name, rows: set.rows.length, weight })),
        emotionWeights: options.emotionWeights ?? EMOTION_WEIGHTS,
        lexicons: options.lexicons === false ? [] : LEXICON_FILES.map(([f]) => f),
      },
    },
    weights,
    bias,
    lexicon,
  );
  const output = options.output === undefined ? DEFAULT_MODEL_PATH : options.output;
  const bytes = output === null ? undefined : model.save(output);
  if (output !== null) log(`wrote ${output} (${bytes} bytes)`);
  return { model, heldOut: data.heldOut, rows, seconds: (performance.now() - started) / 1000, bytes };
}
