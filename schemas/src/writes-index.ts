import type { Store } from './store/engine.ts';

export const INDEX_KINDS = ['document', 'topic', 'event'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/**
 * One computation of the opinion index (舆情指数). `level` is blue | yellow | orange | red, or ''
 * below the blue threshold. `parts` holds each factor's points (they sum to `score`) and the raw
 * inputs under `input.*`.
 */
export interface OpinionIndexRecord {
  kind: IndexKind;
  id: string;
  score: number;
  level: string;
  parts: Record<string, number>;
  computedAt: number;
}

export function writeOpinionIndex(store: Store, rows: readonly OpinionIndexRecord[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  return store.insert(
    'opinion_index',
    rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      score: r.score,
      level: r.level,
      parts: r.parts,
      computed_at: r.computedAt,
    })),
  );
}
