/**
 * Word groups (词群关系) of real Weibo posts, to look at: the CED source posts that name a word,
 * their keywords (TF-IDF learned from all CED posts), counted as the store counts a topic's
 * (`getTopicKeywordCounts`: a post's eight strongest keywords, the 40 most frequent words, pairs
 * in two posts or more), then `wordGroups`.
 *   npx tsx analyzer/scripts/word-groups-ced.ts [--data ../shared/data] 医院
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_ROOT } from '../src/classify/dataset.ts';
import { analyzeTexts, KeywordExtractor, type PairCount, wordGroups } from '../src/index.ts';

const { values, positionals } = parseArgs({
  options: { data: { type: 'string', default: DEFAULT_DATA_ROOT } },
  allowPositionals: true,
});
const theme = positionals[0] ?? '医院';
const posts = readFileSync(resolve(values.data, 'events/weibo_rumor_ced/ced_event_cluster_eval.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .filter((r) => r[2] === 'original' && r[4])
  .map((r) => r[4] as string);
const keywords = new KeywordExtractor();
const perPost = analyzeTexts(posts.map((content, i) => ({ id: String(i), title: '', content }))).map((a) =>
  [...new Set(keywords.add(a.tokens, 10).keywords.map((k) => k.word))].slice(0, 8),
);
const docs = perPost.filter((_, i) => (posts[i] as string).includes(theme));

const counts = new Map<string, number>();
for (const kw of docs) for (const w of kw) counts.set(w, (counts.get(w) ?? 0) + 1);
const words = [...counts]
  .map(([word, documents]) => ({ word, documents }))
  .sort((x, y) => y.documents - x.documents || (x.word < y.word ? -1 : 1))
  .slice(0, 40);
const top = new Set(words.map((w) => w.word));
const pairs = new Map<string, PairCount>();
for (const kw of docs) {
  const kept = kw.filter((w) => top.has(w));
  for (let i = 0; i < kept.length; i++) {
    for (let j = i + 1; j < kept.length; j++) {
      const [a, b] = [kept[i] as string, kept[j] as string].sort() as [string, string];
      const p = pairs.get(`${a}|${b}`) ?? { a, b, documents: 0 };
      p.documents++;
      pairs.set(`${a}|${b}`, p);
    }
  }
}
const g = wordGroups(
  words,
  [...pairs.values()].filter((p) => p.documents >= 2),
);
console.log(`${docs.length} CED posts name ${theme}; groups, most frequent word first:`);
for (const [i, group] of g.groups.entries()) console.log(`  ${i + 1}. ${group.words.join(' ')}`);
console.log(
  `strongest links: ${g.links
    .slice(0, 10)
    .map((l) => `${l.a}–${l.b} (${l.documents})`)
    .join(', ')}`,
);
