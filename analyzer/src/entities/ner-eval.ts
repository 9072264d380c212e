import { readFileSync } from 'node:fs';
import type { Entities } from './find-entities.ts';
import type { TaggedSentence } from './ner-data.ts';
import { type NerSpan, tagsToSpans } from './ner-model.ts';

/** The three types scored: places include geo-political entities (Weibo's GPE). */
export type NerType = 'PER' | 'LOC' | 'ORG';

export interface NerSentence {
  text: string;
  gold: Record<NerType, string[]>;
}

export interface NerScore {
  type: NerType;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

const TYPE_OF: Record<string, NerType | undefined> = {
  PER: 'PER',
  'PER.NAM': 'PER',
  LOC: 'LOC',
  'LOC.NAM': 'LOC',
  'GPE.NAM': 'LOC',
  ORG: 'ORG',
  'ORG.NAM': 'ORG',
};

/**
 * Reads character-per-line BIO files: `char<TAB>tag` (MSRA) or Weibo's `char<digit><TAB>tag`,
 * whose digit (the character's position in its word) is dropped. Only named mentions are kept:
 * Weibo's nominal ones (PER.NOM: 穷人, 朋友) are not names and no name finder should report them.
 */
export function readBio(path: string, { positionDigit = false } = {}): NerSentence[] {
  const sentences: NerSentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length > 0) sentences.push(toSentence(chars, tags));
    chars = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const cut = line.lastIndexOf('\t') >= 0 ? line.lastIndexOf('\t') : line.lastIndexOf(' ');
    let ch = line.slice(0, cut);
    if (positionDigit && ch.length > 1 && /\d$/.test(ch)) ch = ch.slice(0, -1);
    chars.push(ch || ' ');
    tags.push(line.slice(cut + 1).trim());
  }
  flush();
  return sentences;
}

function toSentence(chars: string[], tags: string[]): NerSentence {
  const gold: Record<NerType, string[]> = { PER: [], LOC: [], ORG: [] };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (!tag.startsWith('B-')) continue;
    const label = tag.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${label}`) j++;
    const type = TYPE_OF[label];
    if (type) gold[type].push(chars.slice(i, j).join(''));
  }
  return { text: chars.join(''), gold };
}

/**
 * Precision, recall and F1 per type over distinct names per sentence: an entity counts as found
 * when the same string is predicted with the same type in that sentence (the finders return names,
 * not offsets; repeated mentions of one name in a sentence count once on both sides).
 */
export function scoreNer(sentences: NerSentence[], find: (text: string) => Entities): NerScore[] {
  const counts: Record<NerType, { gold: number; predicted: number; correct: number }> = {
    PER: { gold: 0, predicted: 0, correct: 0 },
    LOC: { gold: 0, predicted: 0, correct: 0 },
    ORG: { gold: 0, predicted: 0, correct: 0 },
  };
  for (const s of sentences) {
    const found = find(s.text);
    const predicted: Record<NerType, string[]> = { PER: found.persons, LOC: found.places, ORG: found.orgs };
    for (const type of ['PER', 'LOC', 'ORG'] as const) {
      const gold = new Set(s.gold[type]);
      const pred = new Set(predicted[type]);
      const c = counts[type];
      c.gold += gold.size;
      c.predicted += pred.size;
      for (const p of pred) if (gold.has(p)) c.correct++;
    }
  }
  return (['PER', 'LOC', 'ORG'] as const).map((type) => {
    const { gold, predicted, correct } = counts[type];
    const precision = predicted ? correct / predicted : 0;
    const recall = gold ? correct / gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { type, gold, predicted, correct, precision, recall, f1 };
  });
}

/** Names of each type in spans of a text, each once, in order. */
export function spansToEntities(text: string, spans: readonly NerSpan[]): Entities {
  const pick = (type: NerType) => [
    ...new Set(spans.filter((s) => s.type === type).map((s) => text.slice(s.start, s.end))),
  ];
  return { persons: pick('PER'), places: pick('LOC'), orgs: pick('ORG') };
}

/** A tagged sentence as the names it contains, for `scoreNer`. */
export function toNerSentence(s: TaggedSentence): NerSentence {
  const e = spansToEntities(s.text, tagsToSpans(s.tags));
  return { text: s.text, gold: { PER: e.persons, LOC: e.places, ORG: e.orgs } };
}

export function formatScores(name: string, scores: readonly NerScore[]): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  return [
    name,
    ...scores.map(
      (s) =>
        `  ${s.type}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   ` +
        `(gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`,
    ),
  ].join('\n');
}
