/**
 * Events and the cockpit's index, topics, events and alerts, on a real embedded store.
 * Fixture story (UTC, 20 Nov 2026, period P = 00:00–12:00): departments `east` and `west` under the
 * root. Topic `t-flood` (广州暴雨, 5 documents, index 72 orange) and topic `t-quiet` (index 20, no
 * level) are active in P; topic `t-old` (index 90 red) ended 40 days before. Event `ev-flood` groups
 * `t-flood`: its index was 45 (blue) at 01:00 and 82 (red) at 20:00, after P ended, so P sees 45.
 * Documents: `d1` (gz-news, original), `d2` (forum, near-duplicate of d1), `d3` (weibo, links to
 * d1), `d4` (other-news, near-duplicate of d2), `d5` (gz-news); `d1` and `d3` mention 王明.
 * People: 王明 is watched by `east` (`p-wang`). Alerts: `east` has a red (open) and a yellow
 * (resolved) alert in P; `west` has an orange one.
 */
import {
  type EventRecord,
  type Store,
  type TopicRecord,
  writeAlertStatus,
  writeAlerts,
  writeDocumentLinks,
  writeEvents,
  writeOpinionIndex,
  writeTopics,
  writeWatchedPerson,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole } from './access.ts';
import { cockpitAlerts, cockpitEvents, cockpitIndex, cockpitLimitSchema, cockpitTopics } from './cockpit.ts';
import { EVENT_ROLES, EventsQuerySchema, eventPage, listEvents } from './events.ts';
import { openDistrictStore, user } from './test-fixtures.ts';

let store: Store;
let close: () => Promise<void>;
const H = 3_600_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');
const P = { from: new Date(T0).toISOString(), to: new Date(T0 + 12 * H).toISOString() };
const range = {
  ...P,
  range: 'custom' as const,
  previousFrom: new Date(T0 - 12 * H).toISOString(),
  bucket: 'hour' as const,
};

const leadEast = user('lead-east', ['leader'], 'east');
const anaWest = user('ana-west', ['analyst'], 'west');
const editorEast = user('ed-east', ['editor'], 'east');

function topic(id: string, over: Partial<TopicRecord>): TopicRecord {
  return {
    id,
    version: 1,
    label: id,
    keywords: [],
    representativeTitle: id,
    representativeDocId: '',
    firstSeen: T0 + H,
    lastSeen: T0 + 5 * H,
    volume: 5,
    velocity: 1,
    sources: 3,
    sourceNames: [],
    sentiment: { positive: 0, neutral: 3, negative: 2 },
    regionCodes: ['440100'],
    regionCounts: { '440100': 5 },
    state: 'rising',
    mergedInto: '',
    centroid: {},
    rates: { short: 1, long: 1, peak: 1, at: T0 },
    attention: 1,
    representativeScore: 1,
    updatedAt: T0,
    ...over,
  };
}

const event: EventRecord = {
  id: 'ev-flood',
  version: 1,
  topicIds: ['t-flood'],
  title: '广州暴雨致地铁停运',
  keywords: ['暴雨'],
  state: 'active',
  reasons: ['volume'],
  promotedBy: '',
  firstReport: {
    docId: 'd1',
    time: T0 + H,
    site: 'gz-news.test',
    source: 'gz-news',
    title: '广州暴雨',
    url: 'http://gz-news.test/d1',
  },
  lastSeen: T0 + 5 * H,
  volume: 5,
  sources: 4,
  negative: 2,
  maxSensitivity: 40,
  indexScore: 82,
  indexLevel: 'red',
  createdAt: T0 + H,
  updatedAt: T0 + 20 * H,
};

const docs = [
  { id: 'd1', h: 1, site: 'gz-news.test', media: 'news', dup: '', persons: ['王明'] },
  { id: 'd2', h: 2, site: 'bbs.test', media: 'forum', dup: 'd1', persons: [] },
  { id: 'd3', h: 3, site: 'weibo.test', media: 'weibo', dup: '', persons: ['王明'] },
  { id: 'd4', h: 4, site: 'other-news.test', media: 'news', dup: 'd2', persons: [] },
  { id: 'd5', h: 5, site: 'gz-news.test', media: 'news', dup: '', persons: [] },
];

function alert(id: string, departmentId: string, level: 'red' | 'yellow' | 'orange', at: number) {
  const iso = new Date(at).toISOString();
  return {
    id,
    departmentId,
    ruleId: 'r1',
    ruleIds: ['r1'],
    groupKey: id,
    keys: [id],
    keywords: [],
    level,
    title: id,
    evidence: {},
    documents: 1,
    firstTriggeredAt: iso,
    lastTriggeredAt: iso,
    firstReportAt: null,
    alertedAt: iso,
    notifiedAt: null,
    notifiedDocuments: 0,
    notifiedLevel: '' as const,
    notifyPending: false,
  };
}

