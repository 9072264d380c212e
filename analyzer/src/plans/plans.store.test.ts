/**
 * Monitoring plans on a real embedded store. Story: the city's transport bureau watches metro
 * faults (`(地铁 | 轨道交通) & 故障 & !演练`) in Hangzhou. Four documents are already stored when the
 * plan is created (back-fill); two more arrive through the observer; then the bureau narrows the
 * plan, and the statistics follow the new criteria only.
 */
import { getPlanStats, getPlans, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletePlan, savePlan } from './crud.ts';
import { PlanObserver } from './observer.ts';
import { PlanError } from './plan.ts';
import { logger, openTestStore, storeDocuments } from './store-fixtures.ts';
import { BatchTexts } from './texts.ts';

const hz = [{ code: '330106', name: '西湖区', level: 'county' as const }];

describe('monitoring plans in the store', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await openTestStore('plans'));
  });
  afterAll(() => close());

  it('back-fills history, tags arriving documents and keeps per-plan statistics', async () => {
    await storeDocuments(store, [
      {
        id: 'h1',
        title: '地铁1号线早高峰故障',
        body: '信号故障导致列车晚点二十分钟，乘客滞留。',
        publishedAt: '2026-11-20T01:00:00.000Z',
        regions: hz,
        sentiment: { label: 'negative', score: -0.7, evidence: [] },
        sensitivity: { score: 45, categories: ['公共交通'], evidence: [] },
        source: 'hz-news',
      },
      {
        id: 'h2',
        title: '轨道交通应急演练',
        body: '模拟车辆故障，检验处置能力。',
        publishedAt: '2026-11-20T02:00:00.000Z',
        regions: hz,
      },
      {
        id: 'h3',
        title: '南京地铁故障',
        body: '南京地铁2号线故障。',
        publishedAt: '2026-11-20T03:00:00.000Z',
        regions: [{ code: '320100', name: '南京市', level: 'city' }],
      },
      {
        id: 'h4',
        title: '市民反映',
        body: '轨道交通5号线屏蔽门故障，已修复。',
        publishedAt: '2026-11-21T03:00:00.000Z',
        regions: hz,
        source: 'hz-bbs',
        mediaType: 'forum',
      },
    ]);
    const input = {
      departmentId: 'transport',
      name: '地铁运营',
      expression: '(地铁 | 轨道交通) & 故障 & !演练',
      regionCodes: ['330100'],
    };
    const { plan, backfill } = await savePlan(store, input, 'analyst-1', { scan: { batchSize: 2 } });
    expect(backfill).toEqual({ scanned: 4, matched: 2 });

    const observer = new PlanObserver(new BatchTexts());
    await observer.restore(store);
    const arriving = await storeDocuments(store, [
      {
        id: 'n1',
        title: '突发',
        body: '地铁3号线故障停运，大量乘客步行离开。',
        publishedAt: '2026-11-21T05:00:00.000Z',
        regions: hz,
        sentiment: { label: 'negative', score: -0.9, evidence: [] },
        sensitivity: { score: 85, categories: ['公共交通'], evidence: [] },
      },
      { id: 'n2', title: '天气', body: '晴。', publishedAt: '2026-11-21T06:00:00.000Z', regions: hz },
    ]);
    await observer.onDocuments(arriving, { store, logger, now: new Date() });

    const stats = await getPlanStats(store, plan.id);
    expect(stats.documents).toBe(3);
    expect(stats.daily).toEqual([
      { day: '2026-11-20', documents: 1, negative: 1, positive: 0, avgSensitivity: 45 },
      { day: '2026-11-21', documents: 2, negative: 1, positive: 0, avgSensitivity: 42.5 },
    ]);
    expect(stats.sentiment).toEqual({ positive: 0, neutral: 1, negative: 2 });
    expect(stats.topSources[0]).toEqual({ source: 'fixture', documents: 1 });
    expect(stats.topSources).toHaveLength(3);
    expect(stats.regions).toEqual([{ code: '330106', name: '西湖区', documents: 3 }]);
    expect(stats.sensitivity.max).toBe(85);
    expect(stats.sensitivity.buckets).toEqual({ low: 1, medium: 1, high: 0, severe: 1 });
    expect(stats.sensitivity.categories).toEqual([{ category: '公共交通', documents: 2 }]);

    // Narrowing the plan: only what matches the new criteria counts.
    const { plan: narrowed, backfill: again } = await savePlan(
      store,
      { ...input, id: plan.id, expression: '地铁 & 故障 & !演练' },
      'analyst-1',
    );
    expect(narrowed.matchVersion).toBeGreaterThan(plan.matchVersion);
    expect(again?.matched).toBe(2);
    expect((await getPlanStats(store, plan.id)).documents).toBe(2);

    // Renaming keeps the criteria and the tags; no back-fill.
    const renamed = await savePlan(
      store,
      { ...input, id: plan.id, expression: '地铁 & 故障 & !演练', name: '地铁' },
      'a',
    );
    expect(renamed.backfill).toBeUndefined();
    expect(renamed.plan.matchVersion).toBe(narrowed.matchVersion);
    expect(
      (await getPlanStats(store, plan.id, { since: Date.parse('2026-11-21T00:00:00Z') })).documents,
    ).toBe(1);
  });

  it('rejects bad plans without writing, keeps plans with their department, deletes', async () => {
    await expect(
      savePlan(store, { departmentId: 'transport', name: 'bad', expression: '(地铁 | 故障' }, 'a'),
    ).rejects.toThrow(PlanError);
    const before = await getPlans(store, { departmentIds: ['transport'] });
    expect(before.map((p) => p.name)).toEqual(['地铁']);
    const id = before[0]?.id as string;
    await expect(
      savePlan(store, { id, departmentId: 'police', name: 'x', expression: '地铁' }, 'a'),
    ).rejects.toThrow(/department/);
    // Sharing: the city's subtree plan is visible to its bureaus, its private plan is not.
    await savePlan(
      store,
      { departmentId: 'city', name: '全市暴雨', expression: '暴雨', sharing: 'subtree' },
      'a',
      {
        backfill: false,
      },
    );
    await savePlan(store, { departmentId: 'city', name: '内部', expression: '信访' }, 'a', {
      backfill: false,
    });
    await savePlan(store, { departmentId: 'police', name: '公开', expression: '诈骗', sharing: 'all' }, 'a', {
      backfill: false,
    });
    const visible = await getPlans(store, {
      departmentIds: ['transport'],
      ancestorIds: ['city'],
      includeSharedWithAll: true,
    });
    expect(visible.map((p) => p.name).sort()).toEqual(['全市暴雨', '公开', '地铁'].sort());
    expect(await deletePlan(store, id, 'a')).toBe(true);
    expect(await getPlans(store, { departmentIds: ['transport'] })).toEqual([]);
    expect((await getPlans(store, { includeDeleted: true, ids: [id] })).map((p) => p.deleted)).toEqual([
      true,
    ]);
  });
});
