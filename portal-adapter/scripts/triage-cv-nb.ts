/**
 * An experiment kept for the record (MAILBOX.md): does a naive Bayes fitted on the 100 labelled
 * dev letters, added to the lexicon score with weight λ, help? 5-fold cross-validation, so the
 * letters scored are never those the Bayes model was fitted on. Nothing of this is shipped.
 *
 *   npx tsx portal-adapter/scripts/triage-cv-nb.ts [labelled.tsv]
 */
import { readFileSync } from 'node:fs';
import { segment } from '@yuqing/analyzer';
import { classifyLetter } from '../src/mailbox/classify-letter.ts';
import { scoreClassification } from '../src/mailbox/metrics.ts';
import { upsert } from '../src/mailbox/util.ts';

const DEFAULT = new URL(
  '../../../shared/data/gov/tipdm2020_messages/messages_labeled_level1_dev.tsv',
  import.meta.url,
).pathname;
const FOLDS = 5;
const file = process.argv[2] ?? DEFAULT;
const data = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const c = l.split('\t');
    return { title: c[2] ?? '', content: c[4] ?? '', label: c[5] ?? '' };
  });
const tokens = data.map((d) => new Set(segment(`${d.title} ${d.content}`).filter((t) => t.length > 1)));
const lexicon = data.map(
  (d) => new Map(classifyLetter(d.title, d.content).ranking.map((r) => [r.category, r.score])),
);
const fold = data.map((_, i) => (i * 7919) % FOLDS); // fixed, label-blind assignment

function naiveBayes(train: number[]) {
  const docs = new Map<string, number>();
  const df = new Map<string, Map<string, number>>();
  const vocab = new Set<string>();
  for (const i of train) {
    const label = (data[i] as { label: string }).label;
    docs.set(label, (docs.get(label) ?? 0) + 1);
    const m = upsert(df, label, () => new Map<string, number>());
    for (const t of tokens[i] as Set<string>) {
      m.set(t, (m.get(t) ?? 0) + 1);
      vocab.add(t);
    }
  }
  /** log P(class | letter), normalised (Bernoulli-style counts over present words). */
  return (words: Set<string>): Map<string, number> => {
    const raw = new Map<string, number>();
    for (const [label, n] of docs) {
      const m = df.get(label) as Map<string, number>;
      let s = Math.log(n / train.length);
      for (const t of words) if (vocab.has(t)) s += Math.log(((m.get(t) ?? 0) + 0.5) / (n + 1));
      raw.set(label, s);
    }
    const max = Math.max(...raw.values());
    const z = Math.log([...raw.values()].reduce((a, v) => a + Math.exp(v - max), 0)) + max;
    return new Map([...raw].map(([k, v]) => [k, v - z]));
  };
}

const truth = data.map((d) => d.label);
for (const lambda of [0, 0.5, 1, 2]) {
  const predicted: string[] = new Array(data.length).fill('');
  for (let f = 0; f < FOLDS; f++) {
    const nb = naiveBayes(data.map((_, i) => i).filter((i) => fold[i] !== f));
    data.forEach((_, i) => {
      if (fold[i] !== f) return;
      const post = nb(tokens[i] as Set<string>);
      const lex = lexicon[i] as Map<string, number>;
      let best = '';
      let bestScore = Number.NEGATIVE_INFINITY;
      for (const c of new Set([...lex.keys(), ...post.keys()])) {
        const s = (lex.get(c) ?? 0) + lambda * (post.get(c) ?? -20);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      predicted[i] = best;
    });
  }
  const figures = scoreClassification(truth, predicted);
  console.log(
    `λ=${lambda}: ${FOLDS}-fold accuracy ${(100 * figures.accuracy).toFixed(1)}%, macro-F1 ${(100 * figures.macroF1).toFixed(1)}%`,
  );
}
