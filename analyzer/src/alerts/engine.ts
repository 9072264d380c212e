import {
  type AlertView,
  getAlertChannels,
  getAlertRules,
  getAlerts,
  type Logger,
  type Store,
  writeAlertDocuments,
  writeAlertEvents,
  writeAlerts,
  writeDeliveries,
} from '@yuqing/schemas';
import { matchDocument, type RuleMatch } from './match.ts';
import { planNotifications } from './outbox.ts';
import {
  type AlertRule,
  type CompiledDocumentRule,
  compileDocumentRule,
  parseAlertRule,
  type SpikeRule,
  type SurgeRule,
} from './rules.ts';
import type { AlertDocument } from './types.ts';
import { evaluateSpike, evaluateSurges } from './window-rules.ts';
import {
  absorbDocument,
  applyRule,
  candidateKeys,
  findAlert,
  newAlert,
  type WorkingAlert,
  working,
} from './working.ts';

export interface AlertEngineOptions {
  /** An alert keeps absorbing its event while it was triggered within this many hours (default 48). */
  regroupHours?: number;
  /** Rules are re-read from the store at most this often (default 30 s); `reloadRules()` forces it. */
  rulesTtlMs?: number;
  /** Called after deliveries were queued, e.g. `() => deliverer.wake()`. */
  onQueued?: () => void;
}

interface LoadedRules {
  at: number;
  all: Map<string, AlertRule>;
  documents: CompiledDocumentRule[];
  spikes: SpikeRule[];
  surges: SurgeRule[];
}

/**
 * Turns analysed documents and time windows into alerts. Everything it knows lives in the store, so
 * a restarted engine picks up the open alerts and updates them instead of raising new ones. It runs
 * on the thread that owns the store, one call at a time.
 */
export class AlertEngine {
  private readonly log: Logger;
  private readonly regroupMs: number;
  private readonly rulesTtlMs: number;
  private loaded: LoadedRules | undefined;
  /** Calls run one at a time: the pipeline's batches and the timer's ticks share open alerts. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    logger: Logger,
    private readonly options: AlertEngineOptions = {},
  ) {
    this.log = logger.child({ component: 'alerts' });
    this.regroupMs = (options.regroupHours ?? 48) * 3600_000;
    this.rulesTtlMs = options.rulesTtlMs ?? 30_000;
  }

  reloadRules(): void {
    this.loaded = undefined;
  }

  /** Called after each analysed batch: document rules, grouped into one alert per event. */
  onDocuments(docs: readonly AlertDocument[], now = new Date()): Promise<AlertView[]> {
    return this.serial(() => this.evaluateDocuments(docs, now));
  }

