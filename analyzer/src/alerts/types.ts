import type { AlertLevel, AnalyzedDocument } from '@yuqing/schemas';

/**
 * What the alert engine needs of an analysed document. `AnalyzedDocument` fits as it is; the
 * pipeline adds the full text (keyword expressions read it) and, when it has them, the opinion index
 * and the event.
 */
export type AlertDocument = Pick<
  AnalyzedDocument,
  | 'id'
  | 'url'
  | 'title'
  | 'source'
  | 'publishedAt'
  | 'fetchedAt'
  | 'analyzedAt'
  | 'keywords'
  | 'persons'
  | 'duplicateOf'
  | 'topicId'
> & {
  summary?: string;
  /** Title and body; without it keyword expressions read the title and summary. */
  text?: string;
  site?: string;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number };
  sensitivity: { score: number; categories: string[]; categoryNames?: string[] };
  regions: Array<{ code: string; name: string }>;
  opinionIndex?: number;
  eventId?: string | null;
};

export interface EvidenceDocument {
  id: string;
  title: string;
  url: string;
  source: string;
  publishedAt: string | null;
  fetchedAt: string;
  sensitivity: number;
  sentiment: string;
}

export interface EvidenceRule {
  id: string;
  name: string;
  type: string;
  level: AlertLevel;
  reasons: string[];
}

/** Volume against its baseline, for spike and surge alerts. */
export interface EvidenceVolume {
  window: 'hour' | 'day';
  count: number;
  baselineMean: number;
  baselineStd: number;
  baselinePeriods: number;
  z: number;
  topicId?: string;
  negativeShare?: number;
}

/** Everything an analyst needs to judge an alert without opening another page. */
export interface AlertEvidence {
  rules: EvidenceRule[];
  scores: { maxSensitivity: number; maxIndex: number | null; negative: number; documents: number };
  volume: EvidenceVolume | null;
  firstReport: EvidenceDocument | null;
  samples: EvidenceDocument[];
  terms: string[];
  regions: string[];
  persons: string[];
  /** The newest document ids, so a re-analysed batch is not counted twice. */
  recentIds: string[];
  notifications: number;
}

export const emptyEvidence = (): AlertEvidence => ({
  rules: [],
  scores: { maxSensitivity: 0, maxIndex: null, negative: 0, documents: 0 },
  volume: null,
  firstReport: null,
  samples: [],
  terms: [],
  regions: [],
  persons: [],
  recentIds: [],
  notifications: 0,
});
