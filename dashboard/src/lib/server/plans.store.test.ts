/**
 * Monitoring plans (专题) through the dashboard's service on a real embedded store.
 * Fixture story: 本级 (root) has two districts, 东区 (east) and 西区 (west). Five documents of the
 * last days: three about the metro (two of them delays or faults, one a drill), one about a park,
 * one about the metro in 西区 only by region. 东区's analyst `ana-e` builds a metro plan; 西区's
 * analyst `ana-w` must not see it while it is private; 东区's leader `lead-e` may read but not
 * write; the editor `ed` may not even read.
 */

import { getAuditLog, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDocuments } from '../../../../analyzer/src/plans/store-fixtures.ts';
import {
  canManagePlan,
  createPlan,
  deletePlan,
  findPlan,
  listPlans,
  planStats,
  rerunPlan,
  updatePlan,
} from './plans.ts';
import { CreatePlanSchema, splitLines, splitList } from './plans-requests.ts';
import { as, day, failure, openDistrictStore, user } from './test-fixtures.ts';

let store: Store;
let close: () => Promise<void>;

const anaE = user('ana-e', ['analyst'], 'east');
const anaW = user('ana-w', ['analyst'], 'west');
const leadE = user('lead-e', ['leader'], 'east');
const editor = user('ed', ['editor'], 'east');
const admin = user('adm', ['admin'], 'root');

beforeAll(async () => {
  ({ store, close } = await openDistrictStore('dashboard-plans'));
  await storeDocuments(store, [
    {
      id: 'd1',
      title: '地铁2号线早高峰延误',
      body: '今早地铁2号线因信号故障延误二十分钟，乘客滞留。',
      publishedAt: day(1),
      source: 'city-news',
      sentiment: { label: 'negative', score: -0.7, evidence: [] },
    },
    {
      id: 'd2',
      title: '地铁运营公司回应故障',
      body: '地铁运营方表示故障已排除。',
      publishedAt: day(2),
      source: 'forum',
    },
    {
      id: 'd3',
      title: '地铁站开展消防演练',
      body: '地铁站组织消防演练，未影响运营。',
      publishedAt: day(3),
      source: 'city-news',
      sentiment: { label: 'positive', score: 0.5, evidence: [] },
    },
    { id: 'd4', title: '公园新开放', body: '城东公园今日开放。', publishedAt: day(1), source: 'city-news' },
  ]);
});

afterAll(async () => {
  await close?.();
});