  /**
   * Called every minute or so: volume spikes, negative surges, and notifications that waited for the
   * end of quiet hours or of the minimum interval.
   */
  tick(now = new Date()): Promise<AlertView[]> {
    return this.serial(() => this.evaluateWindows(now));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  private async evaluateDocuments(docs: readonly AlertDocument[], now: Date): Promise<AlertView[]> {
    const rules = await this.rules(now);
    const matches: Array<{ doc: AlertDocument; rule: AlertRule; match: RuleMatch }> = [];
    for (const doc of docs) {
      for (const compiled of rules.documents) {
        const match = matchDocument(compiled, doc);
        if (match) matches.push({ doc, rule: compiled.rule, match });
      }
    }
    if (matches.length === 0) return [];
    const open = await this.openAlerts(now);
    const touched = new Set<WorkingAlert>();
    const time = (d: AlertDocument) => Date.parse(d.publishedAt ?? d.fetchedAt);
    matches.sort((a, b) => time(a.doc) - time(b.doc));
    for (const { doc, rule, match } of matches) {
      const keys = candidateKeys(doc);
      let w = findAlert(open, rule.departmentId, keys, doc.keywords);
      if (!w) {
        w = newAlert(rule, keys[0] as string, now);
        open.push(w);
      }
      absorbDocument(w, doc, match);
      applyRule(w, rule, match.reasons, now);
      touched.add(w);
    }
    return this.persist([...touched], rules, now);
  }

  private async evaluateWindows(now: Date): Promise<AlertView[]> {
    const rules = await this.rules(now);
    const open = await this.openAlerts(now);
    const touched = new Set<WorkingAlert>();
    for (const rule of rules.spikes) {
      const w = await evaluateSpike(this.store, rule, open, now);
      if (w) touched.add(w);
    }
    for (const w of await evaluateSurges(this.store, rules.surges, open, now)) touched.add(w);
    for (const w of open) if (w.alert.notifyPending) touched.add(w);
    return this.persist([...touched], rules, now);
  }

  private async persist(changed: WorkingAlert[], rules: LoadedRules, now: Date): Promise<AlertView[]> {
    if (changed.length === 0) return [];
    const channelIds = [...new Set([...rules.all.values()].flatMap((r) => r.notify.channels))];
    const channels = channelIds.length > 0 ? await getAlertChannels(this.store, { ids: channelIds }) : [];
    const outbox = planNotifications(changed, rules.all, new Map(channels.map((c) => [c.id, c])), now);
    const at = now.toISOString();
    for (const w of changed) {
      w.alert.alertedAt = at;
      w.alert.evidence = w.evidence;
    }
    // Deliveries first: a crash after them re-sends with the same idempotency keys, never loses one.
    if (outbox.deliveries.length > 0) await writeDeliveries(this.store, outbox.deliveries);
    await writeAlerts(
      this.store,
      changed.map((w) => w.alert),
    );
    const documents = changed.flatMap((w) =>
      w.newDocuments.map((d) => ({
        alertId: w.alert.id,
        documentId: d.id,
        source: d.source,
        publishedAt: d.publishedAt,
        fetchedAt: d.fetchedAt,
        analyzedAt: d.analyzedAt,
        alertedAt: at,
      })),
    );
    if (documents.length > 0) await writeAlertDocuments(this.store, documents);
    if (outbox.events.length > 0) await writeAlertEvents(this.store, outbox.events);
    this.log.info(
      {
        alerts: changed.length,
        created: changed.filter((w) => w.created).length,
        deliveries: outbox.deliveries.length,
      },
      'alerts updated',
    );
    if (outbox.deliveries.length > 0) this.options.onQueued?.();
    for (const w of changed) {
      w.created = false;
      w.levelBefore = w.alert.level;
      w.newDocuments = [];
    }
    return changed.map((w) => ({ ...w.alert }));
  }

  private async openAlerts(now: Date): Promise<WorkingAlert[]> {
    const since = new Date(now.getTime() - this.regroupMs).toISOString();
    return (await getAlerts(this.store, { activeSince: since, limit: 5000 })).map(working);
  }

  private async rules(now: Date): Promise<LoadedRules> {
    if (this.loaded && now.getTime() - this.loaded.at < this.rulesTtlMs && now.getTime() >= this.loaded.at) {
      return this.loaded;
    }
    const loaded: LoadedRules = { at: now.getTime(), all: new Map(), documents: [], spikes: [], surges: [] };
    for (const record of await getAlertRules(this.store)) {
      let rule: AlertRule;
      try {
        rule = parseAlertRule(record);
      } catch (error) {
        // A broken rule is reported and skipped; the other rules still run.
        this.log.warn({ rule: record.id, err: (error as Error).message }, 'alert rule skipped');
        continue;
      }
      loaded.all.set(rule.id, rule);
      if (!rule.enabled) continue;
      if (rule.type === 'document') loaded.documents.push(compileDocumentRule(rule));
      else if (rule.type === 'volume_spike') loaded.spikes.push(rule);
      else loaded.surges.push(rule);
    }
    this.loaded = loaded;
    return loaded;
  }
}
