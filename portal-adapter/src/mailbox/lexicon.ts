import { readFileSync } from 'node:fs';
import { segment } from '@yuqing/analyzer';
import { getTaxonomy, type Taxonomy, type TaxonomyRow } from './taxonomy.ts';
import { upsert } from './util.ts';

const LEXICON_FILE = new URL('../../dict/mailbox-lexicon.txt', import.meta.url);

/** A matchable term with its weight per level-1 class, and the taxonomy rows it names (for level 2/3). */
export interface LexiconTerm {
  term: string;
  weights: Map<string, number>;
  rows: TaxonomyRow[];
}

export interface Lexicon {
  classes: readonly string[];
  terms: Map<string, LexiconTerm>;
}

/** Words of taxonomy names that say nothing about the class on their own. */
const GENERIC = new Set(
  '其他 管理 问题 建设 政策 服务 工作 待遇 纠纷 人员 发展 规划 监管 体制 改革 事务 行业 安全 工程 处理 使用 资金 设计 方案 执行 申请 决定 保护 补偿 人员待遇 其他补贴 职工 经营 质量 标准 市场 资源'.split(
    ' ',
  ),
);

const CURATED_WEIGHT_DEFAULT = 2;
/** Taxonomy-derived words are weaker than curated ones: many are bureaucratic, not how citizens write. */
const TAXONOMY_WORD_WEIGHT = 1;
const TAXONOMY_NAME_WEIGHT = 2;

/** Parses the curated lexicon (`@类名` sections; `term[:weight]` separated by spaces). */
export function parseCuratedLexicon(
  text: string,
  classes: readonly string[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  let current: string | undefined;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      current = line.slice(1).trim();
      if (!classes.includes(current)) throw new Error(`lexicon line ${i + 1}: unknown class ${current}`);
      continue;
    }
    if (!current) throw new Error(`lexicon line ${i + 1}: terms before any @class`);
    for (const item of line.split(/\s+/)) {
      const [term, w] = item.split(':');
      const weight = w === undefined ? CURATED_WEIGHT_DEFAULT : Number(w);
      if (!term || !Number.isFinite(weight)) throw new Error(`lexicon line ${i + 1}: bad term ${item}`);
      const m = upsert(out, term, () => new Map<string, number>());
      m.set(current, Math.max(m.get(current) ?? 0, weight));
    }
  }
  return out;
}

function add(terms: Map<string, LexiconTerm>, term: string, cls: string, weight: number, row?: TaxonomyRow) {
  const t = upsert(terms, term, (): LexiconTerm => ({ term, weights: new Map(), rows: [] }));
  if ((t.weights.get(cls) ?? 0) < weight) t.weights.set(cls, weight);
  if (row && !t.rows.includes(row)) t.rows.push(row);
}

/**
 * Curated words plus the taxonomy's own level-2/3 names and their words. A taxonomy word used by
 * three or more level-1 classes is dropped as unspecific; curated weights win over derived ones.
 */
export function buildLexicon(taxonomy: Taxonomy = getTaxonomy(), curatedText?: string): Lexicon {
  const curated = parseCuratedLexicon(curatedText ?? readFileSync(LEXICON_FILE, 'utf8'), taxonomy.level1);
  const terms = new Map<string, LexiconTerm>();
  const wordClasses = new Map<string, Set<string>>();
  const wordRows = new Map<string, TaxonomyRow[]>();
  for (const row of taxonomy.rows) {
    for (const name of [row.level2, row.level3]) {
      if (name === '其他' || name === row.level1) continue;
      for (const part of name.split(/[、和及与]/)) {
        if (part.length >= 2 && !GENERIC.has(part)) add(terms, part, row.level1, TAXONOMY_NAME_WEIGHT, row);
      }
      for (const w of segment(name)) {
        if (w.length < 2 || GENERIC.has(w)) continue;
        const s = upsert(wordClasses, w, () => new Set<string>());
        s.add(row.level1);
        const r = upsert(wordRows, w, (): TaxonomyRow[] => []);
        r.push(row);
      }
    }
  }
  for (const [w, classes] of wordClasses) {
    if (classes.size >= 3) continue;
    for (const row of wordRows.get(w) ?? []) add(terms, w, row.level1, TAXONOMY_WORD_WEIGHT, row);
  }
  // Curated weights replace derived ones for the same term and class.
  for (const [term, weights] of curated) {
    const t = upsert(terms, term, (): LexiconTerm => ({ term, weights: new Map(), rows: [] }));
    for (const [cls, w] of weights) t.weights.set(cls, w);
  }
  return { classes: taxonomy.level1, terms };
}

let cached: Lexicon | undefined;
export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