describe('plans service', () => {
  let planId = '';

  it('creates a plan in the analyst’s department and back-fills its history', async () => {
    const saved = await createPlan(as(anaE), {
      name: '地铁运营',
      expression: '地铁 & (延误 | 故障)',
      persons: [],
      regionCodes: [],
      exclusions: ['演练'],
      sharing: 'private',
      enabled: true,
    });
    planId = saved.plan.id;
    expect(saved.plan.departmentId).toBe('east');
    expect(saved.plan.createdBy).toBe('ana-e');
    expect(saved.backfill).toMatchObject({ scanned: 4, matched: 2 });
  });

  it('lists and reads it for its department, its leader and the admin', async () => {
    expect((await listPlans(anaE)).map((p) => p.id)).toEqual([planId]);
    expect((await listPlans(leadE)).map((p) => p.id)).toEqual([planId]);
    expect((await listPlans(admin)).map((p) => p.id)).toEqual([planId]);
    expect((await findPlan(leadE, planId)).name).toBe('地铁运营');
    expect(await canManagePlan(anaE, await findPlan(anaE, planId))).toBe(true);
    expect(await canManagePlan(leadE, await findPlan(leadE, planId))).toBe(false);
  });

  it('counts its documents per day, by sentiment and by source', async () => {
    const stats = await planStats(anaE, planId);
    expect(stats.documents).toBe(2);
    expect(stats.sentiment).toEqual({ positive: 0, neutral: 1, negative: 1 });
    expect(stats.daily).toHaveLength(2);
    expect(stats.topSources.map((s) => s.source).sort()).toEqual(['city-news', 'forum']);
  });

  it('hides a private plan from another department (404) and keeps it from being changed there', async () => {
    expect(await listPlans(anaW)).toEqual([]);
    expect((await failure(findPlan(anaW, planId))).status).toBe(404);
    expect((await failure(planStats(anaW, planId))).status).toBe(404);
    expect((await failure(updatePlan(as(anaW), planId, { name: '改名' }))).status).toBe(404);
    expect((await failure(deletePlan(as(anaW), planId))).status).toBe(404);
  });

  it('lets leaders read but not write, and editors not even read (403)', async () => {
    expect((await failure(updatePlan(as(leadE), planId, { name: '改名' }))).status).toBe(403);
    expect((await failure(deletePlan(as(leadE), planId))).status).toBe(403);
    expect((await failure(rerunPlan(as(leadE), planId))).status).toBe(403);
    const create = {
      name: 'x',
      expression: '地铁',
      persons: [],
      regionCodes: [],
      exclusions: [],
      sharing: 'private' as const,
      enabled: true,
    };
    expect((await failure(createPlan(as(leadE), create))).status).toBe(403);
    expect((await failure(listPlans(editor))).status).toBe(403);
    expect((await failure(findPlan(editor, planId))).status).toBe(403);
    // An analyst may not create plans for a department outside their own subtree.
    expect(await failure(createPlan(as(anaE), { ...create, departmentId: 'west' }))).toMatchObject({
      status: 403,
      field: 'departmentId',
    });
  });

  it('refuses a bad expression with 400, the field and the position', async () => {
    const bad = await failure(updatePlan(as(anaE), planId, { expression: '地铁 & (延误 | 故障' }));
    expect(bad.status).toBe(400);
    expect(bad.field).toBe('expression');
    expect(bad.message).toMatch(/关键词表达式有误：.*character \d+/);
    const badExclusion = await failure(updatePlan(as(anaE), planId, { exclusions: ['演练', 'NEAR(a,'] }));
    expect(badExclusion).toMatchObject({ status: 400, field: 'exclusions.1' });
    expect(badExclusion.message).toContain('排除表达式第 2 条');
    // Nothing was lost: the plan still has its criteria.
    expect((await findPlan(anaE, planId)).expression).toBe('地铁 & (延误 | 故障)');
  });

  it('changes the criteria, back-fills again, and shares with all', async () => {
    const saved = await updatePlan(as(anaE), planId, { exclusions: [], sharing: 'all' });
    expect(saved.backfill?.matched).toBe(2);
    const wider = await updatePlan(as(anaE), planId, { expression: '地铁' });
    expect(wider.backfill?.matched).toBe(3);
    expect((await planStats(anaE, planId)).documents).toBe(3);
    // Renaming keeps the criteria: no re-scan.
    expect((await updatePlan(as(anaE), planId, { name: '地铁（全部）' })).backfill).toBeUndefined();
    // Shared with all: 西区 sees it but may not change it.
    expect((await listPlans(anaW)).map((p) => p.name)).toEqual(['地铁（全部）']);
    expect((await failure(updatePlan(as(anaW), planId, { name: '西区改' }))).status).toBe(403);
    expect(await rerunPlan(as(anaE), planId)).toMatchObject({ scanned: 4, matched: 3 });
  });

  it('deletes the plan and records every change in the audit log', async () => {
    await deletePlan(as(anaE), planId);
    expect(await listPlans(anaE)).toEqual([]);
    expect((await failure(findPlan(anaE, planId))).status).toBe(404);
    const log = await getAuditLog(store, {
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      limit: 50,
    });
    const actions = log.filter((e) => e.target === planId).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['plan.create', 'plan.update', 'plan.backfill', 'plan.delete']),
    );
    expect(log.find((e) => e.action === 'plan.create')?.actorId).toBe('ana-e');
  });
});

describe('plan request bodies', () => {
  it('fills defaults and names bad fields', () => {
    expect(CreatePlanSchema.parse({ name: '专题', expression: 'a' })).toMatchObject({
      sharing: 'private',
      persons: [],
      enabled: true,
    });
    const bad = CreatePlanSchema.safeParse({ name: '专题', regionCodes: ['3301'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['regionCodes', 0]);
    expect(CreatePlanSchema.safeParse({ name: '专题', owner: 'x' }).success).toBe(false);
  });

  it('splits form lists: names on commas and 、, expressions only on lines', () => {
    expect(splitList('张三、李四, 王五\n赵六')).toEqual(['张三', '李四', '王五', '赵六']);
    expect(splitLines('NEAR(a, b, 10)\n\n演练 ')).toEqual(['NEAR(a, b, 10)', '演练']);
  });
});