beforeAll(async () => {
  ({ store, close } = await openDistrictStore('dashboard-events-cockpit'));
  await writeTopics(store, [
    topic('t-flood', { label: '广州 暴雨', representativeTitle: '暴雨致地铁停运' }),
    topic('t-quiet', { volume: 2 }),
    topic('t-old', { firstSeen: T0 - 45 * 24 * H, lastSeen: T0 - 40 * 24 * H, state: 'ended' }),
  ]);
  await writeEvents(store, [event]);
  await writeOpinionIndex(store, [
    { kind: 'topic', id: 't-flood', score: 72, level: 'orange', parts: {}, computedAt: T0 + 5 * H },
    { kind: 'topic', id: 't-quiet', score: 20, level: '', parts: {}, computedAt: T0 + 5 * H },
    { kind: 'topic', id: 't-old', score: 90, level: 'red', parts: {}, computedAt: T0 - 40 * 24 * H },
    { kind: 'event', id: 'ev-flood', score: 45, level: 'blue', parts: { volume: 20 }, computedAt: T0 + H },
    {
      kind: 'event',
      id: 'ev-flood',
      score: 82,
      level: 'red',
      parts: { volume: 40 },
      computedAt: T0 + 20 * H,
    },
  ]);
  await store.insert(
    'documents',
    docs.map((d) => ({
      id: d.id,
      url: `http://${d.site}/${d.id}`,
      source: d.site.split('.')[0],
      site: d.site,
      media_type: d.media,
      title: `暴雨报道 ${d.id}`,
      summary: '',
      published_at: T0 + d.h * H,
      fetched_at: T0 + d.h * H,
      analyzed_at: T0 + d.h * H,
      content_hash: d.id,
      tokens: [],
      keywords: [],
      persons: d.persons,
      duplicate_of: d.dup,
      sentiment_label: d.h <= 2 ? 'negative' : 'neutral',
      topic_id: 't-flood',
    })),
  );
  await writeDocumentLinks(store, [{ fromId: 'd3', toId: 'd1', kind: 'url', foundAt: T0 + 3 * H }]);
  await writeWatchedPerson(store, {
    id: 'p-wang',
    version: 1,
    departmentId: 'east',
    name: '王明',
    aliases: [],
    roles: ['局长'],
    note: '',
    enabled: true,
    deleted: false,
    updatedBy: 'admin',
    updatedAt: T0,
  });
  await writeAlerts(store, [
    alert('a-red', 'east', 'red', T0 + 2 * H),
    alert('a-yellow', 'east', 'yellow', T0 + 3 * H),
    alert('a-west', 'west', 'orange', T0 + 3 * H),
    alert('a-late', 'east', 'red', T0 + 30 * H),
  ]);
  await writeAlertStatus(store, {
    alertId: 'a-yellow',
    state: 'resolved',
    assignee: '',
    feedback: '' as never,
    updatedBy: 'lead-east',
  });
});

afterAll(async () => {
  await close();
});

