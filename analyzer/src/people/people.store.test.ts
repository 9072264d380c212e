/**
 * Watched people on a real embedded store. Story: the city watches 张伟 (mayor, alias 张市长).
 * Two stored documents mention him before he is added (back-fill), two more arrive; 王强 is named
 * by three documents but is not on the list, so he is suggested.
 */
import {
  getPeople,
  getPeopleSuggestions,
  getPersonMentions,
  getPersonTopics,
  getPersonTrend,
  type Store,
  writeTopics,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger, openTestStore, storeDocuments } from '../plans/store-fixtures.ts';
import { BatchTexts } from '../plans/texts.ts';
import { deletePerson, savePerson } from './crud.ts';
import { PeopleObserver } from './observer.ts';
import { PersonError } from './watch-list.ts';

const neg = { label: 'negative' as const, score: -0.6, evidence: [] };
const pos = { label: 'positive' as const, score: 0.7, evidence: [] };

describe('watched people in the store', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await openTestStore('people'));
  });
  afterAll(() => close());

  it('records mentions from history and arrivals, with trend, topics and suggestions', async () => {
    await storeDocuments(store, [
      {
        id: 'a',
        title: '张伟调研地铁建设',
        persons: ['张伟'],
        publishedAt: '2026-11-20T01:00:00.000Z',
        sentiment: pos,
        topicId: 't1',
      },
      {
        id: 'b',
        title: '市民热议',
        body: '张市长回应停水问题',
        publishedAt: '2026-11-20T02:00:00.000Z',
        sentiment: neg,
        topicId: 't2',
      },
      { id: 'c', title: '王强谈经济', persons: ['王强'], publishedAt: '2026-11-20T03:00:00.000Z' },
    ]);
    await writeTopics(store, [
      {
        id: 't2',
        version: 1,
        label: '停水',
        keywords: ['停水'],
        representativeTitle: '停水',
        representativeDocId: 'b',
        firstSeen: 0,
        lastSeen: 0,
        volume: 2,
        velocity: 0,
        sources: 1,
        sourceNames: [],
        sentiment: { positive: 0, neutral: 0, negative: 2 },
        regionCodes: [],
        regionCounts: {},
        state: 'rising',
        mergedInto: '',
        centroid: {},
        rates: { short: 0, long: 0, peak: 0, at: 0 },
        attention: 0,
        representativeScore: 0,
        updatedAt: 0,
      },
    ]);
    const { person, backfill } = await savePerson(
      store,
      { departmentId: 'city', name: '张伟', aliases: ['张市长'], roles: ['市长'] },
      'admin',
    );
    expect(backfill).toEqual({ scanned: 3, mentions: 2 });

    const observer = new PeopleObserver(new BatchTexts());
    await observer.restore(store);
    const arriving = await storeDocuments(store, [
      {
        id: 'd',
        title: '张市长主持会议',
        body: '王强列席。',
        persons: ['王强'],
        publishedAt: '2026-11-21T01:00:00.000Z',
        sentiment: neg,
        topicId: 't2',
      },
      { id: 'e', title: '王强再谈经济', persons: ['王强'], publishedAt: '2026-11-21T02:00:00.000Z' },
      { id: 'f', title: '无关', publishedAt: '2026-11-21T03:00:00.000Z' },
    ]);
    await observer.onDocuments(arriving, { store, logger, now: new Date() });

    const mentions = await getPersonMentions(store, person.id);
    expect(mentions.map((m) => `${m.documentId}:${m.via}:${m.matched}`)).toEqual([
      'd:text:张市长',
      'b:text:张市长',
      'a:entity:张伟',
    ]);
    expect(mentions[0]?.title).toBe('张市长主持会议');
    expect(await getPersonTrend(store, person.id)).toEqual([
      { day: '2026-11-20', mentions: 2, positive: 1, neutral: 0, negative: 1, avgScore: 0.05 },
      { day: '2026-11-21', mentions: 1, positive: 0, neutral: 0, negative: 1, avgScore: -0.6 },
    ]);
    const topics = await getPersonTopics(store, person.id);
    expect(topics.map((t) => [t.topicId, t.label, t.mentions, t.negative])).toEqual([
      ['t2', '停水', 2, 2],
      ['t1', '', 1, 0],
    ]);
    const suggestions = await getPeopleSuggestions(store, { since: 0 });
    expect(suggestions.map((s) => [s.name, s.documents])).toEqual([['王强', 3]]);
    expect(await getPeopleSuggestions(store, { since: 0, minDocuments: 4 })).toEqual([]);
  });

  it('validates, keeps the department and deletes', async () => {
    await expect(savePerson(store, { departmentId: 'city', name: '张' }, 'a')).rejects.toThrow(PersonError);
    const [zhang] = await getPeople(store);
    await expect(
      savePerson(store, { id: zhang?.id, departmentId: 'other', name: '张伟' }, 'a'),
    ).rejects.toThrow(/department/);
    const renamed = await savePerson(
      store,
      { id: zhang?.id, departmentId: 'city', name: '张伟', aliases: ['张市长'], note: '常务' },
      'a',
    );
    expect(renamed.backfill).toBeUndefined();
    expect(await deletePerson(store, zhang?.id as string, 'a')).toBe(true);
    expect(await getPeople(store)).toEqual([]);
  });
});
