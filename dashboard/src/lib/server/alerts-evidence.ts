import type { AlertEvidence } from './alerts-engine.ts';

/**
 * The evidence JSON the engine stored, with every field present: an alert written by an older
 * engine (or a hand-made row) may lack some, and the page must still render.
 */
export function evidenceOf(raw: unknown): AlertEvidence {
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<AlertEvidence>;
  const arr = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  return {
    rules: arr(e.rules).map((r) => ({ ...r, reasons: arr(r.reasons) })),
    scores: {
      maxSensitivity: Number(e.scores?.maxSensitivity ?? 0),
      maxIndex: e.scores?.maxIndex ?? null,
      negative: Number(e.scores?.negative ?? 0),
      documents: Number(e.scores?.documents ?? 0),
    },
    volume: e.volume ?? null,
    firstReport: e.firstReport ?? null,
    samples: arr(e.samples),
    terms: arr(e.terms),
    regions: arr(e.regions),
    persons: arr(e.persons),
    recentIds: [],
    notifications: Number(e.notifications ?? 0),
  };
}
