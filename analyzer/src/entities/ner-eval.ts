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
