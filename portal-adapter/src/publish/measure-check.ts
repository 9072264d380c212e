/**
 * How often the pre-publication check stops or warns on ordinary text that should publish:
 * official replies written by government departments and news headlines from ../shared/data.
 * A high error rate there means a list entry is too broad.
 *
 *   npx tsx portal-adapter/src/publish/measure-check.ts --data ../shared/data
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DraftChecker } from './check.ts';
import { loadDictionaries } from './dictionaries.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' } } });
const dataDir = path.resolve(values.data as string);

/** Rows of a plain TSV (no quoting) as objects keyed by the header. */
function tsv(file: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(path.join(dataDir, file), 'utf8').split('\n');
  const names = header.split('\t');
  return lines.filter(Boolean).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

const checker = new DraftChecker(loadDictionaries());

function measure(name: string, texts: string[]): void {
  let withError = 0;
  let withWarning = 0;
  const terms = new Map<string, number>();
  for (const text of texts) {
    const result = checker.check({ title: '', summary: '', body: `<p>${text}</p>` });
    if (result.errors > 0) withError++;
    if (result.warnings > 0) withWarning++;
    for (const f of result.findings) {
      const key = `${f.severity}:${f.kind}:${f.term}`;
      terms.set(key, (terms.get(key) ?? 0) + 1);
    }
  }
  const pct = (n: number) => `${((100 * n) / texts.length).toFixed(2)} %`;
  console.log(
    `${name}: ${texts.length} texts, blocked (error) ${withError} = ${pct(withError)}, warned ${withWarning} = ${pct(withWarning)}`,
  );
  const top = [...terms].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`  most frequent hits: ${top.map(([t, n]) => `${t} ×${n}`).join(', ') || '(none)'}`);
}

const replies = tsv('gov/tipdm2020_messages/messages_with_official_replies.tsv').map((r) => r.reply ?? '');
measure('official replies (gov/tipdm2020 messages_with_official_replies)', replies.filter(Boolean));
const titles = tsv('topics/toutiao_titles/toutiao_titles_test_split.tsv').map((r) => r.title ?? '');
measure('news headlines (topics/toutiao_titles test split)', titles.filter(Boolean));
