/**
 * How well the sensitivity rules find the categories of real Weibo posts labelled by hand
 * (`sensitivity-posts.tsv`: CED source posts, a dev and a test split), and how many ordinary posts
 * they flag (NLPCC 2013 Weibo posts and waimai reviews, which are rarely about incidents).
 *   npx tsx analyzer/scripts/eval-sensitivity.ts [--data ../shared/data] [--rules file.yaml]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sensitivityMatcher } from '../src/analyze-text.ts';
import {
  type Counts,
  compileRules,
  labelledPosts,
  prf,
  SensitivityMatcher,
  scoreDetection,
} from '../src/sensitivity/index.ts';

const { values } = parseArgs({
  options: { data: { type: 'string', default: '../shared/data' }, rules: { type: 'string' } },
});
const data = values.data;
const matcher = values.rules
  ? new SensitivityMatcher(compileRules(readFileSync(values.rules, 'utf8')))
  : sensitivityMatcher().matcher;

const pct = (x: number) => (100 * x).toFixed(1);
const line = (c: Counts) => {
  const { precision, recall, f1 } = prf(c);
  return `P ${pct(precision)} R ${pct(recall)} F1 ${pct(f1)} (${c.truePositive} right, ${c.falsePositive} wrong, ${c.falseNegative} missed)`;
};
const posts = labelledPosts(data);
for (const split of ['dev', 'test'] as const) {
  const these = posts.filter((p) => p.split === split);
  const scores = scoreDetection(matcher, these);
  console.log(
    `${split} (${these.length} CED posts, ${these.filter((p) => p.categories.length > 0).length} sensitive):`,
  );
  console.log(`  sensitive posts:       ${line(scores.posts)}`);
  console.log(`  categories (micro):    ${line(scores.categories)}`);
  for (const [id, c] of [...scores.byCategory].sort((a, b) => a[0].localeCompare(b[0])))
    console.log(`    ${id.padEnd(18)} ${line(c)}`);
}

const ordinary = [
  ...readFileSync(join(data, 'sentiment/nlpcc2013_weibo_emotion/nlpcc2013_weibo_emotion.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[2] ?? ''),
  ...readFileSync(join(data, 'sentiment/waimai_10k/waimai_10k.csv'), 'utf8').split('\n').slice(1),
].filter((t) => t.trim() !== '');
const flagged = ordinary.filter(
  (t) => matcher.match(t, { negativity: 0, authority: 0 }).categories.length > 0,
);
console.log(
  `ordinary posts and reviews flagged: ${flagged.length} of ${ordinary.length} (${pct(flagged.length / ordinary.length)} %)`,
);
