/**
 * How often the division names that `regionMentions` takes fall inside a place or organisation
 * that people marked, in the NER sets of ../shared/data (MSRA, Weibo NER train and dev, CLUENER):
 *   cd /work/main && npx tsx analyzer/scripts/audit-region-names.ts [--words]
 * A name outside every marked span is mostly a word (大关, 北京时间), a person or a title; the
 * sets also leave some real places unmarked (CLUENER: 深圳楼市), so the share is a lower bound.
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

/** Tag ids from 3 on are LOC and ORG (`TAGS`). */
const FIRST_PLACE_OR_ORG_TAG = 3;
const gazetteer = getGazetteer();
const byShortName = new Map<string, { inside: number; outside: number; examples: string[] }>();

for (const [name, sentences] of Object.entries(sets)) {
  const counts = { short: { inside: 0, outside: 0 }, full: { inside: 0, outside: 0 } };
  for (const { text, tags } of sentences) {
    const found = scanRegionNames(text, gazetteer);
    if (found.length === 0) continue;
    const tagged = tagWords(text);
    const { persons } = findEntities(text, { tagged, regionNames: found });
    const fullNameAt = new Set(found.filter((f) => f.entries.some((e) => !e.short)).map((f) => f.start));
    for (const m of regionMentions(text, { found, tagged, persons, gazetteer })) {
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
}

if (values.words) {
  const words = [...byShortName].filter(([, s]) => s.outside >= 2 && s.inside <= s.outside);
  for (const [word, s] of words.sort((a, b) => b[1].outside - a[1].outside))
    console.log(`${word}\tinside ${s.inside}\toutside ${s.outside}\t${s.examples.join(' | ')}`);
}
