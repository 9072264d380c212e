import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Command, UsageError } from './index.ts';

/**
 * `yuqing extract --input pages.jsonl --output out.jsonl`: a pure file-to-file command (no store).
 * Each input line is {"id","url","html"} or {"id","url","htmlBase64"}; each output line is
 * {"id","title","publishedAt","author","source","content"}. A line that cannot be read yields a
 * line with empty fields.
 */
export const extractCommand: Command = {
  summary: 'Extract title, time, author, source and body from pages in a JSON Lines file (no store needed).',
  usage: '--input pages.jsonl --output out.jsonl [--time-zone Asia/Shanghai]',
  options: {
    input: {
      type: 'string',
      help: 'JSON Lines of {"id","url","html"} or {"id","url","htmlBase64"} (- for stdin)',
    },
    output: { type: 'string', help: 'Where to write one JSON line per input line (- for stdout)' },
    'time-zone': { type: 'string', help: 'Time zone of dates written on the pages (default Asia/Shanghai)' },
  },
  async run(values) {
    const input = values.input;
    const output = values.output;
    if (typeof input !== 'string' || typeof output !== 'string') {
      throw new UsageError('both --input and --output are required');
    }
    const timeZone = typeof values['time-zone'] === 'string' ? values['time-zone'] : undefined;
    if (timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new UsageError(`unknown time zone '${timeZone}'`);
      }
    }
    // Loaded here so that `--help` and bad arguments answer without loading the extractor.
    const { extractPage, EMPTY_ARTICLE } = await import('@yuqing/crawler');
    const source = input === '-' ? process.stdin : createReadStream(input);
    const sink = output === '-' ? process.stdout : createWriteStream(output);
    const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
    let count = 0;
    let failed = 0;
    for await (const line of lines) {
      if (!line.trim()) continue;
      let id: unknown = null;
      let article = { ...EMPTY_ARTICLE };
      try {
        const row = JSON.parse(line) as { id?: unknown; url?: unknown; html?: unknown; htmlBase64?: unknown };
        id = row.id ?? null;
        const url = typeof row.url === 'string' ? row.url : '';
        if (typeof row.html === 'string') article = extractPage({ url, html: row.html }, { timeZone });
        else if (typeof row.htmlBase64 === 'string') {
          article = extractPage({ url, bytes: Buffer.from(row.htmlBase64, 'base64') }, { timeZone });
        } else failed++;
      } catch {
        failed++;
      }
      count++;
      if (!sink.write(`${JSON.stringify({ id, ...article })}\n`)) await once(sink, 'drain');
    }
    if (sink !== process.stdout) {
      sink.end();
      await once(sink, 'finish');
    }
    console.error(
      `extract: ${count} pages${failed ? `, ${failed} unreadable lines (written with empty fields)` : ''}`,
    );
    return 0;
  },
};
