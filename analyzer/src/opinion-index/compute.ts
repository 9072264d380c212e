import type { AnalyzedDocument, MediaType } from '@yuqing/schemas';
import { authorityOf, type OpinionIndexConfig, regionPrefix } from './config.ts';

export type IndexLevel = '' | 'blue' | 'yellow' | 'orange' | 'red';
export const PARTS = ['volume', 'velocity', 'negativity', 'sensitivity', 'authority', 'regional'] as const;
export type Part = (typeof PARTS)[number];

/** The raw inputs of one index: counts and rates as they are, shares and scores in 0..1. */
export interface IndexInputs {
  volume: number;
  /** Documents per hour. */
  velocity: number;
  negativity: number;
  sensitivity: number;
  authority: number;
  /** Share in the home regions, or null when no home regions are configured. */
  regional: number | null;
}

export interface IndexResult {
  score: number;
  level: IndexLevel;
  /** Points per part (summing to `score`) and the inputs as `input.<part>`. */
  parts: Record<string, number>;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Each part in 0..1: counts grow with their logarithm up to their saturation. */
export function partValues(inputs: IndexInputs, config: OpinionIndexConfig): Record<Part, number | null> {
  return {
    volume: clamp01(Math.log1p(Math.max(0, inputs.volume)) / Math.log1p(config.volumeSaturation)),
    velocity: clamp01(Math.log1p(Math.max(0, inputs.velocity)) / Math.log1p(config.velocitySaturation)),
    negativity: clamp01(inputs.negativity),
    sensitivity: clamp01(inputs.sensitivity),
    authority: clamp01(inputs.authority),
    regional: inputs.regional === null || config.homeRegions.length === 0 ? null : clamp01(inputs.regional),
  };
}

export function levelOf(score: number, config: OpinionIndexConfig): IndexLevel {
  const l = config.levels;
  if (score >= l.red) return 'red';
  if (score >= l.orange) return 'orange';
  if (score >= l.yellow) return 'yellow';
  if (score >= l.blue) return 'blue';
  return '';
}

/** 100 × the weighted mean of the known parts; `parts` says how many points each part gave. */
export function computeIndex(inputs: IndexInputs, config: OpinionIndexConfig): IndexResult {
  const values = partValues(inputs, config);
  let total = 0;
  for (const p of PARTS) if (values[p] !== null) total += config.weights[p];
  const parts: Record<string, number> = {};
  let score = 0;
  for (const p of PARTS) {
    const v = values[p];
    const points = v === null || total === 0 ? 0 : (100 * config.weights[p] * v) / total;
    parts[p] = round2(points);
    score += points;
    const input = inputs[p];
    if (input !== null) parts[`input.${p}`] = Math.round(input * 1000) / 1000;
  }
  score = Math.round(score * 10) / 10;
  return { score, level: levelOf(score, config), parts };
}

/** How negative one document reads, 0..1: its label sets the band, the score the place in it. */
export function documentNegativity(sentiment: AnalyzedDocument['sentiment']): number {
  const toward = clamp01(-sentiment.score);
  if (sentiment.label === 'negative') return 0.5 + 0.5 * toward;
  if (sentiment.label === 'positive') return 0;
  return 0.5 * toward;
}

/** 1 when a document names a place in the home regions, 0 when not, null without home regions. */
export function homeShare(regionCodes: readonly string[], config: OpinionIndexConfig): number | null {
  if (config.homeRegions.length === 0) return null;
  const prefixes = config.homeRegions.map(regionPrefix);
  return regionCodes.some((c) => prefixes.some((p) => c.startsWith(p))) ? 1 : 0;
}

/** A document's index: its own negativity, sensitivity, authority and place; its topic's size. */
export function documentInputs(
  doc: Pick<AnalyzedDocument, 'sentiment' | 'sensitivity' | 'regions' | 'source' | 'mediaType'>,
  topic: { volume: number; velocity: number } | undefined,
  config: OpinionIndexConfig,
): IndexInputs {
  return {
    volume: topic?.volume ?? 1,
    velocity: topic?.velocity ?? 0,
    negativity: documentNegativity(doc.sentiment),
    sensitivity: doc.sensitivity.score / 100,
    authority: authorityOf(config, doc.source, doc.mediaType as MediaType),
    regional: homeShare(
      doc.regions.map((r) => r.code),
      config,
    ),
  };
}

/** What the store knows about a group of documents (a topic or an event), per source. */
export interface GroupStats {
  volume: number;
  velocity: number;
  negative: number;
  maxSensitivity: number;
  sumSensitivity: number;
  /** Documents naming a home region. */
  home: number;
  bySource: Array<{ source: string; mediaType: string; documents: number }>;
}

/**
 * A topic's or event's index: its volume and velocity, the share of negative documents, its
 * sensitivity (0.6 × the highest + 0.4 × the mean) and authority (half the highest source's, half
 * the mean over documents), and the share of documents in the home regions.
 */
export function groupInputs(stats: GroupStats, config: OpinionIndexConfig): IndexInputs {
  const n = Math.max(1, stats.volume);
  let maxAuthority = 0;
  let sumAuthority = 0;
  let counted = 0;
  for (const s of stats.bySource) {
    const a = authorityOf(config, s.source, s.mediaType as MediaType);
    maxAuthority = Math.max(maxAuthority, a);
    sumAuthority += a * s.documents;
    counted += s.documents;
  }
  return {
    volume: stats.volume,
    velocity: stats.velocity,
    negativity: stats.negative / n,
    sensitivity: (0.6 * stats.maxSensitivity + (0.4 * stats.sumSensitivity) / n) / 100,
    authority: counted === 0 ? 0 : 0.5 * maxAuthority + (0.5 * sumAuthority) / counted,
    regional: config.homeRegions.length === 0 ? null : stats.home / n,
  };
}
