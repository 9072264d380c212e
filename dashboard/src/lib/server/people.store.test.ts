/**
 * The people watch list through the dashboard's service on a real embedded store.
 * Fixture story: 本级 (root) with 东区 (east) and 西区 (west). Recent documents name 王建国 (by the
 * entity recogniser, three times, never on a list) and 李明 (once as an entity, once only in the
 * text, and once by his alias 李局长). 东区's analyst puts 李明 on 东区's list; 西区 must not see
 * him, 东区's leader may read but not write, and 王建国 is suggested until he is added.
 */

import { getAuditLog, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDocuments } from '../../../../analyzer/src/plans/store-fixtures.ts';
import {
  createPerson,
  deletePerson,
  findPerson,
  listPeople,
  peopleSuggestions,
  updatePerson,
} from './people.ts';
import { CreatePersonSchema } from './people-requests.ts';
import { as, day, failure, openDistrictStore, user } from './test-fixtures.ts';

let store: Store;
let close: () => Promise<void>;

const anaE = user('ana-e', ['analyst'], 'east');
const anaW = user('ana-w', ['analyst'], 'west');
const leadE = user('lead-e', ['leader'], 'east');
const editor = user('ed', ['editor'], 'east');
const rootAnalyst = user('ana-r', ['analyst'], 'root');

beforeAll(async () => {
  ({ store, close } = await openDistrictStore('dashboard-people'));
  await storeDocuments(store, [
    { id: 'p1', title: '王建国调研', body: '王建国到社区调研。', publishedAt: day(1), persons: ['王建国'] },
    {
      id: 'p2',
      title: '王建国主持会议',
      body: '会议由王建国主持。',
      publishedAt: day(2),
      persons: ['王建国'],
      source: 'forum',
    },
    {
      id: 'p3',
      title: '王建国与李明座谈',
      body: '王建国、李明座谈。',
      publishedAt: day(2),
      persons: ['王建国', '李明'],
    },
    { id: 'p4', title: '交通局通报', body: '李明通报了交通情况。', publishedAt: day(3) },
    { id: 'p5', title: '李局长回应', body: '李局长回应市民关切。', publishedAt: day(3) },
    { id: 'p6', title: '天气', body: '明天多云。', publishedAt: day(1) },
  ]);
});

afterAll(async () => {
  await close?.();
});

describe('people service', () => {
  let id = '';

  it('suggests persons often named and on no list', async () => {
    const names = (await peopleSuggestions(anaE)).map((s) => s.name);
    expect(names).toContain('王建国');
    expect(names).not.toContain('李明'); // named by only one document as an entity
  });

  it('adds a person to the analyst’s department and finds the mentions in history', async () => {
    const saved = await createPerson(as(anaE), {
      name: '李明',
      aliases: [],
      roles: ['交通局局长'],
      note: '',
      enabled: true,
    });
    id = saved.person.id;
    expect(saved.person.departmentId).toBe('east');
    expect(saved.backfill?.mentions).toBe(2);
    expect((await listPeople(anaE)).map((p) => p.name)).toEqual(['李明']);
    expect((await listPeople(rootAnalyst)).map((p) => p.name)).toEqual(['李明']); // the department above
    expect((await findPerson(leadE, id)).roles).toEqual(['交通局局长']);
  });

  it('keeps a department’s list from other departments (404) and from non-writers (403)', async () => {
    expect(await listPeople(anaW)).toEqual([]);
    expect((await failure(findPerson(anaW, id))).status).toBe(404);
    expect((await failure(updatePerson(as(anaW), id, { note: 'x' }))).status).toBe(404);
    expect((await failure(deletePerson(as(anaW), id))).status).toBe(404);
    expect((await failure(updatePerson(as(leadE), id, { note: 'x' }))).status).toBe(403);
    expect((await failure(deletePerson(as(leadE), id))).status).toBe(403);
    expect(
      (
        await failure(
          createPerson(as(leadE), { name: '赵六', aliases: [], roles: [], note: '', enabled: true }),
        )
      ).status,
    ).toBe(403);
    expect((await failure(listPeople(editor))).status).toBe(403);
    expect(
      await failure(
        createPerson(as(anaE), {
          departmentId: 'west',
          name: '赵六',
          aliases: [],
          roles: [],
          note: '',
          enabled: true,
        }),
      ),
    ).toMatchObject({ status: 403, field: 'departmentId' });
  });

  it('refuses a bad name with 400 and the field, and loses nothing', async () => {
    const bad = await failure(updatePerson(as(anaE), id, { aliases: ['李'] }));
    expect(bad).toMatchObject({ status: 400, field: 'aliases.0' });
    expect(bad.message).toContain('别名第 1 个有误');
    expect((await findPerson(anaE, id)).aliases).toEqual([]);
    expect(CreatePersonSchema.safeParse({ name: '李' }).error?.issues[0]?.message).toBe('姓名至少 2 个字');
  });

  it('back-fills a new alias, takes a suggestion onto the list, and deletes', async () => {
    const saved = await updatePerson(as(anaE), id, { aliases: ['李局长'] });
    expect(saved.backfill?.mentions).toBe(3);
    await createPerson(as(anaE), { name: '王建国', aliases: [], roles: [], note: '', enabled: true });
    expect((await peopleSuggestions(anaE)).map((s) => s.name)).not.toContain('王建国');
    await deletePerson(as(anaE), id);
    expect((await listPeople(anaE)).map((p) => p.name)).toEqual(['王建国']);
    expect((await failure(findPerson(anaE, id))).status).toBe(404);
    const log = await getAuditLog(store, {
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      limit: 50,
    });
    expect(log.filter((e) => e.target === id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['person.create', 'person.update', 'person.delete']),
    );
  });
});
