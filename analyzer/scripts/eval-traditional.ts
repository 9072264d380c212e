/**
 * The analysis of posts in traditional script: held-out toutiao headlines (category) and NLPCC
 * posts (sentiment) as written, and converted to traditional script with the inverse of the
 * folding table (`entities/traditional.ts`), through `analyzeTexts` as the pipeline runs it.
 *   npx tsx analyzer/scripts/eval-traditional.ts [--data ../shared/data]
 */
import { parseArgs } from 'node:util';
import { analyzeTexts, type TextInput } from '../src/analyze-text.ts';
import { isHeldOut, loadToutiao } from '../src/classify/dataset.ts';
import { simplifiedTable } from '../src/entities/traditional.ts';
import { LABELS, loadNlpcc } from '../src/sentiment/index.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' } } });

const table = simplifiedTable();
const traditionalOf = new Map<number, number>();
for (let c = 0; c < 0x10000; c++) {
  const s = table[c] as number;
  if (s !== c && !traditionalOf.has(s)) traditionalOf.set(s, c);
}
const traditional = (text: string) =>
  Array.from(text, (ch) => String.fromCharCode(traditionalOf.get(ch.charCodeAt(0)) ?? ch.charCodeAt(0))).join(
    '',
  );

function analyze(docs: Omit<TextInput, 'id'>[]) {
  const out = [];
  for (let i = 0; i < docs.length; i += 256)
    out.push(...analyzeTexts(docs.slice(i, i + 256).map((d, k) => ({ id: String(i + k), ...d }))));
  return out;
}

const headlines = loadToutiao(values.data).filter((r) => isHeldOut(r.text));
const posts = loadNlpcc(values.data).heldOut;
const pct = (right: number, n: number) => `${((100 * right) / n).toFixed(1)} %`;
for (const [script, write] of [
  ['as written', (t: string) => t],
  ['in traditional script', traditional],
] as const) {
  const categories = analyze(headlines.map((r) => ({ title: write(r.text), content: '' })));
  const right = categories.filter((a, i) => a.category === headlines[i]?.label).length;
  const sentiments = analyze(posts.map((r) => ({ title: '', content: write(r.text) })));
  const agree = sentiments.filter((a, i) => a.sentiment.label === LABELS[posts[i]?.label ?? -1]).length;
  console.log(
    `${script}: toutiao held-out category ${pct(right, headlines.length)} (n=${headlines.length}), ` +
      `NLPCC held-out sentiment 3-class ${pct(agree, posts.length)} (n=${posts.length})`,
  );
}
