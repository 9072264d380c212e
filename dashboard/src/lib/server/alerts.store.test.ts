/**
 * The alerts center's server-side checks on a real embedded store.
 * Fixture story:
 *   本级 (root) ─┬─ 东区 (east)
 *                └─ 西区 (west)
 * Users: `ana-east` and `ana-east2` (analysts, 东区), `lead-east` (leader, 东区), `ana-west` (analyst,
 * 西区), `boss` (analyst, 本级: supervises both). Alerts: `a-east` (东区, orange, rule `r-flood`) and
 * `a-west` (西区, red, rule `r-fire`), both new.
 */
import {
  type AlertRecord,
  createLogger,
  getAlertEvents,
  getAlerts,
  loadConfig,
  migrate,
  openStore,
  type Store,
  saveDepartment,
  saveUser,
  type User,
  writeAlerts,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/temp-dir.ts';
import { alertDetail, alertSummary, changeState, giveFeedback, listAlerts } from './alerts.ts';
import { AlertListQuerySchema } from './alerts-requests.ts';
import { CONTEXT_KEY } from './context.ts';

const logger = createLogger('silent');
const tmp = tempDir('dashboard-alerts');
let store: Store;

const user = (id: string, roles: User['roles'], departmentId: string): User => ({
  id,
  username: id,
  displayName: id,
  roles,
  departmentId,
  disabled: false,
});
const anaEast = user('ana-east', ['analyst'], 'east');
const anaEast2 = user('ana-east2', ['analyst'], 'east');
const leadEast = user('lead-east', ['leader'], 'east');
const anaWest = user('ana-west', ['analyst'], 'west');
const boss = user('boss', ['analyst'], 'root');
const as = (u: User) => ({ user: u, ip: '127.0.0.1' });

function alert(id: string, departmentId: string, level: AlertRecord['level'], ruleId: string): AlertRecord {
  const at = '2026-11-20T02:00:00.000Z';
  return {
    id,
    departmentId,
    ruleId,
    ruleIds: [ruleId],
    groupKey: `topic:${id}`,
    keys: [`topic:${id}`],
    keywords: ['暴雨'],
    level,
    title: `${id} 预警`,
    evidence: { rules: [{ id: ruleId, name: ruleId, type: 'document', level, reasons: ['关键词 暴雨'] }] },
    documents: 3,
    firstTriggeredAt: at,
    lastTriggeredAt: at,
    firstReportAt: at,
    alertedAt: at,
    notifiedAt: null,
    notifiedDocuments: 0,
    notifiedLevel: '',
    notifyPending: false,
  };
}

/** The status of a kit error thrown by a service. */
async function statusOf(work: Promise<unknown>): Promise<number> {
  try {
    await work;
    return 200;
  } catch (error) {
    return (error as { status?: number }).status ?? 500;
  }
}

const stateOf = async (id: string) => (await getAlerts(store, { ids: [id] }))[0]?.state;
const list = (u: User, q: Record<string, string> = {}) => listAlerts(u, AlertListQuerySchema.parse(q));

beforeAll(async () => {
  const config = loadConfig({ YUQING_DATA_DIR: tmp.dir });
  store = await openStore(config, logger);
  await migrate(store, logger);
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, config, logger };
  await saveDepartment(store, { id: 'root', parentId: '', name: '本级' });
  await saveDepartment(store, { id: 'east', parentId: 'root', name: '东区' });
  await saveDepartment(store, { id: 'west', parentId: 'root', name: '西区' });
  for (const u of [anaEast, anaEast2, leadEast, anaWest, boss]) await saveUser(store, u, 'not-a-login-hash');
  await writeAlerts(store, [
    alert('a-east', 'east', 'orange', 'r-flood'),
    alert('a-west', 'west', 'red', 'r-fire'),
  ]);
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('alerts center access', () => {
  it('lists only the alerts of the own department and below', async () => {
    expect((await list(anaEast)).items.map((a) => a.id)).toEqual(['a-east']);
    expect((await list(anaWest)).items.map((a) => a.id)).toEqual(['a-west']);
    expect((await list(boss)).items.map((a) => a.id).sort()).toEqual(['a-east', 'a-west']);
    expect((await list(boss, { level: 'red' })).items.map((a) => a.id)).toEqual(['a-west']);
    expect((await list(boss, { rule: 'r-flood' })).items.map((a) => a.id)).toEqual(['a-east']);
    expect((await list(boss, { department: 'west' })).items.map((a) => a.id)).toEqual(['a-west']);
    // Asking for another department's alerts by filter is refused, not silently widened.
    expect(await statusOf(list(anaWest, { department: 'east' }))).toBe(400);
  });

  it('hides another department’s alert and refuses to change it (404, nothing written)', async () => {
    expect(await statusOf(alertDetail(anaWest, 'a-east'))).toBe(404);
    expect(await statusOf(changeState(as(anaWest), 'a-east', { to: 'acknowledged', note: '' }))).toBe(404);
    expect(await statusOf(giveFeedback(as(anaWest), 'a-east', { feedback: 'not_relevant', note: '' }))).toBe(
      404,
    );
    expect(await stateOf('a-east')).toBe('new');
    expect(await getAlertEvents(store, 'a-east')).toEqual([]);
  });

  it('lets a leader read but not change an alert (403)', async () => {
    const detail = await alertDetail(leadEast, 'a-east');
    expect(detail.canAct).toBe(false);
    expect(detail.transitions).toEqual([]);
    expect(await statusOf(changeState(as(leadEast), 'a-east', { to: 'acknowledged', note: '' }))).toBe(403);
    expect(await statusOf(giveFeedback(as(leadEast), 'a-east', { feedback: 'handled', note: '' }))).toBe(403);
    expect(await stateOf('a-east')).toBe('new');
  });

  it('counts unread alerts per scope for the badge', async () => {
    expect((await alertSummary(anaEast)).unread).toBe(1);
    expect((await alertSummary(boss)).unread).toBe(2);
    expect((await alertSummary(boss)).unreadByLevel).toMatchObject({ red: 1, orange: 1 });
  });

  it('walks new → acknowledged → assigned → resolved, recording each change', async () => {
    const detail = await alertDetail(anaEast, 'a-east');
    expect(detail.transitions).toEqual(['acknowledged', 'assigned', 'resolved']);
    // Only analysts who can see the alert may take it.
    expect(detail.assignees.map((u) => u.id).sort()).toEqual(['ana-east', 'ana-east2', 'boss']);
    await changeState(as(anaEast), 'a-east', { to: 'acknowledged', note: '' });
    expect(await stateOf('a-east')).toBe('acknowledged');
    // Acknowledging twice is not a transition.
    expect(await statusOf(changeState(as(anaEast), 'a-east', { to: 'acknowledged', note: '' }))).toBe(409);
    expect(
      await statusOf(changeState(as(anaEast), 'a-east', { to: 'assigned', assignee: 'ana-west', note: '' })),
    ).toBe(400);
    await changeState(as(anaEast), 'a-east', { to: 'assigned', assignee: 'ana-east2', note: '请跟进' });
    await changeState(as(anaEast2), 'a-east', { to: 'resolved', note: '' });
    const after = await alertDetail(anaEast, 'a-east');
    expect(after.alert.state).toBe('resolved');
    expect(after.alert.assignee).toBe('ana-east2');
    expect(after.events.map((e) => [e.actor, e.fromState, e.toState])).toEqual([
      ['ana-east', 'new', 'acknowledged'],
      ['ana-east', 'acknowledged', 'assigned'],
      ['ana-east2', 'assigned', 'resolved'],
    ]);
    expect(after.events[1]?.detail).toContain('请跟进');
    expect((await alertSummary(anaEast)).unread).toBe(0);
  });

  it('records feedback, which resolves the alert', async () => {
    const alert = await giveFeedback(as(anaWest), 'a-west', { feedback: 'not_relevant', note: '重复转载' });
    expect(alert.state).toBe('resolved');
    const [stored] = await getAlerts(store, { ids: ['a-west'] });
    expect(stored).toMatchObject({ state: 'resolved', feedback: 'not_relevant' });
    const events = await getAlertEvents(store, 'a-west');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'ana-west', action: 'feedback', toState: 'resolved' });
    expect((await list(anaWest, { state: 'resolved' })).items.map((a) => a.id)).toEqual(['a-west']);
    expect((await list(anaWest, { state: 'new,acknowledged,assigned' })).items).toEqual([]);
  });
});
