import {
  type AlertSampleDocument,
  getAlertScopeDocuments,
  getAlertVolume,
  getTopicSentimentWindows,
  type Store,
} from '@yuqing/schemas';
import type { SpikeRule, SurgeRule } from './rules.ts';
import type { EvidenceDocument } from './types.ts';
import { historyHours, WINDOWS, windowVolume, zScore } from './window.ts';
import { addSamples, applyRule, findAlert, newAlert, type WorkingAlert } from './working.ts';

const HOUR = 3600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const sample = (d: AlertSampleDocument): EvidenceDocument => ({
  id: d.id,
  title: d.title,
  url: d.url,
  source: d.source,
  publishedAt: d.publishedAt,
  fetchedAt: d.fetchedAt,
  sensitivity: d.sensitivity,
  sentiment: d.sentiment,
});

/** Finds the alert for a key in `open` (adding a new one when there is none). */
function alertFor(open: WorkingAlert[], rule: SpikeRule | SurgeRule, key: string, now: Date): WorkingAlert {
  const found = findAlert(open, rule.departmentId, [key], null);
  if (found) return found;
  const created = newAlert(rule, key, now);
  open.push(created);
  return created;
}

/**
 * A spike: the scope's documents in the last hour (day) stand `zThreshold` deviations above the 12
 * hours (14 days) before, and are at least `minDocuments`. One alert per rule and window while the
 * spike lasts; it is updated with the newest figures on each tick.
 */
export async function evaluateSpike(
  store: Store,
  rule: SpikeRule,
  open: WorkingAlert[],
  now: Date,
): Promise<WorkingAlert | null> {
  const to = now.getTime();
  const hourly = await getAlertVolume(store, rule.scope, iso(to - historyHours(rule.window) * HOUR), iso(to));
  const volume = windowVolume(hourly, rule.window);
  if (volume.count < rule.minDocuments || volume.z < rule.zThreshold) return null;
  const w = alertFor(open, rule, `spike:${rule.id}:${rule.window}`, now);
  const from = iso(to - WINDOWS[rule.window].hours * HOUR);
  const docs = await getAlertScopeDocuments(store, rule.scope, from, iso(to), 20);
  w.alert.documents = Math.max(w.alert.documents, volume.count);
  w.evidence.volume = volume;
  w.evidence.scores.documents = w.alert.documents;
  w.evidence.scores.maxSensitivity = Math.max(
    w.evidence.scores.maxSensitivity,
    ...docs.map((d) => d.sensitivity),
  );
  addSamples(w.evidence, docs.map(sample));
  if (!w.alert.title) {
    const period = rule.window === 'hour' ? '近1小时' : '近24小时';
    w.alert.title = `${rule.name}：${period}声量激增（${volume.count} 篇，基线 ${volume.baselineMean}）`;
  }
  const first = w.evidence.firstReport;
  w.alert.firstReportAt = first ? (first.publishedAt ?? first.fetchedAt) : null;
  applyRule(w, rule, [`声量 z=${volume.z} ≥ ${rule.zThreshold}`], now);
  return w;
}

/**
 * A negative surge on a topic: in the last hour the topic has at least `minNegative` negative
 * documents, they are at least `minShare` of its documents, and their count stands `zThreshold`
 * deviations above the topic's 12 hours before. The alert is the topic's (`topic:<id>`), so it joins
 * the alert a document rule already raised on that topic.
 */
export async function evaluateSurges(
  store: Store,
  rules: readonly SurgeRule[],
  open: WorkingAlert[],
  now: Date,
): Promise<WorkingAlert[]> {
  if (rules.length === 0) return [];
  const to = now.getTime();
  const minNegative = Math.min(...rules.map((r) => r.minNegative));
  const rows = await getTopicSentimentWindows(
    store,
    iso(to - 13 * HOUR),
    iso(to - HOUR),
    iso(to),
    minNegative,
  );
  const topics = new Map<string, { docs: number; negative: number; baseline: number[] }>();
  for (const r of rows) {
    const t = topics.get(r.topicId) ?? { docs: 0, negative: 0, baseline: new Array<number>(12).fill(0) };
    topics.set(r.topicId, t);
    if (r.hoursAgo === 0) {
      t.docs = r.documents;
      t.negative = r.negative;
    } else if (r.hoursAgo <= 12) {
      t.baseline[r.hoursAgo - 1] = r.negative;
    }
  }
  const touched: WorkingAlert[] = [];
  for (const [topicId, t] of topics) {
    const share = t.docs === 0 ? 0 : t.negative / t.docs;
    const { mean, std, z } = zScore(t.negative, t.baseline);
    for (const rule of rules) {
      if (t.negative < rule.minNegative || share < rule.minShare || z < rule.zThreshold) continue;
      const w = alertFor(open, rule, `topic:${topicId}`, now);
      const docs = await getAlertScopeDocuments(
        store,
        { topicId, negativeOnly: true },
        iso(to - HOUR),
        iso(to),
        10,
      );
      const round = (x: number) => Math.round(x * 100) / 100;
      w.evidence.volume = {
        window: 'hour',
        count: t.negative,
        baselineMean: round(mean),
        baselineStd: round(std),
        baselinePeriods: 12,
        z: round(z),
        topicId,
        negativeShare: round(share),
      };
      w.evidence.scores.negative = Math.max(w.evidence.scores.negative, t.negative);
      w.alert.documents = Math.max(w.alert.documents, t.docs);
      w.evidence.scores.documents = w.alert.documents;
      addSamples(w.evidence, docs.map(sample));
      if (!w.alert.title) w.alert.title = `话题负面激增：${w.evidence.firstReport?.title ?? topicId}`;
      const first = w.evidence.firstReport;
      w.alert.firstReportAt = first ? (first.publishedAt ?? first.fetchedAt) : null;
      applyRule(w, rule, [`负面 ${t.negative} 篇，占 ${Math.round(share * 100)}%，z=${round(z)}`], now);
      if (!touched.includes(w)) touched.push(w);
    }
  }
  return touched;
}