describe('cockpit index, topics, events and alerts', () => {
  it('takes the maximum index of the topics and events active in the period, as it stood then', async () => {
    const index = await cockpitIndex(range);
    // t-old is not active; ev-flood counts at 45 (the 82 came after the period).
    expect(index.score).toBe(72);
    expect(index.level).toBe('orange');
    expect(index.top).toEqual({ kind: 'topic', id: 't-flood', title: '暴雨致地铁停运' });
    expect(index.items).toBe(3);
    expect(index.levels).toEqual({ '': 1, blue: 1, yellow: 0, orange: 1, red: 0 });
    // Volume-weighted: (72·5 + 20·2 + 45·5) / 12.
    expect(index.weighted).toBeCloseTo((72 * 5 + 20 * 2 + 45 * 5) / 12, 6);
    expect(index.byKind.event).toEqual({ items: 1, max: 45, weighted: 45 });
  });

  it('sees the later red index in a period that includes it', async () => {
    const later = { ...range, to: new Date(T0 + 24 * H).toISOString() };
    const index = await cockpitIndex(later);
    expect(index).toMatchObject({ score: 82, level: 'red', top: { kind: 'event', id: 'ev-flood' } });
  });

  it('answers no index for a period without active items', async () => {
    const empty = {
      ...range,
      from: new Date(T0 - 100 * 24 * H).toISOString(),
      to: new Date(T0 - 90 * 24 * H).toISOString(),
    };
    expect(await cockpitIndex(empty)).toMatchObject({
      score: null,
      level: '',
      weighted: null,
      top: null,
      items: 0,
    });
  });

  it('ranks the active topics and events by index', async () => {
    expect((await cockpitTopics(range)).map((t) => [t.id, t.score, t.level])).toEqual([
      ['t-flood', 72, 'orange'],
      ['t-quiet', 20, ''],
    ]);
    expect((await cockpitTopics(range, 1)).length).toBe(1);
    const events = await cockpitEvents(range);
    expect(events.map((e) => [e.id, e.score, e.level, e.firstSite])).toEqual([
      ['ev-flood', 45, 'blue', 'gz-news.test'],
    ]);
  });

  it('counts only the alerts of the reader’s departments, raised in the period', async () => {
    const east = await cockpitAlerts(range, leadEast);
    expect(east.byLevel).toEqual({ blue: 0, yellow: 1, orange: 0, red: 1 });
    expect(east.openByLevel).toEqual({ blue: 0, yellow: 0, orange: 0, red: 1 });
    expect([east.total, east.open]).toEqual([2, 1]);
    const west = await cockpitAlerts(range, anaWest);
    expect(west.byLevel).toEqual({ blue: 0, yellow: 0, orange: 1, red: 0 });
  });

  it('refuses a bad limit or range on the field', () => {
    expect(cockpitLimitSchema().parse({ range: '7d' }).limit).toBe(10);
    for (const [q, field] of [
      [{ limit: '0' }, 'limit'],
      [{ limit: '51' }, 'limit'],
      [{ range: 'year' }, 'range'],
      [{ from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' }, 'from'],
    ] as const) {
      const r = cockpitLimitSchema().safeParse(q);
      expect(r.success).toBe(false);
      expect(String(r.error?.issues[0]?.path[0])).toBe(field);
    }
  });
});

describe('events', () => {
  it('lists events with the filters and refuses bad ones on the field', async () => {
    const ids = async (q: Record<string, string>) =>
      (await listEvents(EventsQuerySchema.parse(q), T0 + 24 * H)).items.map((e) => e.id);
    expect(await ids({})).toEqual(['ev-flood']);
    expect(await ids({ level: 'red' })).toEqual(['ev-flood']);
    expect(await ids({ level: 'blue' })).toEqual([]);
    expect(await ids({ state: 'closed' })).toEqual([]);
    for (const [q, field] of [
      [{ state: 'open' }, 'state'],
      [{ level: 'green' }, 'level'],
      [{ order: 'name' }, 'order'],
      [{ limit: '500' }, 'limit'],
    ] as const) {
      const r = EventsQuerySchema.safeParse(q);
      expect(r.success).toBe(false);
      expect(String(r.error?.issues[0]?.path[0])).toBe(field);
    }
  });

  it('gives an event its reprint chains, spread and people', async () => {
    const page = await eventPage(leadEast, 'ev-flood');
    expect(page.event.id).toBe('ev-flood');
    const chain = page.reprints.chains[0];
    expect(chain?.root.id).toBe('d1');
    expect(chain?.reprints.map((r) => [r.id, r.parentId, r.via]).sort()).toEqual([
      ['d2', 'd1', 'duplicate'],
      ['d3', 'd1', 'url'],
      ['d4', 'd2', 'duplicate'],
    ]);
    expect(page.spread.bucket).toBe('hour');
    expect(page.spread.series.reduce((n, s) => n + s.documents, 0)).toBe(5);
    expect(page.mediaTypes).toEqual([
      { mediaType: 'news', documents: 3 },
      { mediaType: 'forum', documents: 1 },
      { mediaType: 'weibo', documents: 1 },
    ]);
    expect(page.persons).toEqual([{ name: '王明', documents: 2 }]);
    // East watches 王明: the name links to the person page.
    expect(page.personLinks).toEqual({ 王明: 'p-wang' });
  });

  it('shows a second department the same public event but not the first one’s watch list', async () => {
    const page = await eventPage(anaWest, 'ev-flood');
    expect(page.event.id).toBe('ev-flood');
    expect(page.personLinks).toEqual({});
  });

  it('404s an unknown event, 400s an over-long id, 403s a role without the cockpit', async () => {
    await expect(eventPage(leadEast, 'nope')).rejects.toMatchObject({ status: 404 });
    await expect(eventPage(leadEast, 'x'.repeat(129))).rejects.toMatchObject({ status: 400 });
    expect(() => requireRole({ user: editorEast } as App.Locals, ...EVENT_ROLES)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => requireRole({ user: null } as unknown as App.Locals, ...EVENT_ROLES)).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });
});
