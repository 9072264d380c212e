import { readFileSync } from 'node:fs';

/**
 * The three-level triage taxonomy of the 问政 message board (15 level-1 classes, 517 rows), shipped
 * in `dict/taxonomy-3level.tsv` (source: 2020 泰迪杯 C题 附件1; see MAILBOX.md).
 */
const TAXONOMY_FILE = new URL('../../dict/taxonomy-3level.tsv', import.meta.url);

export interface TaxonomyRow {
  level1: string;
  level2: string;
  level3: string;
}

export interface Taxonomy {
  /** The level-1 classes in file order. */
  level1: readonly string[];
  rows: readonly TaxonomyRow[];
}

let cached: Taxonomy | undefined;

export function parseTaxonomy(text: string): Taxonomy {
  const rows: TaxonomyRow[] = [];
  const level1: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (i === 0 || !line.trim()) continue;
    const [a, b, c] = line.split('\t').map((s) => s.trim());
    if (!a || !b || !c) throw new Error(`taxonomy line ${i + 1}: expected level1, level2, level3`);
    rows.push({ level1: a, level2: b, level3: c });
    if (!level1.includes(a)) level1.push(a);
  }
  return { level1, rows };
}

export function getTaxonomy(): Taxonomy {
  cached ??= parseTaxonomy(readFileSync(TAXONOMY_FILE, 'utf8'));
  return cached;
}

export function isLevel1(name: string): boolean {
  return getTaxonomy().level1.includes(name);
}
