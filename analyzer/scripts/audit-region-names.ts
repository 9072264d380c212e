/**
 * How often the division names that `regionMentions` takes fall inside a place or organisation
 * that people marked, in the NER sets of ../shared/data (MSRA, Weibo NER train and dev, CLUENER):
 *   cd /work/main && npx tsx analyzer/scripts/audit-region-names.ts [--words]
 * A name outside every marked span is mostly a word (大关, 北京时间), a person or a title; the
 * sets also leave some real places unmarked (CLUENER: 深圳楼市), so the share is a lower bound.
 * It also counts the marked places whose text is a division's name that are taken (a name of
 * NOT_REGION_WORDS, such as 长江 or 旧金山, is none; 上海 of 上海市区 is taken as 上海市, a longer span).
 * `--words` lists the short names that were at least twice outside and no more often inside: the
 * candidates for `NEEDS_CONTEXT` (short-names.ts), to be read before any is added.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findEntities } from '../src/entities/index.ts';
import { NER_FILES, readBioTagged, readClueNer, type TaggedSentence } from '../src/entities/ner-data.ts';
import { getGazetteer, regionMentions, scanRegionNames } from '../src/regions/index.ts';
import { tagWords } from '../src/text/segment.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data') },
    words: { type: 'boolean', default: false },
  },
});

const file = (f: string) => {
  const path = resolve(values.data, f);
  if (!existsSync(path)) throw new Error(`missing ${path}: the shared data pack (../shared/data) is needed`);
  return path;
};

const sets: Record<string, TaggedSentence[]> = {
  MSRA: readBioTagged(file(NER_FILES.msra)),
  'Weibo NER': [NER_FILES.weiboTrain, NER_FILES.weiboDev].flatMap((f) =>
    readBioTagged(file(f), { positionDigit: true }),
  ),
  CLUENER: readClueNer(file(NER_FILES.clue), {
    address: 'LOC',
    scene: 'LOC',
    government: 'ORG',
    organization: 'ORG',
    company: 'ORG',
    name: 'PER',
  }),
};

/** Tag ids from 3 on are LOC and ORG (`TAGS`); 3 begins a place, 4 continues it. */
const FIRST_PLACE_OR_ORG_TAG = 3;
const B_LOC = 3;
const I_LOC = 4;

/** The marked places of a sentence whose text is a division's name, as [start, end). */
function markedDivisions({ text, tags }: TaggedSentence): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== B_LOC) continue;
    let end = i + 1;
    while (tags[end] === I_LOC) end++;
    if ((gazetteer.byName.get(text.slice(i, end))?.length ?? 0) > 0) spans.push([i, end]);
  }
  return spans;
}
const gazetteer = getGazetteer();
const byShortName = new Map<string, { inside: number; outside: number; examples: string[] }>();

for (const [name, sentences] of Object.entries(sets)) {
  const counts = { short: { inside: 0, outside: 0 }, full: { inside: 0, outside: 0 } };
  const marked = { all: 0, taken: 0 };
  for (const sentence of sentences) {
    const { text, tags } = sentence;
    const divisions = markedDivisions(sentence);
    marked.all += divisions.length;
    const found = scanRegionNames(text, gazetteer);
    if (found.length === 0) continue;
    const tagged = tagWords(text);
    const { persons } = findEntities(text, { tagged, regionNames: found });
    const fullNameAt = new Set(found.filter((f) => f.entries.some((e) => !e.short)).map((f) => f.start));
    const mentions = regionMentions(text, { tagged, persons, gazetteer });
    for (const [start, end] of divisions) {
      if (mentions.some((m) => m.start === start && m.end === end)) marked.taken++;
    }
    for (const m of mentions) {
      const inside = tags.subarray(m.start, m.end).every((t) => t >= FIRST_PLACE_OR_ORG_TAG);
      const kind = fullNameAt.has(m.start) ? 'full' : 'short';
      counts[kind][inside ? 'inside' : 'outside']++;
      if (kind === 'full') continue;
      const word = text.slice(m.start, m.end);
      const seen = byShortName.get(word) ?? { inside: 0, outside: 0, examples: [] };
      if (inside) seen.inside++;
      else {
        seen.outside++;
        if (seen.examples.length < 3) seen.examples.push(text.slice(Math.max(0, m.start - 8), m.end + 8));
      }
      byShortName.set(word, seen);
    }
  }
  const share = ({ inside, outside }: { inside: number; outside: number }) =>
    `${inside} of ${inside + outside} inside (${((100 * inside) / (inside + outside)).toFixed(1)} %)`;
  console.log(`${name}: short names ${share(counts.short)}; full names ${share(counts.full)}`);
  const taken = ((100 * marked.taken) / Math.max(1, marked.all)).toFixed(1);
  console.log(
    `  marked places that are a division's name, taken as one: ${marked.taken} of ${marked.all} (${taken} %)`,
  );
}

if (values.words) {
  const words = [...byShortName].filter(([, s]) => s.outside >= 2 && s.inside <= s.outside);
  for (const [word, s] of words.sort((a, b) => b[1].outside - a[1].outside))
    console.log(`${word}\tinside ${s.inside}\toutside ${s.outside}\t${s.examples.join(' | ')}`);
}
