/**
 * The engine contract: every engine behaves the same through the Store port.
 * Fixture story: two documents from the source `contract`, one fetched twice (a re-crawl),
 * one user `ana` with a session that is later revoked.
 */
import {
  authenticate,
  createLogger,
  createSession,
  ensureAdmin,
  getHealthCounts,
  getLatestDocuments,
  getPendingRawDocuments,
  getSeenUrls,
  getVolumeTrend,
  getWatermark,
  migrate,
  type RawDocument,
  revokeSession,
  START_WATERMARK,
  type Store,
  sessionUser,
  writeDocuments,
  writeRawDocuments,
  writeSeen,
  writeWatermark,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzedDocument } from './support/documents.ts';
import { availableEngines } from './support/engines.ts';

const logger = createLogger('silent');

const doc = (id: string, fetchedAt: string, title: string): RawDocument => ({
  id,
  url: `http://example.test/${id}.html`,
  canonicalUrl: `http://example.test/${id}.html`,
  source: 'contract',
  site: 'example.test',
  mediaType: 'news',
  title,
  body: `${title}。正文。`,
  author: '',
  publishedAt: '2026-11-20T08:30:00.000Z',
  fetchedAt,
  contentHash: `hash-${title}`,
});

for (const engine of availableEngines()) {
  describe.skipIf(engine.skip)(
    `store contract: ${engine.name}${engine.skip ? ` (${engine.skip})` : ''}`,
    () => {
      let store: Store;
      let close: () => Promise<void>;

      beforeAll(async () => {
        ({ store, close } = await engine.open());
      });
      afterAll(async () => {
        await close?.();
      });

      it('applies migrations once and records them', async () => {
        const first = await migrate(store, logger);
        expect(first.length).toBeGreaterThan(0);
        expect(await migrate(store, logger)).toEqual([]);
        const rows = await store.query<{ n: number }>('countMigrations', {
          query: 'SELECT count() AS n FROM schema_migrations FINAL',
          params: {},
        });
        expect(Number(rows[0]?.n)).toBe(first.length);
      });

      it('binds typed parameters server-side, never by string pasting', async () => {
        const evil = "x' OR 1=1 --";
        const rows = await store.query<{ v: string; n: number }>('echo', {
          query: 'SELECT {v:String} AS v, length({arr:Array(String)}) AS n',
          params: { v: evil, arr: ['a', 'b'] },
        });
        expect(rows).toEqual([{ v: evil, n: 2 }]);
      });

      it('collapses a re-crawled document to one row and keeps the newest fetch', async () => {
        await writeRawDocuments(store, [
          doc('a', '2026-11-20T09:00:00.000Z', '甲'),
          doc('b', '2026-11-20T09:01:00.000Z', '乙'),
        ]);
        await writeRawDocuments(store, [doc('a', '2026-11-20T10:00:00.000Z', '甲改')]);
        expect(await getHealthCounts(store)).toEqual({ documents: 2, analyzed: 0 });
        const pending = await getPendingRawDocuments(store, START_WATERMARK, 10);
        expect(pending.map((d) => [d.id, d.title])).toEqual([
          ['b', '乙'],
          ['a', '甲改'],
        ]);
        expect(pending[1]?.fetchedAt).toBe('2026-11-20T10:00:00.000Z');
        expect(pending[0]?.publishedAt).toBe('2026-11-20T08:30:00.000Z');
      });

      it('reads pending documents after a watermark, in the order they were written', async () => {
        const [b] = await getPendingRawDocuments(store, START_WATERMARK, 1);
        expect(b?.id).toBe('b');
        await writeWatermark(store, 'analyze', { time: b?.storedAt as string, id: 'b' });
        const mark = await getWatermark(store, 'analyze');
        expect(mark).toEqual({ time: b?.storedAt, id: 'b' });
        expect((await getPendingRawDocuments(store, mark, 10)).map((d) => d.id)).toEqual(['a']);
      });

      it('feeds the hourly volume rollup and counts a re-inserted document once', async () => {
        const trend = await getVolumeTrend(store, {
          from: '2026-11-20T00:00:00.000Z',
          to: '2026-11-21T00:00:00.000Z',
          bucket: 'hour',
        });
        expect(trend).toEqual([{ time: '2026-11-20T08:00:00.000Z', documents: 2 }]);
      });

      it('lists analyzed documents newest first with a cursor', async () => {
        const analyzed = (id: string, publishedAt: string) =>
          analyzedDocument({
            id,
            title: `标题${id}`,
            publishedAt,
            summary: '摘要',
            tokens: ['标题'],
            keywords: ['标题'],
            simhash: 'ffffffffffffffff',
            sensitivity: {
              score: 42,
              categories: ['民生纠纷'],
              evidence: [{ category: '民生纠纷', terms: ['欠薪'] }],
            },
          });
        await writeDocuments(store, [
          analyzed('a', '2026-11-20T08:00:00.000Z'),
          analyzed('b', '2026-11-20T09:00:00.000Z'),
        ]);
        const page1 = await getLatestDocuments(store, { limit: 1 });
        expect(page1.items.map((d) => d.id)).toEqual(['b']);
        expect(page1.nextCursor).toBeTruthy();
        const [eventTime, id] = (page1.nextCursor as string).split('|') as [string, string];
        const page2 = await getLatestDocuments(store, { limit: 1, cursor: { eventTime, id } });
        expect(page2.items.map((d) => d.id)).toEqual(['a']);
        expect((await getHealthCounts(store)).analyzed).toBe(2);
        const [row] = await store.query<{ simhash: string; evidence: string }>('analysisColumns', {
          query:
            "SELECT toString(simhash) AS simhash, sensitivity_evidence AS evidence FROM documents FINAL WHERE id = 'a'",
          params: {},
        });
        expect(row?.simhash).toBe('18446744073709551615');
        expect(JSON.parse(row?.evidence ?? '')).toEqual([{ category: '民生纠纷', terms: ['欠薪'] }]);
      });

      it('keeps the crawl seen-set per source', async () => {
        await writeSeen(store, [
          {
            source: 'contract',
            urlId: 'a',
            url: 'http://example.test/a.html',
            contentHash: 'h1',
            fetchedAt: '2026-11-20T09:00:00.000Z',
          },
          {
            source: 'contract',
            urlId: 'a',
            url: 'http://example.test/a.html',
            contentHash: 'h2',
            etag: '"e"',
            fetchedAt: '2026-11-20T10:00:00.000Z',
          },
        ]);
        const seen = await getSeenUrls(store, 'contract');
        expect(seen.size).toBe(1);
        expect(seen.get('a')).toMatchObject({ contentHash: 'h2', etag: '"e"' });
        expect((await getSeenUrls(store, 'other')).size).toBe(0);
      });

      it('creates the admin once, authenticates with argon2 and revokes sessions', async () => {
        const first = await ensureAdmin(store, logger, undefined);
        expect(first.created).toBe(true);
        expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
        expect((await ensureAdmin(store, logger, 'another-password')).created).toBe(false);
        const hashRow = await store.query<{ h: string }>('hash', {
          query: "SELECT password_hash AS h FROM users FINAL WHERE username = 'admin'",
          params: {},
        });
        expect(hashRow[0]?.h).toMatch(/^\$argon2id\$/);
        expect(await authenticate(store, 'admin', 'wrong-password')).toBeNull();
        expect(await authenticate(store, 'nobody', 'whatever')).toBeNull();
        const admin = await authenticate(store, 'admin', first.generatedPassword as string);
        expect(admin?.roles).toContain('admin');
        const { token } = await createSession(store, admin?.id as string);
        expect((await sessionUser(store, token))?.username).toBe('admin');
        await revokeSession(store, token, admin?.id as string);
        expect(await sessionUser(store, token)).toBeNull();
      });
    },
  );
}
