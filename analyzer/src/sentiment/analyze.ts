import { isCount } from '../text/counts.ts';
import { isWordlike, segment, tagOf } from '../text/segment.ts';
import { extractFeatures, FeatureBuffer } from './features.ts';
import {
  getSentimentModel,
  LABELS,
  labelOf,
  NEGATIVE,
  POSITIVE,
  type SentimentLabel,
  SentimentModel,
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
/** Per feature, how far its weights push positive over negative (filled while scoring), reused. */
let pushes = new Float64Array(512);
/** The evidence candidates of the last call: token span (or extra) keys and their summed pushes. */
let spanKeys = new Float64Array(256);
let spanPushes = new Float64Array(256);
let spans = 0;
/** Open-addressing index from a span key to its place in `spanKeys`, valid where `slotStamp` = `stamp`. */
let slotStamp = new Int32Array(1024);
let slotIndex = new Int32Array(1024);
/** Token spans of 1–7 words go by (to * 8 + length) instead: no hashing, no collisions. */
let shortStamp = new Int32Array(2048);
let shortIndex = new Int32Array(2048);
let stamp = 0;
/** The largest push up and down of a feature with a source, from the scoring pass. */
let maxUp = 0;
let maxDown = 0;

/** Where `key` (span from…to) sits in `spanKeys`, added with a zero push when new. */
function spanSlot(key: number, from: number, to: number): number {
  const length = to - from;
  if (from >= 0 && length > 0 && length < 8) {
    const d = to * 8 + length;
    if (shortStamp[d] === stamp) return shortIndex[d] as number;
    shortStamp[d] = stamp;
    shortIndex[d] = spans;
    spanKeys[spans] = key;
    spanPushes[spans] = 0;
    return spans++;
  }
  const mask = slotStamp.length - 1;
  let h = (Math.imul(from, 0x9e3779b1) ^ Math.imul(to, 0x85ebca6b)) & mask;
  while (slotStamp[h] === stamp) {
    const k = slotIndex[h] as number;
    if (spanKeys[k] === key) return k;
    h = (h + 1) & mask;
  }
  slotStamp[h] = stamp;
  slotIndex[h] = spans;
  spanKeys[spans] = key;
  spanPushes[spans] = 0;
  return spans++;
}

/** Class probabilities of a feature vector (softmax of the logits). */
export function probabilities(model: SentimentModel, f: FeatureBuffer): [number, number, number] {
  model.logits(f, logits);
  return softmax(logits);
}

function softmax(l: Float64Array): [number, number, number] {
  const m = Math.max(l[0] as number, l[1] as number, l[2] as number);
  const e0 = Math.exp((l[0] as number) - m);
  const e1 = Math.exp((l[1] as number) - m);
  const e2 = Math.exp((l[2] as number) - m);
  const z = e0 + e1 + e2;
  return [e0 / z, e1 / z, e2 / z];
}

/**
 * The model's logits (the same sums as `SentimentModel.logits`) and, in the same pass over the
 * weights, the positive-minus-negative push of each feature with a source (all but the character
 * bigrams), so the evidence reads no weight twice.
 */
function logitsAndPushes(model: SentimentModel, f: FeatureBuffer): [number, number, number] {
  if (pushes.length < f.length) pushes = new Float64Array(f.length * 2);
  const { q: w, scale } = model.quantized;
  const mask = model.mask;
  const { hashes, values, to } = f;
  const p = pushes;
  let a = 0;
  let b = 0;
  let c = 0;
  let up = 0;
  let down = 0;
  for (let i = 0; i < f.length; i++) {
    if (i === f.charsFrom) {
      for (; i < f.charsTo; i++) {
        const j = ((hashes[i] as number) & mask) * 3;
        const v = values[i] as number;
        a += (w[j] as number) * v;
        b += (w[j + 1] as number) * v;
        c += (w[j + 2] as number) * v;
      }
      if (i === f.length) break;
    }
    const j = ((hashes[i] as number) & mask) * 3;
    const v = values[i] as number;
    const wn = w[j] as number;
    const wp = w[j + 2] as number;
    a += wn * v;
    b += (w[j + 1] as number) * v;
    c += wp * v;
    const push = (wp - wn) * v;
    p[i] = push;
    if ((to[i] as number) >= 0) {
      if (push > up) up = push;
      else if (-push > down) down = -push;
    }
  }
  maxUp = up;
  maxDown = down;
  const s = SentimentModel.norm(f.length) * scale;
  logits[0] = a * s + (model.bias[0] as number);
  logits[1] = b * s + (model.bias[1] as number);
  logits[2] = c * s + (model.bias[2] as number);
  return softmax(logits);
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
  const p = wanted > 0 ? logitsAndPushes(model, f) : probabilities(model, f);
  const best = labelOf(p[0], p[1], p[2]);
  const score = Math.max(-1, Math.min(1, p[2] - p[0]));
  const direction = best === NEGATIVE ? -1 : best === POSITIVE ? 1 : Math.sign(score);
  return {
    label: LABELS[best] as SentimentLabel,
    score,
    evidence: wanted > 0 && direction !== 0 ? evidence(f, clean, words, direction, wanted) : [],
  };
}

/**
 * Sums, per word or phrase, how much its features pushed in `direction` (the pushes the scoring
 * pass left), and keeps the strongest. Strings are built only for the phrases that are looked at.
 */
function evidence(
  f: FeatureBuffer,
  text: string,
  tokens: readonly string[],
  direction: number,
  wanted: number,
): string[] {
  // Most features push only a little: only those above a fraction of the strongest push are summed
  // per token span (from * SPAN + to) or, for emoticons and patterns, -(1 + extra index).
  const floor = (direction > 0 ? maxUp : maxDown) * 0.1;
  spans = 0;
  if (spanKeys.length < f.length) {
    spanKeys = new Float64Array(f.length * 2);
    spanPushes = new Float64Array(f.length * 2);
  }
  if (shortStamp.length < (tokens.length + 1) * 8) {
    shortStamp = new Int32Array((tokens.length + 1) * 16);
    shortIndex = new Int32Array((tokens.length + 1) * 16);
    slotStamp.fill(0);
    stamp = 0;
  }
  if (slotStamp.length < f.length * 2) {
    let size = slotStamp.length;
    while (size < f.length * 2) size *= 2;
    slotStamp = new Int32Array(size);
    slotIndex = new Int32Array(size);
    shortStamp.fill(0);
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    slotStamp.fill(0);
    shortStamp.fill(0);
    stamp = 0;
  }
  stamp++;
  for (let i = 0; i < f.length; i++) {
    if (i === f.charsFrom) i = f.charsTo; // no source
    if (i === f.length) break;
    const to = f.to[i] as number;
    if (to < 0) continue;
    const d = (pushes[i] as number) * direction;
    if (d === 0 || Math.abs(d) < floor) continue;
    const from = f.from[i] as number;
    const k = spanSlot(from < 0 ? -1 - to : from * SPAN + to, from, to);
    spanPushes[k] = (spanPushes[k] as number) + d;
  }
  const out: string[] = [];
  // Strongest first, equal pushes in the order their spans first appeared: picked one at a time,
  // since only the first few are ever read.
  for (;;) {
    let k = -1;
    let best = 0;
    for (let q = 0; q < spans; q++) {
      const v = spanPushes[q] as number;
      if (v > best) {
        best = v;
        k = q;
      }
    }
    if (k < 0) break;
    spanPushes[k] = 0;
    const key = spanKeys[k] as number;
    const term = spanText(f, tokens, key);
    if (explainsNothing(term) || (key >= 0 && !(phraseWithReason(f.listed, key) && written(text, term))))
      continue;
    // one character is a reason as a verb, an adjective or a particle of tone (骗, 差, 吗), not as a
    // noun, pronoun, numeral or measure (人, 钱, 她, 一, 点), unless it is a listed word
    if (
      key >= 0 &&
      term.length === 1 &&
      f.listed[Math.floor(key / SPAN)] !== 1 &&
      NOT_A_REASON.test(tagOf(term))
    )
      continue;
    // a phrase and a word inside it tell the same story: keep the phrase (不满意 over 不)
    let covered = false;
    let inside = -1;
    for (let o = 0; o < out.length; o++) {
      const t = out[o] as string;
      if (t.includes(term)) {
        covered = true;
        break;
      }
      if (inside < 0 && term.includes(t)) inside = o;
    }
    if (covered) continue;
    if (inside >= 0) out[inside] = term;
    else if (out.length < wanted) out.push(term);
    else break;
  }
  return out;
}

/** Particles and prepositions: they push (被 leans negative in complaints) but explain nothing. */
const PARTICLES = new Set(
  '被把的地得了着过在从对给让将于以为与和及或而就都也还又再才只个些这那其之所'.split(''),
);
/** jieba tags of one-character words that name or count rather than judge. */
const NOT_A_REASON = /^[nrmqftsk]/;
/** A number, a count or a date (15, 3.5万, 23日). */
const NUMBER = /^[\d.,，%％]+[万亿千百十]?[年月日号点时分秒岁个次元人]?$/;

/** One Latin letter or digit: a label (B市, A2区), not a word. */
const LONE_ALPHANUMERIC = /^[A-Za-z0-9]$/;

/**
 * Evidence an analyst could not read a reason from: a particle, a number or a count (一场, 六点半),
 * one Latin letter, or one punctuation mark (a run such as ！！ or ？？ is kept: it carries tone).
 */
function explainsNothing(term: string): boolean {
  if (term.length === 1) return PARTICLES.has(term) || !isWordlike(term) || LONE_ALPHANUMERIC.test(term);
  return NUMBER.test(term) || isCount(term);
}

/**
 * Whether a span of words can explain itself: one word always; a phrase (a word bigram such as
 * 目前|经济, a negated word such as 不|满意) only when one of its words is in a sentiment, complaint,
 * negation or degree list. Bigrams of neutral words push, but they give an analyst no reason.
 */
function phraseWithReason(listed: Uint8Array, key: number): boolean {
  const from = Math.floor(key / SPAN);
  const to = key - from * SPAN;
  if (to - from < 2) return true;
  for (let i = from; i < to; i++) if (listed[i] === 1) return true;
  return false;
}

/**
 * Whether a phrase stands in the text as it reads: word bigrams also join words across
 * punctuation (爱好|充实 of 碰对了爱好，充实一辈子), which as evidence would read as a phrase no one wrote.
 */
function written(text: string, phrase: string): boolean {
  return text.includes(phrase) || text.replace(/\s+/g, '').includes(phrase);
}

/** The words of a span key (token span from * SPAN + to), or the emoticon or pattern it names. */
function spanText(f: FeatureBuffer, tokens: readonly string[], key: number): string {
  if (key < 0) return f.extra[-1 - key] as string;
  const from = Math.floor(key / SPAN);
  const to = key - from * SPAN;
  let text = tokens[from] as string;
  for (let i = from + 1; i < to; i++) text += tokens[i] as string;
  return text;
}
