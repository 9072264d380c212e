import { PassThrough, Readable } from 'node:stream';
import { type SearchFilter, type SearchHit, type Store, searchDocuments } from '@yuqing/schemas';
import ExcelJS from 'exceljs';
import { MEDIA_NAMES, SENTIMENT_NAMES } from '../labels.ts';
import { formatDateTime } from '../time.ts';
import { logger } from './context.ts';

/**
 * Streams every document matching a search, page by page (keyset, 2,000 rows a page), as CSV or
 * XLSX. Nothing is capped and nothing holds the whole result in memory.
 */

export const EXPORT_PAGE = 2000;

const COLUMNS: ReadonlyArray<readonly [string, (h: SearchHit) => string | number]> = [
  ['时间', (h) => formatDateTime(h.publishedAt ?? h.fetchedAt)],
  ['标题', (h) => h.title],
  ['来源', (h) => h.site || h.source],
  ['媒体类型', (h) => MEDIA_NAMES[h.mediaType] ?? h.mediaType],
  ['分类', (h) => h.category],
  ['情感', (h) => SENTIMENT_NAMES[h.sentiment] ?? h.sentiment],
  ['敏感度', (h) => h.sensitivityScore],
  ['地区', (h) => h.regionNames.join('、')],
  ['关键词', (h) => h.keywords.join('、')],
  ['摘要', (h) => h.summary],
  ['链接', (h) => h.url],
];

/** Pages through the search until it is exhausted. */
export async function* allHits(
  store: Store,
  filter: Omit<SearchFilter, 'limit' | 'cursor'>,
): AsyncGenerator<SearchHit[]> {
  let cursor: SearchFilter['cursor'];
  for (;;) {
    const page = await searchDocuments(store, { ...filter, limit: EXPORT_PAGE, cursor });
    if (page.items.length > 0) yield page.items;
    if (!page.nextCursor) return;
    const last = page.items.at(-1) as SearchHit;
    cursor = { eventTime: last.eventTime, id: last.id };
  }
}

/** A spreadsheet would run a cell starting with = + - @ as a formula: such cells get a leading '. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** CSV with a UTF-8 byte order mark, so Excel opens the Chinese text correctly. */
export function csvStream(pages: AsyncGenerator<SearchHit[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(COLUMNS.map(([name]) => name))}`));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(
          encoder.encode(next.value.map((h) => csvLine(COLUMNS.map(([, get]) => get(h)))).join('')),
        );
      } catch (error) {
        logger().error({ err: error }, 'CSV export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** XLSX through exceljs's streaming writer: rows are committed as they come. */
export function xlsxStream(pages: AsyncGenerator<SearchHit[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('检索结果');
  sheet.columns = COLUMNS.map(([header]) => ({
    header,
    width: header === '标题' || header === '摘要' ? 48 : 16,
  }));
  void (async () => {
    try {
      for await (const hits of pages) {
        for (const h of hits) sheet.addRow(COLUMNS.map(([, get]) => get(h))).commit();
        // Let the zip stream drain before the next page, so memory stays flat.
        if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logger().error({ err: error }, 'XLSX export failed');
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
