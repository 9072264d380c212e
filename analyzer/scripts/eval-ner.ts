/**
 * Scores the entity finders on real NER data written by others (../shared/data/ner):
 *   cd /work/main && npx tsx analyzer/scripts/eval-ner.ts [--errors] [--model path]
 * Held-out sets only (the tagger never trains on them): Weibo NER dev (social media) and one MSRA
 * sentence in twenty by text hash (news; `isMsraHeldOut`). Named mentions only; places = LOC + GPE.
 * Each set is scored twice: the rules alone (`findEntitiesByRules`) and `findEntities` (the tagger).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Entities, findEntities, findEntitiesByRules } from '../src/entities/index.ts';
import { isMsraHeldOut, NER_FILES, readBioTagged } from '../src/entities/ner-data.ts';
import { formatScores, type NerSentence, scoreNer, toNerSentence } from '../src/entities/ner-eval.ts';
import { NerModel } from '../src/entities/ner-model.ts';
import { nerSpans } from '../src/entities/ner-tagger.ts';
import { getGazetteer } from '../src/regions/index.ts';
import { tagWords } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data') },
    errors: { type: 'boolean', default: false },
    model: { type: 'string' },
    'every-clause': { type: 'boolean', default: false },
  },
});

const file = (f: string) => {
  const path = resolve(values.data, f);
  if (!existsSync(path)) throw new Error(`missing ${path}: the shared data pack (../shared/data) is needed`);
  return path;
};

const sets: Array<{ name: string; sentences: NerSentence[] }> = [
  {
    name: 'weibo dev',
    sentences: readBioTagged(file(NER_FILES.weiboDev), { positionDigit: true }).map(toNerSentence),
  },
  {
    name: 'msra held-out (1/20 by hash)',
    sentences: readBioTagged(file(NER_FILES.msra))
      .filter((s) => isMsraHeldOut(s.text))
      .map(toNerSentence),
  },
];

// Another model than the committed one (e.g. a --validation experiment written elsewhere).
const model = values.model ? NerModel.load(values.model) : undefined;
const tagger = model
  ? (text: string): Entities => {
      const spans = nerSpans(text, tagWords(text), getGazetteer(), {
        model,
        everyClause: values['every-clause'],
      });
      const pick = (type: string) =>
        spans.filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));
      return { persons: pick('PER'), places: pick('LOC'), orgs: pick('ORG') };
    }
  : (text: string) => findEntities(text, { everyClause: values['every-clause'] });
const finders = [
  { name: 'rules', find: (text: string) => findEntitiesByRules(text) },
  { name: 'tagger', find: tagger },
];

tagger('预热：加载模型和词典'); // load the model and jieba before timing
for (const set of sets) {
  for (const finder of finders) {
    const started = performance.now();
    const scores = scoreNer(set.sentences, finder.find);
    const seconds = (performance.now() - started) / 1000;
    const chars = set.sentences.reduce((n, s) => n + s.text.length, 0);
    const speed = `${Math.round(set.sentences.length / seconds)} sentences/s, ${Math.round(chars / seconds / 1000)}k chars/s`;
    console.log(
      formatScores(`${set.name} — ${finder.name}: ${set.sentences.length} sentences, ${speed}`, scores),
    );
  }
  if (values.errors) printErrors(set.sentences.slice(0, 300), tagger);
}

function printErrors(sentences: NerSentence[], find: (text: string) => Entities) {
  for (const s of sentences) {
    const f = find(s.text);
    const diff = (type: 'PER' | 'LOC' | 'ORG', got: string[]) => {
      const extra = got.filter((x) => !s.gold[type].includes(x));
      const missed = s.gold[type].filter((x) => !got.includes(x));
      return extra.length + missed.length ? `${type}+${extra.join(',')} ${type}-${missed.join(',')} ` : '';
    };
    const line = diff('PER', f.persons) + diff('LOC', f.places) + diff('ORG', f.orgs);
    if (line) console.log(`    ${line}| ${s.text.slice(0, 90)}`);
  }
}
