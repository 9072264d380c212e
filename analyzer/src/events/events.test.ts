import { buildChains, findPeaks, type TopicStats } from '@yuqing/schemas';
import { describe, expect, it } from 'vitest';
import { urlsIn } from './links.ts';
import { combineTopics, crossedThresholds, DEFAULT_THRESHOLDS, EventThresholdsSchema } from './thresholds.ts';

const topic = (fields: Partial<TopicStats>): TopicStats => ({
  topicId: 't',
  label: '',
  keywords: [],
  representativeTitle: '',
  velocity: 0,
  volume: 10,
  negative: 0,
  maxSensitivity: 0,
  sumSensitivity: 0,
  home: 0,
  bySource: [{ source: 'a', mediaType: 'news', documents: 10 }],
  firstReport: { docId: 'd', time: 100, site: 's', source: 'a', title: '', url: '' },
  lastSeen: 200,
  ...fields,
});

describe('event thresholds', () => {
  it('needs one trigger and the minimum size', () => {
    const t = DEFAULT_THRESHOLDS;
    expect(crossedThresholds(topic({}), { score: 10 }, t)).toEqual([]);
    const two = [
      { source: 'a', mediaType: 'news', documents: 20 },
      { source: 'b', mediaType: 'forum', documents: 20 },
    ];
    expect(crossedThresholds(topic({ volume: 40, bySource: two }), undefined, t)).toEqual(['volume']);
    expect(crossedThresholds(topic({ volume: 40 }), undefined, t)).toEqual([]); // one source only
    expect(crossedThresholds(topic({ velocity: 20 }), { score: 70 }, t)).toEqual(['velocity', 'index']);
    expect(crossedThresholds(topic({ volume: 3, maxSensitivity: 90 }), undefined, t)).toEqual([]);
    expect(crossedThresholds(topic({ maxSensitivity: 90 }), undefined, t)).toEqual(['sensitivity']);
    const lax = EventThresholdsSchema.parse({ volume: 5, minSources: 1 });
    expect(crossedThresholds(topic({}), undefined, lax)).toEqual(['volume']);
    expect(() => EventThresholdsSchema.parse({ sensitivity: 120 })).toThrow();
  });

  it('adds topics up into an event with the earliest first report', () => {
    const c = combineTopics([
      topic({ topicId: 'x', volume: 5, negative: 2, maxSensitivity: 30 }),
      topic({
        topicId: 'y',
        volume: 7,
        negative: 1,
        maxSensitivity: 60,
        firstReport: { docId: 'early', time: 50, site: 'z', source: 'b', title: '', url: '' },
      }),
    ]);
    expect(c).toMatchObject({ volume: 12, negative: 3, maxSensitivity: 60 });
    expect(c.firstReport.docId).toBe('early');
    expect(c.bySource).toEqual([{ source: 'a', mediaType: 'news', documents: 20 }]);
  });
});

describe('event read-model helpers', () => {
  it('finds peak hours', () => {
    const H = 3_600_000;
    const hourly = [1, 2, 9, 3, 2, 2, 12, 4].map((documents, i) => ({ at: i * H, documents }));
    expect(findPeaks(hourly)).toEqual([
      { at: 2 * H, documents: 9 },
      { at: 6 * H, documents: 12 },
    ]);
    expect(findPeaks(hourly, { limit: 1 })).toEqual([{ at: 6 * H, documents: 12 }]);
    expect(findPeaks([{ at: 0, documents: 2 }])).toEqual([]);
  });

  it('builds reprint trees and cuts cycles', () => {
    const node = (id: string, time: number) => ({
      id,
      site: id,
      source: id,
      mediaType: 'news',
      title: id,
      url: id,
      time,
    });
    const nodes = new Map(['a', 'b', 'c', 'd', 'x', 'y'].map((id, i) => [id, node(id, i)]));
    const chains = buildChains(
      [
        { child: 'b', parent: 'a', via: 'duplicate' },
        { child: 'c', parent: 'b', via: 'duplicate' },
        { child: 'd', parent: 'a', via: 'url' },
        { child: 'x', parent: 'y', via: 'duplicate' },
        { child: 'y', parent: 'x', via: 'duplicate' },
      ],
      nodes,
    );
    expect(chains[0]).toMatchObject({ root: { id: 'a' }, size: 3, depth: 2 });
    expect(chains[0]?.reprints.map((r) => `${r.id}<${r.parentId}`)).toEqual(['b<a', 'c<b', 'd<a']);
    expect(chains[1]?.size).toBe(1);
  });

  it('reads URLs out of texts', () => {
    expect(urlsIn('见http://a.cn/x.html。另见（https://b.cn/y?id=1），完')).toEqual([
      'http://a.cn/x.html',
      'https://b.cn/y?id=1',
    ]);
  });
});
