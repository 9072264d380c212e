/**
 * Scores the level-1 mailbox classifier on labelled citizen messages (TSV with a header; columns
 * message_id, user, title, time, detail, level1_label). Default: the dev set in ../shared/data.
 *
 *   npx tsx portal-adapter/scripts/eval-triage.ts [labelled.tsv] [--errors] [--taxonomy-only]
 */
import { readFileSync } from 'node:fs';
import { classifyLetter } from '../src/mailbox/classify-letter.ts';
import { buildLexicon, getLexicon } from '../src/mailbox/lexicon.ts';
import { formatFigures, scoreClassification } from '../src/mailbox/metrics.ts';

const DEFAULT = new URL(
  '../../../shared/data/gov/tipdm2020_messages/messages_labeled_level1_dev.tsv',
  import.meta.url,
).pathname;

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? DEFAULT;
const showErrors = args.includes('--errors');
/** `--taxonomy-only`: the taxonomy's own words without the curated vocabulary (an ablation). */
const lexicon = args.includes('--taxonomy-only') ? buildLexicon(undefined, '') : getLexicon();

const lines = readFileSync(file, 'utf8').split('\n');
const header = (lines[0] ?? '').split('\t');
const col = (name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file}: no column ${name}`);
  return i;
};
const [iTitle, iDetail, iLabel] = [col('title'), col('detail'), col('level1_label')];
const truth: string[] = [];
const predicted: string[] = [];
const started = performance.now();
for (const line of lines.slice(1)) {
  if (!line.trim()) continue;
  const cells = line.split('\t');
  const label = cells[iLabel]?.trim() ?? '';
  const r = classifyLetter(cells[iTitle] ?? '', cells[iDetail] ?? '', lexicon);
  truth.push(label);
  predicted.push(r.category);
  if (showErrors && r.category !== label)
    console.log(
      `✗ ${label} → ${r.category}  ${cells[iTitle]}  [${r.ranking
        .slice(0, 3)
        .map((c) => `${c.category}:${c.score}:${c.terms.slice(0, 4).join(',')}`)
        .join(' | ')}]`,
    );
}
const ms = performance.now() - started;
console.log(`file: ${file}`);
console.log(formatFigures(scoreClassification(truth, predicted)));
console.log(`${(ms / truth.length).toFixed(2)} ms per letter (lexicon build included)`);
