import { segment } from '../text/segment.ts';
import { extractFeatures, FeatureBuffer } from './features.ts';
import {
  getSentimentModel,
  LABELS,
  NEGATIVE,
  POSITIVE,
  type SentimentLabel,
  type SentimentModel,
} from './model.ts';
import { normalizeText } from './normalize.ts';

export interface SentimentResult {
  label: SentimentLabel;
  /** P(positive) − P(negative), in [-1, 1]: below 0 leans negative even when the label is neutral. */
  score: number;
  /** The words and phrases that pushed hardest in the direction of the label (of the score when neutral). */
  evidence: string[];
}

export interface SentimentOptions {
  /** Use this model instead of the committed one. */
  model?: SentimentModel;
  /** How many evidence phrases to return (default 3). */
  evidence?: number;
}

const EVIDENCE = 3;
const SPAN = 2 ** 21;
const plain = new FeatureBuffer(false);
const traced = new FeatureBuffer(true);
const logits = new Float64Array(3);
/** Per-feature pushes of the last `evidence` call, reused. */
let deltas = new Float64Array(512);

/** Class probabilities of a feature vector (softmax of the logits). */
export function probabilities(model: SentimentModel, f: FeatureBuffer): [number, number, number] {
  model.logits(f, logits);
  const m = Math.max(logits[0] as number, logits[1] as number, logits[2] as number);
  const e0 = Math.exp((logits[0] as number) - m);
  const e1 = Math.exp((logits[1] as number) - m);
  const e2 = Math.exp((logits[2] as number) - m);
  const z = e0 + e1 + e2;
  return [e0 / z, e1 / z, e2 / z];
}

/**
 * Labels a text negative, neutral or positive. Pass `tokens` when the text is already segmented
 * (words without punctuation, as `segment` returns them) to avoid cutting it twice.
 */
export function analyzeSentiment(
  text: string,
  tokens?: string[],
  options: SentimentOptions = {},
): SentimentResult {
  const model = options.model ?? getSentimentModel();
  const { text: clean, emoticons } = normalizeText(text);
  const wanted = options.evidence ?? EVIDENCE;
  const f = wanted > 0 ? traced : plain;
  const words = tokens ?? segment(clean);
  extractFeatures(clean, words, emoticons, model.lexicon, f);
  const p = probabilities(model, f);
  const best = p[0] >= p[1] && p[0] >= p[2] ? NEGATIVE : p[2] >= p[1] ? POSITIVE : 1;
  const score = Math.max(-1, Math.min(1, p[2] - p[0]));
  const direction = best === NEGATIVE ? -1 : best === POSITIVE ? 1 : Math.sign(score);
  return {
    label: LABELS[best] as SentimentLabel,
    score,
    evidence: wanted > 0 && direction !== 0 ? evidence(model, f, words, direction, wanted) : [],
  };
}

/** Sums, per word or phrase, how much its features pushed positive-vs-negative, and keeps the strongest. */
function evidence(
  model: SentimentModel,
  f: FeatureBuffer,
  tokens: readonly string[],
  direction: number,
  wanted: number,
): string[] {
  // Two passes: most features push only a little, so only those above a fraction of the strongest
  // push are summed per token span (from * SPAN + to) or, for emoticons and patterns, -(1 + extra index).
  const w = model.weights;
  if (deltas.length < f.length) deltas = new Float64Array(f.length * 2);
  let max = 0;
  for (let i = 0; i < f.length; i++) {
    if ((f.to[i] as number) < 0) {
      deltas[i] = 0;
      continue;
    }
    const j = ((f.hashes[i] as number) & model.mask) * 3;
    const d =
      ((w[j + POSITIVE] as number) - (w[j + NEGATIVE] as number)) * (f.values[i] as number) * direction;
    deltas[i] = d;
    if (d > max) max = d;
  }
  const push = new Map<number, number>();
  const floor = max * 0.1;
  for (let i = 0; i < f.length; i++) {
    const d = deltas[i] as number;
    if (d === 0 || Math.abs(d) < floor) continue;
    const from = f.from[i] as number;
    const to = f.to[i] as number;
    const key = from < 0 ? -1 - to : from * SPAN + to;
    push.set(key, (push.get(key) ?? 0) + d);
  }
  const ranked = [...push].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const text = (key: number) =>
    key < 0 ? (f.extra[-1 - key] as string) : tokens.slice(Math.floor(key / SPAN), key % SPAN).join('');
  const out: string[] = [];
  for (const [key] of ranked) {
    const term = text(key);
    // a phrase and a word inside it tell the same story: keep the phrase (不满意 over 不)
    if (out.some((t) => t.includes(term))) continue;
    const inside = out.findIndex((t) => term.includes(t));
    if (inside >= 0) out[inside] = term;
    else if (out.length < wanted) out.push(term);
    else break;
  }
  return out;
}
