import { randomUUID } from 'node:crypto';
import type { AlertView } from '@yuqing/schemas';
import type { RuleMatch } from './match.ts';
import { type AlertRule, levelRank } from './rules.ts';
import { type AlertDocument, type AlertEvidence, type EvidenceDocument, emptyEvidence } from './types.ts';

/** An alert being changed in this round, with what the round added. */
export interface WorkingAlert {
  alert: AlertView;
  evidence: AlertEvidence;
  created: boolean;
  /** Level before this round, to record an escalation once. */
  levelBefore: AlertView['level'] | '';
  /** Documents a document rule added this round, for `alert_documents` (evidence and latency). */
  newDocuments: AlertDocument[];
}

const MAX_SAMPLES = 5;
const MAX_KEYWORDS = 30;
const MAX_KEYS = 50;
const MAX_RECENT_IDS = 300;
/** Keyword grouping: at least this many shared keywords, covering this share of the smaller set. */
const MIN_SHARED_KEYWORDS = 3;
const MIN_KEYWORD_OVERLAP = 0.5;

/** The keys that tie a document to an event: its topic, its event, its duplicate cluster. */
export function candidateKeys(doc: AlertDocument): string[] {
  const keys: string[] = [];
  if (doc.topicId) keys.push(`topic:${doc.topicId}`);
  if (doc.eventId) keys.push(`event:${doc.eventId}`);
  keys.push(`dup:${doc.duplicateOf ?? doc.id}`);
  return keys;
}

/**
 * The open alert of a department a document belongs to: one sharing a key, else (when topics are
 * not assigned yet) one about the same thing by its keywords. Spike alerts only take their own key.
 */
export function findAlert(
  open: readonly WorkingAlert[],
  departmentId: string,
  keys: readonly string[],
  keywords: readonly string[] | null,
): WorkingAlert | undefined {
  const mine = open.filter((w) => w.alert.departmentId === departmentId);
  const byKey = mine.find((w) => w.alert.keys.some((k) => keys.includes(k)));
  if (byKey || !keywords || keywords.length === 0) return byKey;
  let best: WorkingAlert | undefined;
  let bestScore = 0;
  for (const w of mine) {
    if (w.alert.groupKey.startsWith('spike:') || w.alert.keywords.length === 0) continue;
    const shared = keywords.filter((k) => w.alert.keywords.includes(k)).length;
    const score = shared / Math.min(keywords.length, w.alert.keywords.length);
    if (shared >= MIN_SHARED_KEYWORDS && score >= MIN_KEYWORD_OVERLAP && score > bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}

export function newAlert(rule: AlertRule, groupKey: string, now: Date): WorkingAlert {
  const at = now.toISOString();
  return {
    alert: {
      id: randomUUID(),
      departmentId: rule.departmentId,
      ruleId: rule.id,
      ruleIds: [],
      groupKey,
      keys: [groupKey],
      keywords: [],
      level: rule.level,
      title: '',
      evidence: null,
      documents: 0,
      firstTriggeredAt: at,
      lastTriggeredAt: at,
      firstReportAt: null,
      alertedAt: at,
      notifiedAt: null,
      notifiedDocuments: 0,
      notifiedLevel: '',
      notifyPending: false,
      state: 'new',
      assignee: '',
      feedback: '',
    },
    evidence: emptyEvidence(),
    created: true,
    levelBefore: '',
    newDocuments: [],
  };
}

/** Wraps a stored alert for this round. */
export function working(alert: AlertView): WorkingAlert {
  const evidence = { ...emptyEvidence(), ...(alert.evidence as Partial<AlertEvidence> | null) };
  return { alert: { ...alert }, evidence, created: false, levelBefore: alert.level, newDocuments: [] };
}

/** Records that a rule fired on the alert, with its reasons (the newest replace the older ones). */
export function applyRule(w: WorkingAlert, rule: AlertRule, reasons: readonly string[], now: Date): void {
  const a = w.alert;
  if (!a.ruleIds.includes(rule.id)) a.ruleIds.push(rule.id);
  const entry = { id: rule.id, name: rule.name, type: rule.type, level: rule.level, reasons: [...reasons] };
  const i = w.evidence.rules.findIndex((r) => r.id === rule.id);
  if (i >= 0) w.evidence.rules[i] = entry;
  else w.evidence.rules.push(entry);
  if (levelRank(rule.level) > levelRank(a.level)) a.level = rule.level;
  for (const step of rule.escalate) {
    if (a.documents >= step.documents && levelRank(step.level) > levelRank(a.level)) a.level = step.level;
  }
  a.lastTriggeredAt = now.toISOString();
}

export const evidenceDocument = (d: AlertDocument): EvidenceDocument => ({
  id: d.id,
  title: d.title,
  url: d.url,
  source: d.source,
  publishedAt: d.publishedAt,
  fetchedAt: d.fetchedAt,
  sensitivity: Math.round(d.sensitivity.score),
  sentiment: d.sentiment.label,
});

const reportTime = (d: { publishedAt: string | null; fetchedAt: string }): number =>
  Date.parse(d.publishedAt ?? d.fetchedAt);

/** Keeps the most sensitive documents as samples, the earliest first among equals. */
export function addSamples(evidence: AlertEvidence, docs: readonly EvidenceDocument[]): void {
  const byId = new Map(evidence.samples.map((s) => [s.id, s]));
  for (const d of docs) byId.set(d.id, d);
  evidence.samples = [...byId.values()]
    .sort((a, b) => b.sensitivity - a.sensitivity || reportTime(a) - reportTime(b))
    .slice(0, MAX_SAMPLES);
  for (const d of docs) {
    if (!evidence.firstReport || reportTime(d) < reportTime(evidence.firstReport)) evidence.firstReport = d;
  }
}

const union = (a: readonly string[], b: readonly string[], max: number): string[] =>
  [...new Set([...a, ...b])].slice(0, max);

/** Adds a matching document: counts, keys, keywords, evidence. False when it was already counted. */
export function absorbDocument(w: WorkingAlert, doc: AlertDocument, match: RuleMatch): boolean {
  const a = w.alert;
  const e = w.evidence;
  a.keys = union(a.keys, candidateKeys(doc), MAX_KEYS);
  if (e.recentIds.includes(doc.id)) return false;
  e.recentIds = [doc.id, ...e.recentIds].slice(0, MAX_RECENT_IDS);
  a.documents += 1;
  a.keywords = union(a.keywords, doc.keywords.slice(0, 10), MAX_KEYWORDS);
  e.scores.documents = a.documents;
  e.scores.maxSensitivity = Math.max(e.scores.maxSensitivity, Math.round(doc.sensitivity.score));
  if (doc.opinionIndex !== undefined) e.scores.maxIndex = Math.max(e.scores.maxIndex ?? 0, doc.opinionIndex);
  if (doc.sentiment.label === 'negative') e.scores.negative += 1;
  e.terms = union(e.terms, match.terms, 20);
  e.regions = union(
    e.regions,
    doc.regions.map((r) => r.name),
    10,
  );
  e.persons = union(e.persons, doc.persons, 10);
  addSamples(e, [evidenceDocument(doc)]);
  const first = e.firstReport;
  a.firstReportAt = first ? (first.publishedAt ?? first.fetchedAt) : null;
  if (!a.title && first) a.title = first.title;
  w.newDocuments.push(doc);
  return true;
}
