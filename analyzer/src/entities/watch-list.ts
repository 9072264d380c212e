import { AhoCorasick } from '../sensitivity/aho-corasick.ts';
import type { WatchedPerson } from './find-entities.ts';

/** Where the watch list's names and aliases occur in a text, and whom they name. */
export function watchHits(text: string, list: WatchedPerson[] | undefined) {
  const names: string[] = [];
  const spans: Array<[number, number]> = [];
  if (list?.length) {
    const { ac, canonical } = watchAutomaton(list);
    ac.scan(text, (id, start, end) => {
      names.push(canonical[id] as string);
      spans.push([start, end]);
    });
  }
  return { names, spans };
}

const watchCache = new WeakMap<WatchedPerson[], { ac: AhoCorasick; canonical: string[] }>();

function watchAutomaton(list: WatchedPerson[]) {
  let cached = watchCache.get(list);
  if (!cached) {
    const names: string[] = [];
    const canonical: string[] = [];
    for (const p of list) {
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        if (n.trim().length >= 2) {
          names.push(n.trim());
          canonical.push(p.name);
        }
      }
    }
    cached = { ac: new AhoCorasick(names), canonical };
    watchCache.set(list, cached);
  }
  return cached;
}
