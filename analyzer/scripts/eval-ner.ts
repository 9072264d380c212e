/**
 * Scores the entity finder on real NER data written by others (../shared/data/ner):
 *   cd /work/main && npx tsx analyzer/scripts/eval-ner.ts [--errors]
 * Weibo (social media; dev split, and the train split as a second check since nothing is trained
 * on it) and a sample of MSRA (news: every 20th sentence). Named mentions only; places = LOC + GPE.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findEntities } from '../src/entities/index.ts';
import { type NerScore, readBio, scoreNer } from '../src/entities/ner-eval.ts';

const DATA = resolve(import.meta.dirname, '../../../shared/data/ner');
const showErrors = process.argv.includes('--errors');

const sets = [
  { name: 'weibo dev', file: 'weibo/weiboNER_2nd_conll.dev', positionDigit: true, every: 1 },
  { name: 'weibo train', file: 'weibo/weiboNER_2nd_conll.train', positionDigit: true, every: 1 },
  { name: 'msra sample (1/20)', file: 'msra/dh_msra_char_bio.txt', positionDigit: false, every: 20 },
];

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (s: NerScore) =>
  `  ${s.type}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`;

for (const set of sets) {
  const path = resolve(DATA, set.file);
  if (!existsSync(path)) throw new Error(`missing ${path}: the shared data pack is needed (../shared/data)`);
  const sentences = readBio(path, { positionDigit: set.positionDigit }).filter((_, i) => i % set.every === 0);
  const started = performance.now();
  const scores = scoreNer(sentences, (text) => findEntities(text));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${set.name}: ${sentences.length} sentences, ${Math.round(sentences.length / seconds)} sentences/s`,
  );
  for (const s of scores) console.log(row(s));
  if (showErrors && set.name !== 'weibo dev') {
    for (const s of sentences.slice(0, 400)) {
      const f = findEntities(s.text);
      const fp = f.persons.filter((p) => !s.gold.PER.includes(p));
      const fn = s.gold.PER.filter((p) => !f.persons.includes(p));
      const lfp = f.places.filter((p) => !s.gold.LOC.includes(p));
      const lfn = s.gold.LOC.filter((p) => !f.places.includes(p));
      if (fp.length + fn.length + lfp.length + lfn.length) {
        console.log(
          `    PER+${fp.join(',')} PER-${fn.join(',')} LOC+${lfp.join(',')} LOC-${lfn.join(',')} | ${s.text.slice(0, 80)}`,
        );
      }
    }
  }
}
